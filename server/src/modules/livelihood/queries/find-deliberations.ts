// The delegations' deliberation comments on a candidate project.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notFound } from '../../../platform/errors';
import { livelihoodCandidates, livelihoodDeliberations } from '../livelihood.table';

export async function findDeliberations(db: Db, congressId: string, candidateId: string) {
  const [c] = await db
    .select({ id: livelihoodCandidates.id })
    .from(livelihoodCandidates)
    .where(and(eq(livelihoodCandidates.id, candidateId), eq(livelihoodCandidates.congressId, congressId)));
  if (!c) throw notFound({ zh: '候选项目', en: 'candidate project' });
  const rows = await db
    .select({
      id: livelihoodDeliberations.id,
      delegation: livelihoodDeliberations.delegation,
      content: livelihoodDeliberations.content,
      deputyId: livelihoodDeliberations.deputyId,
      createdAt: livelihoodDeliberations.createdAt,
    })
    .from(livelihoodDeliberations)
    .where(eq(livelihoodDeliberations.candidateId, candidateId))
    .orderBy(asc(livelihoodDeliberations.delegation), asc(livelihoodDeliberations.createdAt));
  return { items: rows, nextCursor: null };
}
