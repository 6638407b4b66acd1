// Creates a project vote (draft) on a set of candidates, with the rules of its scope snapshotted.
import { and, eq, inArray } from 'drizzle-orm';
import { candidatesSuffice, minCandidates, type CreateVote } from '@minyi/domain/livelihood';
import { transact, type Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { jurisdictions } from '../../../platform/platform.table';
import {
  livelihoodCandidates,
  projectVoteCandidates,
  projectVoteRoll,
  projectVotes,
} from '../livelihood.table';
import { readLivelihoodSettings } from '../livelihood.settings';

export async function createVote(
  ctx: Ctx,
  congressId: string,
  input: CreateVote,
  parentVoteId: string | null = null,
) {
  return transact(ctx, async (w) => {
    const ids = [...new Set(input.candidateIds)];
    if (ids.length !== input.candidateIds.length)
      throw invalidField('candidateIds', '候选项目重复', 'contains duplicates');
    const found = await w.db
      .select({ id: livelihoodCandidates.id })
      .from(livelihoodCandidates)
      .where(and(eq(livelihoodCandidates.congressId, congressId), inArray(livelihoodCandidates.id, ids)));
    if (found.length !== ids.length)
      throw invalidField('candidateIds', '包含未知的候选项目', 'contains unknown candidates');
    if (input.scope === 'street') {
      if (!input.streetId)
        throw invalidField('streetId', '街道票选须指定街道', 'is required for a street vote');
      const [street] = await w.db
        .select({ id: jurisdictions.id })
        .from(jurisdictions)
        .where(
          and(
            eq(jurisdictions.id, input.streetId),
            eq(jurisdictions.congressId, congressId),
            eq(jurisdictions.level, 'street'),
          ),
        );
      if (!street) throw invalidField('streetId', '未知的街道', 'unknown street');
    } else if (input.voterRepresentatives.length) {
      throw invalidField(
        'voterRepresentatives',
        '只有街道票选可加入选民代表',
        'only a street vote has voter representatives',
      );
    }
    const settings = await readLivelihoodSettings(w.db, congressId);
    const rules = input.scope === 'street' ? settings.streetVote : settings.districtVote;
    // A runoff is among tied candidates only; the 差额 ratio applies to the main vote.
    if (!parentVoteId && !candidatesSuffice(ids.length, input.maxChoices, rules.candidateRatio)) {
      const min = minCandidates(input.maxChoices, rules.candidateRatio);
      throw invalidField(
        'candidateIds',
        `候选项目至少 ${min} 个（差额）`,
        `needs at least ${min} candidates for ${input.maxChoices} projects`,
      );
    }
    if (parentVoteId && ids.length <= input.maxChoices) {
      throw invalidField('candidateIds', '候选项目须多于应选数', 'needs more candidates than seats');
    }
    const id = newId();
    const row = {
      id,
      congressId,
      year: input.year,
      title: input.title,
      scope: input.scope,
      streetId: input.scope === 'street' ? input.streetId : null,
      maxChoices: input.maxChoices,
      status: 'draft' as const,
      rules,
      parentVoteId,
    };
    await w.db.insert(projectVotes).values(row);
    await w.db
      .insert(projectVoteCandidates)
      .values(ids.map((candidateId, position) => ({ congressId, voteId: id, candidateId, position })));
    if (input.voterRepresentatives.length) {
      await w.db.insert(projectVoteRoll).values(
        input.voterRepresentatives.map((name) => ({
          congressId,
          voteId: id,
          memberId: newId(),
          kind: 'voterRepresentative' as const,
          name,
        })),
      );
    }
    await w.audit({
      action: 'projectVote.create',
      entityType: 'projectVote',
      entityId: id,
      congressId,
      after: { ...row, candidateIds: ids },
    });
    return { id };
  });
}
