// Renames a jurisdiction (its name, English name or code).
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateJurisdictionSchema } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { jurisdictions } from '../registry.table';
import { registryPolicy } from '../registry.policy';

export async function editJurisdiction(
  ctx: Ctx,
  congressId: string,
  id: string,
  patch: z.infer<typeof updateJurisdictionSchema>,
) {
  await transact(ctx, async (w) => {
    registryPolicy.authorize(ctx.actor, 'edit', { congressId });
    const [before] = await w.db
      .select()
      .from(jurisdictions)
      .where(and(eq(jurisdictions.congressId, congressId), eq(jurisdictions.id, id)))
      .for('update');
    if (!before) throw notFound({ zh: '行政区划', en: 'jurisdiction' });
    await w.db
      .update(jurisdictions)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(jurisdictions.id, id));
    await w.audit({
      action: 'jurisdiction.edit',
      entityType: 'jurisdiction',
      entityId: id,
      before: { name: before.name, nameEn: before.nameEn, code: before.code },
      after: patch,
    });
  });
}
