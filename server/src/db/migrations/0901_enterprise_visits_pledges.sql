-- Enterprise visits and pledges (issue 20). Firms with their unified social credit code (GB 32100, unique per
-- congress); a campaign's questionnaire; the firms a campaign plans to visit, each given to a deputy with a day;
-- the visits with the questionnaire's responses and the problems the firm raised, each sent to a unit as an
-- opinion (linked back); a deputy's pledges of a year and what they did about each.

CREATE TABLE firms (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  name text NOT NULL,
  uscc text NOT NULL,
  industry text NOT NULL DEFAULT '',
  street_id uuid NOT NULL,
  size text NOT NULL DEFAULT 'small' CHECK (size IN ('large', 'medium', 'small', 'micro')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (congress_id, uscc)
);

ALTER TABLE campaigns ADD COLUMN questionnaire jsonb NOT NULL DEFAULT '[]';

CREATE TABLE campaign_firms (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  firm_id uuid NOT NULL REFERENCES firms(id),
  deputy_id uuid REFERENCES deputies(id),
  planned_on date,
  PRIMARY KEY (campaign_id, firm_id)
);
CREATE INDEX campaign_firms_deputy_idx ON campaign_firms (deputy_id, campaign_id);

CREATE TABLE firm_visits (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  campaign_id uuid NOT NULL REFERENCES campaigns(id),
  firm_id uuid NOT NULL REFERENCES firms(id),
  deputy_id uuid NOT NULL REFERENCES deputies(id),
  visited_on date NOT NULL,
  people_met text NOT NULL DEFAULT '',
  responses jsonb NOT NULL DEFAULT '{}',
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX firm_visits_campaign_idx ON firm_visits (campaign_id, firm_id);
CREATE INDEX firm_visits_deputy_idx ON firm_visits (deputy_id, visited_on);

CREATE TABLE firm_visit_issues (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  visit_id uuid NOT NULL REFERENCES firm_visits(id),
  content text NOT NULL,
  unit_id uuid NOT NULL REFERENCES handling_units(id),
  street_id uuid NOT NULL,
  opinion_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX firm_visit_issues_visit_idx ON firm_visit_issues (visit_id);

CREATE TABLE pledges (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  deputy_id uuid NOT NULL REFERENCES deputies(id),
  year integer NOT NULL,
  content text NOT NULL,
  status text NOT NULL DEFAULT 'pledged' CHECK (status IN ('pledged', 'inProgress', 'fulfilled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pledges_deputy_idx ON pledges (deputy_id, year);

CREATE TABLE pledge_progress (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  pledge_id uuid NOT NULL REFERENCES pledges(id),
  note text NOT NULL,
  status text NOT NULL CHECK (status IN ('inProgress', 'fulfilled')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pledge_progress_pledge_idx ON pledge_progress (pledge_id, created_at);
