-- An opinion's list item has one source: `opinionListItem` in the opinions module (opinions.repository.ts),
-- stored by every write of the row (issue 15 point 4). The SQL rendering of migrations 0301–0302 and its
-- triggers duplicated it and go. The copies of the item, status and deadline on the assignments (0303) stay:
-- they copy the stored item, they do not build it.
DROP TRIGGER opinions_list_item_fill ON opinions;
DROP TRIGGER opinions_list_item_fill_insert ON opinions;
DROP FUNCTION opinions_list_item_fill();
DROP FUNCTION opinion_list_item(opinions);
