// Confirms a district's official candidate list: refused (409) when the count is outside the differential
// ratio (选举法 Art. 31: more than the seats by one third up to one times; one seat → two), the rounding of
// the third a per-congress setting. Nominees left off by consultation or a primary (Art. 32) do not count. The day of confirmation is kept for the timetable.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { candidateRange } from '@minyi/domain/elections';
import { shanghaiDate } from '@minyi/domain/calendar';
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { electionCandidates, electionDistricts } from '../elections.table';
import { electionDistrictPolicy } from '../elections.policy';
import { loadDistrictStep } from '../elections.repository';
import { readElectionsSettings } from '../elections.settings';

/** `on`: the day of confirmation, today unless a past election is being entered (the demo's). */
export function confirmCandidates(ctx: Ctx, electionId: string, districtId: string, on?: string) {
  return step(ctx, {
    policy: electionDistrictPolicy,
    action: 'confirmCandidates',
    load: (w, actor) => loadDistrictStep(w, actor, electionId, districtId),
    async write({ w, row: { district } }) {
      if (district.candidatesConfirmedOn)
        throw conflict('list_confirmed', {
          zh: '该选区的正式候选人名单已确定',
          en: "The district's official candidate list is already confirmed",
        });
      const settings = await readElectionsSettings(w.db, district.congressId);
      const [{ n }] = await w.db
        .select({ n: sql<number>`count(*)::int` })
        .from(electionCandidates)
        .where(and(eq(electionCandidates.districtId, district.id), isNull(electionCandidates.dropped)));
      const { min, max } = candidateRange(district.seats, settings.ratioRounding);
      if (n < min || n > max)
        throw conflict(
          'outside_ratio',
          {
            zh: `应选${district.seats}名，正式候选人应为${min}至${max}名（选举法第三十一条），现有${n}名`,
            en: `${district.seats} seat(s) need ${min} to ${max} official candidates (Election Law Art. 31); there are ${n}`,
          },
          { candidates: n, min, max, seats: district.seats },
        );
      const today = on ?? shanghaiDate(new Date());
      await w.db
        .update(electionDistricts)
        .set({ candidatesConfirmedOn: today })
        .where(eq(electionDistricts.id, district.id));
      return {
        result: { id: district.id, candidates: n, confirmedOn: today },
        audit: {
          action: 'election.confirmCandidates',
          entityType: 'electionDistrict',
          entityId: district.id,
          congressId: district.congressId,
          after: { candidates: n, confirmedOn: today },
        },
      };
    },
  });
}
