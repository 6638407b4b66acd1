// The loaders the budget commands and reads share, and the evaluation of the warning rules over a budget's
// rows (the rules themselves are pure, domain/src/budget/evaluate.ts).
import { and, eq, sql } from 'drizzle-orm';
import type { PgTable, PgColumn } from 'drizzle-orm/pg-core';
import { shanghaiDate } from '@minyi/domain/calendar';
import { evaluateWarnings, type Warning } from '@minyi/domain/budget';
import type { Db } from '../../db/client';
import type { Actor, AppServices, Work } from '../../platform/context';
import { notFound } from '../../platform/errors';
import {
  budgetConsultationInvitees,
  budgetConsultationOpinions,
  budgetConsultationRounds,
  budgetAdjustmentLines,
  budgetAdjustments,
  budgetCarryOvers,
  budgetExecution,
  budgetInquiries,
  budgetTransfers,
  budgetLines,
  budgets,
} from './budget.table';
import {
  type ConsultationResource,
  budgetInquiryPolicy,
  budgetPolicy,
  type BudgetInquiryResource,
  type BudgetResource,
} from './budget.policy';
import { readBudgetSettings } from './budget.settings';

export type BudgetRow = typeof budgets.$inferSelect;
export type BudgetInquiryRow = typeof budgetInquiries.$inferSelect;

export const BUDGET = { zh: '预算', en: 'budget' };
const INQUIRY = { zh: '询问', en: 'inquiry' };

export const budgetResource = (row: BudgetRow): BudgetResource => ({
  congressId: row.congressId,
  financeUnitId: row.financeUnitId,
});

/** Loads (and locks) a budget of the actor's congress for a step; 404 when absent or in another congress. */
export async function loadBudgetStep(
  w: Work,
  actor: Actor,
  budgetId: string,
): Promise<{ row: BudgetRow; resource: BudgetResource }> {
  const [row] = await w.db
    .select()
    .from(budgets)
    .where(and(eq(budgets.id, budgetId), eq(budgets.congressId, actor.congressId)))
    .for('update');
  if (!row) throw notFound(BUDGET);
  return { row, resource: budgetResource(row) };
}

/** A budget the actor may read (404 when absent or elsewhere, 403 when the policy refuses). */
export async function readableBudget(db: Db, actor: Actor, budgetId: string): Promise<BudgetRow> {
  const [row] = await db
    .select()
    .from(budgets)
    .where(and(eq(budgets.id, budgetId), eq(budgets.congressId, actor.congressId)));
  if (!row) throw notFound(BUDGET);
  budgetPolicy.authorize(actor, 'read', budgetResource(row));
  return row;
}

export async function loadInquiryStep(
  w: Work,
  actor: Actor,
  inquiryId: string,
): Promise<{ row: BudgetInquiryRow; resource: BudgetInquiryResource }> {
  const [row] = await w.db
    .select()
    .from(budgetInquiries)
    .where(and(eq(budgetInquiries.id, inquiryId), eq(budgetInquiries.congressId, actor.congressId)))
    .for('update');
  if (!row) throw notFound(INQUIRY);
  return { row, resource: { congressId: row.congressId, unitId: row.unitId } };
}

export const inquiryReadable = (actor: Actor, row: BudgetInquiryRow) =>
  budgetInquiryPolicy.can(actor, 'read', { congressId: row.congressId, unitId: row.unitId });

/**
 * The lines the rules read: after an approved adjustment (预算法 Art. 67–69) the adjusted budget (调整预算数)
 * replaces the original, so each line gets the approved changes on its code or below it (same budget); a change on
 * a code with no line is a new line of the adjusted budget.
 */
export function adjustedLines<L extends { budget: string; code: string; name: string; fen: bigint }>(
  lines: readonly L[],
  changes: readonly { budget: L['budget']; code: string; fen: bigint }[],
): L[] {
  if (!changes.length) return [...lines];
  const out = lines.map((l) => ({
    ...l,
    fen: changes.reduce(
      (s, c) => (c.budget === l.budget && c.code.startsWith(l.code) ? s + c.fen : s),
      l.fen,
    ),
  }));
  const known = new Set(lines.map((l) => `${l.budget}:${l.code}`));
  const added = new Map<string, L>();
  for (const c of changes) {
    const k = `${c.budget}:${c.code}`;
    if (known.has(k)) continue;
    const prev = added.get(k);
    added.set(k, {
      ...(prev ?? ({ budget: c.budget, code: c.code, name: '' } as L)),
      fen: (prev?.fen ?? 0n) + c.fen,
    });
  }
  return [...out, ...added.values()];
}

/**
 * The warnings that hold now for a budget: its lines (adjusted by the approved adjustments), this year's monthly rows and last year's revenue rows,
 * the congress's thresholds and calendar, evaluated by the pure rules.
 */
