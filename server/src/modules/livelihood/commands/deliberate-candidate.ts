// Deliberation: a deputy's comment on a candidate, under their delegation (seen by staff and government).
import { and, eq } from 'drizzle-orm';
import { transact, type Ctx } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { livelihoodCandidates, livelihoodDeliberations } from '../livelihood.table';

export async function deliberateCandidate(
  ctx: Ctx,
  congressId: string,
  candidateId: string,
  input: { delegation: string; content: string },
) {
  return transact(ctx, async (w) => {
    const [c] = await w.db
      .select({ id: livelihoodCandidates.id })
      .from(livelihoodCandidates)
      .where(and(eq(livelihoodCandidates.id, candidateId), eq(livelihoodCandidates.congressId, congressId)));
    if (!c) throw notFound({ zh: '候选项目', en: 'candidate project' });
    const row = {
      id: newId(),
      congressId,
      candidateId,
      delegation: input.delegation,
      content: input.content,
      accountId: ctx.actor!.accountId,
      deputyId: ctx.actor!.deputyId,
    };
    await w.db.insert(livelihoodDeliberations).values(row);
    await w.audit({
      action: 'livelihoodCandidate.deliberate',
      entityType: 'livelihoodCandidate',
      entityId: candidateId,
      congressId,
      after: row,
    });
    return { id: row.id };
  });
}
