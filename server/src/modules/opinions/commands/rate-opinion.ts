// The citizen rates the answer (with the tracking code and the phone's last four digits). Dissatisfied
// reopens the item once for re-handling with a fresh deadline; otherwise the item closes.
import { statusAfterRating, type Rating } from '@minyi/domain/opinions';
import { transact, type Ctx, type Work } from '../../../platform/context';
import { wrongState } from '../../../platform/errors';
import {
  applyStep,
  endAssignments,
  loadOpinion,
  readOpinionSettings,
  type OpinionRow,
} from '../opinions.repository';
import { findTracked, presentTracked, ratingLocked } from '../queries/track-opinion';

/**
 * The citizen's rating, by tracking code and the phone's last four digits (no account): refused for good
 * once the code's suffix was guessed at too often. Answers the tracked view of the opinion.
 */
export async function rateTrackedOpinion(
  ctx: Ctx,
  trackingCode: string,
  input: { phoneLast4: string; rating: Rating; comment?: string | null },
) {
  const found = await findTracked(ctx, trackingCode, input.phoneLast4);
  if (found.ratingLocked) throw ratingLocked();
  const o = found.opinion;
  await transact(ctx, async (w) =>
    rate(ctx, w, await loadOpinion(w.db, o.congressId, o.id, true), input.rating, input.comment ?? null),
  );
  return presentTracked(ctx, await loadOpinion(ctx.app.db, o.congressId, o.id), false);
}

/**
 * The rating of an answer recorded on its submitter's behalf by the module that made the opinion (a firm's
 * rating of the answer to the problem it raised in an enterprise visit, recorded by the deputy who visited):
 * the citizen's step (dissatisfied reopens once with a fresh deadline, otherwise the item closes), in the
 * caller's transaction. Answers the opinion's new status.
 */
export async function rateForwardedOpinion(
  ctx: Ctx,
  w: Work,
  congressId: string,
  opinionId: string,
  input: { rating: Rating; comment?: string | null },
): Promise<{ status: string; rating: Rating }> {
  const after = await rate(
    ctx,
    w,
    await loadOpinion(w.db, congressId, opinionId, true),
    input.rating,
    input.comment ?? null,
  );
  return { status: after.status, rating: input.rating };
}

async function rate(ctx: Ctx, w: Work, o: OpinionRow, rating: Rating, comment: string | null) {
  const settings = await readOpinionSettings(w.db, o.congressId);
  const to = statusAfterRating({
    status: o.status,
    rating,
    outcome: o.replyOutcome,
    reopenCount: o.reopenCount,
    maxReopens: settings.maxReopens,
  });
  if (!to) throw wrongState(o.status);
  const now = new Date();
  const reopened = to === 'forwarded' || to === 'claimed';
  const patch: Partial<OpinionRow> = { rating, ratedAt: now };
  if (reopened) {
    patch.reopenCount = o.reopenCount + 1;
    if (to === 'forwarded')
      patch.deadlineAt = await ctx.app.calendar.workingDaysAfter(
        o.congressId,
        now,
        settings.replyWorkingDays,
        w.db,
      );
  } else {
    patch.closedAt = now;
    await endAssignments(w, o.id, 'closed', now);
  }
  return applyStep(w, ctx, o, {
    action: 'rate',
    to,
    patch,
    event: { kind: reopened ? 'reopened' : 'rated', note: comment, data: { rating } },
  });
}
