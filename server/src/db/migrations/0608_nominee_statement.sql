-- The nominee's statement (供职发言, issue 17): an appointment case on the agenda records what the nominee said
-- to the standing committee before its vote, with the day.
ALTER TABLE appointment_cases ADD COLUMN statement text;
ALTER TABLE appointment_cases ADD COLUMN statement_on date;
