// 重点督办: the chairpersons' meeting (recorded by staff on its behalf) selects a key suggestion and its leading leader (Art. 52 ¶2).
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { accountRoles } from '../../../platform/platform.table';
import { step } from '../../../platform/step';
import { suggestionStep } from '../suggestions.repository';

export async function selectKeySuggestion(
  ctx: Ctx,
  id: string,
  input: { leaderAccountId: string; note: string },
) {
  return step(
    ctx,
    suggestionStep(id, {
      action: 'selectKey',
      event: 'selectKey',
      apply: async ({ w, row }) => {
        const [leader] = await w.db
          .select()
          .from(accountRoles)
          .where(
            and(
              eq(accountRoles.accountId, input.leaderAccountId),
              eq(accountRoles.role, 'leader'),
              eq(accountRoles.congressId, row.congressId),
            ),
          );
        if (!leader) throw invalidField('leaderAccountId', '请选择区领导', 'must be a leader account');
        await ctx.app.notifier.notify(w.db, {
          congressId: row.congressId,
          accountIds: [input.leaderAccountId],
          kind: 'suggestion.key',
          title: { zh: '领衔督办重点建议', en: 'You lead the supervision of a key suggestion' },
          body: { zh: `${row.number ?? ''} ${row.title}`, en: `${row.number ?? ''} ${row.title}` },
          link: `/suggestions/${row.id}`,
        });
        return {
          set: { isKey: true, leaderAccountId: input.leaderAccountId, keyDecidedBy: 'chairpersonsMeeting' },
          audit: {
            leaderAccountId: input.leaderAccountId,
            decidedBy: 'chairpersonsMeeting',
            recordedBy: ctx.actor!.accountId,
            note: input.note,
          },
        };
      },
    }),
  );
}
