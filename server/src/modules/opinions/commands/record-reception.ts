// A reception's record: the number of people received and the notes, once it was held.
import { and, eq } from 'drizzle-orm';
import { requireRole } from '../../../platform/access';
import { transact, type Ctx, type Work } from '../../../platform/context';
import { AppError, forbidden, wrongState } from '../../../platform/errors';
import { receptionDeputies, receptions } from '../opinions.table';

import { loadReception } from '../opinions.repository';
import { getReception } from '../queries/find-receptions';

const STAFF = ['congressStaff', 'liaisonStaff'];

export async function recordReception(ctx: Ctx, id: string, body: { peopleReceived: number; notes: string }) {
  const actor = requireRole(ctx.actor, ['congressStaff', 'liaisonStaff', 'deputy']);
  await transact(ctx, (w) => record(ctx, w, id, body));
  return getReception(ctx.app.db, actor.congressId, id);
}

async function record(ctx: Ctx, w: Work, id: string, body: { peopleReceived: number; notes: string }) {
  const actor = ctx.actor!;
  const r = await loadReception(ctx, w.db, id);
  const isStaff = actor.roles.some((x) => STAFF.includes(x));
  if (!isStaff) {
    const [mine] = actor.deputyId
      ? await w.db
          .select()
          .from(receptionDeputies)
          .where(and(eq(receptionDeputies.receptionId, id), eq(receptionDeputies.deputyId, actor.deputyId)))
      : [];
    if (!mine) throw forbidden();
  }
  if (r.status !== 'scheduled') throw wrongState(r.status);
  if (r.startsAt.getTime() > Date.now()) {
    throw new AppError(409, 'not_started', { zh: '接待尚未开始', en: 'The reception has not started yet' });
  }
  const [after] = await w.db
    .update(receptions)
    .set({ status: 'held', peopleReceived: body.peopleReceived, notes: body.notes, updatedAt: new Date() })
    .where(and(eq(receptions.id, id), eq(receptions.status, 'scheduled')))
    .returning();
  if (!after) throw wrongState('held');
  await w.audit({
    action: 'reception.record',
    entityType: 'reception',
    entityId: id,
    before: { status: r.status },
    after: { status: 'held', peopleReceived: body.peopleReceived },
  });
  return after;
}
