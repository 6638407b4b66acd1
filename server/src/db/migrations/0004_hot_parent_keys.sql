-- Foreign keys that every concurrent write took a lock through (ADR 0006, addendum 2); the ballots' own
-- are dropped in 0501.
--
-- A foreign-key check locks the parent row FOR KEY SHARE until commit. The tables below take rows at the
-- busiest moments (every audited change, every queued job, 3,000 ballots in a minute) and all point at the
-- same few parent rows: the congress and the vote. Concurrent lockers of one row share it through a
-- MultiXact that PostgreSQL rebuilds for each newcomer and writes to disk; the livelihood bench measured
-- 0.54 of the raw-insert baseline for ballots without these checks against 0.34 with them.
--
-- What the keys guaranteed is kept another way:
-- - congress_id is always the acting account's congress or a row's own, set by the server; and a congress
--   and a vote are never deleted (the triggers below refuse it), so no row can be left pointing nowhere;
-- - a ballot and a voter's mark are written by one statement whose guard reads the vote (and holds it FOR
--   KEY SHARE against a close), so they cannot name a vote that does not exist.
ALTER TABLE audit_events DROP CONSTRAINT audit_events_congress_id_fkey;
ALTER TABLE jobs DROP CONSTRAINT jobs_congress_id_fkey;

CREATE FUNCTION minyi_never_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are never deleted', TG_TABLE_NAME;
END $$;
CREATE TRIGGER congresses_never_deleted BEFORE DELETE ON congresses
  FOR EACH ROW EXECUTE FUNCTION minyi_never_deleted();

-- Nor is a key changed (an update of id would leave the same dangling rows).
CREATE FUNCTION minyi_key_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS DISTINCT FROM OLD.id THEN
    RAISE EXCEPTION 'the id of a % row never changes', TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER congresses_key_unchanged BEFORE UPDATE OF id ON congresses
  FOR EACH ROW EXECUTE FUNCTION minyi_key_unchanged();
