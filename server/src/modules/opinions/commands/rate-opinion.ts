// The citizen rates the answer (with the tracking code and the phone's last four digits). Dissatisfied
// reopens the item once for re-handling with a fresh deadline; otherwise the item closes.
import { statusAfterRating, type Rating } from '@minyi/domain/opinions';
import type { Ctx, Work } from '../../../platform/context';
import { wrongState } from '../../../platform/errors';
import { applyStep, endAssignments, readOpinionSettings, type OpinionRow } from '../opinions.repository';

export async function rateOpinion(ctx: Ctx, w: Work, o: OpinionRow, rating: Rating, comment: string | null) {
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
