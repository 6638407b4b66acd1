// Creates a handling unit (承办单位); its name is unique within the congress.
import type { z } from 'zod';
import type { createHandlingUnitSchema } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { newId } from '../../../platform/ids';
import { handlingUnits } from '../registry.table';
import { ensureJurisdiction, ensureUnitNameFree } from '../registry.repository';
import { registryPolicy } from '../registry.policy';

export async function createHandlingUnit(
  ctx: Ctx,
  congressId: string,
  input: z.infer<typeof createHandlingUnitSchema>,
): Promise<string> {
  return transact(ctx, async (w) => {
    registryPolicy.authorize(ctx.actor, 'edit', { congressId });
    await ensureUnitNameFree(w.db, congressId, input.name);
    await ensureJurisdiction(w.db, congressId, input.streetId, 'streetId', 'street');
    const id = newId();
    const values = {
      id,
      congressId,
      name: input.name,
      nameEn: input.nameEn ?? '',
      kind: input.kind,
      categories: input.categories ?? [],
      streetId: input.streetId ?? null,
      contactName: input.contactName ?? '',
      contactPhone: input.contactPhone ?? '',
      active: input.active ?? true,
    };
    await w.db.insert(handlingUnits).values(values);
    await w.audit({ action: 'handlingUnit.create', entityType: 'handlingUnit', entityId: id, after: values });
    return id;
  });
}
