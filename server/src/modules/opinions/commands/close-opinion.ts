// Staff close an answered item without a confirmation: it ends "closed, unresolved", visibly.
import { nextStatus } from '@minyi/domain/opinions';
import type { Ctx, Work } from '../../../platform/context';
import { wrongState } from '../../../platform/errors';
import { applyStep, endAssignments, type OpinionRow } from '../opinions.repository';

export async function closeOpinion(ctx: Ctx, w: Work, o: OpinionRow, reason: string) {
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
