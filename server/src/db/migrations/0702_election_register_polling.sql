-- Elections (issue 18), second slice: the register's operations and polling day.
-- * Exclusions confirmed by the election committee (选举法 Art. 27; 1983 规定 item 3), with the kind, the reason,
--   the committee's decision, its day and the staff member who recorded it; a voter restored clears them.
-- * Transfers between districts keep where the voter came from; voter cards (选民证) carry a number per voter.
-- * Each district's voter list published on a day (the complaint window counts from it, Art. 29); complaints
--   (申诉) against the list, filed within 5 days and decided within 3.
-- * Polling stations (投票站) and mobile ballot boxes (流动票箱) per district, and their turnout reports of
--   ballots issued / returned (cumulative, several a day).
-- * A re-vote (再次投票) among the candidates tied for the last seat(s) (Art. 45 ¶3) is a round of its own.

ALTER TABLE election_voters
  ADD COLUMN exclusion text CHECK (exclusion IN ('deprivedOfRights', 'deceased', 'unableToExercise')),
  ADD COLUMN exclusion_reason text,
  ADD COLUMN exclusion_decision text,
  ADD COLUMN excluded_on date,
  ADD COLUMN excluded_by uuid REFERENCES accounts(id),
  ADD COLUMN transferred_from uuid REFERENCES election_districts(id),
  ADD COLUMN voter_card_no text,
  ADD COLUMN voter_card_issued_on date,
  ADD CONSTRAINT election_voters_exclusion_fields_check
    CHECK ((exclusion IS NULL) = (exclusion_reason IS NULL AND excluded_on IS NULL AND excluded_by IS NULL));
CREATE UNIQUE INDEX election_voters_card_idx ON election_voters (election_id, voter_card_no)
  WHERE voter_card_no IS NOT NULL;

ALTER TABLE election_districts ADD COLUMN voter_list_published_on date;

CREATE TABLE election_complaints (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  election_id uuid NOT NULL REFERENCES elections(id),
  district_id uuid NOT NULL REFERENCES election_districts(id),
  -- The registration complained about, when the complaint is about one (a voter left out has none).
  voter_id uuid REFERENCES election_voters(id),
  complainant text NOT NULL,
  subject text NOT NULL,
  filed_on date NOT NULL,
  decision text CHECK (decision IN ('upheld', 'dismissed')),
  decision_text text,
  decided_on date,
  decided_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((decision IS NULL) = (decided_on IS NULL))
);
CREATE INDEX election_complaints_election_idx ON election_complaints (election_id, filed_on DESC, id);

CREATE TABLE election_polling_stations (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  election_id uuid NOT NULL REFERENCES elections(id),
  district_id uuid NOT NULL REFERENCES election_districts(id),
  name text NOT NULL,
  kind text NOT NULL DEFAULT 'station' CHECK (kind IN ('station', 'mobileBox')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX election_polling_stations_name_idx ON election_polling_stations (district_id, name);
CREATE INDEX election_polling_stations_election_idx ON election_polling_stations (election_id);

CREATE TABLE election_turnout_reports (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  election_id uuid NOT NULL REFERENCES elections(id),
  station_id uuid NOT NULL REFERENCES election_polling_stations(id),
  reported_at timestamptz NOT NULL,
  ballots_issued integer NOT NULL CHECK (ballots_issued >= 0),
  ballots_returned integer NOT NULL CHECK (ballots_returned >= 0),
  reported_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX election_turnout_reports_station_idx ON election_turnout_reports (station_id, reported_at DESC);
CREATE INDEX election_turnout_reports_election_idx ON election_turnout_reports (election_id, reported_at);

ALTER TABLE election_returns DROP CONSTRAINT election_returns_round_check;
ALTER TABLE election_returns ADD CONSTRAINT election_returns_round_check
  CHECK (round IN ('first', 'runoff', 'revote'));
