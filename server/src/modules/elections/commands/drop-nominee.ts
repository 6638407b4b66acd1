// A nominee left off the official list by the voter groups' consultation (选举法 Art. 32: 如果所提候选人的人数
// 超过最高差额比例，由选举委员会交各该选区的选民小组讨论、协商，根据较多数选民的意见，确定正式代表候选人名单).
// Only after the nominees are published, only while they exceed the ratio's maximum, never below its minimum,
// and with the record of the consultation.
import { and, count, eq, isNull } from 'drizzle-orm';
import { candidateRange, nomineeStage } from '@minyi/domain/elections';
import type { Ctx } from '../../../platform/context';
import { conflict, notFound } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { electionCandidates } from '../elections.table';
import { electionDistrictPolicy } from '../elections.policy';
import { loadDistrictStep } from '../elections.repository';
import { readElectionsSettings } from '../elections.settings';
import { listOpenForReduction } from './hold-primary';

export function dropNominee(
  ctx: Ctx,
  electionId: string,
  districtId: string,
  candidateId: string,
  input: { note: string },
) {
  return step(ctx, {
    policy: electionDistrictPolicy,
    action: 'dropNominee',
    load: (w, actor) => loadDistrictStep(w, actor, electionId, districtId),
    async write({ w, row: { district } }) {
      const [candidate] = await w.db
        .select()
        .from(electionCandidates)
        .where(and(eq(electionCandidates.id, candidateId), eq(electionCandidates.districtId, district.id)));
      if (!candidate) throw notFound({ zh: '代表候选人', en: 'nominee' });
      listOpenForReduction(district);
      if (candidate.dropped)
        throw conflict('nominee_dropped', {
          zh: '该候选人已不在名单上',
          en: 'The nominee is already off the list',
        });
      const settings = await readElectionsSettings(w.db, district.congressId);
      const [{ n }] = await w.db
        .select({ n: count() })
        .from(electionCandidates)
        .where(and(eq(electionCandidates.districtId, district.id), isNull(electionCandidates.dropped)));
      const { max } = candidateRange(district.seats, settings.ratioRounding);
      if (nomineeStage(district.seats, n, settings.ratioRounding) !== 'tooMany')
        throw conflict(
          'within_ratio',
          {
            zh: `现有${n}名代表候选人，未超过最高差额比例（${max}名），无需协商减少（选举法第三十二条）`,
            en: `The ${n} nominees do not exceed the ratio's maximum of ${max}; nothing to reduce by consultation (Election Law Art. 32)`,
          },
          { nominees: n, max },
        );
      await w.db
        .update(electionCandidates)
        .set({ dropped: 'consultation', dropNote: input.note })
        .where(eq(electionCandidates.id, candidate.id));
      return {
        result: { id: candidate.id, nominees: n - 1, max },
        audit: {
          action: 'election.dropNominee',
          entityType: 'electionDistrict',
          entityId: district.id,
          congressId: district.congressId,
          after: {
            candidateId: candidate.id,
            name: candidate.name,
            reason: 'consultation',
            note: input.note,
          },
        },
      };
    },
  });
}
