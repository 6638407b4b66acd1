-- A suggestion's list item has one source: `suggestionListItem` in the suggestions module
-- (suggestions.repository.ts), stored by every write of the row and after a renamed proposer or unit
-- (issue 15 point 4). The SQL rendering of migration 0402 and its trigger duplicated it and go; the copies of
-- status and deadline on the assignments (0401) stay: they copy the row, they build no item.
DROP TRIGGER suggestions_list_item_fill ON suggestions;
DROP FUNCTION suggestions_list_item_fill();
DROP FUNCTION suggestion_list_item(suggestions);
