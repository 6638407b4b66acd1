-- The registry every module uses: terms and sittings, electoral districts, deputies and their mandates,
-- the standing committee and its bodies, working committees, handling units, liaison places.

CREATE TABLE terms (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  number integer NOT NULL CHECK (number > 0),
  start_date date NOT NULL,
  end_date date NOT NULL,
  is_current boolean NOT NULL DEFAULT false,
  UNIQUE (congress_id, number)
);

CREATE TABLE sittings (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  term_id uuid NOT NULL REFERENCES terms(id),
  number integer NOT NULL CHECK (number > 0),
  start_date date NOT NULL,
  end_date date NOT NULL,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'inSession', 'closed')),
  UNIQUE (term_id, number)
);
CREATE INDEX sittings_congress_idx ON sittings (congress_id, start_date DESC);

CREATE TABLE electoral_districts (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  street_id uuid NOT NULL REFERENCES jurisdictions(id),
  name text NOT NULL,
  seats integer NOT NULL CHECK (seats > 0),
  voter_count integer,
  UNIQUE (congress_id, name)
);
CREATE INDEX electoral_districts_street_idx ON electoral_districts (congress_id, street_id);

CREATE TABLE working_committees (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  kind text NOT NULL CHECK (kind IN ('workingCommittee', 'streetWorkingCommittee')),
  name text NOT NULL,
  name_en text NOT NULL DEFAULT '',
  street_id uuid REFERENCES jurisdictions(id),
  description text NOT NULL DEFAULT '',
  CHECK ((kind = 'streetWorkingCommittee') = (street_id IS NOT NULL))
);
CREATE INDEX working_committees_congress_idx ON working_committees (congress_id, kind);

CREATE TABLE liaison_places (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  kind text NOT NULL CHECK (kind IN ('home', 'station', 'point')),
  name text NOT NULL,
  sector text,
  street_id uuid NOT NULL REFERENCES jurisdictions(id),
  community_id uuid REFERENCES jurisdictions(id),
  address text NOT NULL DEFAULT '',
  opening_hours text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  latitude double precision,
  longitude double precision,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (sector IS NULL OR kind = 'point')
);
CREATE INDEX liaison_places_street_idx ON liaison_places (congress_id, street_id, kind);

CREATE TABLE deputies (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  name text NOT NULL,
  gender text NOT NULL CHECK (gender IN ('male', 'female')),
  birth_date date,
  ethnicity text NOT NULL DEFAULT '汉族',
  party text NOT NULL DEFAULT '',
  occupation text NOT NULL DEFAULT '',
  organization text NOT NULL DEFAULT '',
  phone_enc text,
  phone_index text,
  id_number_enc text,
  id_number_index text,
  address_enc text,
  bio text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deputies_congress_name_idx ON deputies (congress_id, name, id);
CREATE UNIQUE INDEX deputies_id_number_idx ON deputies (congress_id, id_number_index) WHERE id_number_index IS NOT NULL;

CREATE TABLE mandates (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  deputy_id uuid NOT NULL REFERENCES deputies(id),
  level text NOT NULL CHECK (level IN ('national', 'province', 'city', 'district', 'township')),
  term_id uuid REFERENCES terms(id),
  delegation text NOT NULL DEFAULT '',
  deputy_group text NOT NULL DEFAULT '',
  electoral_district_id uuid REFERENCES electoral_districts(id),
  street_id uuid REFERENCES jurisdictions(id),
  liaison_place_id uuid REFERENCES liaison_places(id),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'terminated')),
  status_reason text NOT NULL DEFAULT '',
  status_date date,
  started_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status = 'active' OR (status_reason <> '' AND status_date IS NOT NULL))
);
CREATE INDEX mandates_congress_status_idx ON mandates (congress_id, status, level);
CREATE INDEX mandates_deputy_idx ON mandates (deputy_id);
CREATE INDEX mandates_street_idx ON mandates (congress_id, street_id);
CREATE INDEX mandates_district_idx ON mandates (congress_id, electoral_district_id);

CREATE TABLE liaison_place_deputies (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  liaison_place_id uuid NOT NULL REFERENCES liaison_places(id) ON DELETE CASCADE,
  deputy_id uuid NOT NULL REFERENCES deputies(id),
  PRIMARY KEY (liaison_place_id, deputy_id)
);
CREATE INDEX liaison_place_deputies_deputy_idx ON liaison_place_deputies (deputy_id);

-- Members of the standing committee, the chairpersons' meeting and working committees.
CREATE TABLE committee_members (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  body text NOT NULL CHECK (body IN ('standingCommittee', 'chairpersonsMeeting', 'workingCommittee')),
  working_committee_id uuid REFERENCES working_committees(id),
  deputy_id uuid NOT NULL REFERENCES deputies(id),
  term_id uuid REFERENCES terms(id),
  position text NOT NULL DEFAULT 'member' CHECK (position IN ('chair', 'viceChair', 'secretaryGeneral', 'director', 'member')),
  started_on date,
  ended_on date,
  CHECK ((body = 'workingCommittee') = (working_committee_id IS NOT NULL))
);
CREATE INDEX committee_members_body_idx ON committee_members (congress_id, body, working_committee_id);

CREATE TABLE handling_units (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  name text NOT NULL,
  name_en text NOT NULL DEFAULT '',
  kind text NOT NULL CHECK (kind IN ('governmentDepartment', 'streetOffice', 'court', 'procuratorate',
    'supervisionCommission', 'other')),
  categories text[] NOT NULL DEFAULT '{}',
  street_id uuid REFERENCES jurisdictions(id),
  contact_name text NOT NULL DEFAULT '',
  contact_phone text NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (congress_id, name)
);

ALTER TABLE accounts ADD CONSTRAINT accounts_deputy_fk FOREIGN KEY (deputy_id) REFERENCES deputies(id);
ALTER TABLE accounts ADD CONSTRAINT accounts_handling_unit_fk FOREIGN KEY (handling_unit_id) REFERENCES handling_units(id);
