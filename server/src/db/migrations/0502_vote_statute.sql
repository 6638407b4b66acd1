-- Issue 16 §2, the livelihood vote. A vote's kind (the main vote, the runoff among the tied, the second vote
-- for a shortfall), the congress sitting a binding vote is linked to, and the tellers' statement of the paper
-- ballots: issued, valid, void and blank beside the ballots returned (the existing `ballots` column).
ALTER TABLE project_votes ADD COLUMN kind text NOT NULL DEFAULT 'main'
  CHECK (kind IN ('main', 'runoff', 'shortfall'));
-- Every vote with a parent before this migration was a runoff among tied candidates.
UPDATE project_votes SET kind = 'runoff' WHERE parent_vote_id IS NOT NULL;
ALTER TABLE project_votes ADD CONSTRAINT project_votes_kind_parent
  CHECK ((kind = 'main') = (parent_vote_id IS NULL));
ALTER TABLE project_votes ADD COLUMN sitting_id uuid REFERENCES sittings(id);
CREATE INDEX project_votes_parent_idx ON project_votes (parent_vote_id) WHERE parent_vote_id IS NOT NULL;

-- A statement entered before this migration had only the ballots returned: they were all counted as valid
-- (blank ones included) and as issued.
ALTER TABLE project_vote_paper_counts ADD COLUMN issued integer NOT NULL DEFAULT 0 CHECK (issued >= 0);
ALTER TABLE project_vote_paper_counts ADD COLUMN valid_ballots integer NOT NULL DEFAULT 0 CHECK (valid_ballots >= 0);
ALTER TABLE project_vote_paper_counts ADD COLUMN void_ballots integer NOT NULL DEFAULT 0 CHECK (void_ballots >= 0);
ALTER TABLE project_vote_paper_counts ADD COLUMN blank_ballots integer NOT NULL DEFAULT 0 CHECK (blank_ballots >= 0);
UPDATE project_vote_paper_counts SET issued = ballots, valid_ballots = ballots;
ALTER TABLE project_vote_paper_counts ADD CONSTRAINT project_vote_paper_counts_reconciled
  CHECK (ballots <= issued AND valid_ballots + void_ballots + blank_ballots = ballots);
