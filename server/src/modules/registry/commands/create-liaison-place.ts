// Creates a liaison place (家、站、点); only an industry point has a sector.
import type { z } from 'zod';
import type { createLiaisonPlaceSchema } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { liaisonPlaces } from '../registry.table';
import { ensureJurisdiction } from '../registry.repository';
import { registryPolicy } from '../registry.policy';

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
    registryPolicy.authorize(ctx.actor, 'edit', { congressId });
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
