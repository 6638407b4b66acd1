-- The suggestion lists' item, kept as JSON text on the row (ADR 0006, addendum 2).
--
-- Building 50 items' JSON was most of the database's work for a page of the staff's list (about 4 µs a row
-- even without `to_json` where no escaping is needed, against a few hundred nanoseconds to read a stored
-- text). A row now carries its item, less the one field that depends on the hour it is read ("overdue"),
-- rebuilt by a trigger whenever the row changes and when its proposer's or lead unit's name changes. The
-- list adds "overdue" and the closing brace (queries/find-suggestions.ts).
CREATE FUNCTION suggestion_list_item(s suggestions) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT concat(
    '{"id":', to_json(s.id)::text,
    ',"number":', coalesce(to_json(s.number)::text, 'null'),
    ',"title":', to_json(s.title)::text,
    ',"category":', to_json(s.category)::text,
    ',"status":', to_json(s.status)::text,
    ',"submittedAt":', coalesce(to_json(to_char(s.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text, 'null'),
    ',"deadline":', coalesce(to_json(to_char(s.deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text, 'null'),
    ',"assignDueAt":', coalesce(to_json(to_char(s.assign_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text, 'null'),
    ',"replyCategory":', coalesce(to_json(s.reply_category)::text, 'null'),
    ',"rating":', coalesce(to_json(s.rating)::text, 'null'),
    ',"isKey":', to_json(s.is_key)::text,
    ',"extended":', to_json(s.extended)::text,
    ',"handlingCaseId":', coalesce(to_json(s.handling_case_id)::text, 'null'),
    ',"proposerName":', coalesce((SELECT to_json(d.name)::text FROM deputies d WHERE d.id = s.proposer_deputy_id), 'null'),
    ',"leadUnitName":', coalesce((SELECT to_json(u.name)::text FROM handling_units u WHERE u.id = s.lead_unit_id), 'null'),
    ',"leadUnitId":', coalesce(to_json(s.lead_unit_id)::text, 'null'))
$$;

ALTER TABLE suggestions ADD COLUMN list_item text;

CREATE FUNCTION suggestions_list_item_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.list_item := suggestion_list_item(NEW);
  RETURN NEW;
END $$;
CREATE TRIGGER suggestions_list_item_fill BEFORE INSERT OR UPDATE ON suggestions
  FOR EACH ROW EXECUTE FUNCTION suggestions_list_item_fill();

UPDATE suggestions SET list_item = NULL;
ALTER TABLE suggestions ALTER COLUMN list_item SET NOT NULL;

-- A renamed deputy or unit: their suggestions' items are rebuilt (by the trigger above).
CREATE FUNCTION deputies_name_to_suggestions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE suggestions SET list_item = NULL WHERE proposer_deputy_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER deputies_name_to_suggestions AFTER UPDATE OF name ON deputies
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION deputies_name_to_suggestions();

CREATE FUNCTION handling_units_name_to_suggestions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE suggestions SET list_item = NULL WHERE lead_unit_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER handling_units_name_to_suggestions AFTER UPDATE OF name ON handling_units
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION handling_units_name_to_suggestions();
