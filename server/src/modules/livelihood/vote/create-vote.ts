// Creates a project vote (draft) on a set of candidates, with the rules of its scope snapshotted; a binding
// vote is held to the statute and linked to the congress sitting. Also makes the runoff and the second vote
// for a shortfall (their rules and sitting are the parent vote's).
import { and, eq, inArray } from 'drizzle-orm';
import {
  candidatesSuffice,
  minCandidates,
  statuteProblems,
  type CreateVote,
  type VoteKind,
  type VoteRules,
} from '@minyi/domain/livelihood';
import { transact, type Ctx } from '../../../platform/context';
import { badRequest, conflict, invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import {
  livelihoodCandidates,
  projectVoteCandidates,
  projectVoteRoll,
  projectVotes,
} from '../livelihood.table';
import { readLivelihoodSettings } from '../livelihood.settings';
import { getCurrentSitting, jurisdictions } from '../../registry';
import { loadVote } from './vote.repository';

/** A runoff or a second vote: made from a closed vote, with its rules and sitting. */
export interface ChildOf {
  parentVoteId: string;
  kind: Exclude<VoteKind, 'main'>;
  rules: VoteRules;
  sittingId: string | null;
}

export async function createVote(ctx: Ctx, congressId: string, input: CreateVote, child?: ChildOf) {
  const parentVoteId = child?.parentVoteId ?? null;
  return transact(ctx, async (w) => {
    if (child) {
      // The parent's row lock serialises the making of its runoff or second vote.
      await loadVote(w.db, congressId, child.parentVoteId, 'update');
      if (child.kind === 'shortfall') {
        const [existing] = await w.db
          .select({ id: projectVotes.id })
          .from(projectVotes)
          .where(and(eq(projectVotes.parentVoteId, child.parentVoteId), eq(projectVotes.kind, 'shortfall')));
        if (existing)
          throw conflict(
            'shortfall_vote_exists',
            { zh: '已对差额不足的名额另行票决', en: 'A second vote for the shortfall already exists' },
            { voteId: existing.id },
          );
      }
    }
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
    let rules: VoteRules;
    let sittingId: string | null = null;
    if (child) {
      rules = child.rules;
      sittingId = child.sittingId;
    } else {
      const settings = await readLivelihoodSettings(w.db, congressId);
      const scoped = input.scope === 'street' ? settings.streetVote : settings.districtVote;
      rules = { ...scoped, advisory: input.advisory ?? scoped.advisory };
      if (!rules.advisory) {
        if (input.scope === 'street')
          throw invalidField(
            'advisory',
            '街道没有人民代表大会，街道票选只能是建议性的',
            'a street has no congress: a street vote is advisory',
          );
        // Settings are checked when written; this also covers a vote made binding over advisory settings.
        const problems = statuteProblems(rules);
        if (problems.length)
          throw badRequest(
            problems.map((p) => ({
              field: 'advisory',
              in: 'body',
              code: 'below_statute',
              message: { zh: p.zh, en: p.en },
            })),
          );
        const sitting = await getCurrentSitting(w.db, congressId);
        if (!sitting || sitting.status === 'closed')
          throw invalidField(
            'advisory',
            '表决性票决须在人民代表大会会议上进行，登记中没有未闭会的本届会议',
            'a binding vote is taken at a congress sitting, and the registry has no sitting that is not closed',
            'no_sitting',
          );
        sittingId = sitting.id;
      }
    }
    // A runoff is among tied candidates only; the 差额 ratio applies to the main vote and to a second vote.
    if (child?.kind !== 'runoff' && !candidatesSuffice(ids.length, input.maxChoices, rules.candidateRatio)) {
      const min = minCandidates(input.maxChoices, rules.candidateRatio);
      throw invalidField(
        'candidateIds',
        `候选项目至少 ${min} 个（差额）`,
        `needs at least ${min} candidates for ${input.maxChoices} projects`,
      );
    }
    if (child && ids.length <= input.maxChoices) {
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
      kind: child?.kind ?? ('main' as const),
      parentVoteId,
      sittingId,
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
