-- Deputies' suggestions (代表建议) and motions (议案): the handling lifecycle of 代表法 Art. 51–52.

CREATE TABLE suggestion_handling_cases (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  title text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE suggestions (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  term_id uuid,
  sitting_id uuid,
  number text,
  seq integer,
  proposer_deputy_id uuid NOT NULL,
  title text NOT NULL,
  content text NOT NULL,
  category text NOT NULL,
  search_text text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'awaitingCosigners', 'submitted', 'returnedForRevision', 'referredAsOpinion', 'accepted', 'assigned', 'handBackRequested', 'replied', 'rated', 'rehandling', 'followUp', 'closed', 'withdrawn')),
  submitted_at timestamptz,
  assign_due_at timestamptz,
  review_comment text NOT NULL DEFAULT '',
  review_checks jsonb,
  reviewed_at timestamptz,
  reviewed_by uuid,
  referral_reason text NOT NULL DEFAULT '',
  handling_case_id uuid REFERENCES suggestion_handling_cases(id),
  lead_unit_id uuid,
  assigned_at timestamptz,
  deadline timestamptz,
  hand_back_due_at timestamptz,
  extended boolean NOT NULL DEFAULT false,
  extension_reason text NOT NULL DEFAULT '',
  rehandling_round integer NOT NULL DEFAULT 0,
  reply_category text,
  replied_at timestamptz,
  rating text,
  follow_up_solved_at timestamptz,
  closed_at timestamptz,
  is_key boolean NOT NULL DEFAULT false,
  leader_account_id uuid,
  key_decided_by text,
  published boolean NOT NULL DEFAULT false,
  opinion_id uuid,
  motion_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (congress_id, number)
);
CREATE INDEX suggestions_list_idx ON suggestions (congress_id, status, id DESC);
CREATE INDEX suggestions_deadline_idx ON suggestions (congress_id, deadline) WHERE status IN ('assigned', 'handBackRequested', 'rehandling');
CREATE INDEX suggestions_proposer_idx ON suggestions (congress_id, proposer_deputy_id);
CREATE INDEX suggestions_sitting_idx ON suggestions (congress_id, sitting_id);
CREATE INDEX suggestions_case_idx ON suggestions (handling_case_id) WHERE handling_case_id IS NOT NULL;
CREATE INDEX suggestions_leader_idx ON suggestions (congress_id, leader_account_id) WHERE is_key;
CREATE INDEX suggestions_trgm_idx ON suggestions USING gin (search_text gin_trgm_ops);

-- Per-sitting (or between-sittings) numbering; the row is locked by the UPDATE, so numbers never repeat.
CREATE TABLE suggestion_counters (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  scope text NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (congress_id, scope)
);

CREATE TABLE suggestion_cosigners (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  suggestion_id uuid NOT NULL REFERENCES suggestions(id),
  deputy_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'declined')),
  decided_at timestamptz,
  PRIMARY KEY (suggestion_id, deputy_id)
);
CREATE INDEX suggestion_cosigners_deputy_idx ON suggestion_cosigners (congress_id, deputy_id);

CREATE TABLE suggestion_attachments (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  suggestion_id uuid NOT NULL REFERENCES suggestions(id),
  file_id uuid NOT NULL,
  PRIMARY KEY (suggestion_id, file_id)
);

CREATE TABLE suggestion_assignments (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  suggestion_id uuid NOT NULL REFERENCES suggestions(id),
  unit_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('lead', 'assisting')),
  assigned_at timestamptz NOT NULL,
  ended_at timestamptz,
  ended_reason text
);
CREATE INDEX suggestion_assignments_suggestion_idx ON suggestion_assignments (suggestion_id);
CREATE INDEX suggestion_assignments_unit_idx ON suggestion_assignments (congress_id, unit_id, suggestion_id) WHERE ended_at IS NULL;

CREATE TABLE suggestion_hand_backs (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  suggestion_id uuid NOT NULL REFERENCES suggestions(id),
  unit_id uuid NOT NULL,
  reason text NOT NULL,
  requested_by uuid,
  requested_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'disputed', 'reassigned', 'kept')),
  decision_comment text NOT NULL DEFAULT '',
  decided_by uuid,
  decided_at timestamptz
);
CREATE INDEX suggestion_hand_backs_idx ON suggestion_hand_backs (congress_id, status);

CREATE TABLE suggestion_contacts (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  suggestion_id uuid NOT NULL REFERENCES suggestions(id),
  unit_id uuid NOT NULL,
  method text NOT NULL CHECK (method IN ('phone', 'visit', 'meeting')),
  summary text NOT NULL,
  contacted_on date NOT NULL,
  round integer NOT NULL DEFAULT 0,
  account_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX suggestion_contacts_idx ON suggestion_contacts (suggestion_id);

CREATE TABLE suggestion_unit_opinions (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  suggestion_id uuid NOT NULL REFERENCES suggestions(id),
  unit_id uuid NOT NULL,
  content text NOT NULL,
  account_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX suggestion_unit_opinions_idx ON suggestion_unit_opinions (suggestion_id);

CREATE TABLE suggestion_replies (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  suggestion_id uuid NOT NULL REFERENCES suggestions(id),
  unit_id uuid NOT NULL,
  round integer NOT NULL,
  category text NOT NULL,
  content text NOT NULL,
  planned_by date,
  account_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (suggestion_id, round)
);

CREATE TABLE suggestion_ratings (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  suggestion_id uuid NOT NULL REFERENCES suggestions(id),
  reply_id uuid NOT NULL REFERENCES suggestion_replies(id),
  deputy_id uuid NOT NULL,
  rating text NOT NULL CHECK (rating IN ('satisfied', 'basicallySatisfied', 'dissatisfied')),
  comment text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (reply_id, deputy_id)
);
CREATE INDEX suggestion_ratings_idx ON suggestion_ratings (suggestion_id);

CREATE TABLE suggestion_supervisions (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  suggestion_id uuid NOT NULL REFERENCES suggestions(id),
  account_id uuid,
  kind text NOT NULL CHECK (kind IN ('meeting', 'siteVisit', 'progress')),
  note text NOT NULL,
  occurred_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX suggestion_supervisions_idx ON suggestion_supervisions (suggestion_id);

-- One row per reminder sent, so the daily job never sends the same reminder twice.
CREATE TABLE suggestion_reminders (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  suggestion_id uuid NOT NULL REFERENCES suggestions(id),
  kind text NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (suggestion_id, kind)
);

CREATE TABLE motions (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  term_id uuid,
  sitting_id uuid,
  number text,
  proposer_deputy_id uuid NOT NULL,
  title text NOT NULL,
  content text NOT NULL,
  category text NOT NULL,
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'onAgenda', 'handledAsSuggestion', 'withdrawn')),
  decision_body text,
  decision_note text NOT NULL DEFAULT '',
  decided_by uuid,
  decided_at timestamptz,
  suggestion_id uuid REFERENCES suggestions(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (congress_id, number)
);
CREATE INDEX motions_congress_idx ON motions (congress_id, id DESC);

CREATE TABLE motion_signers (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  motion_id uuid NOT NULL REFERENCES motions(id),
  deputy_id uuid NOT NULL,
  PRIMARY KEY (motion_id, deputy_id)
);
