// The public "+1": one per supporter (account id, or a keyed hash of the client address for the public).
import { and, eq, sql } from 'drizzle-orm';
import { transact, type Ctx } from '../../../platform/context';
import { conflict, notFound } from '../../../platform/errors';
import { livelihoodIdeaSupports, livelihoodIdeas } from '../livelihood.table';

export async function supportIdea(ctx: Ctx, congressId: string, ideaId: string, supporterKey: string) {
  return transact(ctx, async (w) => {
    const [idea] = await w.db
      .select()
      .from(livelihoodIdeas)
      .where(and(eq(livelihoodIdeas.id, ideaId), eq(livelihoodIdeas.congressId, congressId)))
      .for('update');
    if (!idea) throw notFound({ zh: '项目建议', en: 'project idea' });
    // Support for a merged duplicate goes to the idea it was merged into.
    const targetId = idea.mergedIntoId ?? idea.id;
    const added = await w.db
      .insert(livelihoodIdeaSupports)
      .values({ congressId, ideaId: targetId, supporterKey })
      .onConflictDoNothing()
      .returning();
    if (!added.length)
      throw conflict('already_supported', { zh: '您已支持过该建议', en: 'You already support this idea' });
    const [row] = await w.db
      .update(livelihoodIdeas)
      .set({ supportCount: sql`${livelihoodIdeas.supportCount} + 1` })
      .where(eq(livelihoodIdeas.id, targetId))
      .returning({ supportCount: livelihoodIdeas.supportCount });
    await w.audit({
      action: 'livelihoodIdea.support',
      entityType: 'livelihoodIdea',
      entityId: targetId,
      congressId,
    });
    return { id: targetId, supportCount: row.supportCount };
  });
}
