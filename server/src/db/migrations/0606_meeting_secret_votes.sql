-- Issue 17: secret votes at meetings (appointments and removals by default) on the encrypted-ballot engine of
-- issue 21. A secret meeting vote and its engine vote share one id (the engine's project_votes row, owner
-- 'meetings', holds the roll, the tellers, the encrypted ballots and the bulletin; nothing of a ballot is
-- kept here). A secret vote is `preparing` while its tellers hold the key ceremony and `counting` from close
-- until two of them have decrypted the totals.
ALTER TABLE meeting_votes ADD COLUMN secret boolean NOT NULL DEFAULT false;
ALTER TABLE meeting_votes DROP CONSTRAINT meeting_votes_status_check;
ALTER TABLE meeting_votes ADD CONSTRAINT meeting_votes_status_check
  CHECK (status IN ('preparing', 'open', 'counting', 'closed'));
ALTER TABLE meeting_votes ADD CONSTRAINT meeting_votes_secret_status_check
  CHECK (secret OR status IN ('open', 'closed'));
