-- Issue 16 §3. Extensions applied for by the handling unit and decided by staff, told to the deputy (上海规定
-- Art. 19); the 代表工委's look at a dissatisfied item before re-handling (上海规定 Art. 21, 浙江 Art. 24); the first
-- assignment date kept across a re-assignment; motions from bodies (presidium, standing committee, special
-- committees, government) beside deputies' joint motions (地方组织法 Art. 22, 52).

ALTER TABLE suggestions DROP CONSTRAINT suggestions_status_check;
ALTER TABLE suggestions ADD CONSTRAINT suggestions_status_check CHECK (status IN ('draft', 'awaitingCosigners', 'submitted', 'returnedForRevision', 'referredAsOpinion', 'accepted', 'assigned', 'handBackRequested', 'replied', 'rated', 'rehandlingReview', 'rehandling', 'followUp', 'closed', 'withdrawn'));

-- The date of the first assignment (交办), which a re-assignment after a hand-back does not move.
ALTER TABLE suggestions ADD COLUMN first_assigned_at timestamptz;
UPDATE suggestions s SET first_assigned_at = a.first
  FROM (SELECT suggestion_id, min(assigned_at) AS first FROM suggestion_assignments GROUP BY suggestion_id) a
  WHERE a.suggestion_id = s.id;

CREATE TABLE suggestion_extensions (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  suggestion_id uuid NOT NULL REFERENCES suggestions(id),
  unit_id uuid NOT NULL,
  reason text NOT NULL,
  requested_by uuid,
  requested_at timestamptz NOT NULL DEFAULT now(),
  deadline_before timestamptz,
  -- superseded: the unit's application ended with its assignment (re-assigned after a hand-back).
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused', 'superseded')),
  decision_comment text NOT NULL DEFAULT '',
  decided_by uuid,
  decided_at timestamptz,
  deadline_after timestamptz
);
CREATE INDEX suggestion_extensions_suggestion_idx ON suggestion_extensions (suggestion_id);
-- At most one open application per suggestion.
CREATE UNIQUE INDEX suggestion_extensions_pending_idx ON suggestion_extensions (suggestion_id) WHERE status = 'pending';

CREATE TABLE suggestion_rehandling_reviews (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  suggestion_id uuid NOT NULL REFERENCES suggestions(id),
  round integer NOT NULL,
  decision text NOT NULL CHECK (decision IN ('rehandle', 'decline')),
  comment text NOT NULL DEFAULT '',
  decided_by uuid,
  decided_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX suggestion_rehandling_reviews_suggestion_idx ON suggestion_rehandling_reviews (suggestion_id);

ALTER TABLE motions ADD COLUMN source text NOT NULL DEFAULT 'deputies'
  CHECK (source IN ('deputies', 'presidium', 'standingCommittee', 'specialCommittee', 'government', 'chairpersonsMeeting'));
-- A body's motion has no proposing deputy; the staff account that entered it is kept.
ALTER TABLE motions ALTER COLUMN proposer_deputy_id DROP NOT NULL;
ALTER TABLE motions ADD COLUMN entered_by uuid;
