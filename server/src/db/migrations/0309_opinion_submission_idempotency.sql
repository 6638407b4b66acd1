-- The public form's Idempotency-Key (issue 22 item 11), recorded in the statement that writes the opinion
-- (commands/submit-public-opinion.ts) instead of the platform's idempotency_keys, which took three more
-- round trips per submission (claim, read on conflict, store the answer). A retry with the same key and body
-- is answered from here (the opinion's id and tracking code); the same key with another body is refused.
-- `scope` is 'public', or the account of staff entering an opinion. Kept a day (jobs/forget-submission-keys.ts,
-- a daily scan of a day's keys: no index on created_at to write with every submission).
CREATE TABLE opinion_submission_keys (
  congress_id uuid NOT NULL,
  scope text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  opinion_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
