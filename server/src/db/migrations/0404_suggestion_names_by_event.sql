-- The suggestions module's migrations no longer touch the registry's tables (issue 15): the triggers that
-- rebuilt suggestion list items when a deputy or a handling unit was renamed (0402) are dropped; the registry
-- now publishes deputy.renamed and handlingUnit.renamed, and the suggestions module rebuilds the items after
-- commit (jobs/refresh-proposer-names.ts, jobs/refresh-unit-names.ts).
DROP TRIGGER IF EXISTS deputies_name_to_suggestions ON deputies;
DROP FUNCTION IF EXISTS deputies_name_to_suggestions();
DROP TRIGGER IF EXISTS handling_units_name_to_suggestions ON handling_units;
DROP FUNCTION IF EXISTS handling_units_name_to_suggestions();
