// Creates a vote (draft) on a set of options the calling module owns, with the rules the caller looks up
// snapshotted on it (a binding vote is linked to the congress sitting the caller names). `writeVote` also
// makes the runoff and the second vote for a shortfall (their rules and sitting are the parent vote's).
import { and, eq } from 'drizzle-orm';
import {
  candidatesSuffice,
  minCandidates,
  type CreateVote,
  type VoteKind,
  type VoteRules,
} from '@minyi/domain/livelihood';
import { transact, type Ctx, type Work } from '../../../platform/context';
import { invalidField, unauthorized } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { jurisdictions } from '../../registry';
import { projectVoteCandidates, projectVoteRoll, projectVotes } from '../ballots.table';
import { votePolicy } from '../ballots.policy';
import { ownerOf, type BallotSubject } from '../ballots.repository';

/** A runoff or a second vote: made from a closed vote, with its rules and sitting. */
export interface ChildOf {
  parentVoteId: string;
  kind: Exclude<VoteKind, 'main'>;
  rules: VoteRules;
  sittingId: string | null;
}

/**
 * Creates a vote. `id` lets the calling module give the vote the id of its own record of it (a meeting's
 * vote), which its `rulesFor` writes in the same transaction.
 */
export async function createVote(
  ctx: Ctx,
  subject: BallotSubject,
  input: CreateVote,
  opts: { id?: string } = {},
) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  return transact(ctx, async (w) => {
    votePolicy.authorize(actor, 'create', { congressId: actor.congressId, onRoll: false });
    return writeVote(w, actor.congressId, subject, input, undefined, opts.id);
  });
}

/** Validates and writes a vote inside the caller's transaction (the parent's row lock held for a child). */
export async function writeVote(
  w: Work,
  congressId: string,
  subject: BallotSubject,
  input: CreateVote,
  child?: ChildOf,
  voteId?: string,
) {
  const ids = [...new Set(input.candidateIds)];
  if (ids.length !== input.candidateIds.length)
    throw invalidField('candidateIds', '候选项目重复', 'contains duplicates');
  const found = await subject.findOptions(w.db, congressId, ids);
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
  const { rules, sittingId } = child
    ? { rules: child.rules, sittingId: child.sittingId }
    : await subject.rulesFor(w, congressId, input);
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
  const id = voteId ?? newId();
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
    parentVoteId: child?.parentVoteId ?? null,
    sittingId,
    owner: ownerOf(subject),
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
}
