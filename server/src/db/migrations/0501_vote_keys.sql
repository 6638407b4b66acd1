-- The ballots' and voters' marks' foreign keys, dropped for the reason migration 0004 gives: 3,000 deputies
-- voting at once all locked the same congress and vote rows through them (the livelihood bench measured
-- 0.54 of the raw-insert baseline for ballots without these checks and the audit's, against 0.34 with them).
-- A ballot and a voter's mark are written by one statement whose guard reads the vote and holds it FOR KEY
-- SHARE against a close, so they cannot name a vote that does not exist; and a vote is never deleted nor
-- re-keyed (the triggers below, with the functions of 0004).
ALTER TABLE project_vote_voters DROP CONSTRAINT project_vote_voters_congress_id_fkey;
ALTER TABLE project_vote_voters DROP CONSTRAINT project_vote_voters_vote_id_fkey;
ALTER TABLE project_vote_ballots DROP CONSTRAINT project_vote_ballots_congress_id_fkey;
ALTER TABLE project_vote_ballots DROP CONSTRAINT project_vote_ballots_vote_id_fkey;

CREATE TRIGGER project_votes_never_deleted BEFORE DELETE ON project_votes
  FOR EACH ROW EXECUTE FUNCTION minyi_never_deleted();
CREATE TRIGGER project_votes_key_unchanged BEFORE UPDATE OF id ON project_votes
  FOR EACH ROW EXECUTE FUNCTION minyi_key_unchanged();
