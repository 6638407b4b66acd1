-- Benchmark baselines: a plain table for the raw single-row insert and primary-key read that
-- bench/ measures every module against. Only bench mode (MINYI_BENCH=1) has routes that touch it.
CREATE TABLE bench_rows (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL,
  payload text NOT NULL,
  created_at timestamptz DEFAULT now()
);
