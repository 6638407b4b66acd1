-- A guard inside a single statement: `SELECT CASE WHEN <refused> THEN minyi_refuse('code') ELSE true END`
-- aborts the whole statement (and so every write in it) with the message `minyi_refused:<code>`, which
-- the platform turns back into the 4xx the guard names (see `writeAtOnce` in platform/context.ts).
CREATE FUNCTION minyi_refuse(code text) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'minyi_refused:' || code;
END
$$;
