// The investment pre-arrangement list of a budget year, in the order entered. Cursor over (created, id).
import { and, asc, eq, gt, or } from 'drizzle-orm';
import { formatFen } from '@minyi/domain/budget';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { decodeCursor, page } from '../../../platform/http';
import { budgetInvestmentProjects as p } from '../budget.table';
import { readableBudget } from '../budget.repository';

export async function findInvestmentProjects(
  db: Db,
  actor: Actor,
  budgetId: string,
  q: { urgent?: 'true' | 'false'; cursor?: string; limit: number },
) {
  await readableBudget(db, actor, budgetId);
  const after = decodeCursor(q.cursor, ['timestamp', 'uuid']);
  const rows = await db
    .select()
    .from(p)
    .where(
      and(
        eq(p.budgetId, budgetId),
        q.urgent ? eq(p.urgent, q.urgent === 'true') : undefined,
        after
          ? or(
              gt(p.createdAt, new Date(after[0])),
              and(eq(p.createdAt, new Date(after[0])), gt(p.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(asc(p.createdAt), asc(p.id))
    .limit(q.limit + 1);
  const items = rows.map((r) => ({
    id: r.id,
    name: r.name,
    unit: r.unit,
    amount: formatFen(r.amountFen),
    urgent: r.urgent,
    category: r.category,
    street: r.street,
    fundingSource: r.fundingSource,
    stage: r.stage,
    releasedOn: r.releasedOn,
    releaseBasis: r.releaseBasis,
    releaseNote: r.releaseNote,
    createdAt: r.createdAt.toISOString(),
  }));
  return page(items, q.limit, (r) => [r.createdAt, r.id]);
}
