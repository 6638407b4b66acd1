// The routing table of the actor's congress, with what the actor may do with it.
import { eq } from 'drizzle-orm';
import { requireRole } from '../../../platform/access';
import type { Ctx } from '../../../platform/context';
import { opinionRoutes } from '../opinions.table';
import { opinionAdminPolicy } from '../opinions.policy';

export async function findOpinionRoutes(ctx: Ctx) {
  const actor = requireRole(ctx.actor, ['congressStaff', 'liaisonStaff', 'leader']);
  const items = await ctx.app.db
    .select()
    .from(opinionRoutes)
    .where(eq(opinionRoutes.congressId, actor.congressId))
    .orderBy(opinionRoutes.category);
  return { items, abilities: opinionAdminPolicy.abilities(actor, { congressId: actor.congressId }) };
}
