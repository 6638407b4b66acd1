-- What a job has already sent (issue 15, point 5). A job that sends several messages (a batch of texts to
-- citizens) records each one here right after the gateway accepted it, so a retry after a crash sends only
-- the messages with no row: a worker killed mid-job no longer texts a citizen twice. `key` is the job's own
-- name for the message (a text's place in the job's list). The send is an external effect and cannot share
-- a transaction with the row: a crash between the two re-sends that one message only.
--
-- A job's rows go with the statement that marks it done; those of a failed job stay until the hourly prune.
-- congress_id is the job's (null for the platform's own jobs). No foreign key to jobs: it would cost a lookup
-- and a row lock per text for rows that only the job's own handler writes.
CREATE TABLE job_deliveries (
  job_id uuid NOT NULL,
  congress_id uuid,
  key text NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (job_id, key)
);
