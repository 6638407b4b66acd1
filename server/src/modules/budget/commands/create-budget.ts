// A budget year of the congress: its year and the sitting that will approve it; the finance department's
// handling unit (the registry's unit for the "finance" category) is linked so that its staff may push execution.
// One per congress and year: a second is a 409.
import { and, eq, sql } from 'drizzle-orm';
import { draftDeadline, type CreateBudget } from '@minyi/domain/budget';
import { transact, type Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { AppError, conflict } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { findHandlingUnitsForCategory } from '../../registry';
import { budgets } from '../budget.table';
import { STAFF } from '../budget.policy';

export async function createBudget(ctx: Ctx, input: CreateBudget) {
  const actor = requireRole(ctx.actor, STAFF);
  const congressId = actor.congressId;
  if (Number(input.sittingDate.slice(0, 4)) > input.year)
    throw new AppError(
      400,
      'validation_failed',
      {
        zh: '审批预算的代表大会会议不能晚于预算年度',
        en: 'The approving sitting cannot be after the budget year',
      },
      {
        errors: [
          {
            field: 'sittingDate',
            in: 'body',
            code: 'invalid',
            message: { zh: '应在预算年度之前或之内', en: 'must be before or within the budget year' },
          },
        ],
      },
    );
  return transact(ctx, async (w) => {
    await w.db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`budgets:${congressId}:${input.year}`}))`);
    const [taken] = await w.db
      .select({ id: budgets.id })
      .from(budgets)
      .where(and(eq(budgets.congressId, congressId), eq(budgets.year, input.year)));
    if (taken)
      throw conflict(
        'budget_exists',
        { zh: `${input.year}年度预算已存在`, en: `The ${input.year} budget already exists` },
        { id: taken.id },
      );
    // The 'finance' category also holds the audit bureau and the financial regulator: the 财政 one is the finance department.
    const financeUnits = await findHandlingUnitsForCategory(w.db, congressId, 'finance');
    const finance = financeUnits.find((u) => u.name.includes('财政')) ?? financeUnits[0];
    const row = {
      id: newId(),
      congressId,
      year: input.year,
      sittingDate: input.sittingDate,
      financeUnitId: finance?.id ?? null,
    };
    await w.db.insert(budgets).values(row);
    await w.audit({
      action: 'budget.create',
      entityType: 'budget',
      entityId: row.id,
      congressId,
      after: { ...row, draftDeadline: draftDeadline(input.sittingDate) },
    });
    return { id: row.id };
  });
}
