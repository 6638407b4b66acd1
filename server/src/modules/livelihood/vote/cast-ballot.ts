// Casts a deputy's secret ballot: choose up to N of M (blank allowed). The record that the deputy voted
// and the ballot go to two tables in one transaction, with nothing shared but the vote (see SECRECY.md).
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { canTakeVoteStep } from '@minyi/domain/livelihood';
import { transact, type Ctx } from '../../../platform/context';
import { conflict, forbidden, invalidField, wrongState } from '../../../platform/errors';
import { projectVoteBallots, projectVoteCandidates, projectVoteVoters } from '../livelihood.table';
import { findRollMember, loadVote } from './vote.repository';
import { newReceiptCode, receiptHash } from './receipt';

export async function castBallot(ctx: Ctx, congressId: string, voteId: string, memberId: string, choices: string[]) {
  return transact(ctx, async (w) => {
    // A share lock: ballots run side by side, but never past a close (which takes the row for update).
    const vote = await loadVote(w.db, congressId, voteId, 'share');
    if (!canTakeVoteStep(vote.status, 'castBallot')) throw wrongState(vote.status);
    const member = await findRollMember(w.db, voteId, memberId);
    if (!member) throw forbidden({ zh: '您不在本次票决的名单中', en: 'You are not on the roll of this vote' });
    if (!member.signedInAt) throw forbidden({ zh: '请先签到', en: 'Sign in (attendance) before voting' });
    if (choices.length > vote.maxChoices) {
      throw invalidField('choices', `最多选择 ${vote.maxChoices} 项`, `choose at most ${vote.maxChoices}`, 'too_many_choices');
    }
    if (new Set(choices).size !== choices.length) throw invalidField('choices', '不能重复选择', 'contains duplicates');
    if (choices.length) {
      const onBallot = new Set(
        (await w.db.select({ id: projectVoteCandidates.candidateId }).from(projectVoteCandidates).where(eq(projectVoteCandidates.voteId, voteId))).map(
          (c) => c.id,
        ),
      );
      const bad = choices.findIndex((c) => !onBallot.has(c));
      if (bad >= 0) throw invalidField(`choices.${bad}`, '不是本次票决的候选项目', 'is not a candidate of this vote');
    }
    const marked = await w.db.insert(projectVoteVoters).values({ congressId, voteId, memberId }).onConflictDoNothing().returning({ m: projectVoteVoters.memberId });
    if (marked.length === 0) throw conflict('already_voted', { zh: '您已投票，不能重复投票', en: 'You have already voted' });
    const receiptCode = newReceiptCode();
    // Choices sorted so that their order carries nothing from the voter's screen.
    await w.db.insert(projectVoteBallots).values({
      congressId,
      voteId,
      mixKey: randomBytes(16).toString('hex'),
      receiptHash: receiptHash(ctx.app.config.keys.piiIndex, voteId, receiptCode),
      choices: [...choices].sort(),
    });
    // The audit row says a ballot was cast, never what it chose.
    await w.audit({ action: 'projectVote.castBallot', entityType: 'projectVote', entityId: voteId, congressId });
    return { receiptCode };
  });
}
