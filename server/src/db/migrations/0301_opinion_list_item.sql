-- A unit's opinion queue reads each item as JSON text stored on the row (ADR 0006, addendum 2), as the
-- suggestion lists do (0402): building 50 items' JSON was most of the database's work for a page. The row
-- carries its item less the fields that depend on the reader or the hour ("role", from the unit's
-- assignment, and "due"); a trigger rebuilds it on every change of the row. One expression, so PL/pgSQL
-- evaluates it without the executor: a few microseconds an insert.
CREATE FUNCTION opinion_list_item(o opinions) RETURNS text LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN '{"id":"' || o.id::text
    || '","trackingCode":' || to_json(o.tracking_code)::text
    || ',"content":' || to_json(o.public_content)::text
    || ',"category":' || to_json(o.category)::text
    || ',"streetId":"' || o.street_id::text
    || '","channel":' || to_json(o.channel)::text
    || ',"status":' || to_json(o.status)::text
    || ',"hidden":' || CASE WHEN o.hidden THEN 'true' ELSE 'false' END
    || ',"leadUnitId":' || coalesce('"' || o.lead_unit_id::text || '"', 'null')
    || ',"deadlineAt":' || coalesce('"' || to_char(o.deadline_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"', 'null')
    || ',"reopenCount":' || o.reopen_count::text
    || ',"createdAt":"' || to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"';
END $$;

ALTER TABLE opinions ADD COLUMN list_item text;

CREATE FUNCTION opinions_list_item_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.list_item := opinion_list_item(NEW);
  RETURN NEW;
END $$;
CREATE TRIGGER opinions_list_item_fill BEFORE INSERT OR UPDATE ON opinions
  FOR EACH ROW EXECUTE FUNCTION opinions_list_item_fill();

UPDATE opinions SET list_item = NULL;
ALTER TABLE opinions ALTER COLUMN list_item SET NOT NULL;
