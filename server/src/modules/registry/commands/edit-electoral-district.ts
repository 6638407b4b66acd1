// Edits an electoral district (选区); names are unique within the congress.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateElectoralDistrictSchema } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { electoralDistricts } from '../registry.table';
import { ensureDistrictNameFree, ensureJurisdiction } from '../registry.repository';
import { registryPolicy } from '../registry.policy';

export async function editElectoralDistrict(
  ctx: Ctx,
  congressId: string,
  id: string,
  patch: z.infer<typeof updateElectoralDistrictSchema>,
) {
  await transact(ctx, async (w) => {
    registryPolicy.authorize(ctx.actor, 'edit', { congressId });
    const [before] = await w.db
      .select()
      .from(electoralDistricts)
      .where(and(eq(electoralDistricts.congressId, congressId), eq(electoralDistricts.id, id)))
      .for('update');
    if (!before) throw notFound({ zh: '选区', en: 'electoral district' });
    // Nothing to change: no statement (an empty SET is invalid SQL) and no audit row.
    if (!Object.keys(patch).length) return;
    await ensureJurisdiction(w.db, congressId, patch.streetId, 'streetId', 'street');
    if (patch.name) await ensureDistrictNameFree(w.db, congressId, patch.name, id);
    await w.db.update(electoralDistricts).set(patch).where(eq(electoralDistricts.id, id));
    await w.audit({
      action: 'electoralDistrict.edit',
      entityType: 'electoralDistrict',
      entityId: id,
      before,
      after: patch,
    });
  });
}
