// Staff hide abusive text from every public view; the record and its audit trail stay.
import { eq } from 'drizzle-orm';
import type { Ctx, Work } from '../../../platform/context';
import { opinions } from '../opinions.table';
import { addEvent, opinionListItem, opinionStep, type OpinionRow } from '../opinions.repository';
import { getOpinion } from '../queries/get-opinion';

async function hide(ctx: Ctx, w: Work, o: OpinionRow, reason: string, hidden = true) {
  await w.db
    .update(opinions)
    .set({
      hidden,
      hiddenReason: hidden ? reason : null,
      updatedAt: new Date(),
      listItem: opinionListItem({ ...o, hidden }),
    })
    .where(eq(opinions.id, o.id));
  await addEvent(w, o, ctx, { kind: hidden ? 'hidden' : 'unhidden', isPublic: false, note: reason });
  await w.audit({
    action: hidden ? 'opinion.hide' : 'opinion.unhide',
    entityType: 'opinion',
    entityId: o.id,
    congressId: o.congressId,
    before: { hidden: o.hidden },
    after: { hidden, reason },
  });
  return { ...o, hidden, hiddenReason: hidden ? reason : null };
}

/** Hides (or shows again) an opinion through the platform step; answers the opinion as its page shows it. */
export async function hideOpinion(ctx: Ctx, id: string, reason: string, hidden: boolean) {
  await opinionStep(ctx, id, 'hide', (w, o) => hide(ctx, w, o, reason, hidden));
  return getOpinion(ctx, id);
}
