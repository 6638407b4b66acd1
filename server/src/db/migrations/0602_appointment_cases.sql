-- Filing appointment and removal cases (issue 17, 任免): the reasons and the nominee's CV, an acting head, the
-- statutory deadline where the law sets one (地方组织法 Art. 71: the new government's department heads within two
-- months of the election), the vote that decided the case, and the constitutional oath with its witness.
-- A dismissal (撤职, 监督法 Art. 60–62) is a third kind of case.

ALTER TABLE appointment_cases DROP CONSTRAINT appointment_cases_kind_check;
ALTER TABLE appointment_cases ADD CONSTRAINT appointment_cases_kind_check
  CHECK (kind IN ('appoint', 'remove', 'dismiss'));

ALTER TABLE appointment_cases
  ADD COLUMN reasons text NOT NULL DEFAULT '',
  ADD COLUMN cv text NOT NULL DEFAULT '',
  ADD COLUMN acting boolean NOT NULL DEFAULT false,
  ADD COLUMN elected_on date,
  ADD COLUMN deadline_on date,
  ADD COLUMN vote_id uuid REFERENCES meeting_votes(id),
  ADD COLUMN oath_witness text,
  ADD CONSTRAINT appointment_cases_oath_check CHECK ((oath_on IS NULL) = (oath_witness IS NULL));

CREATE INDEX appointment_cases_list_idx ON appointment_cases (congress_id, filed_on DESC, id DESC);
CREATE INDEX appointment_cases_item_idx ON appointment_cases (agenda_item_id);

-- The case whose vote ended a holding (a removal or a dismissal), beside the case that started it.
ALTER TABLE office_holdings ADD COLUMN ended_by_id uuid REFERENCES appointment_cases(id);
