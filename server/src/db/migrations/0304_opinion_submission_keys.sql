-- The public form's rows, lighter to write (ADR 0006, addendum 4; bench opinions.bench.ts).
--
-- 1. An opinion's timeline events name it without a foreign key. The key's check ran for every event,
--    the 'submitted' one included, and locked the opinion FOR KEY SHARE: about a sixth of a submission's
--    time in PostgreSQL. What it guaranteed is kept as migration 0004 keeps it for congresses: events are
--    written by the server for an opinion it has just written or read in the same transaction, and an
--    opinion is never deleted nor re-keyed (the triggers below refuse it; hiding one keeps its row).
ALTER TABLE opinion_events DROP CONSTRAINT opinion_events_opinion_id_fkey;

CREATE TRIGGER opinions_never_deleted BEFORE DELETE ON opinions
  FOR EACH ROW EXECUTE FUNCTION minyi_never_deleted();
CREATE TRIGGER opinions_key_unchanged BEFORE UPDATE OF id ON opinions
  FOR EACH ROW EXECUTE FUNCTION minyi_key_unchanged();

-- 2. Most opinions come through no liaison place (the form, the hotline); the place's index now holds only
--    those that do, which is all a query by place reads (`liaison_place_id = …` implies it is not null).
DROP INDEX opinions_place_idx;
CREATE INDEX opinions_place_idx ON opinions (congress_id, liaison_place_id, created_at DESC, id DESC)
  WHERE liaison_place_id IS NOT NULL;

-- 3. The rate counters are counts of the last hour's and day's attempts, worth nothing after a crash: an
--    unlogged table skips the write-ahead log (each new counter was a random page of its key's index in the
--    log). After a crash PostgreSQL empties it, which lets through at most one window's worth of attempts
--    again; a standby does not have it, and needs it only once promoted, empty as after a crash.
ALTER TABLE opinion_rate_counters SET UNLOGGED;

-- 4. Sealing updates every audit row once. The append-only guard ran a PL/pgSQL function for each; the same
--    test is now the trigger's WHEN condition, evaluated without a call, and the function only raises.
DROP TRIGGER audit_events_append_only ON audit_events;
CREATE FUNCTION audit_events_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END $$;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse();
CREATE TRIGGER audit_events_append_only BEFORE UPDATE ON audit_events
  FOR EACH ROW WHEN (
    OLD.chain_seq IS NOT NULL
    OR (NEW.id, NEW.congress_id, NEW.account_id, NEW.role, NEW.action, NEW.entity_type, NEW.entity_id,
        NEW.before, NEW.after, NEW.ip, NEW.request_id, NEW.created_at, NEW.row_hash)
       IS DISTINCT FROM
       (OLD.id, OLD.congress_id, OLD.account_id, OLD.role, OLD.action, OLD.entity_type, OLD.entity_id,
        OLD.before, OLD.after, OLD.ip, OLD.request_id, OLD.created_at, OLD.row_hash))
  EXECUTE FUNCTION audit_events_refuse();
DROP FUNCTION audit_events_guard();

-- 5. The chain's uniqueness held an entry for every unsealed row too (chain_seq null), written with each
--    audit row and replaced at sealing; it now holds sealed rows only, the ones it is about.
ALTER TABLE audit_events DROP CONSTRAINT audit_events_congress_id_chain_seq_key;
CREATE UNIQUE INDEX audit_events_chain_idx ON audit_events (congress_id, chain_seq) WHERE chain_seq IS NOT NULL;
