// A handling unit records progress; public notes appear on the citizen's timeline.
import type { Ctx, Work } from '../../../platform/context';
import { wrongState } from '../../../platform/errors';
import { canTransition } from '@minyi/domain/opinions';
import { addEvent, type OpinionRow, opinionStep } from '../opinions.repository';
import { getOpinion } from '../queries/get-opinion';

async function addNote(ctx: Ctx, w: Work, o: OpinionRow, note: string, isPublic: boolean) {
  if (!canTransition(o.status, 'addNote')) throw wrongState(o.status);
  await addEvent(w, o, ctx, {
    kind: 'progress',
    note,
    isPublic,
    data: { unitId: ctx.actor!.handlingUnitId },
  });
  await w.audit({
    action: 'opinion.addNote',
    entityType: 'opinion',
    entityId: o.id,
    congressId: o.congressId,
    after: { isPublic },
  });
  return o;
}

/** AddOpinionNote through the platform step (one transaction); answers the opinion as its page shows it. */
export async function addOpinionNote(ctx: Ctx, id: string, input: { note: string; isPublic: boolean }) {
  await opinionStep(ctx, id, 'addNote', (w, o) => addNote(ctx, w, o, input.note, input.isPublic));
  return getOpinion(ctx, id);
}
