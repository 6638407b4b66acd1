// The complaints against an election's voter lists (申诉, 选举法 Art. 29), newest first: each with its district,
// the voter concerned, the day the committee must decide by (3 days), the decision, and whether it is late.
import { desc, eq } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import { complaintDecisionDue } from '@minyi/domain/elections';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { electionComplaints, electionDistricts, electionVoters } from '../elections.table';
import { electionPolicy } from '../elections.policy';
import { findElection } from '../elections.repository';

export async function findComplaints(db: Db, actor: Actor, electionId: string) {
  const election = await findElection(db, actor, electionId);
  const resource = { congressId: election.congressId };
  electionPolicy.authorize(actor, 'readVoters', resource);
  const rows = await db
    .select({
      id: electionComplaints.id,
      districtId: electionComplaints.districtId,
      district: electionDistricts.name,
      voterId: electionComplaints.voterId,
      voter: electionVoters.name,
      complainant: electionComplaints.complainant,
      subject: electionComplaints.subject,
      filedOn: electionComplaints.filedOn,
      decision: electionComplaints.decision,
      decisionText: electionComplaints.decisionText,
      decidedOn: electionComplaints.decidedOn,
    })
    .from(electionComplaints)
    .innerJoin(electionDistricts, eq(electionDistricts.id, electionComplaints.districtId))
    .leftJoin(electionVoters, eq(electionVoters.id, electionComplaints.voterId))
    .where(eq(electionComplaints.electionId, election.id))
    .orderBy(desc(electionComplaints.filedOn), desc(electionComplaints.createdAt))
    .limit(500);
  const today = shanghaiDate(new Date());
  return {
    items: rows.map((r) => {
      const decisionDue = complaintDecisionDue(r.filedOn);
      return { ...r, decisionDue, late: (r.decidedOn ?? today) > decisionDue };
    }),
    abilities: electionPolicy.abilities(actor, resource),
  };
}
