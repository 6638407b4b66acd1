// Paper ballots: two tellers count them separately and each enters the count; the counts are accepted only
// when two different tellers agree exactly. A disagreeing count is refused (recount), and nothing is stored.
import { and, eq } from 'drizzle-orm';
import { canTakeVoteStep, type PaperCount } from '@minyi/domain/livelihood';
import { transact, type Ctx } from '../../../platform/context';
import { badRequest, conflict, wrongState, type FieldError } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { projectVoteCandidates, projectVotePaperCounts, projectVotes } from '../livelihood.table';
import { loadVote } from './vote.repository';

const sameCount = (a: PaperCount, b: PaperCount, candidateIds: string[]) =>
  a.ballots === b.ballots && candidateIds.every((id) => (a.counts[id] ?? 0) === (b.counts[id] ?? 0));

export async function enterPaperCount(
  ctx: Ctx,
  congressId: string,
  voteId: string,
  tellerAccountId: string,
  input: PaperCount,
) {
  return transact(ctx, async (w) => {
    const vote = await loadVote(w.db, congressId, voteId, 'update');
    if (!canTakeVoteStep(vote.status, 'enterPaperCount')) throw wrongState(vote.status);
    if (vote.paperTally)
      throw conflict('paper_tally_accepted', {
        zh: '纸质选票计数已确认',
        en: 'The paper count was already accepted',
      });
    const candidateIds = (
      await w.db
        .select({ id: projectVoteCandidates.candidateId })
        .from(projectVoteCandidates)
        .where(eq(projectVoteCandidates.voteId, voteId))
    ).map((c) => c.id);
    const errors: FieldError[] = [];
    for (const [id, n] of Object.entries(input.counts)) {
      if (!candidateIds.includes(id))
        errors.push({
          field: `counts.${id}`,
          in: 'body',
          code: 'unknown_candidate',
          message: { zh: '不是本次票决的候选项目', en: 'is not a candidate of this vote' },
        });
      else if (n > input.ballots)
        errors.push({
          field: `counts.${id}`,
          in: 'body',
          code: 'too_big',
          message: { zh: '票数不能超过选票张数', en: 'cannot exceed the number of ballots' },
        });
    }
    const marks = Object.values(input.counts).reduce((a, b) => a + b, 0);
    if (marks > input.ballots * vote.maxChoices) {
      errors.push({
        field: 'counts',
        in: 'body',
        code: 'too_big',
        message: { zh: '总票数超过选票张数 × 应选数', en: 'more marks than ballots × choices allowed' },
      });
    }
    if (errors.length) throw badRequest(errors);
    const prior = await w.db
      .select()
      .from(projectVotePaperCounts)
      .where(eq(projectVotePaperCounts.voteId, voteId));
    if (prior.some((p) => p.tellerAccountId === tellerAccountId)) {
      throw conflict('teller_already_counted', {
        zh: '您已录入过计数，须由另一名计票人录入',
        en: 'You already entered a count; a second teller must enter theirs',
      });
    }
    const counts = Object.fromEntries(candidateIds.map((id) => [id, input.counts[id] ?? 0]));
    const first = prior[0];
    if (
      first &&
      !sameCount(
        { ballots: first.ballots, counts: first.counts },
        { ballots: input.ballots, counts },
        candidateIds,
      )
    ) {
      throw conflict('paper_counts_disagree', {
        zh: '两名计票人的计数不一致，请重新清点',
        en: "The two tellers' counts disagree; recount the paper ballots",
      });
    }
    await w.db
      .insert(projectVotePaperCounts)
      .values({ id: newId(), congressId, voteId, tellerAccountId, ballots: input.ballots, counts });
    const accepted = !!first;
    if (accepted)
      await w.db
        .update(projectVotes)
        .set({ paperTally: { ballots: input.ballots, counts } })
        .where(eq(projectVotes.id, voteId));
    await w.audit({
      action: accepted ? 'projectVote.acceptPaperCount' : 'projectVote.enterPaperCount',
      entityType: 'projectVote',
      entityId: voteId,
      congressId,
      after: { ballots: input.ballots, counts },
    });
    return { accepted, entries: prior.length + 1 };
  });
}

/** Discards a first teller's count that the second could not confirm (staff decide to recount). */
export async function discardPaperCounts(ctx: Ctx, congressId: string, voteId: string) {
  return transact(ctx, async (w) => {
    const vote = await loadVote(w.db, congressId, voteId, 'update');
    if (!canTakeVoteStep(vote.status, 'enterPaperCount')) throw wrongState(vote.status);
    if (vote.paperTally)
      throw conflict('paper_tally_accepted', {
        zh: '纸质选票计数已确认',
        en: 'The paper count was already accepted',
      });
    await w.db
      .delete(projectVotePaperCounts)
      .where(
        and(eq(projectVotePaperCounts.voteId, voteId), eq(projectVotePaperCounts.congressId, congressId)),
      );
    await w.audit({
      action: 'projectVote.discardPaperCounts',
      entityType: 'projectVote',
      entityId: voteId,
      congressId,
    });
  });
}
