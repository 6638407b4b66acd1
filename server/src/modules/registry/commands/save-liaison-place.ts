// Creates or edits a liaison place (家、站、点); only an industry point has a sector.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createLiaisonPlaceSchema, updateLiaisonPlaceSchema } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { invalidField, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { liaisonPlaces } from '../registry.table';
import { ensureJurisdiction } from './refs';

export async function createLiaisonPlace(
  ctx: Ctx,
  congressId: string,
  input: z.infer<typeof createLiaisonPlaceSchema>,
): Promise<string> {
  if (input.sector && input.kind !== 'point')
    throw invalidField(
      'sector',
      '只有产业联系点才有行业',
      'only an industry point (kind point) has a sector',
    );
  return transact(ctx, async (w) => {
    await ensureJurisdiction(w.db, congressId, input.streetId, 'streetId', 'street');
    await ensureJurisdiction(w.db, congressId, input.communityId, 'communityId', 'community');
    const id = newId();
    const values = {
      id,
      congressId,
      kind: input.kind,
      name: input.name,
      sector: input.sector ?? null,
      streetId: input.streetId,
      communityId: input.communityId ?? null,
      address: input.address ?? '',
      openingHours: input.openingHours ?? '',
      phone: input.phone ?? '',
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      active: input.active ?? true,
    };
    await w.db.insert(liaisonPlaces).values(values);
    await w.audit({ action: 'liaisonPlace.create', entityType: 'liaisonPlace', entityId: id, after: values });
    return id;
  });
}

export async function editLiaisonPlace(
  ctx: Ctx,
  congressId: string,
  id: string,
  patch: z.infer<typeof updateLiaisonPlaceSchema>,
) {
  await transact(ctx, async (w) => {
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
