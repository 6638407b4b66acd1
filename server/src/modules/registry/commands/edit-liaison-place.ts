// Edits a liaison place (家、站、点); only an industry point has a sector.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateLiaisonPlaceSchema } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { invalidField, notFound } from '../../../platform/errors';
import { liaisonPlaces } from '../registry.table';
import { ensureJurisdiction } from '../registry.repository';
import { registryPolicy } from '../registry.policy';

export async function editLiaisonPlace(
  ctx: Ctx,
  congressId: string,
  id: string,
  patch: z.infer<typeof updateLiaisonPlaceSchema>,
) {
  await transact(ctx, async (w) => {
    registryPolicy.authorize(ctx.actor, 'edit', { congressId });
    const [before] = await w.db
      .select()
      .from(liaisonPlaces)
      .where(and(eq(liaisonPlaces.congressId, congressId), eq(liaisonPlaces.id, id)))
      .for('update');
    if (!before) throw notFound({ zh: '联络站点', en: 'liaison place' });
    const kind = patch.kind ?? before.kind;
    const sector = patch.sector !== undefined ? patch.sector : before.sector;
    if (sector && kind !== 'point')
      throw invalidField(
        'sector',
        '只有产业联系点才有行业',
        'only an industry point (kind point) has a sector',
      );
    await ensureJurisdiction(w.db, congressId, patch.streetId, 'streetId', 'street');
    await ensureJurisdiction(w.db, congressId, patch.communityId, 'communityId', 'community');
    await w.db
      .update(liaisonPlaces)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(liaisonPlaces.id, id));
    const keys = Object.keys(patch) as (keyof typeof before)[];
    await w.audit({
      action: 'liaisonPlace.edit',
      entityType: 'liaisonPlace',
      entityId: id,
      before: Object.fromEntries(keys.map((k) => [k, before[k]])),
      after: patch,
    });
  });
}