export async function evaluateBudget(
  app: AppServices,
  db: Db,
  b: BudgetRow,
  now = new Date(),
): Promise<Warning[]> {
  // One after another: inside a transaction PGlite has one connection.
  const settings = await readBudgetSettings(db, b.congressId);
  const exceptions = await app.calendar.exceptions(b.congressId, db);
  const lines = await db
    .select({
      budget: budgetLines.kind,
      code: budgetLines.code,
      name: budgetLines.name,
      fen: budgetLines.amountFen,
    })
    .from(budgetLines)
    .where(eq(budgetLines.budgetId, b.id));
  const changes = await db
    .select({
      budget: budgetAdjustmentLines.kind,
      code: budgetAdjustmentLines.code,
      fen: budgetAdjustmentLines.changeFen,
    })
    .from(budgetAdjustmentLines)
    .innerJoin(budgetAdjustments, eq(budgetAdjustments.id, budgetAdjustmentLines.adjustmentId))
    .where(and(eq(budgetAdjustments.budgetId, b.id), eq(budgetAdjustments.status, 'approved')));
  const spending = await db
    .select({ code: budgetExecution.code, month: budgetExecution.month, fen: budgetExecution.amountFen })
    .from(budgetExecution)
    .where(eq(budgetExecution.budgetId, b.id));
  const lastYear = await db
    .select({ code: budgetExecution.code, month: budgetExecution.month, fen: budgetExecution.amountFen })
    .from(budgetExecution)
    .innerJoin(budgets, eq(budgets.id, budgetExecution.budgetId))
    .where(
      and(
        eq(budgets.congressId, b.congressId),
        eq(budgets.year, b.year - 1),
        sql`${budgetExecution.code} LIKE '1%'`,
      ),
    );
  const transfers = await db
    .select({
      code: budgetTransfers.code,
      kind: budgetTransfers.kind,
      fen: budgetTransfers.amountFen,
      issuedOn: budgetTransfers.issuedOn,
      recipient: budgetTransfers.recipient,
    })
    .from(budgetTransfers)
    .where(eq(budgetTransfers.budgetId, b.id));
  const carryOvers = await db
    .select({
      code: budgetCarryOvers.code,
      name: budgetCarryOvers.name,
      fromYear: budgetCarryOvers.fromYear,
      unusedFen: budgetCarryOvers.unusedFen,
    })
    .from(budgetCarryOvers)
    .where(eq(budgetCarryOvers.budgetId, b.id));
  return evaluateWarnings({
    year: b.year,
    asOf: shanghaiDate(now),
    settings,
    exceptions,
    approvedOn: b.approvedOn,
    publishedOn: b.publishedOn,
    lines: adjustedLines(lines, changes),
    spending,
    lastYearRevenue: lastYear.length ? lastYear : undefined,
    transfers,
    carryOvers,
  });
}

export type ConsultationRoundRow = typeof budgetConsultationRounds.$inferSelect;
export type ConsultationInviteeRow = typeof budgetConsultationInvitees.$inferSelect;
export type ConsultationOpinionRow = typeof budgetConsultationOpinions.$inferSelect;
export const ROUND = { zh: '征求意见座谈', en: 'consultation round' };
const OPINION = { zh: '代表意见', en: 'opinion' };

async function budgetOf(db: Db, id: string): Promise<BudgetRow> {
  const [b] = await db.select().from(budgets).where(eq(budgets.id, id));
  return b;
}

const inviteesOf = (db: Db, roundId: string) =>
  db.select().from(budgetConsultationInvitees).where(eq(budgetConsultationInvitees.roundId, roundId));

export const consultationResource = (
  budget: BudgetRow,
  invitees: readonly ConsultationInviteeRow[],
): ConsultationResource => ({
  congressId: budget.congressId,
  financeUnitId: budget.financeUnitId,
  invitedDeputyIds: invitees.flatMap((i) => (i.deputyId ? [i.deputyId] : [])),
});

/** A consultation round for a step (locked), with its budget and invitees; 404 when absent or elsewhere. */
export async function loadRoundStep(w: Work, actor: Actor, roundId: string) {
  const [row] = await w.db
    .select()
    .from(budgetConsultationRounds)
    .where(
      and(
        eq(budgetConsultationRounds.id, roundId),
        eq(budgetConsultationRounds.congressId, actor.congressId),
      ),
    )
    .for('update');
  if (!row) throw notFound(ROUND);
  const budget = await budgetOf(w.db, row.budgetId);
  const invitees = await inviteesOf(w.db, row.id);
  return { row: { round: row, budget, invitees }, resource: consultationResource(budget, invitees) };
}

/** An opinion for a step (locked), with its round's resource; 404 when absent or elsewhere. */
export async function loadOpinionStep(w: Work, actor: Actor, opinionId: string) {
  const [row] = await w.db
    .select()
    .from(budgetConsultationOpinions)
    .where(
      and(
        eq(budgetConsultationOpinions.id, opinionId),
        eq(budgetConsultationOpinions.congressId, actor.congressId),
      ),
    )
    .for('update');
  if (!row) throw notFound(OPINION);
  const budget = await budgetOf(w.db, row.budgetId);
  const invitees = await inviteesOf(w.db, row.roundId);
  return { row, resource: consultationResource(budget, invitees) };
}

/**
 * A row of one of the budget's child tables (transfer, carry-over, project, adjustment) for a step: loaded and
 * locked in the actor's congress, with its budget's resource for the budget policy; 404 when absent.
 */
export async function loadBudgetChildStep<T extends PgTable & { id: PgColumn; congressId: PgColumn }>(
  w: Work,
  actor: Actor,
  table: T,
  id: string,
  what: { zh: string; en: string },
) {
  const source: PgTable = table;
  const [row] = (await w.db
    .select()
    .from(source)
    .where(and(eq(table.id, id), eq(table.congressId, actor.congressId)))
    .for('update')) as T['$inferSelect'][];
  if (!row) throw notFound(what);
  const budget = await budgetOf(w.db, (row as { budgetId: string }).budgetId);
  return { row: { row, budget }, resource: budgetResource(budget) };
}
