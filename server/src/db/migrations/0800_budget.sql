-- Budget review and supervision (issue 19, 预算审查监督): one budget year per congress and year, its lines by
-- classification code in the four budgets (预算法 Art. 5, 46), monthly spending per code (联网监督, 监督法
-- Art. 30), inquiries on warnings to the finance department or a unit, and the investment-project
-- pre-arrangement list (政府投资项目预安排, Art. 54). Money is integer fen (bigint), never a float.

CREATE TABLE budgets (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  sitting_date date NOT NULL,
  -- The handling unit of the finance department (区财政局), found when the budget is created.
  finance_unit_id uuid REFERENCES handling_units(id),
  draft_submitted_on date,
  approved_on date,
  published_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX budgets_year_idx ON budgets (congress_id, year);

CREATE TABLE budget_lines (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  budget_id uuid NOT NULL REFERENCES budgets(id),
  kind text NOT NULL CHECK (kind IN ('general', 'governmentFund', 'stateCapital', 'socialInsurance')),
  code text NOT NULL CHECK (code ~ '^[1235][0-9]{2}([0-9]{2}([0-9]{2})?)?$'),
  name text NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX budget_lines_code_idx ON budget_lines (budget_id, kind, code);
CREATE INDEX budget_lines_prefix_idx ON budget_lines (budget_id, code text_pattern_ops);

-- One month's spending (or revenue, 1xx) per code, not year to date; a re-import of the month replaces it.
CREATE TABLE budget_execution (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  budget_id uuid NOT NULL REFERENCES budgets(id),
  code text NOT NULL CHECK (code ~ '^[1235][0-9]{2}([0-9]{2}([0-9]{2})?)?$'),
  month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (budget_id, code, month)
);

CREATE TABLE budget_inquiries (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  budget_id uuid NOT NULL REFERENCES budgets(id),
  rule text NOT NULL,
  code text NOT NULL DEFAULT '',
  -- The warning's evidence as it stood when the inquiry was put.
  evidence jsonb NOT NULL DEFAULT '{}',
  unit_id uuid NOT NULL REFERENCES handling_units(id),
  question text NOT NULL,
  deadline date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered')),
  answer text NOT NULL DEFAULT '',
  answered_at timestamptz,
  answered_by uuid REFERENCES accounts(id),
  created_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX budget_inquiries_unit_idx ON budget_inquiries (congress_id, unit_id, created_at DESC, id DESC);
CREATE INDEX budget_inquiries_budget_idx ON budget_inquiries (budget_id, created_at DESC, id DESC);

CREATE TABLE investment_plan_items (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  budget_id uuid NOT NULL REFERENCES budgets(id),
  name text NOT NULL,
  unit text NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
  urgent boolean NOT NULL,
  category text NOT NULL DEFAULT '',
  street text NOT NULL DEFAULT '',
  funding_source text NOT NULL DEFAULT '',
  stage text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX investment_plan_items_idx ON investment_plan_items (budget_id, created_at, id);
