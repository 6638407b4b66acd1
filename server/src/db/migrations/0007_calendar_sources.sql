-- The calendar's sources. Statutory holidays are computed in code for any year (domain/src/calendar) and the
-- State Council's notices 2020–2026 ship with it; the database keeps what a congress entered itself: a
-- notice for a year (its days, source 'notice', and a row in calendar_notices confirming the year) and its own
-- arrangements (source 'staff'), which win over the notice. A notice day and a staff day may share a date.
ALTER TABLE calendar_days ADD COLUMN source text NOT NULL DEFAULT 'notice' CHECK (source IN ('notice', 'staff'));
ALTER TABLE calendar_days DROP CONSTRAINT calendar_days_pkey;
ALTER TABLE calendar_days ADD PRIMARY KEY (congress_id, date, source);
ALTER TABLE calendar_days ALTER COLUMN source DROP DEFAULT;

-- A year whose notice a congress entered: its calendar is confirmed, no longer provisional.
CREATE TABLE calendar_notices (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  reference text NOT NULL DEFAULT '',
  entered_by uuid REFERENCES accounts(id),
  entered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (congress_id, year)
);

-- Days imported before this migration were each year's notice, as the import then meant.
INSERT INTO calendar_notices (congress_id, year)
SELECT DISTINCT congress_id, extract(year FROM date)::integer FROM calendar_days;
