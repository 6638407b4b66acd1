// Sets one rule of the routing table (category × street → lead unit + assisting units).
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { routingRuleSchema } from '@minyi/domain/opinions';
import { requireRole } from '../../../platform/access';
import { transact, type Ctx, type Work } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { opinionRoutes } from '../opinions.table';
import { getStreet } from '../../registry';
import { findUnits } from '../opinions.repository';
import { MANAGE_ROLES } from '../opinions.policy';

export function setOpinionRoute(ctx: Ctx, body: z.infer<typeof routingRuleSchema>) {
  requireRole(ctx.actor, MANAGE_ROLES);
  return transact(ctx, (w) => setRoute(ctx, w, body));
}

async function setRoute(ctx: Ctx, w: Work, body: z.infer<typeof routingRuleSchema>) {
  const congressId = ctx.actor!.congressId;
  if (body.streetId) {
    if (!(await getStreet(w.db, congressId, body.streetId)))
      throw invalidField('streetId', '未知的街道', 'unknown street');
  }
  const assisting = [...new Set(body.assistingUnitIds)].filter((u) => u !== body.leadUnitId);
  const units = await findUnits(w.db, congressId, [body.leadUnitId, ...assisting]);
  if (!units.some((u) => u.id === body.leadUnitId))
    throw invalidField('leadUnitId', '未知的承办单位', 'unknown handling unit');
  const bad = assisting.findIndex((id) => !units.some((u) => u.id === id));
  if (bad >= 0) throw invalidField(`assistingUnitIds.${bad}`, '未知的承办单位', 'unknown handling unit');
  const [existing] = await w.db
    .select()
    .from(opinionRoutes)
    .where(
      and(
        eq(opinionRoutes.congressId, congressId),
        eq(opinionRoutes.category, body.category),
        body.streetId ? eq(opinionRoutes.streetId, body.streetId) : isNull(opinionRoutes.streetId),
      ),
    );
  const id = existing?.id ?? newId();
  const row = {
    id,
    congressId,
    category: body.category,
    streetId: body.streetId,
    leadUnitId: body.leadUnitId,
    assistingUnitIds: assisting,
    updatedAt: new Date(),
  };
  if (existing) await w.db.update(opinionRoutes).set(row).where(eq(opinionRoutes.id, id));
  else await w.db.insert(opinionRoutes).values(row);
  await w.audit({
    action: 'opinionRoute.set',
    entityType: 'opinionRoute',
    entityId: id,
    before: existing ?? null,
    after: row,
  });
  return row;
}
