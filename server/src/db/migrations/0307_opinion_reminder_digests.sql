-- Deadline reminders became a daily digest per lead unit and an escalation per street (jobs
-- opinions.remindUnit and opinions.escalateStreet). Reminders queued one per item by the former sweep have no
-- handler now: the next hourly sweep covers their items, so the pending ones are dropped.
DELETE FROM jobs WHERE name = 'opinions.remind' AND status IN ('pending', 'running');
