-- Issue 21: secret ballots that stay secret from the database administrator. A ballot is stored only as
-- exponential-ElGamal ciphertexts (one per candidate) with their zero-knowledge proofs, under a key that three
-- tellers generate between them (a distributed key generation: the private key never exists in one place, and
-- no teller's share is ever stored here). At close the ciphertexts are combined per candidate; the totals come
-- out once two of the three tellers have posted their partial decryptions with proofs (status `counting` until
-- then). See server/src/modules/ballots/SECRECY.md.
-- In the livelihood range although it is the ballots engine's: migrations run in file-name order, and the
-- tables it changes are created by 0500, so a 02xx file would run before them on a new database.
ALTER TABLE project_votes DROP CONSTRAINT project_votes_status_check;
ALTER TABLE project_votes ADD CONSTRAINT project_votes_status_check
  CHECK (status IN ('draft', 'signingIn', 'open', 'counting', 'closed'));
-- The curve of the vote's key (a setting: 'sm2' where national-cryptography rules apply), the vote's public
-- key (computed from the tellers' deals once all are in), and the per-candidate sums of the ciphertexts
-- stored at close.
ALTER TABLE project_votes ADD COLUMN curve text NOT NULL DEFAULT 'p256' CHECK (curve IN ('p256', 'sm2'));
ALTER TABLE project_votes ADD COLUMN public_key text;
ALTER TABLE project_votes ADD COLUMN combined jsonb;

-- The vote's tellers (named before it opens) and what each posts in public: the ceremony public key (for
-- the encrypted transport of the shares), the deal (commitments and boxed shares), the partial decryption of
-- the totals. Never a share.
CREATE TABLE project_vote_tellers (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  vote_id uuid NOT NULL REFERENCES project_votes(id),
  teller_index integer NOT NULL CHECK (teller_index BETWEEN 1 AND 3),
  account_id uuid NOT NULL REFERENCES accounts(id),
  ceremony_key text,
  deal jsonb,
  partial_decryption jsonb,
  PRIMARY KEY (vote_id, teller_index),
  UNIQUE (vote_id, account_id)
);
CREATE INDEX project_vote_tellers_account_idx ON project_vote_tellers (account_id);

-- The encrypted ballot box: the receipt (SHA-256 of the ciphertexts, public in the bulletin) and the
-- encrypted ballot. No id, no time, no sequence, no voter. The plaintext ballots' table is dropped with
-- what it held: the results of closed votes stay in project_votes.result.
CREATE TABLE project_vote_encrypted_ballots (
  congress_id uuid NOT NULL,
  vote_id uuid NOT NULL,
  receipt text NOT NULL,
  ballot jsonb NOT NULL,
  PRIMARY KEY (vote_id, receipt)
);
DROP TABLE project_vote_ballots;
