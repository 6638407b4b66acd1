-- Citizens' opinions (群众意见) and liaison-place receptions (接待): intake, triage, routing to handling units,
-- replies, ratings; the timeline; abuse protection; the routing table. Issue 3.

CREATE TABLE receptions (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL,
  liaison_place_id uuid NOT NULL,
  street_id uuid NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  topic text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'scheduled',
  people_received integer,
  notes text NOT NULL DEFAULT '',
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX receptions_place_idx ON receptions (congress_id, liaison_place_id, starts_at);
CREATE INDEX receptions_street_idx ON receptions (congress_id, street_id, starts_at);

CREATE TABLE reception_deputies (
  congress_id uuid NOT NULL,
  reception_id uuid NOT NULL REFERENCES receptions (id),
  deputy_id uuid NOT NULL,
  checked_in_at timestamptz,
  PRIMARY KEY (reception_id, deputy_id)
);
CREATE INDEX reception_deputies_deputy_idx ON reception_deputies (congress_id, deputy_id);

CREATE TABLE opinions (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL,
  tracking_code text NOT NULL UNIQUE,
  content text NOT NULL,
  public_content text NOT NULL,
  category text NOT NULL,
  street_id uuid NOT NULL,
  community_id uuid,
  location text,
  latitude double precision,
  longitude double precision,
  channel text NOT NULL,
  deputy_id uuid,
  liaison_place_id uuid,
  reception_id uuid REFERENCES receptions (id),
  name_enc text,
  phone_enc text NOT NULL,
  phone_index text NOT NULL,
  phone_check text NOT NULL,
  is_public boolean NOT NULL DEFAULT false,
  hidden boolean NOT NULL DEFAULT false,
  hidden_reason text,
  status text NOT NULL DEFAULT 'submitted',
  claimed_by uuid,
  decision_note text,
  merged_into_id uuid,
  suggestion_id uuid,
  project_idea_id uuid,
  lead_unit_id uuid,
  assigned_at timestamptz,
  deadline_at timestamptz,
  hand_back_until timestamptz,
  reply_outcome text,
  reply_content text,
  replied_at timestamptz,
  verified_by uuid,
  rating text,
  rated_at timestamptz,
  reopen_count integer NOT NULL DEFAULT 0,
  closed_at timestamptz,
  search_text text NOT NULL DEFAULT '',
  search_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- The staff queue (newest first, keyset on (created_at, id)) with its usual filters.
CREATE INDEX opinions_queue_idx ON opinions (congress_id, created_at DESC, id DESC);
CREATE INDEX opinions_status_idx ON opinions (congress_id, status, created_at DESC, id DESC);
CREATE INDEX opinions_street_idx ON opinions (congress_id, street_id, status, created_at DESC, id DESC);
CREATE INDEX opinions_place_idx ON opinions (congress_id, liaison_place_id, created_at DESC, id DESC);
CREATE INDEX opinions_deadline_idx ON opinions (congress_id, deadline_at) WHERE status = 'forwarded';
CREATE INDEX opinions_phone_idx ON opinions (congress_id, phone_index);
CREATE INDEX opinions_reception_idx ON opinions (reception_id) WHERE reception_id IS NOT NULL;
CREATE INDEX opinions_suggestion_idx ON opinions (suggestion_id) WHERE suggestion_id IS NOT NULL;
CREATE INDEX opinions_search_idx ON opinions USING gin (search_tsv);
CREATE INDEX opinions_trgm_idx ON opinions USING gin (search_text gin_trgm_ops);

-- Which units an opinion is assigned to (lead and assisting). A unit's queue reads this table first.
CREATE TABLE opinion_assignments (
  congress_id uuid NOT NULL,
  opinion_id uuid NOT NULL REFERENCES opinions (id),
  unit_id uuid NOT NULL,
  role text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  assigned_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  end_reason text,
  PRIMARY KEY (opinion_id, unit_id, assigned_at)
);
CREATE INDEX opinion_assignments_unit_idx ON opinion_assignments (congress_id, unit_id, assigned_at DESC, opinion_id DESC) WHERE active;

-- The timeline: every step, with what the citizen may see marked public.
CREATE TABLE opinion_events (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL,
  opinion_id uuid NOT NULL REFERENCES opinions (id),
  kind text NOT NULL,
  is_public boolean NOT NULL DEFAULT true,
  note text,
  data jsonb NOT NULL DEFAULT '{}',
  account_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX opinion_events_opinion_idx ON opinion_events (opinion_id, created_at);

CREATE TABLE opinion_photos (
  congress_id uuid NOT NULL,
  opinion_id uuid NOT NULL REFERENCES opinions (id),
  file_id uuid NOT NULL UNIQUE,
  PRIMARY KEY (opinion_id, file_id)
);

-- The routing table: category × street (null = every street) → lead unit and assisting units.
CREATE TABLE opinion_routes (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL,
  category text NOT NULL,
  street_id uuid,
  lead_unit_id uuid NOT NULL,
  assisting_unit_ids uuid[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX opinion_routes_key ON opinion_routes (congress_id, category, coalesce(street_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- Abuse protection: a staff-managed block list (by blind index of the phone, or by IP) and database-backed
-- rate-limit counters, so the limit holds across instances.
CREATE TABLE opinion_blocks (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL,
  kind text NOT NULL,
  value_index text NOT NULL,
  reason text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX opinion_blocks_key ON opinion_blocks (congress_id, kind, value_index);

CREATE TABLE opinion_rate_counters (
  congress_id uuid NOT NULL,
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL DEFAULT 0,
  PRIMARY KEY (key, window_start)
);
