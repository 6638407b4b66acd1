// The routing table (category × street → lead unit + assisting units) and its proposal for an opinion.
import { and, eq, isNull, or, sql, desc } from 'drizzle-orm';
import type { z } from 'zod';
import type { routingRuleSchema } from '@minyi/domain/opinions';
import type { Db } from '../../../db/client';
import type { Ctx, Work } from '../../../platform/context';
import { invalidField, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { opinionRoutes } from '../opinions.table';
import { getStreet } from '../../registry';
import { findUnits } from '../opinions.lookups';

export async function setOpinionRoute(ctx: Ctx, w: Work, body: z.infer<typeof routingRuleSchema>) {
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

export async function deleteOpinionRoute(ctx: Ctx, w: Work, id: string) {
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

export async function findOpinionRoutes(db: Db, congressId: string) {
  return db
    .select()
    .from(opinionRoutes)
    .where(eq(opinionRoutes.congressId, congressId))
    .orderBy(opinionRoutes.category);
}

/** The street-specific rule wins over the congress-wide one. */
export async function proposeRoute(db: Db, congressId: string, category: string, streetId: string) {
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
