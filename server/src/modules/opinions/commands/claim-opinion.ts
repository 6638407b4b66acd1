// A deputy or staff member takes a new opinion from the queue (分级认领).
import type { Ctx, Work } from '../../../platform/context';
import { wrongState } from '../../../platform/errors';
import { nextStatus } from '@minyi/domain/opinions';
import { applyStep, type OpinionRow, opinionStep } from '../opinions.repository';
import { getOpinion } from '../queries/get-opinion';

async function claim(ctx: Ctx, w: Work, o: OpinionRow) {
  const to = nextStatus(o.status, 'claim');
  if (!to) throw wrongState(o.status);
  return applyStep(w, ctx, o, {
    action: 'claim',
    to,
    patch: { claimedBy: ctx.actor!.accountId },
    event: {},
    tellCitizen: { zh: '您的意见已被受理，正在研究处理。', en: 'Your opinion has been taken up.' },
  });
}

/** The use case: the change through the platform step (one transaction); answers the opinion as its page shows it. */
export async function claimOpinion(ctx: Ctx, id: string) {
  await opinionStep(ctx, id, 'claim', (w, o) => claim(ctx, w, o));
  return getOpinion(ctx, id);
}
