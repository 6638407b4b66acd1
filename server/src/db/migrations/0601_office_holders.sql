-- The register of office-holders appointed by the standing committee (issue 17, 任免): appointment and removal
-- cases with their status, and who holds which post since when and why they left it. This first slice reads
-- the register ("who held post P on date D"); filing cases and their votes come with the secret-ballot engine.

CREATE TABLE appointment_cases (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  kind text NOT NULL CHECK (kind IN ('appoint', 'remove')),
  post text NOT NULL,
  organization text NOT NULL,
  handling_unit_id uuid REFERENCES handling_units(id),
  nominee_name text NOT NULL,
  nominating_organ text NOT NULL CHECK (nominating_organ IN
    ('districtHead', 'supervisionCommissionDirector', 'courtPresident', 'procuratorGeneral', 'chairpersonsMeeting')),
  meeting_id uuid REFERENCES meetings(id),
  agenda_item_id uuid REFERENCES meeting_agenda_items(id),
  status text NOT NULL DEFAULT 'filed'
    CHECK (status IN ('filed', 'onAgenda', 'appointed', 'notAppointed', 'removed', 'notRemoved', 'withdrawn')),
  filed_on date NOT NULL,
  decided_on date,
  oath_on date,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appointment_cases_meeting_idx ON appointment_cases (meeting_id);

CREATE TABLE office_holdings (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  post text NOT NULL,
  organization text NOT NULL,
  handling_unit_id uuid REFERENCES handling_units(id),
  holder_name text NOT NULL,
  acting boolean NOT NULL DEFAULT false,
  started_on date NOT NULL,
  -- The first day out of office (null while held), and why.
  ended_on date,
  end_reason text CHECK (end_reason IN ('removed', 'resigned', 'dismissed', 'termEnded', 'other')),
  appointment_id uuid REFERENCES appointment_cases(id),
  CHECK (ended_on IS NULL OR ended_on >= started_on),
  CHECK ((ended_on IS NULL) = (end_reason IS NULL))
);
-- "Who held post P on date D": the post's holdings by start.
CREATE INDEX office_holdings_post_idx ON office_holdings (congress_id, post, started_on DESC);
CREATE INDEX office_holdings_date_idx ON office_holdings (congress_id, started_on, ended_on);
