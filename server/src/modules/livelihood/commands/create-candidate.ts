// Shortlist: the government's candidate project (title, lead unit, budget, area, feasibility note).
import { and, eq, inArray } from 'drizzle-orm';
import type { CreateCandidate } from '@minyi/domain/livelihood';
import { transact, type Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { getHandlingUnit, getStreet } from '../../registry';
import { livelihoodCandidates, livelihoodIdeas } from '../livelihood.table';

export async function createCandidate(ctx: Ctx, congressId: string, input: CreateCandidate) {
  return transact(ctx, async (w) => {
    if (!(await getHandlingUnit(w.db, congressId, input.leadUnitId)))
      throw invalidField('leadUnitId', '未知的承办单位', 'unknown handling unit');
    if (input.streetId && !(await getStreet(w.db, congressId, input.streetId)))
      throw invalidField('streetId', '未知的街道', 'unknown street');
    const ideaIds = [...new Set(input.ideaIds)];
    if (ideaIds.length) {
      const found = await w.db
        .select({ id: livelihoodIdeas.id })
        .from(livelihoodIdeas)
        .where(and(eq(livelihoodIdeas.congressId, congressId), inArray(livelihoodIdeas.id, ideaIds)));
      if (found.length !== ideaIds.length)
        throw invalidField('ideaIds', '包含未知的项目建议', 'contains unknown ideas');
      await w.db
        .update(livelihoodIdeas)
        .set({ status: 'shortlisted' })
        .where(and(inArray(livelihoodIdeas.id, ideaIds), eq(livelihoodIdeas.status, 'open')));
    }
    const row = { id: newId(), congressId, ...input, ideaIds };
    await w.db.insert(livelihoodCandidates).values(row);
    await w.audit({
      action: 'livelihoodCandidate.create',
      entityType: 'livelihoodCandidate',
      entityId: row.id,
      congressId,
      after: row,
    });
    return { id: row.id };
  });
}
