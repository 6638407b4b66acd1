-- The rules register (议事规则与工作制度, issue 17): the congress's rules of procedure and working rules, each
-- adopted by a body (the congress, the standing committee, the chairpersons' meeting), with its versions (the
-- text adopted on a date, by a meeting and agenda item when known) and the current one; public where published.
CREATE TABLE procedural_rules (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  title text NOT NULL,
  body text NOT NULL CHECK (body IN ('congress', 'standingCommittee', 'chairpersonsMeeting')),
  kind text NOT NULL CHECK (kind IN ('rulesOfProcedure', 'workingMeasures', 'workingSystem')),
  current_version integer NOT NULL DEFAULT 1 CHECK (current_version >= 1),
  published boolean NOT NULL DEFAULT false,
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (congress_id, title)
);
CREATE INDEX procedural_rules_public_idx ON procedural_rules (congress_id, published, title);

CREATE TABLE procedural_rule_versions (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  rule_id uuid NOT NULL REFERENCES procedural_rules(id),
  version integer NOT NULL CHECK (version >= 1),
  adopted_on date NOT NULL,
  content text NOT NULL,
  -- What changed in this revision (empty for the first version).
  note text NOT NULL DEFAULT '',
  meeting_id uuid REFERENCES meetings(id),
  agenda_item_id uuid REFERENCES meeting_agenda_items(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (rule_id, version)
);
