// Lifts a block on a submitter.
import { and, eq } from 'drizzle-orm';
import { requireRole } from '../../../platform/access';
import { transact, type Ctx, type Work } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { opinionBlocks } from '../opinions.table';
import { RECEPTION_ROLES } from '../opinions.policy';

export async function unblockSubmitter(ctx: Ctx, id: string): Promise<void> {
  requireRole(ctx.actor, RECEPTION_ROLES);
  await transact(ctx, (w) => unblock(ctx, w, id));
}

async function unblock(ctx: Ctx, w: Work, id: string) {
  const [row] = await w.db
    .select()
    .from(opinionBlocks)
    .where(and(eq(opinionBlocks.id, id), eq(opinionBlocks.congressId, ctx.actor!.congressId)));
  if (!row) throw notFound({ zh: '限制记录', en: 'block' });
  await w.db.delete(opinionBlocks).where(eq(opinionBlocks.id, id));
  await w.audit({
    action: 'opinionBlock.remove',
    entityType: 'opinionBlock',
    entityId: id,
    before: { kind: row.kind, reason: row.reason },
  });
}
