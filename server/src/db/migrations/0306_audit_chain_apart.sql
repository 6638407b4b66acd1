-- The audit chain kept apart from the audit rows, which are now never updated (ADR 0006, addendum 6).
-- Numbered after 0304, whose trigger on audit_events it replaces.
--
-- Sealing used to write each audit row a second time, to set its chain_seq and chain_hash: a whole new row
-- version, its four index entries, and a dead version for VACUUM, for every row (in the opinion form's
-- benchmark, an eighth of the write-ahead log). Now a row is written once, with its entry in a small queue of
-- unsealed rows, in the same statement; sealing takes entries off the queue and appends one narrow link per
-- row to the chain.

-- Rows written and not yet chained: the sealer's queue (a row's hash, so sealing reads no audit row).
CREATE TABLE audit_unsealed (
  congress_id uuid NOT NULL,
  id uuid NOT NULL,
  row_hash text NOT NULL,
  PRIMARY KEY (congress_id, id)
);

-- The chain: link n of a congress chains the row `event_id` after link n - 1 (keyed SM3, see audit.ts).
CREATE TABLE audit_chain (
  congress_id uuid NOT NULL,
  chain_seq bigint NOT NULL,
  event_id uuid NOT NULL UNIQUE,
  chain_hash text NOT NULL,
  PRIMARY KEY (congress_id, chain_seq)
);

INSERT INTO audit_chain (congress_id, chain_seq, event_id, chain_hash)
  SELECT congress_id, chain_seq, id, chain_hash FROM audit_events WHERE chain_seq IS NOT NULL;
INSERT INTO audit_unsealed (congress_id, id, row_hash)
  SELECT congress_id, id, row_hash FROM audit_events WHERE chain_seq IS NULL;

DROP TRIGGER audit_events_append_only ON audit_events;
DROP INDEX audit_events_unsealed_idx;
DROP INDEX audit_events_chain_idx;
ALTER TABLE audit_events DROP COLUMN chain_seq, DROP COLUMN chain_hash;

-- Append-only, both: no row of the trail or link of the chain is updated, and none deleted.
CREATE OR REPLACE FUNCTION audit_events_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse();
CREATE TRIGGER audit_chain_append_only BEFORE UPDATE OR DELETE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse();
