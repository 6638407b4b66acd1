// A teller's partial decryption of the combined totals (issue 21), after close: checked against the teller's
// public share (from the deals' commitments) with its Chaum–Pedersen proofs, a failing one is a 400 naming the
// field. Once two of the three tellers' are in, the totals are decrypted (Lagrange interpolation at zero and a
// small discrete logarithm: never a ballot, only the sums), and the count is published (publish-tally.ts).
import { and, eq } from 'drizzle-orm';
import {
  decryptTotals,
  verificationKeysFromDeals,
  verifyPartialDecryption,
} from '@minyi/domain/ballots/crypto';
import { canTakeVoteStep, DKG_TELLERS, DKG_THRESHOLD } from '@minyi/domain/livelihood';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { projectVoteEncryptedBallots, projectVoteTellers } from '../ballots.table';
import { votePolicy } from '../ballots.policy';
import {
  ballotContext,
  checkOwner,
  candidateCount,
  loadOptions,
  loadTellers,
  loadVoteFor,
  type BallotSubject,
  type PublishedResult,
} from '../ballots.repository';
import { publishTally, tallyAudit } from './publish-tally';
import { dotted } from './cast-ballot';

export function postPartialDecryption(ctx: Ctx, subject: BallotSubject, voteId: string, pd: unknown) {
  return step(ctx, {
    policy: votePolicy,
    action: 'postPartialDecryption',
    load: (w, actor) => loadVoteFor(w.db, actor, voteId, 'update'),
    transition: ({ row }) => ({
      from: row.status,
      to: canTakeVoteStep(row.status, 'decrypt') ? row.status : null,
    }),
    async write({ w, row: vote, resource }) {
      checkOwner(vote, subject);
      const index = resource.tellerIndex!;
      const tellers = await loadTellers(w.db, voteId);
      const me = tellers.find((t) => t.index === index)!;
      if (me.partialDecryption)
        throw conflict('partial_decryption_posted', {
          zh: '您已提交部分解密',
          en: 'You have already posted your partial decryption',
        });
      const totals = vote.combined ?? [];
      const ctxB = ballotContext(vote, await candidateCount(w.db, voteId));
      const keys = verificationKeysFromDeals(
        vote.curve,
        tellers.map((t) => t.deal!),
        DKG_TELLERS,
      );
      const check = verifyPartialDecryption(ctxB, keys[index - 1], totals, pd);
      if (!check.ok)
        throw invalidField(
          `partialDecryption.${dotted(check.field)}`,
          `部分解密无效：${check.reason}`,
          `is not a valid partial decryption: ${check.reason}`,
        );
      if (check.pd.teller !== index)
        throw invalidField(
          'partialDecryption.teller',
          `应为 ${index}（您的计票人序号）`,
          `must be ${index} (your teller number)`,
        );
      await w.db
        .update(projectVoteTellers)
        .set({ partialDecryption: check.pd })
        .where(and(eq(projectVoteTellers.voteId, voteId), eq(projectVoteTellers.tellerIndex, index)));
      const partials = [
        ...tellers.filter((t) => t.partialDecryption).map((t) => t.partialDecryption!),
        check.pd,
      ];
      let result: PublishedResult | null = null;
      if (partials.length >= DKG_THRESHOLD) {
        const ballots = await w.db.$count(
          projectVoteEncryptedBallots,
          eq(projectVoteEncryptedBallots.voteId, voteId),
        );
        const sums = decryptTotals(ctxB, totals, partials.slice(0, DKG_THRESHOLD), ballots, {
          threshold: DKG_THRESHOLD,
          verificationKeys: keys,
        });
        const options = await loadOptions(w.db, subject, vote.congressId, voteId);
        const counts = Object.fromEntries(options.map((o) => [o.id, sums[o.position]]));
        result = await publishTally(w, subject, vote, { counts, ballots });
      }
      return {
        result: { teller: index, partialDecryptions: partials.length, tallied: !!result, result },
        audit: {
          action: 'projectVote.postPartialDecryption',
          entityType: 'projectVote',
          entityId: voteId,
          congressId: vote.congressId,
          after: {
            teller: index,
            factors: check.pd.factors,
            ...(result ? { status: 'closed', ...tallyAudit(result) } : {}),
          },
        },
      };
    },
  });
}
