-- Final accounts and audit (issue 19, 决算 and 审计整改): the final accounts' dates (监督法 Art. 19: submitted June to
-- September; the audit report heard with them, 预算法 Art. 77–79) and the reviewers' findings on the 12 points of
-- 预算法 Art. 79; the audit's findings tracked to rectification, the rectification report heard within six months of
-- the audit report (监督法 Art. 27).

CREATE TABLE budget_final_accounts (
  budget_id uuid PRIMARY KEY REFERENCES budgets(id),
  congress_id uuid NOT NULL REFERENCES congresses(id),
  submitted_on date,
  audit_report_on date,
  rectification_heard_on date,
  approved_on date,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE budget_final_account_points (
  budget_id uuid NOT NULL REFERENCES budgets(id),
  congress_id uuid NOT NULL REFERENCES congresses(id),
  point text NOT NULL,
  findings text NOT NULL,
  updated_by uuid REFERENCES accounts(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (budget_id, point)
);

CREATE TABLE budget_audit_findings (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  budget_id uuid NOT NULL REFERENCES budgets(id),
  unit_id uuid NOT NULL REFERENCES handling_units(id),
  finding text NOT NULL,
  amount_fen bigint NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
  measures text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'rectifying', 'rectified')),
  rectified_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX budget_audit_findings_idx ON budget_audit_findings (budget_id, created_at, id);
CREATE INDEX budget_audit_findings_unit_idx ON budget_audit_findings (congress_id, unit_id);
