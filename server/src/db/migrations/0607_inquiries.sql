-- Inquiries (质询案, issue 17): filed in writing by the statutory number of members at a meeting (地方组织法
-- Art. 24, 53; 监督法 Art. 51), decided by the chairpersons' meeting (answered orally or in writing, or not put),
-- answered by the organ questioned, the filers' satisfaction, a further answer when enough are dissatisfied
-- (监督法 Art. 53; 代表法 Art. 20).
CREATE TABLE inquiries (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  meeting_id uuid NOT NULL REFERENCES meetings(id),
  organ text NOT NULL,
  subject text NOT NULL,
  content text NOT NULL,
  status text NOT NULL DEFAULT 'filed'
    CHECK (status IN ('filed', 'toAnswer', 'answered', 'furtherAnswerDue', 'closed', 'declined')),
  mode text CHECK (mode IN ('oral', 'written')),
  decided_on date,
  decision_note text NOT NULL DEFAULT '',
  -- The answer being rated: 1 the first, 2 the further answer.
  round integer NOT NULL DEFAULT 0 CHECK (round BETWEEN 0 AND 2),
  filed_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inquiries_list_idx ON inquiries (congress_id, created_at DESC, id DESC);
CREATE INDEX inquiries_meeting_idx ON inquiries (meeting_id);

-- The members who signed it, and whether each is satisfied with the latest answer (null: not said yet).
CREATE TABLE inquiry_filers (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  inquiry_id uuid NOT NULL REFERENCES inquiries(id),
  deputy_id uuid NOT NULL REFERENCES deputies(id),
  name text NOT NULL,
  satisfied boolean,
  PRIMARY KEY (inquiry_id, deputy_id)
);
CREATE INDEX inquiry_filers_deputy_idx ON inquiry_filers (deputy_id);

-- The organ's answers, the first and the further one, with each filer's satisfaction kept per answer.
CREATE TABLE inquiry_answers (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  inquiry_id uuid NOT NULL REFERENCES inquiries(id),
  round integer NOT NULL CHECK (round BETWEEN 1 AND 2),
  mode text NOT NULL CHECK (mode IN ('oral', 'written')),
  answered_by text NOT NULL,
  summary text NOT NULL,
  answered_on date NOT NULL,
  satisfied integer,
  dissatisfied integer,
  PRIMARY KEY (inquiry_id, round)
);
