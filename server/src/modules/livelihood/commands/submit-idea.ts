// Solicitation: a project idea from the public page, a deputy, or an opinion in the "project idea" category.
import { and, eq } from 'drizzle-orm';
import type { SubmitIdea } from '@minyi/domain/livelihood';
import { transact, type Ctx, type Work } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { getStreet } from '../../registry';
import { livelihoodIdeas } from '../livelihood.table';

export interface IdeaSource {
  source: 'public' | 'deputy' | 'opinion';
  deputyId?: string | null;
  opinionId?: string | null;
  /** The id the idea is to have (an opinion links to its idea before the idea is made). */
  ideaId?: string;
}

export async function submitIdea(
  w: Work,
  congressId: string,
  input: SubmitIdea,
  from: IdeaSource,
): Promise<{ id: string }> {
  if (input.streetId && !(await getStreet(w.db, congressId, input.streetId)))
    throw invalidField('streetId', '未知的街道', 'unknown street');
  if (from.opinionId) {
    // The same opinion yields one idea, however often it is forwarded.
    const [existing] = await w.db
      .select({ id: livelihoodIdeas.id })
      .from(livelihoodIdeas)
      .where(and(eq(livelihoodIdeas.congressId, congressId), eq(livelihoodIdeas.opinionId, from.opinionId)));
    if (existing) return existing;
  }
  const row = {
    id: from.ideaId ?? newId(),
    congressId,
    year: input.year,
    title: input.title,
    content: input.content,
    streetId: input.streetId,
    estimatedCost: input.estimatedCost,
    source: from.source,
    opinionId: from.opinionId ?? null,
    deputyId: from.deputyId ?? null,
    submitterName: input.submitterName,
  };
  await w.db.insert(livelihoodIdeas).values(row);
  await w.audit({
    action: 'livelihoodIdea.submit',
    entityType: 'livelihoodIdea',
    entityId: row.id,
    congressId,
    after: row,
  });
  return { id: row.id };
}

/** The use case of the public page (and of a deputy there): the idea in a transaction of its own. */
export function submitIdeaAsUseCase(ctx: Ctx, congressId: string, input: SubmitIdea, from: IdeaSource) {
  return transact(ctx, (w) => submitIdea(w, congressId, input, from));
}
