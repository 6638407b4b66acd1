-- Budget execution beyond the monthly figures (issue 19): transfers to lower levels with the day each was issued
-- (预算法 Art. 52: general within 30, special within 60 days of approval), carry-overs with what is still unused
-- (Art. 42), urgent investment projects released before approval on a ground of Art. 54, and budget adjustments
-- (调整方案, Art. 67–69) with their line changes, approved by the standing committee.

CREATE TABLE budget_transfers (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  budget_id uuid NOT NULL REFERENCES budgets(id),
  code text NOT NULL CHECK (code ~ '^[1235][0-9]{2}([0-9]{2}([0-9]{2})?)?$'),
  recipient text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('general', 'special')),
  purpose text NOT NULL DEFAULT '',
  amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
  issued_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX budget_transfers_idx ON budget_transfers (budget_id, created_at, id);

CREATE TABLE budget_carry_overs (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  budget_id uuid NOT NULL REFERENCES budgets(id),
  code text NOT NULL CHECK (code ~ '^[1235][0-9]{2}([0-9]{2}([0-9]{2})?)?$'),
  name text NOT NULL,
  -- The budget year the funds were first carried over from.
  from_year integer NOT NULL CHECK (from_year BETWEEN 2000 AND 2100),
  amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
  unused_fen bigint NOT NULL CHECK (unused_fen >= 0 AND unused_fen <= amount_fen),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX budget_carry_overs_idx ON budget_carry_overs (budget_id, created_at, id);

ALTER TABLE investment_plan_items
  ADD COLUMN released_on date,
  ADD COLUMN release_basis text CHECK (
    release_basis IN ('carryOver', 'necessaryPriorLevel', 'legalObligation', 'disasterResponse')
  ),
  ADD COLUMN release_note text NOT NULL DEFAULT '';

CREATE TABLE budget_adjustments (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  budget_id uuid NOT NULL REFERENCES budgets(id),
  title text NOT NULL,
  -- The grounds of Art. 67 that make it an adjustment.
  grounds text[] NOT NULL,
  reason text NOT NULL DEFAULT '',
  -- The standing committee meeting that is to approve it, and when its preliminary plan reached the working
  -- body (Art. 69: 30 days before).
  meeting_date date NOT NULL,
  plan_submitted_on date,
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'rejected')),
  decided_on date,
  created_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX budget_adjustments_idx ON budget_adjustments (budget_id, created_at, id);

-- Each line's change in an adjustment, in fen, signed (a cut is negative).
CREATE TABLE budget_adjustment_lines (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  adjustment_id uuid NOT NULL REFERENCES budget_adjustments(id),
  kind text NOT NULL CHECK (kind IN ('general', 'governmentFund', 'stateCapital', 'socialInsurance')),
  code text NOT NULL CHECK (code ~ '^[1235][0-9]{2}([0-9]{2}([0-9]{2})?)?$'),
  change_fen bigint NOT NULL,
  PRIMARY KEY (adjustment_id, kind, code)
);
