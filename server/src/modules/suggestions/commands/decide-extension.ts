// Staff approve or refuse a unit's extension application. Approved, the deadline becomes the extended limit from
// the assignment the clock counts from; the deputies are told either way (上海规定 Art. 19), and so is the unit.
import { and, eq } from 'drizzle-orm';
import { endOfShanghaiDay, shanghaiDate } from '@minyi/domain/calendar';
import { replyDueDate } from '@minyi/domain/suggestions';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField } from '../../../platform/errors';
import {
  accountIdsForDeputies,
  accountIdsForUnits,
  readSuggestionSettings,
  suggestionStep,
} from '../suggestions.repository';
import { suggestionExtensions } from '../suggestions.table';
import { step } from '../../../platform/step';

export interface DecideExtensionInput {
  decision: 'approve' | 'refuse';
  comment: string;
}

export async function decideExtension(ctx: Ctx, id: string, input: DecideExtensionInput) {
  if (input.decision === 'refuse' && !input.comment)
    throw invalidField('comment', '请说明不同意延期的理由', 'give the reason for refusing the extension');
  const event = input.decision === 'approve' ? 'approveExtension' : 'refuseExtension';
  return step(
    ctx,
    suggestionStep(id, {
      action: 'decideExtension',
      event,
      apply: async ({ w, row, resource }) => {
        const [application] = await w.db
          .select()
          .from(suggestionExtensions)
          .where(
            and(eq(suggestionExtensions.suggestionId, row.id), eq(suggestionExtensions.status, 'pending')),
          )
          .for('update');
        if (!application)
          throw conflict(
            'no_extension_pending',
            { zh: '没有待审核的延期申请', en: 'There is no extension application to decide' },
            { currentStatus: row.status },
          );
        const now = new Date();
        let deadline = row.deadline;
        if (input.decision === 'approve') {
          const settings = await readSuggestionSettings(w.db, row.congressId);
          const ex = await w.app.calendar.exceptions(row.congressId, w.db);
          const from =
            settings.reassignmentClock === 'fromFirstAssignment'
              ? (row.firstAssignedAt ?? row.assignedAt!)
              : row.assignedAt!;
          deadline = endOfShanghaiDay(replyDueDate(shanghaiDate(from), settings, true, ex));
        }
        await w.db
          .update(suggestionExtensions)
          .set({
            status: input.decision === 'approve' ? 'approved' : 'refused',
            decisionComment: input.comment,
            decidedBy: ctx.actor!.accountId,
            decidedAt: now,
            deadlineAfter: deadline,
          })
          .where(eq(suggestionExtensions.id, application.id));

        const approved = input.decision === 'approve';
        const due = deadline ? shanghaiDate(deadline) : '';
        const what = `${row.number ?? ''} ${row.title}`;
        const deputyAccounts = await accountIdsForDeputies(w.db, row.congressId, resource.raterDeputyIds);
        if (deputyAccounts.length)
          await ctx.app.notifier.notify(w.db, {
            congressId: row.congressId,
            accountIds: deputyAccounts,
            kind: approved ? 'suggestion.extensionApproved' : 'suggestion.extensionRefused',
            title: approved
              ? { zh: '您的建议办理期限已延长', en: 'The reply deadline of your suggestion was extended' }
              : { zh: '承办单位的延期申请未获同意', en: "The handling unit's extension was refused" },
            body: approved
              ? {
                  zh: `${what}：承办单位申请延期，理由：${application.reason}；答复期限延至${due}`,
                  en: `${what}: the handling unit applied for an extension (${application.reason}); reply due by ${due}`,
                }
              : { zh: `${what}：答复期限仍为${due}`, en: `${what}: the reply is still due by ${due}` },
            link: `/suggestions/${row.id}`,
          });
        const unitAccounts = await accountIdsForUnits(w.db, row.congressId, [application.unitId]);
        if (unitAccounts.length)
          await ctx.app.notifier.notify(w.db, {
            congressId: row.congressId,
            accountIds: unitAccounts,
            kind: approved ? 'suggestion.extensionApproved' : 'suggestion.extensionRefused',
            title: approved
              ? { zh: '延期申请已同意', en: 'Your extension was approved' }
              : { zh: '延期申请未获同意', en: 'Your extension was refused' },
            body: approved
              ? { zh: `${what}：答复期限延至${due}`, en: `${what}: reply due by ${due}` }
              : {
                  zh: `${what}：${input.comment}；答复期限仍为${due}`,
                  en: `${what}: ${input.comment}; the reply is still due by ${due}`,
                },
            link: `/suggestions/${row.id}`,
          });
        return {
          set: approved ? { extended: true, extensionReason: application.reason, deadline } : {},
          audit: {
            extensionId: application.id,
            decision: input.decision,
            comment: input.comment,
            deadline,
          },
        };
      },
    }),
  );
}
