// Staff close an answered item without a confirmation: it ends "closed, unresolved", visibly.
import { nextStatus } from '@minyi/domain/opinions';
import type { Ctx, Work } from '../../../platform/context';
import { wrongState } from '../../../platform/errors';
import { applyStep, endAssignments, type OpinionRow, opinionStep } from '../opinions.repository';
import { getOpinion } from '../queries/get-opinion';

async function close(ctx: Ctx, w: Work, o: OpinionRow, reason: string) {
  const to = nextStatus(o.status, 'close');
  if (!to) throw wrongState(o.status);
  await endAssignments(w, o.id, 'closed');
  return applyStep(w, ctx, o, {
    action: 'close',
    to,
    patch: { closedAt: new Date() },
    event: { note: reason },
  });
}

/** The use case: the change through the platform step (one transaction); answers the opinion as its page shows it. */
export async function closeOpinion(ctx: Ctx, id: string, reason: string) {
  await opinionStep(ctx, id, 'close', (w, o) => close(ctx, w, o, reason));
  return getOpinion(ctx, id);
}
