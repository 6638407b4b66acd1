-- A unit's list of suggestions, filtered by status and overdue (the staff's most-opened page; bench
-- suggestions.bench.ts), read every assignment of the unit newest first and fetched each suggestion to test
-- its status and deadline: about 200 probes for a page of 50. Each active assignment now carries its
-- suggestion's status and deadline, kept by triggers, so the page is one ordered range of one index:
-- (unit, status) newest first, the deadline beside it for the overdue test (ADR 0006, addendum 2).
ALTER TABLE suggestion_assignments
  ADD COLUMN suggestion_status text,
  ADD COLUMN suggestion_deadline timestamptz;

UPDATE suggestion_assignments a SET suggestion_status = s.status, suggestion_deadline = s.deadline
FROM suggestions s WHERE s.id = a.suggestion_id;

ALTER TABLE suggestion_assignments ALTER COLUMN suggestion_status SET NOT NULL;

DROP INDEX suggestion_assignments_unit_idx;
CREATE INDEX suggestion_assignments_unit_idx ON suggestion_assignments
  (congress_id, unit_id, suggestion_status, suggestion_id) INCLUDE (suggestion_deadline) WHERE ended_at IS NULL;
CREATE INDEX suggestion_assignments_unit_all_idx ON suggestion_assignments
  (congress_id, unit_id, suggestion_id) WHERE ended_at IS NULL;

-- A new assignment takes its suggestion's state.
CREATE FUNCTION suggestion_assignments_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT s.status, s.deadline INTO NEW.suggestion_status, NEW.suggestion_deadline
  FROM suggestions s WHERE s.id = NEW.suggestion_id;
  RETURN NEW;
END $$;
CREATE TRIGGER suggestion_assignments_fill BEFORE INSERT ON suggestion_assignments
  FOR EACH ROW EXECUTE FUNCTION suggestion_assignments_fill();

-- A suggestion's change of status or deadline reaches its assignments in the same statement.
CREATE FUNCTION suggestions_state_to_assignments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE suggestion_assignments
  SET suggestion_status = NEW.status, suggestion_deadline = NEW.deadline
  WHERE suggestion_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER suggestions_state_to_assignments AFTER UPDATE OF status, deadline ON suggestions
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.deadline IS DISTINCT FROM NEW.deadline)
  EXECUTE FUNCTION suggestions_state_to_assignments();
