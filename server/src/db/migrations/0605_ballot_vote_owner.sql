-- Issue 17: the standing committee's secret votes (appointments and removals) run on the encrypted-ballot engine
-- of issue 21, beside the livelihood votes. Each engine vote records the module whose question it is, so that a
-- module's lists show only its own votes and a vote is counted by its own module's rules. Every vote made
-- before is a livelihood vote. In the meetings range because it is the meetings that need it, and the table
-- it changes is created by 0500 (a 02xx file would run before it on a new database).
ALTER TABLE project_votes ADD COLUMN owner text NOT NULL DEFAULT 'livelihood'
  CHECK (owner IN ('livelihood', 'meetings'));
CREATE INDEX project_votes_owner_idx ON project_votes (congress_id, owner, created_at DESC);
-- A vote's options belong to its module (BallotSubject.findOptions): a meeting's secret vote has yes, no and
-- abstain, which are no livelihood candidates. The key to livelihood_candidates goes; the engine checks the
-- options with the owner's findOptions when a vote is made.
ALTER TABLE project_vote_candidates DROP CONSTRAINT project_vote_candidates_candidate_id_fkey;
