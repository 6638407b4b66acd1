-- The loop of a work report heard by the standing committee (issue 17, 监督法 Art. 17): the deliberation opinions
-- sent to the organ, its handling report and the day it was due, the satisfaction vote on it (a vote of the
-- meeting's machinery on an item of its own), and the follow-up supervision.

CREATE TABLE oversight_reports (
  id uuid PRIMARY KEY,
  congress_id uuid NOT NULL REFERENCES congresses(id),
  meeting_id uuid NOT NULL REFERENCES meetings(id),
  agenda_item_id uuid NOT NULL UNIQUE REFERENCES meeting_agenda_items(id),
  organ text NOT NULL,
  title text NOT NULL,
  status text NOT NULL DEFAULT 'heard'
    CHECK (status IN ('heard', 'opinionsSent', 'handled', 'satisfied', 'notSatisfied', 'followUp')),
  heard_on date NOT NULL,
  opinions text,
  opinions_sent_on date,
  handling_due_on date,
  handling_summary text,
  handling_received_on date,
  satisfaction_item_id uuid REFERENCES meeting_agenda_items(id),
  satisfaction_vote_id uuid REFERENCES meeting_votes(id),
  follow_up_plan text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((opinions_sent_on IS NULL) = (handling_due_on IS NULL))
);
CREATE INDEX oversight_reports_list_idx ON oversight_reports (congress_id, heard_on DESC, id DESC);
CREATE INDEX oversight_reports_satisfaction_idx ON oversight_reports (satisfaction_item_id);
