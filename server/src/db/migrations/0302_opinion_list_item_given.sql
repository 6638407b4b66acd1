-- A new opinion's list item comes with the row (`opinionListItem` in submit-opinion.ts builds the same text
-- from the same values), so an INSERT no longer runs opinion_list_item(): that call, which passes the whole
-- row to PL/pgSQL, was half of the database's cost of a public submission (EXPLAIN ANALYZE over a batch of
-- nine: 2.3 ms with it, 1.2 ms without). An INSERT without the item, and every UPDATE, still gets it from
-- the function; a test compares every stored item with the function's.
DROP TRIGGER opinions_list_item_fill ON opinions;
CREATE TRIGGER opinions_list_item_fill BEFORE UPDATE ON opinions
  FOR EACH ROW EXECUTE FUNCTION opinions_list_item_fill();
CREATE TRIGGER opinions_list_item_fill_insert BEFORE INSERT ON opinions
  FOR EACH ROW WHEN (NEW.list_item IS NULL) EXECUTE FUNCTION opinions_list_item_fill();
