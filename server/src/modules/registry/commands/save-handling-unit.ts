// Creates or edits a handling unit (承办单位); its name is unique within the congress.
import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { createHandlingUnitSchema, updateHandlingUnitSchema } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { conflict, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { Db } from '../../../db/client';
import { handlingUnits } from '../registry.table';
import { ensureJurisdiction } from './refs';

async function ensureNameFree(db: Db, congressId: string, name: string, exceptId?: string) {
  const [other] = await db
    .select({ id: handlingUnits.id })
    .from(handlingUnits)
    .where(
      and(
        eq(handlingUnits.congressId, congressId),
        eq(handlingUnits.name, name),
        exceptId ? ne(handlingUnits.id, exceptId) : undefined,
      ),
    );
  if (other)
    throw conflict(
      'name_taken',
      { zh: '已有同名的承办单位', en: 'A handling unit with this name already exists' },
      { id: other.id },
    );
}

export async function createHandlingUnit(
  ctx: Ctx,
  congressId: string,
  input: z.infer<typeof createHandlingUnitSchema>,
): Promise<string> {
  return transact(ctx, async (w) => {
    await ensureNameFree(w.db, congressId, input.name);
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

export async function editHandlingUnit(
  ctx: Ctx,
  congressId: string,
  id: string,
  patch: z.infer<typeof updateHandlingUnitSchema>,
) {
  await transact(ctx, async (w) => {
    const [before] = await w.db
      .select()
      .from(handlingUnits)
      .where(and(eq(handlingUnits.congressId, congressId), eq(handlingUnits.id, id)))
      .for('update');
    if (!before) throw notFound({ zh: '承办单位', en: 'handling unit' });
    if (patch.name) await ensureNameFree(w.db, congressId, patch.name, id);
    await ensureJurisdiction(w.db, congressId, patch.streetId, 'streetId', 'street');
    await w.db
      .update(handlingUnits)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(handlingUnits.id, id));
    const keys = Object.keys(patch) as (keyof typeof before)[];
    await w.audit({
      action: 'handlingUnit.edit',
      entityType: 'handlingUnit',
      entityId: id,
      before: Object.fromEntries(keys.map((k) => [k, before[k]])),
      after: patch,
    });
  });
}
