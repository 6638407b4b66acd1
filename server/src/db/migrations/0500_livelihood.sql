-- 民生实事 (livelihood projects): public ideas, the government's candidates, deliberation, the deputies'
-- secret-ballot vote, implementation with monthly progress, site inspections and year-end evaluation.

CREATE TABLE livelihood_ideas (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  year integer NOT NULL,
  title text NOT NULL,
  content text NOT NULL,
  street_id uuid REFERENCES jurisdictions(id),
  estimated_cost bigint CHECK (estimated_cost >= 0),
  source text NOT NULL CHECK (source IN ('public', 'deputy', 'opinion')),
  opinion_id uuid,
  deputy_id uuid,
  submitter_name text NOT NULL DEFAULT '',
  support_count integer NOT NULL DEFAULT 0,
  merged_into_id uuid REFERENCES livelihood_ideas(id),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'merged', 'shortlisted')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX livelihood_ideas_year_idx ON livelihood_ideas (congress_id, year, support_count DESC);
CREATE UNIQUE INDEX livelihood_ideas_opinion_idx ON livelihood_ideas (congress_id, opinion_id) WHERE opinion_id IS NOT NULL;

-- One "+1" per supporter (account, or a keyed hash of the public client's address).
CREATE TABLE livelihood_idea_supports (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  idea_id uuid NOT NULL REFERENCES livelihood_ideas(id),
  supporter_key text NOT NULL,
  PRIMARY KEY (idea_id, supporter_key)
);

CREATE TABLE livelihood_candidates (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  year integer NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  lead_unit_id uuid NOT NULL REFERENCES handling_units(id),
  budget bigint NOT NULL CHECK (budget >= 0),
  street_id uuid REFERENCES jurisdictions(id),
  feasibility_note text NOT NULL DEFAULT '',
  idea_ids uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX livelihood_candidates_year_idx ON livelihood_candidates (congress_id, year);

CREATE TABLE livelihood_deliberations (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  candidate_id uuid NOT NULL REFERENCES livelihood_candidates(id),
  delegation text NOT NULL,
  account_id uuid NOT NULL REFERENCES accounts(id),
  deputy_id uuid,
  content text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX livelihood_deliberations_candidate_idx ON livelihood_deliberations (candidate_id, created_at);

CREATE TABLE project_votes (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  year integer NOT NULL,
  title text NOT NULL,
  scope text NOT NULL CHECK (scope IN ('district', 'street')),
  street_id uuid REFERENCES jurisdictions(id),
  max_choices integer NOT NULL CHECK (max_choices > 0),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signingIn', 'open', 'closed')),
  rules jsonb NOT NULL,
  parent_vote_id uuid REFERENCES project_votes(id),
  -- The two tellers' agreed count of paper ballots: { ballots, counts: { candidateId: n } }.
  paper_tally jsonb,
  result jsonb,
  roll_called_at timestamptz,
  opened_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (scope = 'district' OR street_id IS NOT NULL)
);
CREATE INDEX project_votes_congress_idx ON project_votes (congress_id, status, year);

CREATE TABLE project_vote_candidates (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  vote_id uuid NOT NULL REFERENCES project_votes(id),
  candidate_id uuid NOT NULL REFERENCES livelihood_candidates(id),
  position integer NOT NULL,
  PRIMARY KEY (vote_id, candidate_id)
);

-- The roll, frozen when the roll is called: a deputy (member_id = deputy_id) or, in a street vote, a voter
-- representative (no account; signed in by staff, votes on paper).
CREATE TABLE project_vote_roll (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  vote_id uuid NOT NULL REFERENCES project_votes(id),
  member_id uuid NOT NULL,
  deputy_id uuid,
  kind text NOT NULL CHECK (kind IN ('deputy', 'voterRepresentative')),
  name text NOT NULL DEFAULT '',
  signed_in_at timestamptz,
  PRIMARY KEY (vote_id, member_id)
);
CREATE INDEX project_vote_roll_deputy_idx ON project_vote_roll (deputy_id, vote_id);

-- SECRECY. Who voted and what was voted are two tables with nothing in common but the vote:
-- project_vote_voters has no time or sequence; project_vote_ballots has no id, no time, no sequence,
-- only a random mix key and the keyed hash of the voter's receipt. Both are written in one transaction;
-- at close both are rewritten (ballots in random order) so neither physical order nor xmin links them.
CREATE TABLE project_vote_voters (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  vote_id uuid NOT NULL REFERENCES project_votes(id),
  member_id uuid NOT NULL,
  PRIMARY KEY (vote_id, member_id)
);

CREATE TABLE project_vote_ballots (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  vote_id uuid NOT NULL REFERENCES project_votes(id),
  mix_key text NOT NULL,
  receipt_hash text NOT NULL,
  choices uuid[] NOT NULL,
  PRIMARY KEY (vote_id, receipt_hash)
);

-- Each teller's count of the paper ballots; the tally accepts them only when two tellers agree.
CREATE TABLE project_vote_paper_counts (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  vote_id uuid NOT NULL REFERENCES project_votes(id),
  teller_account_id uuid NOT NULL REFERENCES accounts(id),
  ballots integer NOT NULL CHECK (ballots >= 0),
  counts jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (vote_id, teller_account_id)
);

CREATE TABLE livelihood_projects (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  year integer NOT NULL,
  candidate_id uuid REFERENCES livelihood_candidates(id),
  vote_id uuid REFERENCES project_votes(id),
  title text NOT NULL,
  lead_unit_id uuid NOT NULL REFERENCES handling_units(id),
  budget bigint NOT NULL CHECK (budget >= 0),
  street_id uuid REFERENCES jurisdictions(id),
  status text NOT NULL DEFAULT 'onTrack' CHECK (status IN ('onTrack', 'delayed', 'adjusted', 'completed', 'accepted')),
  percent integer NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
  target_date date,
  adjustment_reason text NOT NULL DEFAULT '',
  adjustment_approved_on date,
  adjustment_reference text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX livelihood_projects_year_idx ON livelihood_projects (congress_id, year);

CREATE TABLE livelihood_milestones (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  project_id uuid NOT NULL REFERENCES livelihood_projects(id),
  title text NOT NULL,
  target_date date NOT NULL,
  done_on date
);
CREATE INDEX livelihood_milestones_project_idx ON livelihood_milestones (project_id, target_date);

CREATE TABLE livelihood_progress_reports (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  project_id uuid NOT NULL REFERENCES livelihood_projects(id),
  month text NOT NULL,
  percent integer NOT NULL CHECK (percent BETWEEN 0 AND 100),
  narrative text NOT NULL,
  status text NOT NULL,
  photo_file_ids uuid[] NOT NULL DEFAULT '{}',
  reported_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, month)
);

CREATE TABLE livelihood_inspections (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  project_id uuid NOT NULL REFERENCES livelihood_projects(id),
  inspected_on date NOT NULL,
  deputy_ids uuid[] NOT NULL,
  findings text NOT NULL,
  -- Findings sent to the lead unit: the opinion created from them (when the opinions module is present).
  sent_to_unit boolean NOT NULL DEFAULT false,
  opinion_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX livelihood_inspections_project_idx ON livelihood_inspections (project_id, inspected_on);

CREATE TABLE livelihood_evaluations (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  project_id uuid NOT NULL REFERENCES livelihood_projects(id),
  deputy_id uuid NOT NULL,
  scores jsonb NOT NULL,
  comment text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, deputy_id)
);

CREATE TABLE livelihood_survey_responses (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  project_id uuid NOT NULL REFERENCES livelihood_projects(id),
  satisfaction text NOT NULL CHECK (satisfaction IN ('satisfied', 'basicallySatisfied', 'dissatisfied')),
  respondent_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, respondent_key)
);
