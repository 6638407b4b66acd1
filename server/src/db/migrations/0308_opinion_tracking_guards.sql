-- Wrong phone suffixes on a tracking code (issue 22 item 3a). The suffix has 10,000 values, so look-ups by
-- code are counted: after OPINION_RULES.maxTrackingFailures wrong ones the code's look-ups are refused until
-- locked_until, and the citizen's rating by code stays refused for good (rating_locked_at). A row exists only
-- for an opinion someone guessed at; a right suffix below the threshold resets the count.
CREATE TABLE opinion_tracking_guards (
  opinion_id uuid PRIMARY KEY,
  congress_id uuid NOT NULL,
  failures integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  rating_locked_at timestamptz
);
