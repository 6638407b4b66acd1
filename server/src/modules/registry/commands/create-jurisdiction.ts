// Adds a street or community to the jurisdiction tree. A child sits one level below its parent.
import type { z } from 'zod';
import { JURISDICTION_LEVELS, type createJurisdictionSchema } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { jurisdictions } from '../registry.table';
import { ensureJurisdiction } from '../registry.repository';
import { registryPolicy } from '../registry.policy';

export async function createJurisdiction(
  ctx: Ctx,
  congressId: string,
  input: z.infer<typeof createJurisdictionSchema>,
): Promise<string> {
  return transact(ctx, async (w) => {
    registryPolicy.authorize(ctx.actor, 'edit', { congressId });
    const parent = (await ensureJurisdiction(w.db, congressId, input.parentId, 'parentId'))!;
    if (JURISDICTION_LEVELS.indexOf(input.level) !== JURISDICTION_LEVELS.indexOf(parent.level) + 1) {
      throw invalidField(
        'level',
        '应比上级行政区划低一级',
        `must be one level below the parent (${parent.level})`,
      );
    }
    const id = newId();
    const values = {
      id,
      congressId,
      parentId: input.parentId,
      level: input.level,
      name: input.name,
      nameEn: input.nameEn ?? '',
      code: input.code ?? '',
    };
    await w.db.insert(jurisdictions).values(values);
    await w.audit({ action: 'jurisdiction.create', entityType: 'jurisdiction', entityId: id, after: values });
    return id;
  });
}
