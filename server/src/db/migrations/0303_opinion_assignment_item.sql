-- A unit's queue (the page a unit opens many times a day; bench opinions.bench.ts) read each assignment,
-- then each opinion for its stored item, status and deadline: two table pages per item, 100 for a page of
-- 50 over 1,000,000 opinions. Each assignment now carries those three (ADR 0006, addendum 3), kept by
-- triggers as migration 0401 keeps the suggestions' assignments, so the page reads the assignments alone.
ALTER TABLE opinion_assignments
  ADD COLUMN opinion_item text,
  ADD COLUMN opinion_status text,
  ADD COLUMN opinion_deadline timestamptz;

UPDATE opinion_assignments a
SET opinion_item = o.list_item, opinion_status = o.status, opinion_deadline = o.deadline_at
FROM opinions o WHERE o.id = a.opinion_id;

-- A new assignment takes its opinion's item and state.
CREATE FUNCTION opinion_assignments_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT o.list_item, o.status, o.deadline_at INTO NEW.opinion_item, NEW.opinion_status, NEW.opinion_deadline
  FROM opinions o WHERE o.id = NEW.opinion_id;
  IF NEW.opinion_item IS NULL THEN
    RAISE EXCEPTION 'opinion % of an assignment does not exist', NEW.opinion_id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER opinion_assignments_fill BEFORE INSERT ON opinion_assignments
  FOR EACH ROW EXECUTE FUNCTION opinion_assignments_fill();

ALTER TABLE opinion_assignments ALTER COLUMN opinion_item SET NOT NULL;
ALTER TABLE opinion_assignments ALTER COLUMN opinion_status SET NOT NULL;

-- A change of the opinion's item (rebuilt by its own trigger on every update), status or deadline reaches
-- its assignments in the same statement.
CREATE FUNCTION opinions_item_to_assignments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE opinion_assignments
  SET opinion_item = NEW.list_item, opinion_status = NEW.status, opinion_deadline = NEW.deadline_at
  WHERE opinion_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER opinions_item_to_assignments AFTER UPDATE ON opinions
  FOR EACH ROW WHEN (OLD.list_item IS DISTINCT FROM NEW.list_item OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.deadline_at IS DISTINCT FROM NEW.deadline_at)
  EXECUTE FUNCTION opinions_item_to_assignments();
