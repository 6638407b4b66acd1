// Adds an electoral district (选区) of a street; names are unique within the congress.
import type { z } from 'zod';
import type { createElectoralDistrictSchema } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { newId } from '../../../platform/ids';
import { electoralDistricts } from '../registry.table';
import { ensureDistrictNameFree, ensureJurisdiction } from '../registry.repository';
import { registryPolicy } from '../registry.policy';

export async function createElectoralDistrict(
  ctx: Ctx,
  congressId: string,
  input: z.infer<typeof createElectoralDistrictSchema>,
): Promise<string> {
  return transact(ctx, async (w) => {
    registryPolicy.authorize(ctx.actor, 'edit', { congressId });
    await ensureJurisdiction(w.db, congressId, input.streetId, 'streetId', 'street');
    await ensureDistrictNameFree(w.db, congressId, input.name);
    const id = newId();
    const values = {
      id,
      congressId,
      streetId: input.streetId,
      name: input.name,
      seats: input.seats,
      voterCount: input.voterCount ?? null,
    };
    await w.db.insert(electoralDistricts).values(values);
    await w.audit({
      action: 'electoralDistrict.create',
      entityType: 'electoralDistrict',
      entityId: id,
      after: values,
    });
    return id;
  });
}
