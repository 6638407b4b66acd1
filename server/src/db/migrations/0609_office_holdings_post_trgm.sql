-- "Who held post P on date D" (GET /office-holders?post=&date=, issue 17) matches the post by the text it
-- contains (ILIKE '%…%'), which no b-tree serves: over 20 years of a district's appointments (10,000 cases,
-- bench/meetings.bench.ts) PostgreSQL read every holding started before the date and filtered it (5,000 rows,
-- ~1.3 ms of its CPU a request, under half the primary-key read's throughput). A trigram index finds the
-- post's few holdings first (pg_trgm splits Chinese text into trigrams too: 0.2 ms instead of 1.8 ms).
-- fastupdate off: appointments are rare writes, and a GIN pending list (entries not yet merged, until a
-- vacuum) makes the planner cost the index above the scan, so it went unused after a load of holdings.
CREATE INDEX office_holdings_post_trgm_idx ON office_holdings USING gin (post gin_trgm_ops)
  WITH (fastupdate = off);
