// Edits a handling unit (承办单位); its name is unique within the congress.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateHandlingUnitSchema } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { handlingUnits } from '../registry.table';
import { ensureJurisdiction, ensureUnitNameFree } from '../registry.repository';
import { registryPolicy } from '../registry.policy';
import { handlingUnitRenamed } from '../registry.events';

export async function editHandlingUnit(
  ctx: Ctx,
  congressId: string,
  id: string,
  patch: z.infer<typeof updateHandlingUnitSchema>,
) {
  await transact(ctx, async (w) => {
    registryPolicy.authorize(ctx.actor, 'edit', { congressId });
    const [before] = await w.db
      .select()
      .from(handlingUnits)
      .where(and(eq(handlingUnits.congressId, congressId), eq(handlingUnits.id, id)))
      .for('update');
    if (!before) throw notFound({ zh: '承办单位', en: 'handling unit' });
    if (patch.name) await ensureUnitNameFree(w.db, congressId, patch.name, id);
    await ensureJurisdiction(w.db, congressId, patch.streetId, 'streetId', 'street');
    await w.db
      .update(handlingUnits)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(handlingUnits.id, id));
    const keys = Object.keys(patch) as (keyof typeof before)[];
    await w.audit({
      action: 'handlingUnit.edit',
      entityType: 'handlingUnit',
      entityId: id,
      before: Object.fromEntries(keys.map((k) => [k, before[k]])),
      after: patch,
    });
    if (patch.name !== undefined && patch.name !== before.name)
      await w.publish(handlingUnitRenamed, { congressId, unitId: id, name: patch.name });
  });
}
