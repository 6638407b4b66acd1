-- Proxy voting (委托投票, 选举法 Art. 42): a voter away during the election entrusts another voter in writing,
-- with the election committee's consent; one voter gives one entrustment, and one proxy accepts at most 3.
CREATE TABLE election_proxies (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  election_id uuid NOT NULL REFERENCES elections(id),
  voter_id uuid NOT NULL REFERENCES election_voters(id),
  proxy_voter_id uuid NOT NULL REFERENCES election_voters(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (voter_id <> proxy_voter_id)
);
CREATE UNIQUE INDEX election_proxies_voter_idx ON election_proxies (voter_id);
CREATE INDEX election_proxies_proxy_idx ON election_proxies (proxy_voter_id);
