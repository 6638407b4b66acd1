// Adds a street or community to the jurisdiction tree, or renames one. A child sits one level below its parent.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  JURISDICTION_LEVELS,
  type createJurisdictionSchema,
  type updateJurisdictionSchema,
} from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { invalidField, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { jurisdictions } from '../registry.table';
import { ensureJurisdiction } from './refs';

export async function createJurisdiction(
  ctx: Ctx,
  congressId: string,
  input: z.infer<typeof createJurisdictionSchema>,
): Promise<string> {
  return transact(ctx, async (w) => {
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

export async function editJurisdiction(
  ctx: Ctx,
  congressId: string,
  id: string,
  patch: z.infer<typeof updateJurisdictionSchema>,
) {
  await transact(ctx, async (w) => {
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
