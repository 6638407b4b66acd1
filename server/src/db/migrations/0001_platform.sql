-- Platform: tenancy root (congresses, jurisdictions), accounts and access, sessions, tokens,
-- the audit trail, jobs, idempotency, notifications, files and the working-day calendar.
-- Every table carries congress_id, the tenancy and future distribution key.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE congresses (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL,
  jurisdiction_id uuid,
  parent_congress_id uuid REFERENCES congresses(id),
  name text NOT NULL,
  name_en text NOT NULL DEFAULT '',
  level text NOT NULL CHECK (level IN ('national', 'province', 'city', 'district', 'township')),
  has_standing_committee boolean NOT NULL DEFAULT true,
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (congress_id = id)
);

CREATE TABLE jurisdictions (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  parent_id uuid REFERENCES jurisdictions(id),
  level text NOT NULL CHECK (level IN ('province', 'city', 'district', 'street', 'community')),
  name text NOT NULL,
  name_en text NOT NULL DEFAULT '',
  code text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jurisdictions_congress_level_idx ON jurisdictions (congress_id, level, name);
CREATE INDEX jurisdictions_parent_idx ON jurisdictions (parent_id);
ALTER TABLE congresses ADD CONSTRAINT congresses_jurisdiction_fk
  FOREIGN KEY (jurisdiction_id) REFERENCES jurisdictions(id) DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE accounts (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  username text NOT NULL,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  totp_secret_enc text,
  totp_enabled boolean NOT NULL DEFAULT false,
  deputy_id uuid,
  handling_unit_id uuid,
  phone_enc text,
  phone_index text,
  email text,
  locale text NOT NULL DEFAULT 'zh-CN',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_username_idx ON accounts (lower(username));
CREATE INDEX accounts_congress_idx ON accounts (congress_id, display_name);
CREATE INDEX accounts_phone_index_idx ON accounts (congress_id, phone_index);

CREATE TABLE account_roles (
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('citizen', 'deputy', 'liaisonStaff', 'handlingUnitStaff', 'congressStaff',
    'leader', 'systemAdmin', 'securityAdmin', 'auditor')),
  congress_id uuid NOT NULL REFERENCES congresses(id),
  granted_by uuid,
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, role)
);
-- 三员分立: at most one of the three administrator roles per account.
CREATE UNIQUE INDEX account_roles_one_admin_idx ON account_roles (account_id)
  WHERE role IN ('systemAdmin', 'securityAdmin', 'auditor');

CREATE TABLE sessions (
  id text PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  restricted boolean NOT NULL DEFAULT false,
  ip text NOT NULL DEFAULT '',
  user_agent text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_account_idx ON sessions (account_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_account_idx ON api_tokens (account_id);

-- The audit trail. Rows are written in the transaction of the change they record, with a keyed
-- SM3 hash of their content. A sealing job later chains them per congress (chain_seq, chain_hash),
-- so writers never wait on one another for a chain head.
CREATE TABLE audit_events (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  account_id uuid,
  role text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  before jsonb,
  after jsonb,
  ip text,
  request_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  row_hash text NOT NULL,
  chain_seq bigint,
  chain_hash text,
  UNIQUE (congress_id, chain_seq)
);
CREATE INDEX audit_events_congress_created_idx ON audit_events (congress_id, created_at DESC, id DESC);
CREATE INDEX audit_events_entity_idx ON audit_events (congress_id, entity_type, entity_id);
CREATE INDEX audit_events_unsealed_idx ON audit_events (congress_id, id) WHERE chain_seq IS NULL;

CREATE TABLE audit_chain_heads (
  congress_id uuid PRIMARY KEY REFERENCES congresses(id),
  chain_seq bigint NOT NULL,
  chain_hash text NOT NULL,
  sealed_at timestamptz NOT NULL DEFAULT now()
);

-- Append-only: no delete; an update may only seal an unsealed row, never change its content.
CREATE FUNCTION audit_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_events is append-only';
  END IF;
  IF OLD.chain_seq IS NOT NULL
     OR (NEW.id, NEW.congress_id, NEW.account_id, NEW.role, NEW.action, NEW.entity_type, NEW.entity_id,
         NEW.before, NEW.after, NEW.ip, NEW.request_id, NEW.created_at, NEW.row_hash)
        IS DISTINCT FROM
        (OLD.id, OLD.congress_id, OLD.account_id, OLD.role, OLD.action, OLD.entity_type, OLD.entity_id,
         OLD.before, OLD.after, OLD.ip, OLD.request_id, OLD.created_at, OLD.row_hash) THEN
    RAISE EXCEPTION 'audit_events is append-only';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_guard();

-- The job queue (outbox): enqueued in the transaction of the change, run after commit,
-- claimed with FOR UPDATE SKIP LOCKED so several instances share it.
CREATE TABLE jobs (
  id uuid PRIMARY KEY,
  congress_id uuid REFERENCES congresses(id),
  name text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed')),
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  locked_until timestamptz,
  last_error text,
  dedupe_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE status IN ('pending', 'running');

CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  congress_id uuid REFERENCES congresses(id),
  request_hash text NOT NULL,
  status_code integer,
  response_body text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);

CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  kind text NOT NULL,
  title jsonb NOT NULL,
  body jsonb NOT NULL,
  link text,
  read_at timestamptz,
  delivered_channels text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_inbox_idx ON notifications (account_id, created_at DESC, id DESC);

CREATE TABLE notification_preferences (
  account_id uuid PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  email boolean NOT NULL DEFAULT true,
  sms boolean NOT NULL DEFAULT false,
  daily_digest boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE files (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  storage_key text NOT NULL,
  mime_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  original_name text NOT NULL DEFAULT '',
  purpose text NOT NULL,
  uploaded_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX files_congress_idx ON files (congress_id, created_at DESC);

CREATE TABLE calendar_days (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name text NOT NULL DEFAULT '',
  PRIMARY KEY (congress_id, date)
);
