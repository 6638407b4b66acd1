// The lead unit applies, with its reason, for the extended limit (6 months, 代表法 Art. 51 ¶2; 上海规定 Art. 19):
// once, and only while the deadline has not lapsed.
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { suggestionExtensions } from '../suggestions.table';
import { step } from '../../../platform/step';
import { suggestionStep } from '../suggestions.repository';

export async function applyExtension(ctx: Ctx, id: string, reason: string) {
  return step(
    ctx,
    suggestionStep(id, {
      action: 'applyExtension',
      event: 'applyExtension',
      apply: async ({ w, row }) => {
        if (row.extended)
          throw conflict('already_extended', { zh: '已批准延期', en: 'An extension was already approved' });
        if (row.deadline && row.deadline.getTime() < Date.now())
          throw conflict(
            'deadline_lapsed',
            {
              zh: '办理期限已过，不能再申请延期',
              en: 'The deadline has lapsed: an extension can no longer be applied for',
            },
            { deadline: row.deadline.toISOString() },
          );
        const [pending] = await w.db
          .select({ id: suggestionExtensions.id })
          .from(suggestionExtensions)
          .where(
            and(eq(suggestionExtensions.suggestionId, row.id), eq(suggestionExtensions.status, 'pending')),
          );
        if (pending)
          throw conflict('extension_pending', {
            zh: '延期申请正在审核',
            en: 'An extension application is already awaiting a decision',
          });
        const extensionId = newId();
        await w.db.insert(suggestionExtensions).values({
          id: extensionId,
          congressId: row.congressId,
          suggestionId: row.id,
          unitId: ctx.actor!.handlingUnitId!,
          reason,
          requestedBy: ctx.actor!.accountId,
          deadlineBefore: row.deadline,
        });
        return { audit: { extensionId, unitId: ctx.actor!.handlingUnitId, reason }, result: extensionId };
      },
    }),
  );
}
