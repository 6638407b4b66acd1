// 重点督办: the chairpersons' meeting (recorded by staff on its behalf) selects a key suggestion and the district
// leader or leaders who lead its supervision (Art. 52 ¶2).
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { accountRoles } from '../../../platform/platform.table';
import { step } from '../../../platform/step';
import { suggestionStep } from '../suggestions.repository';

export async function selectKeySuggestion(
  ctx: Ctx,
  id: string,
  input: { leaderAccountIds: string[]; note: string },
) {
  return step(
    ctx,
    suggestionStep(id, {
      action: 'selectKey',
      event: 'selectKey',
      apply: async ({ w, row }) => {
        const ids = input.leaderAccountIds;
        const leaders = await w.db
          .select({ accountId: accountRoles.accountId })
          .from(accountRoles)
          .where(
            and(
              inArray(accountRoles.accountId, ids),
              eq(accountRoles.role, 'leader'),
              eq(accountRoles.congressId, row.congressId),
            ),
          );
        const found = new Set(leaders.map((l) => l.accountId));
        const missing = ids.findIndex((id) => !found.has(id));
        if (missing >= 0)
          throw invalidField(`leaderAccountIds.${missing}`, '请选择区领导', 'must be a leader account');
        await ctx.app.notifier.notify(w.db, {
          congressId: row.congressId,
          accountIds: ids,
          kind: 'suggestion.key',
          title: { zh: '领衔督办重点建议', en: 'You lead the supervision of a key suggestion' },
          body: { zh: `${row.number ?? ''} ${row.title}`, en: `${row.number ?? ''} ${row.title}` },
          link: `/suggestions/${row.id}`,
        });
        return {
          set: {
            isKey: true,
            leaderAccountId: ids[0],
            keyLeaderAccountIds: ids,
            keyDecidedBy: 'chairpersonsMeeting',
          },
          audit: {
            leaderAccountIds: ids,
            decidedBy: 'chairpersonsMeeting',
            recordedBy: ctx.actor!.accountId,
            note: input.note,
          },
        };
      },
    }),
  );
}
