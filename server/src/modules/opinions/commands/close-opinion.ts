// Staff close an answered item without a confirmation: it ends "closed, unresolved", visibly.
import { and, eq } from 'drizzle-orm';
import { nextStatus } from '@minyi/domain/opinions';
import type { Ctx, Work } from '../../../platform/context';
import { wrongState } from '../../../platform/errors';
import { opinionAssignments } from '../opinions.table';
import { applyStep, type OpinionRow } from '../opinions.repository';

export async function closeOpinion(ctx: Ctx, w: Work, o: OpinionRow, reason: string) {
  const to = nextStatus(o.status, 'close');
  if (!to) throw wrongState(o.status);
  await w.db
    .update(opinionAssignments)
    .set({ active: false, endedAt: new Date(), endReason: 'closed' })
    .where(and(eq(opinionAssignments.opinionId, o.id), eq(opinionAssignments.active, true)));
  return applyStep(w, ctx, o, {
    action: 'close',
    to,
    patch: { closedAt: new Date() },
    event: { note: reason },
  });
}
