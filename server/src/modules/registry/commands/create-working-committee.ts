// Adds a working committee or a street working committee (which belongs to one street).
import type { z } from 'zod';
import type { createWorkingCommitteeSchema } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { workingCommittees } from '../registry.table';
import { ensureJurisdiction } from '../registry.repository';
import { registryPolicy } from '../registry.policy';

export async function createWorkingCommittee(
  ctx: Ctx,
  congressId: string,
  input: z.infer<typeof createWorkingCommitteeSchema>,
): Promise<string> {
  if (input.kind === 'streetWorkingCommittee' && !input.streetId)
    throw invalidField('streetId', '街道工委必须指定街道', 'is required for a street working committee');
  if (input.kind === 'workingCommittee' && input.streetId)
    throw invalidField('streetId', '工作委员会不属于街道', 'must be empty for a working committee');
  return transact(ctx, async (w) => {
    registryPolicy.authorize(ctx.actor, 'edit', { congressId });
    await ensureJurisdiction(w.db, congressId, input.streetId, 'streetId', 'street');
    const id = newId();
    const values = {
      id,
      congressId,
      kind: input.kind,
      name: input.name,
      nameEn: input.nameEn ?? '',
      streetId: input.streetId ?? null,
      description: input.description ?? '',
    };
    await w.db.insert(workingCommittees).values(values);
    await w.audit({
      action: 'workingCommittee.create',
      entityType: 'workingCommittee',
      entityId: id,
      after: values,
    });
    return id;
  });
}
