// Deletes a rule of the routing table.
import { and, eq } from 'drizzle-orm';
import { requireRole } from '../../../platform/access';
import { transact, type Ctx, type Work } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { opinionRoutes } from '../opinions.table';
import { MANAGE_ROLES } from '../opinions.policy';

export async function deleteOpinionRoute(ctx: Ctx, id: string): Promise<void> {
  requireRole(ctx.actor, MANAGE_ROLES);
  await transact(ctx, (w) => deleteRoute(ctx, w, id));
}

async function deleteRoute(ctx: Ctx, w: Work, id: string) {
  const [existing] = await w.db
    .select()
    .from(opinionRoutes)
    .where(and(eq(opinionRoutes.id, id), eq(opinionRoutes.congressId, ctx.actor!.congressId)));
  if (!existing) throw notFound({ zh: '分派规则', en: 'routing rule' });
  await w.db.delete(opinionRoutes).where(eq(opinionRoutes.id, id));
  await w.audit({
    action: 'opinionRoute.delete',
    entityType: 'opinionRoute',
    entityId: id,
    before: existing,
  });
}
