// The election committee's decision on a complaint against the list (选举法 Art. 29: 三日内作出处理决定),
// upheld or dismissed with its reasons; decided once. A decision after the 3 days is recorded and shown late.
import { and, eq } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import { complaintDecisionDue, type ComplaintDecision } from '@minyi/domain/elections';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField, notFound } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { electionComplaints } from '../elections.table';
import { electionPolicy } from '../elections.policy';
import { findElection, notAfterToday } from '../elections.repository';

export function decideComplaint(
  ctx: Ctx,
  electionId: string,
  complaintId: string,
  input: { decision: ComplaintDecision; text: string; decidedOn: string },
) {
  return step(ctx, {
    policy: electionPolicy,
    action: 'decideComplaint',
    async load(w, actor) {
      const election = await findElection(w.db, actor, electionId);
      // The right first: whether the record exists is not told to others.
      electionPolicy.authorize(actor, 'decideComplaint', { congressId: election.congressId });
      const [row] = await w.db
        .select()
        .from(electionComplaints)
        .where(and(eq(electionComplaints.id, complaintId), eq(electionComplaints.electionId, election.id)))
        .for('update');
      if (!row) throw notFound({ zh: '申诉', en: 'complaint' });
      return { row, resource: { congressId: election.congressId } };
    },
    async write({ w, actor, row: complaint }) {
      notAfterToday('decidedOn', input.decidedOn, shanghaiDate(new Date()));
      if (input.decidedOn < complaint.filedOn)
        throw invalidField(
          'decidedOn',
          `决定日期早于申诉日期（${complaint.filedOn}）`,
          `the decision is dated before the complaint (${complaint.filedOn})`,
        );
      if (complaint.decision)
        throw conflict('complaint_decided', {
          zh: `该申诉已于${complaint.decidedOn}作出决定`,
          en: `The complaint was already decided on ${complaint.decidedOn}`,
        });
      const change = {
        decision: input.decision,
        decisionText: input.text,
        decidedOn: input.decidedOn,
        decidedBy: actor.accountId,
      };
      await w.db.update(electionComplaints).set(change).where(eq(electionComplaints.id, complaint.id));
      const due = complaintDecisionDue(complaint.filedOn);
      return {
        result: { id: complaint.id, ...change, late: input.decidedOn > due },
        audit: {
          action: 'election.decideComplaint',
          entityType: 'electionComplaint',
          entityId: complaint.id,
          congressId: complaint.congressId,
          after: { ...change, decisionDue: due },
        },
      };
    },
  });
}
