-- Meetings (issue 17): sittings of the congress, meetings of the standing committee and of the chairpersons'
-- meeting, their agenda with documents, the roll frozen from the registry when the meeting begins, the
-- sign-in sheet, and named votes counted against ALL members (地方组织法 Art. 14, 25, 51).

CREATE TABLE meetings (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  body text NOT NULL CHECK (body IN ('congress', 'standingCommittee', 'chairpersonsMeeting')),
  term_id uuid REFERENCES terms(id),
  number integer NOT NULL CHECK (number >= 1),
  title text NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  venue text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'inSession', 'closed')),
  -- The roll is read from the registry for the meeting's date when the meeting begins, then frozen.
  roll_frozen_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date >= start_date)
);
CREATE INDEX meetings_list_idx ON meetings (congress_id, start_date DESC, id DESC);
CREATE UNIQUE INDEX meetings_number_idx ON meetings (congress_id, body, term_id, number);

-- The members with the right to vote (the body's membership in office on the meeting's date) and the
-- sign-in sheet: absent until signed in, present, or on leave with its reason.
CREATE TABLE meeting_members (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  meeting_id uuid NOT NULL REFERENCES meetings(id),
  deputy_id uuid NOT NULL REFERENCES deputies(id),
  name text NOT NULL,
  position text NOT NULL DEFAULT 'member',
  attendance text NOT NULL DEFAULT 'absent' CHECK (attendance IN ('absent', 'present', 'onLeave')),
  leave_reason text NOT NULL DEFAULT '',
  signed_in_at timestamptz,
  PRIMARY KEY (meeting_id, deputy_id),
  CHECK (attendance <> 'onLeave' OR leave_reason <> '')
);
CREATE INDEX meeting_members_deputy_idx ON meeting_members (deputy_id);

-- Non-voting attendees (列席): leaders of the government, supervision commission, court, procuratorate; deputies invited.
CREATE TABLE meeting_non_voting_attendees (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  id uuid PRIMARY KEY,
  meeting_id uuid NOT NULL REFERENCES meetings(id),
  name text NOT NULL,
  organization text NOT NULL DEFAULT ''
);
CREATE INDEX meeting_non_voting_attendees_idx ON meeting_non_voting_attendees (meeting_id);

CREATE TABLE meeting_agenda_items (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  meeting_id uuid NOT NULL REFERENCES meetings(id),
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('motion', 'report', 'appointment', 'removal', 'inquiry', 'election', 'other')),
  title text NOT NULL,
  secret boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (meeting_id, position)
);

-- An item's documents with the day each was done; the deadline (监督法 Art. 15) is computed against the meeting's date.
CREATE TABLE meeting_agenda_documents (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  id uuid PRIMARY KEY,
  item_id uuid NOT NULL REFERENCES meeting_agenda_items(id),
  stage text NOT NULL CHECK (stage IN ('sentForComment', 'submitted', 'distributedToMembers', 'appointmentCase')),
  title text NOT NULL,
  done_on date NOT NULL
);
CREATE INDEX meeting_agenda_documents_item_idx ON meeting_agenda_documents (item_id);

-- One vote per item; `members` is the base of the count (ALL members on the frozen roll), fixed at opening.
CREATE TABLE meeting_votes (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  meeting_id uuid NOT NULL REFERENCES meetings(id),
  item_id uuid NOT NULL UNIQUE REFERENCES meeting_agenda_items(id),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  members integer NOT NULL CHECK (members >= 0),
  yes integer,
  no integer,
  abstain integer,
  not_voting integer,
  passed boolean,
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz
);
CREATE INDEX meeting_votes_meeting_idx ON meeting_votes (meeting_id);

-- A named ballot (记名表决): one per member, never changed (the key makes a second one a conflict).
CREATE TABLE meeting_ballots (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  vote_id uuid NOT NULL REFERENCES meeting_votes(id),
  deputy_id uuid NOT NULL,
  choice text NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
  cast_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (vote_id, deputy_id)
);
