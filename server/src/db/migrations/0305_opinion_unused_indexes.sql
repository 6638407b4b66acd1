-- Two indexes on opinions that no query reads, each written by every submission (ADR 0006, addendum 5):
--
-- 1. The trigram index over the segmented text. Similar opinions are found through the word index
--    (`search_tsv @@ …`, opinions_search_idx) and only ranked by pg_trgm's similarity(), which is computed
--    on the rows found and cannot use an index; the staff search box matches words the same way. It added
--    some forty trigrams per text to a GIN index, a third of the opinion row's time in PostgreSQL.
DROP INDEX opinions_trgm_idx;

-- 2. The index of the phone's keyed hash. No query looks opinions up by phone: the per-phone limit counts in
--    opinion_rate_counters and the block list matches in opinion_blocks. Its keys are random, so each new
--    opinion wrote to a random page of it (a full-page image in the log after every checkpoint, once the
--    table is large). A lookup of a citizen's opinions by phone, should one be added, can bring it back.
DROP INDEX opinions_phone_idx;
