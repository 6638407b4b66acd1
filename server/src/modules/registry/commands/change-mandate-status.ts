// Suspends, terminates or reinstates a mandate, by the transition table in @minyi/domain/registry.
import { eq } from 'drizzle-orm';
import { MANDATE_TRANSITIONS, nextMandateStatus, type MandateAction } from '@minyi/domain/registry';
import type { Ctx } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { deputies, mandates } from '../registry.table';
import { registryPolicy } from '../registry.policy';

export async function changeMandateStatus(
  ctx: Ctx,
  congressId: string,
  mandateId: string,
  action: MandateAction,
  input: { reason: string; date: string } | null,
) {
  await step(ctx, {
    policy: registryPolicy,
    action: 'changeStatus',
    async load(w) {
      const [row] = await w.db
        .select({ m: mandates, deputyCongressId: deputies.congressId })
        .from(mandates)
        .innerJoin(deputies, eq(deputies.id, mandates.deputyId))
        .where(eq(mandates.id, mandateId))
        .for('update', { of: mandates });
      // A mandate is kept by the congress whose deputy it is (city mandates of district residents included).
      if (!row || row.deputyCongressId !== congressId) throw notFound({ zh: '代表资格', en: 'mandate' });
      return { row: row.m, resource: { congressId: row.deputyCongressId } };
    },
    transition: ({ row }) => ({ from: row.status, to: nextMandateStatus(row.status, action) }),
    async write({ w, row, to }) {
      const status = to as typeof row.status;
      const set = MANDATE_TRANSITIONS[action].needsReason
        ? { status, statusReason: input!.reason, statusDate: input!.date, updatedAt: new Date() }
        : { status, statusReason: '', statusDate: null, updatedAt: new Date() };
      await w.db.update(mandates).set(set).where(eq(mandates.id, mandateId));
      return {
        result: undefined,
        audit: {
          action: `mandate.${action}`,
          entityType: 'mandate',
          entityId: mandateId,
          congressId,
          before: { status: row.status, statusReason: row.statusReason, statusDate: row.statusDate },
          after: { status, statusReason: set.statusReason, statusDate: set.statusDate },
        },
      };
    },
  });
}
