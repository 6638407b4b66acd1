// Adds or edits a working committee or a street working committee (which belongs to one street).
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createWorkingCommitteeSchema, updateWorkingCommitteeSchema } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { invalidField, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { workingCommittees } from '../registry.table';
import { ensureJurisdiction } from './refs';

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

export async function editWorkingCommittee(
  ctx: Ctx,
  congressId: string,
  id: string,
  patch: z.infer<typeof updateWorkingCommitteeSchema>,
) {
  await transact(ctx, async (w) => {
    const [before] = await w.db
      .select()
      .from(workingCommittees)
      .where(and(eq(workingCommittees.congressId, congressId), eq(workingCommittees.id, id)))
      .for('update');
    if (!before) throw notFound({ zh: '工作委员会', en: 'working committee' });
    // Nothing to change: no statement (an empty SET is invalid SQL) and no audit row.
    if (!Object.keys(patch).length) return;
    await w.db.update(workingCommittees).set(patch).where(eq(workingCommittees.id, id));
    await w.audit({
      action: 'workingCommittee.edit',
      entityType: 'workingCommittee',
      entityId: id,
      before,
      after: patch,
    });
  });
}
