// Records the day a district's nominees and their information were published (选举法 Art. 32: 选举日的十五日
// 以前公布), which closes the nominations; the voter groups then discuss them. Published once, and only when
// there are enough nominees to make an official list within the differential ratio (Art. 31).
import { and, count, eq, isNull } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import { candidateRange, nomineeStage } from '@minyi/domain/elections';
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { electionCandidates, electionDistricts } from '../elections.table';
import { electionDistrictPolicy } from '../elections.policy';
import { loadDistrictStep, notAfterToday } from '../elections.repository';
import { readElectionsSettings } from '../elections.settings';

export function publishNominees(ctx: Ctx, electionId: string, districtId: string, publishedOn: string) {
  return step(ctx, {
    policy: electionDistrictPolicy,
    action: 'publishNominees',
    load: (w, actor) => loadDistrictStep(w, actor, electionId, districtId),
    async write({ w, row: { district } }) {
      notAfterToday('publishedOn', publishedOn, shanghaiDate(new Date()));
      if (district.nomineesPublishedOn)
        throw conflict('nominees_published', {
          zh: `该选区的代表候选人名单已于${district.nomineesPublishedOn}公布`,
          en: `The district's nominees were already published on ${district.nomineesPublishedOn}`,
        });
      const settings = await readElectionsSettings(w.db, district.congressId);
      const [{ n }] = await w.db
        .select({ n: count() })
        .from(electionCandidates)
        .where(and(eq(electionCandidates.districtId, district.id), isNull(electionCandidates.dropped)));
      const stage = nomineeStage(district.seats, n, settings.ratioRounding);
      const { min, max } = candidateRange(district.seats, settings.ratioRounding);
      if (stage === 'tooFew')
        throw conflict(
          'too_few_nominees',
          {
            zh: `应选${district.seats}名，代表候选人至少应有${min}名（选举法第三十一条），现有${n}名`,
            en: `${district.seats} seat(s) need at least ${min} nominees (Election Law Art. 31); there are ${n}`,
          },
          { nominees: n, min, max },
        );
      await w.db
        .update(electionDistricts)
        .set({ nomineesPublishedOn: publishedOn })
        .where(eq(electionDistricts.id, district.id));
      return {
        result: { id: district.id, publishedOn, nominees: n, stage, min, max },
        audit: {
          action: 'election.publishNominees',
          entityType: 'electionDistrict',
          entityId: district.id,
          congressId: district.congressId,
          after: { publishedOn, nominees: n, stage },
        },
      };
    },
  });
}
