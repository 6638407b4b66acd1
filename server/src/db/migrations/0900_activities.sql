-- Deputies' activities, campaigns and the deputy's record (issue 20): activities with their organiser, place
-- (a liaison place of the registry, or an address) and time; the deputies invited, their answers and their
-- attendance (the staff's sign-in sheet or the deputy's own check-in, once per deputy); the record afterwards
-- with its findings, each sent to a unit as an opinion (linked back); campaigns that group activities.

CREATE TABLE campaigns (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  kind text NOT NULL CHECK (kind IN ('activityMonth', 'enterpriseVisits', 'other')),
  title text NOT NULL,
  from_date date NOT NULL,
  to_date date NOT NULL,
  goal text NOT NULL DEFAULT '',
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (to_date >= from_date)
);
CREATE INDEX campaigns_list_idx ON campaigns (congress_id, from_date DESC, id DESC);

CREATE TABLE activities (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  kind text NOT NULL,
  title text NOT NULL,
  topic text NOT NULL DEFAULT '',
  organiser_kind text NOT NULL DEFAULT 'standingCommittee'
    CHECK (organiser_kind IN ('standingCommittee', 'workingCommittee', 'streetWorkingCommittee', 'liaisonPlace')),
  organiser_name text NOT NULL DEFAULT '',
  place_id uuid REFERENCES liaison_places(id),
  -- The place's street (for the dashboard per street); null for an address outside the places.
  street_id uuid,
  address text NOT NULL DEFAULT '',
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  campaign_id uuid REFERENCES campaigns(id),
  outside_participants text[] NOT NULL DEFAULT '{}',
  -- The token of the place's QR code for this activity (asked only when the settings require it).
  check_in_token text NOT NULL,
  summary text NOT NULL DEFAULT '',
  recorded_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX activities_list_idx ON activities (congress_id, starts_at DESC, id DESC);
CREATE INDEX activities_campaign_idx ON activities (campaign_id);

-- One line per deputy and activity: invited or not, the answer to the invitation, the attendance.
CREATE TABLE activity_participants (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  activity_id uuid NOT NULL REFERENCES activities(id),
  deputy_id uuid NOT NULL REFERENCES deputies(id),
  invited boolean NOT NULL DEFAULT false,
  rsvp text NOT NULL DEFAULT 'pending' CHECK (rsvp IN ('pending', 'accepted', 'onLeave')),
  leave_reason text NOT NULL DEFAULT '',
  attended_at timestamptz,
  attended_via text CHECK (attended_via IN ('sheet', 'checkIn')),
  PRIMARY KEY (activity_id, deputy_id)
);
CREATE INDEX activity_participants_deputy_idx ON activity_participants (deputy_id, attended_at);

-- The findings of the record, each sent to a unit as an opinion (the opinions module makes it with this id).
CREATE TABLE activity_findings (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  activity_id uuid NOT NULL REFERENCES activities(id),
  content text NOT NULL,
  unit_id uuid NOT NULL REFERENCES handling_units(id),
  street_id uuid NOT NULL,
  opinion_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX activity_findings_activity_idx ON activity_findings (activity_id);
