// Deputies check in at a reception; afterwards its record gives the number of people received.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Ctx, Work } from '../../../platform/context';
import { AppError, forbidden, invalidField, notFound, wrongState } from '../../../platform/errors';
import { receptionDeputies, receptions } from '../opinions.table';

const RECEPTION = { zh: '接待活动', en: 'reception' };
const STAFF = ['congressStaff', 'liaisonStaff'];

export async function loadReception(ctx: Ctx, db: Db, id: string) {
  const [r] = await db
    .select()
    .from(receptions)
    .where(and(eq(receptions.id, id), eq(receptions.congressId, ctx.actor!.congressId)));
  if (!r) throw notFound(RECEPTION);
  return r;
}

export async function checkInReception(ctx: Ctx, w: Work, id: string, deputyIdGiven: string | undefined) {
  const actor = ctx.actor!;
  const r = await loadReception(ctx, w.db, id);
  const isStaff = actor.roles.some((x) => STAFF.includes(x));
  const deputyId = deputyIdGiven ?? actor.deputyId;
  if (!deputyId) throw invalidField('deputyId', '请指定代表', 'name the deputy');
  if (!isStaff && deputyId !== actor.deputyId) throw forbidden();
  if (r.status !== 'scheduled') throw wrongState(r.status);
  const [row] = await w.db
    .select()
    .from(receptionDeputies)
    .where(and(eq(receptionDeputies.receptionId, id), eq(receptionDeputies.deputyId, deputyId)));
  if (!row) {
    if (!isStaff) throw forbidden();
    throw invalidField('deputyId', '该代表不在本次接待安排中', 'this deputy is not on the reception');
  }
  if (row.checkedInAt) return { receptionId: id, deputyId, checkedInAt: row.checkedInAt };
  if (Date.now() < r.startsAt.getTime() - 2 * 3_600_000) {
    throw new AppError(409, 'too_early', {
      zh: '接待开始前两小时内才能签到',
      en: 'Check-in opens two hours before the reception',
    });
  }
  const checkedInAt = new Date();
  await w.db
    .update(receptionDeputies)
    .set({ checkedInAt })
    .where(and(eq(receptionDeputies.receptionId, id), eq(receptionDeputies.deputyId, deputyId)));
  await w.audit({ action: 'reception.checkIn', entityType: 'reception', entityId: id, after: { deputyId } });
  return { receptionId: id, deputyId, checkedInAt };
}

export async function recordReception(
  ctx: Ctx,
  w: Work,
  id: string,
  body: { peopleReceived: number; notes: string },
) {
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
