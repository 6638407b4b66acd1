// Inquiries on budget warnings, newest first: staff and leaders see all (or one budget's), a unit its own.
import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { BudgetInquiryStatus } from '@minyi/domain/budget';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { forbidden } from '../../../platform/errors';
import { decodeCursor, page } from '../../../platform/http';
import { handlingUnits } from '../../registry';
import { budgetInquiries as i, budgets } from '../budget.table';
import { budgetInquiryPolicy } from '../budget.policy';

export async function findInquiries(
  db: Db,
  actor: Actor,
  q: { status?: BudgetInquiryStatus; budgetId?: string; cursor?: string; limit: number },
) {
  const staff = actor.roles.includes('congressStaff') || actor.roles.includes('leader');
  if (!staff && !(actor.roles.includes('handlingUnitStaff') && actor.handlingUnitId)) throw forbidden();
  const after = decodeCursor(q.cursor, ['timestamp', 'uuid']);
  const rows = await db
    .select({ i, unitName: handlingUnits.name, unitNameEn: handlingUnits.nameEn, year: budgets.year })
    .from(i)
    .innerJoin(handlingUnits, eq(handlingUnits.id, i.unitId))
    .innerJoin(budgets, eq(budgets.id, i.budgetId))
    .where(
      and(
        eq(i.congressId, actor.congressId),
        staff ? undefined : eq(i.unitId, actor.handlingUnitId!),
        q.status ? eq(i.status, q.status) : undefined,
        q.budgetId ? eq(i.budgetId, q.budgetId) : undefined,
        after
          ? or(
              lt(i.createdAt, new Date(after[0])),
              and(eq(i.createdAt, new Date(after[0])), lt(i.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(i.createdAt), desc(i.id))
    .limit(q.limit + 1);
  const items = rows.map(({ i: r, unitName, unitNameEn, year }) => ({
    id: r.id,
    budgetId: r.budgetId,
    year,
    rule: r.rule,
    code: r.code,
    evidence: r.evidence,
    unit: { id: r.unitId, name: unitName, nameEn: unitNameEn },
    question: r.question,
    deadline: r.deadline,
    status: r.status,
    answer: r.answer,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    abilities: budgetInquiryPolicy.abilities(actor, { congressId: r.congressId, unitId: r.unitId }),
  }));
  return page(items, q.limit, (r) => [r.createdAt, r.id]);
}
