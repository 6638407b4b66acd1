-- Elections (issue 18): the direct election of district deputies (换届选举), its electoral districts of 1 to 3
-- seats (选举法 Art. 25), the voter register (ID numbers SM4-encrypted with a keyed SM3 blind index, one
-- registration per person in an election, Art. 27), the candidates and their confirmed official list (Art. 31,
-- 34), and each district's agreed return per round (the result is computed from it, never stored typed).

CREATE TABLE elections (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  title text NOT NULL,
  election_day date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX elections_list_idx ON elections (congress_id, election_day DESC, id DESC);

CREATE TABLE election_districts (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  election_id uuid NOT NULL REFERENCES elections(id),
  name text NOT NULL,
  seats integer NOT NULL CHECK (seats BETWEEN 1 AND 3),
  kind text NOT NULL DEFAULT 'residence' CHECK (kind IN ('residence', 'workUnit')),
  population integer CHECK (population >= 0),
  -- The day the official candidate list was confirmed (within the differential ratio).
  candidates_confirmed_on date,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX election_districts_name_idx ON election_districts (election_id, name);

CREATE TABLE election_candidates (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  election_id uuid NOT NULL REFERENCES elections(id),
  district_id uuid NOT NULL REFERENCES election_districts(id),
  name text NOT NULL,
  position integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX election_candidates_district_idx ON election_candidates (district_id, position);

CREATE TABLE election_voters (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  election_id uuid NOT NULL REFERENCES elections(id),
  district_id uuid NOT NULL REFERENCES election_districts(id),
  name text NOT NULL,
  id_number_enc text NOT NULL,
  id_number_index text NOT NULL,
  birth_date date NOT NULL,
  sex text NOT NULL CHECK (sex IN ('male', 'female')),
  group_name text NOT NULL DEFAULT '',
  address_enc text,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- One registration per person in an election, whichever district (the cross-district duplicate search).
CREATE UNIQUE INDEX election_voters_person_idx ON election_voters (election_id, id_number_index);
CREATE INDEX election_voters_district_idx ON election_voters (district_id);

CREATE TABLE election_returns (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  election_id uuid NOT NULL REFERENCES elections(id),
  district_id uuid NOT NULL REFERENCES election_districts(id),
  round text NOT NULL CHECK (round IN ('first', 'runoff')),
  registered integer NOT NULL CHECK (registered >= 1),
  participated integer NOT NULL CHECK (participated >= 0),
  ballots_issued integer NOT NULL CHECK (ballots_issued >= 0),
  ballots_returned integer NOT NULL CHECK (ballots_returned >= 0),
  void integer NOT NULL CHECK (void >= 0),
  others integer NOT NULL DEFAULT 0 CHECK (others >= 0),
  votes jsonb NOT NULL,
  entered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (district_id, round)
);
CREATE INDEX election_returns_election_idx ON election_returns (election_id);
