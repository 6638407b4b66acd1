-- The last TOTP time step an account's code was accepted for (RFC 6238 §5.2: the verifier must not accept
-- the same one-time password twice). A code is accepted only for a later step, and the step is claimed by
-- a conditional UPDATE, so two sign-ins racing with one code cannot both pass. Null: none accepted since
-- the secret was (re)issued.
ALTER TABLE accounts ADD COLUMN totp_last_step bigint;
