-- Budget review before the sitting (issue 19): the draft before deputies (预算草案预先见代表, 预算法 Art. 45) as
-- consultation rounds by area with the invited deputies and voter representatives, their opinions per line or
-- topic and the finance department's feedback on each (Art. 22 ¶6–7: printed for the deputies); the preliminary
-- review's findings on the focus points of Art. 48 and the conclusion of the review report (Art. 49).

CREATE TABLE budget_consultation_rounds (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  budget_id uuid NOT NULL REFERENCES budgets(id),
  -- The area (片区) consulted, and the streets it covers (a deputy of those streets sees the round).
  area text NOT NULL,
  street_ids uuid[] NOT NULL DEFAULT '{}',
  held_on date NOT NULL,
  place text NOT NULL DEFAULT '',
  -- The readable summary the invitees are given (the web adds the charts from the draft's own lines).
  material text NOT NULL DEFAULT '',
  created_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX budget_consultation_rounds_idx ON budget_consultation_rounds (budget_id, held_on, id);

CREATE TABLE budget_consultation_invitees (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  round_id uuid NOT NULL REFERENCES budget_consultation_rounds(id),
  kind text NOT NULL CHECK (kind IN ('deputy', 'voterRepresentative')),
  deputy_id uuid REFERENCES deputies(id),
  name text NOT NULL,
  organization text NOT NULL DEFAULT '',
  CHECK (kind = 'deputy' OR deputy_id IS NULL)
);
CREATE INDEX budget_consultation_invitees_round_idx ON budget_consultation_invitees (round_id);
CREATE UNIQUE INDEX budget_consultation_invitees_deputy_idx
  ON budget_consultation_invitees (round_id, deputy_id) WHERE deputy_id IS NOT NULL;

CREATE TABLE budget_consultation_opinions (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  budget_id uuid NOT NULL REFERENCES budgets(id),
  round_id uuid NOT NULL REFERENCES budget_consultation_rounds(id),
  invitee_id uuid NOT NULL REFERENCES budget_consultation_invitees(id),
  -- A line of the draft (its classification code) or a topic; at least one.
  code text NOT NULL DEFAULT '',
  topic text NOT NULL DEFAULT '',
  content text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered')),
  feedback text NOT NULL DEFAULT '',
  feedback_at timestamptz,
  feedback_by uuid REFERENCES accounts(id),
  created_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (code <> '' OR topic <> '')
);
CREATE INDEX budget_consultation_opinions_round_idx ON budget_consultation_opinions (round_id, created_at, id);
CREATE INDEX budget_consultation_opinions_budget_idx ON budget_consultation_opinions (budget_id, created_at, id);

-- The reviewers' findings on each focus point of 预算法 Art. 48.
CREATE TABLE budget_review_points (
  budget_id uuid NOT NULL REFERENCES budgets(id),
  congress_id uuid NOT NULL REFERENCES congresses(id),
  point text NOT NULL,
  findings text NOT NULL,
  updated_by uuid REFERENCES accounts(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (budget_id, point)
);

-- The conclusion of the review report to the presidium (Art. 49): the recommendation and the suggestions.
CREATE TABLE budget_review_conclusions (
  budget_id uuid PRIMARY KEY REFERENCES budgets(id),
  congress_id uuid NOT NULL REFERENCES congresses(id),
  recommendation text NOT NULL CHECK (recommendation IN ('approve', 'approveWithChanges', 'notApprove')),
  suggestions text NOT NULL DEFAULT '',
  updated_by uuid REFERENCES accounts(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
