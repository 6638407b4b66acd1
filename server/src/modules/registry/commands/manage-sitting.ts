// Schedules a sitting (次会议) of a term, opens it and closes it: planned → inSession → closed, one in session at a time.
import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { SITTING_TRANSITIONS, type createSittingSchema } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { conflict, invalidField, notFound, wrongState } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { sittings } from '../registry.table';
import { ensureRef } from './refs';

export async function createSitting(
  ctx: Ctx,
  congressId: string,
  input: z.infer<typeof createSittingSchema>,
): Promise<string> {
  if (input.endDate < input.startDate)
    throw invalidField('endDate', '不能早于开始日期', 'must not be before startDate');
  return transact(ctx, async (w) => {
    await ensureRef(w.db, 'terms', congressId, input.termId, 'termId');
    const [same] = await w.db
      .select({ id: sittings.id })
      .from(sittings)
      .where(and(eq(sittings.termId, input.termId), eq(sittings.number, input.number)));
    if (same) throw conflict('sitting_exists', { zh: '该次会议已存在', en: 'This sitting already exists' });
    const id = newId();
    const values = {
      id,
      congressId,
      termId: input.termId,
      number: input.number,
      startDate: input.startDate,
      endDate: input.endDate,
      status: 'planned' as const,
    };
    await w.db.insert(sittings).values(values);
    await w.audit({ action: 'sitting.create', entityType: 'sitting', entityId: id, after: values });
    return id;
  });
}

export async function moveSitting(ctx: Ctx, congressId: string, id: string, step: 'open' | 'close') {
  await transact(ctx, async (w) => {
    const [s] = await w.db
      .select()
      .from(sittings)
      .where(and(eq(sittings.congressId, congressId), eq(sittings.id, id)))
      .for('update');
    if (!s) throw notFound({ zh: '会议', en: 'sitting' });
    const t = SITTING_TRANSITIONS[step];
    if (s.status !== t.from) throw wrongState(s.status);
    if (step === 'open') {
      const [other] = await w.db
        .select({ id: sittings.id })
        .from(sittings)
        .where(
          and(eq(sittings.congressId, congressId), eq(sittings.status, 'inSession'), ne(sittings.id, id)),
        );
      if (other)
        throw conflict(
          'sitting_in_session',
          { zh: '已有一次会议正在举行', en: 'Another sitting is in session' },
          { sittingId: other.id },
        );
    }
    await w.db.update(sittings).set({ status: t.to }).where(eq(sittings.id, id));
    await w.audit({
      action: `sitting.${step}`,
      entityType: 'sitting',
      entityId: id,
      before: { status: s.status },
      after: { status: t.to },
    });
  });
}
