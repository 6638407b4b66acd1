// A candidate of a district (a nominee on its way to the official list); refused once the list is confirmed.
import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { electionCandidates } from '../elections.table';
import { electionDistrictPolicy } from '../elections.policy';
import { loadDistrictStep } from '../elections.repository';

export function addCandidate(ctx: Ctx, electionId: string, districtId: string, input: { name: string }) {
  return step(ctx, {
    policy: electionDistrictPolicy,
    action: 'addCandidate',
    load: (w, actor) => loadDistrictStep(w, actor, electionId, districtId),
    async write({ w, row: { district } }) {
      if (district.candidatesConfirmedOn)
        throw conflict('list_confirmed', {
          zh: '该选区的正式候选人名单已确定，不能再增加候选人',
          en: "The district's official candidate list is confirmed; no candidate can be added",
        });
      const [{ n }] = await w.db
        .select({ n: sql<number>`count(*)::int` })
        .from(electionCandidates)
        .where(eq(electionCandidates.districtId, district.id));
      const row = {
        id: newId(),
        congressId: district.congressId,
        electionId: district.electionId,
        districtId: district.id,
        name: input.name,
        position: n + 1,
      };
      await w.db.insert(electionCandidates).values(row);
      return {
        result: { id: row.id },
        audit: {
          action: 'election.addCandidate',
          entityType: 'electionDistrict',
          entityId: district.id,
          congressId: district.congressId,
          after: { candidateId: row.id, name: row.name },
        },
      };
    },
  });
}
