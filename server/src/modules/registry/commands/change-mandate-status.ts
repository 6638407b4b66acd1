// Suspends, terminates or reinstates a mandate, by the transition table in @minyi/domain/registry.
import { eq } from 'drizzle-orm';
import { MANDATE_TRANSITIONS, nextMandateStatus, type MandateAction } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { forbidden, notFound, wrongState } from '../../../platform/errors';
import { deputies, mandates } from '../registry.table';

export async function changeMandateStatus(
  ctx: Ctx,
  congressId: string,
  mandateId: string,
  action: MandateAction,
  input: { reason: string; date: string } | null,
) {
  await transact(ctx, async (w) => {
    const [row] = await w.db
      .select({ m: mandates, deputyCongressId: deputies.congressId })
      .from(mandates)
      .innerJoin(deputies, eq(deputies.id, mandates.deputyId))
      .where(eq(mandates.id, mandateId))
      .for('update', { of: mandates });
    // A mandate is kept by the congress whose deputy it is (city mandates of district residents included).
    if (!row || row.deputyCongressId !== congressId) throw notFound({ zh: '代表资格', en: 'mandate' });
    if (row.m.congressId !== congressId && row.deputyCongressId !== congressId) throw forbidden();
    const to = nextMandateStatus(row.m.status, action);
    if (!to) throw wrongState(row.m.status);
    const set = MANDATE_TRANSITIONS[action].needsReason
      ? { status: to, statusReason: input!.reason, statusDate: input!.date, updatedAt: new Date() }
      : { status: to, statusReason: '', statusDate: null, updatedAt: new Date() };
    await w.db.update(mandates).set(set).where(eq(mandates.id, mandateId));
    await w.audit({
      action: `mandate.${action}`,
      entityType: 'mandate',
      entityId: mandateId,
      congressId,
      before: { status: row.m.status, statusReason: row.m.statusReason, statusDate: row.m.statusDate },
      after: { status: set.status, statusReason: set.statusReason, statusDate: set.statusDate },
    });
  });
}
