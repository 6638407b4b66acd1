-- A password set by an administrator (a reset) is a one-time password: until its holder sets a new one,
-- the account's sessions may only change the password, see who is signed in and sign out.
ALTER TABLE accounts ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- 三员分立: an administrator account (systemAdmin, securityAdmin, auditor) never holds a business role,
-- and an account with business roles is never made an administrator. The grant command checks this first
-- and answers 409 naming the role; this trigger refuses what reaches the table any other way. It locks the
-- account's row so that two grants racing on one account are checked one after the other.
CREATE FUNCTION minyi_account_roles_separated() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  new_is_admin boolean := NEW.role IN ('systemAdmin', 'securityAdmin', 'auditor');
BEGIN
  PERFORM 1 FROM accounts WHERE id = NEW.account_id FOR UPDATE;
  IF EXISTS (
    SELECT 1 FROM account_roles
    WHERE account_id = NEW.account_id
      AND role <> NEW.role
      AND (role IN ('systemAdmin', 'securityAdmin', 'auditor')) <> new_is_admin
  ) THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'minyi_refused:admin_business_separated';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER account_roles_separated BEFORE INSERT OR UPDATE ON account_roles
  FOR EACH ROW EXECUTE FUNCTION minyi_account_roles_separated();
