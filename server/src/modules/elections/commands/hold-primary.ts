// A primary (预选) among a district's nominees when consultation did not bring them within the ratio (选举法
// Art. 32: 对正式代表候选人不能形成较为一致意见的，进行预选，根据预选时得票多少的顺序，确定正式代表候选人名单).
// The votes of every nominee still on the list; the `size` highest (default the ratio's maximum, never outside
// the ratio) stay, the rest are left off with their votes kept. A tie across the cut is refused (409 with the
// tied): it cannot rank them.
import { and, eq, isNull } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import { candidateRange, nomineeStage, primaryCut } from '@minyi/domain/elections';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { electionCandidates } from '../elections.table';
import { electionDistrictPolicy } from '../elections.policy';
import { loadDistrictStep, notAfterToday, type DistrictRow } from '../elections.repository';
import { readElectionsSettings } from '../elections.settings';

/** The nominees are published and the official list not yet confirmed (409 otherwise). */
export function listOpenForReduction(district: DistrictRow) {
  if (district.candidatesConfirmedOn)
    throw conflict('list_confirmed', {
      zh: '该选区的正式候选人名单已确定',
      en: "The district's official candidate list is already confirmed",
    });
  if (!district.nomineesPublishedOn)
    throw conflict('nominees_not_published', {
      zh: '代表候选人名单尚未公布，选民小组还不能讨论协商或预选（选举法第三十二条）',
      en: 'The nominees are not yet published for the voter groups to discuss (Election Law Art. 32)',
    });
}

export function holdPrimary(
  ctx: Ctx,
  electionId: string,
  districtId: string,
  input: { votes: Record<string, number>; size?: number; heldOn: string },
) {
  return step(ctx, {
    policy: electionDistrictPolicy,
    action: 'holdPrimary',
    load: (w, actor) => loadDistrictStep(w, actor, electionId, districtId),
    async write({ w, row: { district } }) {
      notAfterToday('heldOn', input.heldOn, shanghaiDate(new Date()));
      listOpenForReduction(district);
      if (input.heldOn < district.nomineesPublishedOn!)
        throw invalidField(
          'heldOn',
          `预选不能早于代表候选人名单公布之日（${district.nomineesPublishedOn}）`,
          `the primary cannot be before the nominees were published (${district.nomineesPublishedOn})`,
        );
      const settings = await readElectionsSettings(w.db, district.congressId);
      const nominees = await w.db
        .select({ id: electionCandidates.id, name: electionCandidates.name })
        .from(electionCandidates)
        .where(and(eq(electionCandidates.districtId, district.id), isNull(electionCandidates.dropped)));
      const { min, max } = candidateRange(district.seats, settings.ratioRounding);
      if (nomineeStage(district.seats, nominees.length, settings.ratioRounding) !== 'tooMany')
        throw conflict(
          'within_ratio',
          {
            zh: `现有${nominees.length}名代表候选人，未超过最高差额比例（${max}名），无需预选（选举法第三十二条）`,
            en: `The ${nominees.length} nominees do not exceed the ratio's maximum of ${max}; no primary is needed (Election Law Art. 32)`,
          },
          { nominees: nominees.length, max },
        );
      const size = input.size ?? max;
      if (size < min || size > max)
        throw invalidField(
          'size',
          `正式代表候选人应为${min}至${max}名（选举法第三十一条）`,
          `the official candidates must number ${min} to ${max} (Election Law Art. 31)`,
          'outside_ratio',
        );
      const ids = new Set(nominees.map((c) => c.id));
      const given = Object.keys(input.votes);
      if (given.length !== ids.size || given.some((id) => !ids.has(id)))
        throw invalidField(
          'votes',
          '预选票数须逐一对应名单上的每一名代表候选人',
          'the votes must name each nominee on the list, and only them',
          'candidates_mismatch',
        );
      const cut = primaryCut(input.votes, size);
      if (cut.tied.length) {
        const names = nominees.filter((c) => cut.tied.includes(c.id)).map((c) => c.name);
        throw conflict(
          'primary_tie',
          {
            zh: `${names.join('、')}预选得票相等，无法按得票多少确定第${size}名，须再次预选或协商`,
            en: `${names.join(', ')} tie in the primary; the ranking cannot decide place ${size}: hold the primary again or consult`,
          },
          { tied: cut.tied },
        );
      }
      for (const c of nominees)
        await w.db
          .update(electionCandidates)
          .set({
            primaryVotes: input.votes[c.id],
            ...(cut.dropped.includes(c.id) ? { dropped: 'primary' as const, dropNote: input.heldOn } : {}),
          })
          .where(eq(electionCandidates.id, c.id));
      return {
        result: { kept: cut.kept, dropped: cut.dropped, size, heldOn: input.heldOn },
        audit: {
          action: 'election.holdPrimary',
          entityType: 'electionDistrict',
          entityId: district.id,
          congressId: district.congressId,
          after: { heldOn: input.heldOn, votes: input.votes, kept: cut.kept, dropped: cut.dropped },
        },
      };
    },
  });
}
