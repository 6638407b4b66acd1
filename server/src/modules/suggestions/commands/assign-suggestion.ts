// 交办: a lead unit and assisting units; the reply clock (3 months, Art. 51 ¶2) starts now. Members of the same handling case go with it.
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { endOfShanghaiDay, shanghaiDate } from '@minyi/domain/calendar';
import { handBackDueDate, replyDueDate } from '@minyi/domain/suggestions';
import type { Ctx, Work } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { handlingUnits } from '../../registry';
import {
  accountIdsForUnits,
  followOn,
  readSuggestionSettings,
  resourceOf,
  stepThen,
  suggestionStep,
} from '../suggestions.repository';
import {
  suggestionAssignments,
  suggestionExtensions,
  suggestions,
  type SuggestionRow,
} from '../suggestions.table';

export async function checkUnits(
  w: Work,
  congressId: string,
  leadUnitId: string,
  assistingUnitIds: string[],
) {
  const assisting = [...new Set(assistingUnitIds)];
  if (assisting.includes(leadUnitId))
    throw invalidField(
      'assistingUnitIds',
      '协办单位不能与主办单位相同',
      'an assisting unit cannot also lead',
    );
  const ids = [leadUnitId, ...assisting];
  const found = await w.db
    .select({ id: handlingUnits.id })
    .from(handlingUnits)
    .where(
      and(
        eq(handlingUnits.congressId, congressId),
        inArray(handlingUnits.id, ids),
        eq(handlingUnits.active, true),
      ),
    );
  const known = new Set(found.map((f) => f.id));
  if (!known.has(leadUnitId)) throw invalidField('leadUnitId', '承办单位不存在', 'unknown handling unit');
  if (assisting.some((u) => !known.has(u)))
    throw invalidField('assistingUnitIds', '承办单位不存在', 'unknown handling unit');
  return assisting;
}

/**
 * Writes the assignment rows and the deadline; used by assign and by a re-assignment after a hand-back. A
 * re-assignment starts a normal period (never an extended one) from itself, and a pending extension of the old
 * unit lapses; with the setting `reassignmentClock: fromFirstAssignment` the clock keeps running from the first
 * assignment instead. The first assignment's date is kept either way.
 */
export async function writeAssignment(
  ctx: Ctx,
  w: Work,
  row: SuggestionRow,
  leadUnitId: string,
  assisting: string[],
  mode: 'assign' | 'reassign' = 'assign',
) {
  const now = new Date();
  const settings = await readSuggestionSettings(w.db, row.congressId);
  const ex = await w.app.calendar.exceptions(row.congressId, w.db);
  await w.db
    .update(suggestionAssignments)
    .set({ endedAt: now, endedReason: 'reassigned' })
    .where(and(eq(suggestionAssignments.suggestionId, row.id), isNull(suggestionAssignments.endedAt)));
  await w.db.insert(suggestionAssignments).values([
    {
      id: newId(),
      congressId: row.congressId,
      suggestionId: row.id,
      unitId: leadUnitId,
      role: 'lead' as const,
      assignedAt: now,
    },
    ...assisting.map((unitId) => ({
      id: newId(),
      congressId: row.congressId,
      suggestionId: row.id,
      unitId,
      role: 'assisting' as const,
      assignedAt: now,
    })),
  ]);
  const today = shanghaiDate(now);
  const accountIds = await accountIdsForUnits(w.db, row.congressId, [leadUnitId, ...assisting]);
  if (accountIds.length) {
    await ctx.app.notifier.notify(w.db, {
      congressId: row.congressId,
      accountIds,
      kind: 'suggestion.assign',
      title: { zh: '新交办代表建议', en: 'A suggestion was assigned to your unit' },
      body: { zh: `${row.number ?? ''} ${row.title}`, en: `${row.number ?? ''} ${row.title}` },
      link: `/suggestions/${row.id}`,
    });
  }
  const firstAssignedAt = row.firstAssignedAt ?? now;
  const keepClock = mode === 'reassign' && settings.reassignmentClock === 'fromFirstAssignment';
  // The old unit's open application ends with its assignment, whichever clock runs.
  if (mode === 'reassign')
    await w.db
      .update(suggestionExtensions)
      .set({ status: 'superseded', decidedAt: now })
      .where(and(eq(suggestionExtensions.suggestionId, row.id), eq(suggestionExtensions.status, 'pending')));
  const extended = keepClock ? row.extended : mode === 'assign' && row.extended;
  const clockFrom = keepClock ? shanghaiDate(firstAssignedAt) : today;
  return {
    leadUnitId,
    assignedAt: now,
    firstAssignedAt,
    extended,
    deadline: endOfShanghaiDay(replyDueDate(clockFrom, settings, extended, ex)),
    handBackDueAt: endOfShanghaiDay(handBackDueDate(today, settings, ex)),
  };
}

export async function assignSuggestion(
  ctx: Ctx,
  id: string,
  input: { leadUnitId: string; assistingUnitIds: string[] },
) {
  return stepThen(
    ctx,
    suggestionStep(id, {
      action: 'assign',
      event: 'assign',
      apply: async ({ w, row }) => {
        const assisting = await checkUnits(w, row.congressId, input.leadUnitId, input.assistingUnitIds);
        const set = await writeAssignment(ctx, w, row, input.leadUnitId, assisting);
        return {
          set,
          audit: { leadUnitId: input.leadUnitId, assistingUnitIds: assisting, deadline: set.deadline },
          result: assisting,
        };
      },
    }),
    async (w, actor, { row, result: assisting }) => {
      // 并案: the other accepted members of the handling case are assigned to the same units.
      if (!row.handlingCaseId) return row;
      const members = await w.db
        .select()
        .from(suggestions)
        .where(
          and(
            eq(suggestions.handlingCaseId, row.handlingCaseId),
            ne(suggestions.id, row.id),
            eq(suggestions.status, 'accepted'),
          ),
        )
        .for('update');
      for (const m of members) {
        const set = await writeAssignment(ctx, w, m, input.leadUnitId, assisting!);
        await followOn(w, actor, { row: m, resource: await resourceOf(w.db, m) }, 'assign', 'assign', set);
      }
      return row;
    },
  );
}
