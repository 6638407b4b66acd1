-- Nominations and the official candidate list (选举法 Art. 30–32, 34): who nominated each nominee (a party, a
-- people's organisation, or 10 or more voters of the district jointly, each nominating voter recorded so that
-- no voter joins more nominations than the district's seats), the nominee's published information, the day the
-- nominees were published (15 days before election day), and the nominees left off the official list by the
-- voter groups' consultation or by a primary (预选) with their primary votes.

ALTER TABLE election_candidates
  ADD COLUMN nominated_by text CHECK (nominated_by IN ('party', 'organisation', 'voters')),
  ADD COLUMN nominator text,
  ADD COLUMN profile text,
  ADD COLUMN dropped text CHECK (dropped IN ('consultation', 'primary')),
  ADD COLUMN drop_note text,
  ADD COLUMN primary_votes integer CHECK (primary_votes >= 0),
  ADD CONSTRAINT election_candidates_nominator_check
    CHECK ((nominated_by IS NOT NULL AND nominated_by <> 'voters') = (nominator IS NOT NULL));
CREATE INDEX election_candidates_nominator_idx ON election_candidates (district_id, nominated_by, nominator);

CREATE TABLE election_nominators (
  candidate_id uuid NOT NULL REFERENCES election_candidates(id),
  voter_id uuid NOT NULL REFERENCES election_voters(id),
  congress_id uuid NOT NULL REFERENCES congresses(id),
  district_id uuid NOT NULL REFERENCES election_districts(id),
  PRIMARY KEY (candidate_id, voter_id)
);
CREATE INDEX election_nominators_voter_idx ON election_nominators (voter_id);

ALTER TABLE election_districts ADD COLUMN nominees_published_on date;
