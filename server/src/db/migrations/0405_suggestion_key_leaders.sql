-- Several district leaders may lead the supervision of one key suggestion (issue 23 point 11: "several
-- district leaders lead"). key_leader_account_ids holds them all in the order chosen; leader_account_id
-- stays the first of them, for the readers that show one name.
ALTER TABLE suggestions ADD COLUMN key_leader_account_ids uuid[] NOT NULL DEFAULT '{}';
UPDATE suggestions SET key_leader_account_ids = ARRAY[leader_account_id] WHERE leader_account_id IS NOT NULL;
