-- A vote counted in the room (a show of hands, a paper count, the room's own voting system): each of two congress
-- staff enters the totals; they close the vote only when two different staff have entered the same totals
-- (issue 17: "entered from the room's voting system as totals by two staff who must agree").
CREATE TABLE meeting_vote_room_totals (
  congress_id uuid NOT NULL REFERENCES congresses(id),
  vote_id uuid NOT NULL REFERENCES meeting_votes(id),
  account_id uuid NOT NULL REFERENCES accounts(id),
  yes integer NOT NULL CHECK (yes >= 0),
  no integer NOT NULL CHECK (no >= 0),
  abstain integer NOT NULL CHECK (abstain >= 0),
  entered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (vote_id, account_id)
);
