// Moves a voter who moved to the district they now live in (选举法 Art. 27: 迁出原选区的，列入新迁入的选区的
// 选民名单), keeping where they came from; refused from election day on. A voter card of the old district is
// withdrawn (a new one is issued in the new district).
import { eq } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { electionVoters } from '../elections.table';
import { electionPolicy } from '../elections.policy';
import { districtOfElection, loadVoterStep } from '../elections.repository';

export function transferVoter(
  ctx: Ctx,
  electionId: string,
  voterId: string,
  input: { districtId: string; group?: string },
) {
  return step(ctx, {
    policy: electionPolicy,
    action: 'transferVoter',
    load: (w, actor) => loadVoterStep(w, actor, electionId, voterId, 'transferVoter'),
    async write({ w, row: { voter, election } }) {
      const to = await districtOfElection(w.db, election.id, input.districtId);
      if (to.id === voter.districtId)
        throw invalidField('districtId', '选民已在该选区', 'the voter is already in that district');
      if (shanghaiDate(new Date()) >= election.electionDay)
        throw conflict('election_day_reached', {
          zh: `选举日（${election.electionDay}）起不能再转移选民`,
          en: `Voters cannot be moved from election day (${election.electionDay}) on`,
        });
      const change = {
        districtId: to.id,
        groupName: input.group ?? '',
        transferredFrom: voter.districtId,
        voterCardNo: null,
        voterCardIssuedOn: null,
      };
      await w.db.update(electionVoters).set(change).where(eq(electionVoters.id, voter.id));
      return {
        result: { id: voter.id, districtId: to.id, from: voter.districtId },
        audit: {
          action: 'election.transferVoter',
          entityType: 'electionVoter',
          entityId: voter.id,
          congressId: voter.congressId,
          before: {
            districtId: voter.districtId,
            groupName: voter.groupName,
            voterCardNo: voter.voterCardNo,
          },
          after: change,
        },
      };
    },
  });
}
