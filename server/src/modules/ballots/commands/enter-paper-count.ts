// Paper ballots: two tellers each enter the tellers' statement (issued, returned, valid, void, blank, and the
// votes per candidate); it must reconcile, and it is accepted only when two different tellers agree on every
// figure. A statement that does not reconcile is a 400 naming the figures; a disagreeing one a 409 naming the
// figures that differ (recount). Either way nothing is stored.
import { eq } from 'drizzle-orm';
import {
  canTakeVoteStep,
  differingFigures,
  reconcilePaperStatement,
  type PaperCount,
  type PaperStatement,
} from '@minyi/domain/livelihood';
import { transact, type Ctx } from '../../../platform/context';
import { badRequest, conflict, unauthorized, wrongState } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { projectVoteCandidates, projectVotePaperCounts, projectVotes } from '../ballots.table';
import { votePolicy } from '../ballots.policy';
import { loadVoteFor, turnoutOf } from '../ballots.repository';

type PaperRow = typeof projectVotePaperCounts.$inferSelect;

const statementOf = (r: PaperRow): PaperStatement => ({
  issued: r.issued,
  returned: r.ballots,
  valid: r.validBallots,
  void: r.voidBallots,
  blank: r.blankBallots,
  counts: r.counts,
});

export async function enterPaperCount(ctx: Ctx, voteId: string, input: PaperCount) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  const tellerAccountId = actor.accountId;
  return transact(ctx, async (w) => {
    const { row: vote, resource } = await loadVoteFor(w.db, actor, voteId, 'update');
    votePolicy.authorize(actor, 'enterPaperCount', resource);
    const congressId = vote.congressId;
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
    const { signedIn } = await turnoutOf(w.db, voteId);
    const problems = reconcilePaperStatement(input, { maxChoices: vote.maxChoices, candidateIds, signedIn });
    if (problems.length)
      throw badRequest(
        problems.map((p) => ({ field: p.field, in: 'body', code: p.code, message: { zh: p.zh, en: p.en } })),
        { zh: '计票报告对不上账', en: "The tellers' statement does not reconcile" },
      );
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
    const statement: PaperStatement = { ...input, counts };
    const first = prior[0];
    if (first) {
      const figures = differingFigures(statementOf(first), statement, candidateIds);
      if (figures.length)
        throw conflict(
          'paper_counts_disagree',
          {
            zh: `两名计票人的计数不一致（${figures.join('、')}），请重新清点`,
            en: `The two tellers' counts disagree on ${figures.join(', ')}; recount the paper ballots`,
          },
          {
            figures,
            errors: figures.map((field) => ({
              field,
              in: 'body',
              code: 'disagrees',
              message: { zh: '与另一名计票人的计数不一致', en: "differs from the other teller's count" },
            })),
          },
        );
    }
    await w.db.insert(projectVotePaperCounts).values({
      id: newId(),
      congressId,
      voteId,
      tellerAccountId,
      issued: statement.issued,
      ballots: statement.returned,
      validBallots: statement.valid,
      voidBallots: statement.void,
      blankBallots: statement.blank,
      counts,
    });
    const accepted = !!first;
    if (accepted)
      await w.db
        .update(projectVotes)
        .set({
          paperTally: {
            ballots: statement.returned,
            issued: statement.issued,
            valid: statement.valid,
            void: statement.void,
            blank: statement.blank,
            counts,
          },
        })
        .where(eq(projectVotes.id, voteId));
    await w.audit({
      action: accepted ? 'projectVote.acceptPaperCount' : 'projectVote.enterPaperCount',
      entityType: 'projectVote',
      entityId: voteId,
      congressId,
      after: statement,
    });
    return { accepted, entries: prior.length + 1 };
  });
}
