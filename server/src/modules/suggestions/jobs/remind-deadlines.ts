// Daily: reminds units as the reply deadline nears and when it has passed. Idempotent: one row per reminder sent.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs';
import type { AppServices } from '../../../platform/context';
import { accountIdsForUnits, readSuggestionSettings } from '../suggestions.repository';

export const REMIND_JOB = 'suggestions.remindDeadlines';

export async function remindDeadlines(app: AppServices, now = new Date()): Promise<number> {
  const db = app.db;
  const open = (
    (await db.execute(sql`
    SELECT s.id, s.congress_id AS "congressId", s.number, s.title, s.deadline, s.lead_unit_id AS "leadUnitId", s.key_leader_account_ids AS "leaderAccountIds", s.is_key AS "isKey"
    FROM suggestions s
    WHERE s.status IN ('assigned', 'handBackRequested', 'rehandling') AND s.deadline IS NOT NULL
      AND s.deadline < ${new Date(now.getTime() + 90 * 86_400_000).toISOString()}::timestamptz`)) as unknown as {
      rows: {
        id: string;
        congressId: string;
        number: string | null;
        title: string;
        deadline: string;
        leadUnitId: string | null;
        leaderAccountIds: string[] | null;
        isKey: boolean;
      }[];
    }
  ).rows;
  let sent = 0;
  for (const s of open) {
    const settings = await readSuggestionSettings(db, s.congressId);
    const deadline = new Date(s.deadline);
    const left = await app.calendar.workingDaysUntil(s.congressId, now, deadline);
    let kind: string | null = null;
    if (deadline.getTime() < now.getTime()) kind = `overdue:${deadline.toISOString()}`;
    else {
      const threshold = [...settings.reminderWorkingDaysBefore].sort((a, b) => a - b).find((d) => left <= d);
      if (threshold !== undefined) kind = `due:${threshold}:${deadline.toISOString()}`;
    }
    if (!kind) continue;
    await db.transaction(async (tx) => {
      const ins =
        (await tx.execute(sql`INSERT INTO suggestion_reminders (congress_id, suggestion_id, kind) VALUES (${s.congressId}, ${s.id}, ${kind})
        ON CONFLICT DO NOTHING RETURNING suggestion_id`)) as unknown as { rows: unknown[] };
      if (ins.rows.length === 0) return;
      const accountIds = await accountIdsForUnits(
        tx as never,
        s.congressId,
        s.leadUnitId ? [s.leadUnitId] : [],
      );
      if (kind.startsWith('overdue') && s.isKey) accountIds.push(...(s.leaderAccountIds ?? []));
      if (accountIds.length) {
        const overdue = kind.startsWith('overdue');
        await app.notifier.notify(tx as never, {
          congressId: s.congressId,
          accountIds,
          kind: overdue ? 'suggestion.overdue' : 'suggestion.dueSoon',
          title: overdue
            ? { zh: '代表建议已逾期', en: 'A suggestion is overdue' }
            : { zh: '代表建议即将到期', en: 'A suggestion is due soon' },
          body: {
            zh: `${s.number ?? ''} ${s.title}${overdue ? '已超过答复期限' : `还剩${left}个工作日`}`,
            en: `${s.number ?? ''} ${s.title}${overdue ? ' is past its reply deadline' : `: ${left} working days left`}`,
          },
          link: `/suggestions/${s.id}`,
        });
      }
      sent++;
    });
  }
  return sent;
}

export const remindDeadlinesJob = defineJob({
  name: REMIND_JOB,
  payload: z.object({}).passthrough(),
  handle: async (app) => {
    await remindDeadlines(app);
  },
});
