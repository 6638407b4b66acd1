// A unit that is not competent hands an item back within the window, with a reason; staff re-route it.
import { and, eq } from 'drizzle-orm';
import { nextStatus } from '@minyi/domain/opinions';
import type { Ctx, Work } from '../../../platform/context';
import { conflict, wrongState } from '../../../platform/errors';
import { opinionAssignments } from '../opinions.table';
import { addEvent, applyStep, endAssignments, type OpinionRow, opinionStep } from '../opinions.repository';
import { getOpinion } from '../queries/get-opinion';

async function handBack(ctx: Ctx, w: Work, o: OpinionRow, reason: string) {
  const unitId = ctx.actor!.handlingUnitId!;
  if (o.status !== 'forwarded') throw wrongState(o.status);
  if (o.handBackUntil && o.handBackUntil.getTime() < Date.now()) {
    throw conflict('hand_back_window_closed', {
      zh: '已超过退回期限，请办理或联系人大工作人员',
      en: 'The hand-back window has closed; handle the item or contact the congress staff',
    });
  }
  const now = new Date();
  if (unitId !== o.leadUnitId) {
    // An assisting unit leaves; the item stays with the lead unit.
    await w.db
      .update(opinionAssignments)
      .set({ active: false, endedAt: now, endReason: reason })
      .where(
        and(
          eq(opinionAssignments.opinionId, o.id),
          eq(opinionAssignments.unitId, unitId),
          eq(opinionAssignments.active, true),
        ),
      );
    await addEvent(w, o, ctx, {
      kind: 'handBack',
      isPublic: false,
      note: reason,
      data: { unitId, role: 'assisting' },
    });
    await w.audit({
      action: 'opinion.handBack',
      entityType: 'opinion',
      entityId: o.id,
      congressId: o.congressId,
      after: { unitId, reason },
    });
    return o;
  }
  await endAssignments(w, o.id, reason, now);
  return applyStep(w, ctx, o, {
    action: 'handBack',
    to: nextStatus(o.status, 'handBack')!,
    patch: { leadUnitId: null, deadlineAt: null, handBackUntil: null },
    event: { isPublic: false, note: reason, data: { unitId, role: 'lead' } },
  });
}

/** The use case: the change through the platform step (one transaction); answers the opinion as its page shows it. */
export async function handBackOpinion(ctx: Ctx, id: string, reason: string) {
  await opinionStep(ctx, id, 'handBack', (w, o) => handBack(ctx, w, o, reason));
  return getOpinion(ctx, id);
}
