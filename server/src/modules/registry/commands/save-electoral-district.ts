// Adds or edits an electoral district (选区) of a street; names are unique within the congress.
import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { createElectoralDistrictSchema, updateElectoralDistrictSchema } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { conflict, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { Db } from '../../../db/client';
import { electoralDistricts } from '../registry.table';
import { ensureJurisdiction } from './refs';

async function ensureNameFree(db: Db, congressId: string, name: string, exceptId?: string) {
  const [other] = await db
    .select({ id: electoralDistricts.id })
    .from(electoralDistricts)
    .where(
      and(
        eq(electoralDistricts.congressId, congressId),
        eq(electoralDistricts.name, name),
        exceptId ? ne(electoralDistricts.id, exceptId) : undefined,
      ),
    );
  if (other)
    throw conflict('name_taken', {
      zh: '已有同名选区',
      en: 'An electoral district with this name already exists',
    });
}

export async function createElectoralDistrict(
  ctx: Ctx,
  congressId: string,
  input: z.infer<typeof createElectoralDistrictSchema>,
): Promise<string> {
  return transact(ctx, async (w) => {
    await ensureJurisdiction(w.db, congressId, input.streetId, 'streetId', 'street');
    await ensureNameFree(w.db, congressId, input.name);
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

export async function editElectoralDistrict(
  ctx: Ctx,
  congressId: string,
  id: string,
  patch: z.infer<typeof updateElectoralDistrictSchema>,
) {
  await transact(ctx, async (w) => {
    const [before] = await w.db
      .select()
      .from(electoralDistricts)
      .where(and(eq(electoralDistricts.congressId, congressId), eq(electoralDistricts.id, id)))
      .for('update');
    if (!before) throw notFound({ zh: '选区', en: 'electoral district' });
    // Nothing to change: no statement (an empty SET is invalid SQL) and no audit row.
    if (!Object.keys(patch).length) return;
    await ensureJurisdiction(w.db, congressId, patch.streetId, 'streetId', 'street');
    if (patch.name) await ensureNameFree(w.db, congressId, patch.name, id);
    await w.db.update(electoralDistricts).set(patch).where(eq(electoralDistricts.id, id));
    await w.audit({
      action: 'electoralDistrict.edit',
      entityType: 'electoralDistrict',
      entityId: id,
      before,
      after: patch,
    });
  });
}
