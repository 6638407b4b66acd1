// A deputy checks in at a reception (staff may check any deputy in), from two hours before it starts.
import { and, eq } from 'drizzle-orm';
import { requireRole } from '../../../platform/access';
import { transact, type Ctx, type Work } from '../../../platform/context';
import { AppError, forbidden, invalidField, wrongState } from '../../../platform/errors';
import { receptionDeputies } from '../opinions.table';
import { CHECK_IN_OPENS_BEFORE_MS, loadReception } from '../opinions.repository';

const STAFF = ['congressStaff', 'liaisonStaff'];

export function checkInReception(ctx: Ctx, id: string, deputyId: string | undefined) {
  requireRole(ctx.actor, ['congressStaff', 'liaisonStaff', 'deputy']);
  return transact(ctx, (w) => checkIn(ctx, w, id, deputyId));
}

async function checkIn(ctx: Ctx, w: Work, id: string, deputyIdGiven: string | undefined) {
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
  if (Date.now() < r.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS) {
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
