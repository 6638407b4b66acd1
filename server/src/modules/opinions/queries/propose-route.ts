// The units the routing table proposes for an opinion (triage).
import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { requireRole } from '../../../platform/access';
import type { Ctx } from '../../../platform/context';
import { opinionRoutes } from '../opinions.table';
import { loadOpinion, resourceOf } from '../opinions.repository';
import { opinionPolicy, QUEUE_ROLES } from '../opinions.policy';

export async function getOpinionRouteProposal(ctx: Ctx, id: string) {
  const actor = requireRole(ctx.actor, QUEUE_ROLES);
  const o = await loadOpinion(ctx.app.db, actor.congressId, id);
  opinionPolicy.authorize(actor, 'decide', await resourceOf(ctx.app.db, o));
  return { proposal: await proposeRoute(ctx.app.db, o.congressId, o.category, o.streetId) };
}

/** The street-specific rule wins over the congress-wide one. */
async function proposeRoute(db: Db, congressId: string, category: string, streetId: string) {
  const [row] = await db
    .select()
    .from(opinionRoutes)
    .where(
      and(
        eq(opinionRoutes.congressId, congressId),
        eq(opinionRoutes.category, category),
        or(eq(opinionRoutes.streetId, streetId), isNull(opinionRoutes.streetId)),
      ),
    )
    .orderBy(desc(sql`${opinionRoutes.streetId} IS NOT NULL`))
    .limit(1);
  return row ? { leadUnitId: row.leadUnitId, assistingUnitIds: row.assistingUnitIds } : null;
}
