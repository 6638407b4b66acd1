// Duplicates merged into one idea: their support carries over (distinct supporters only).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { transact, type Ctx } from '../../../platform/context';
import { invalidField, notFound } from '../../../platform/errors';
import { livelihoodIdeaSupports, livelihoodIdeas } from '../livelihood.table';

export async function mergeIdeas(ctx: Ctx, congressId: string, ideaId: string, duplicateIds: string[]) {
  return transact(ctx, async (w) => {
    if (duplicateIds.includes(ideaId))
      throw invalidField('duplicateIds', '不能与自身合并', 'cannot include the idea itself');
    const [target] = await w.db
      .select()
      .from(livelihoodIdeas)
      .where(and(eq(livelihoodIdeas.id, ideaId), eq(livelihoodIdeas.congressId, congressId)))
      .for('update');
    if (!target || target.status === 'merged') throw notFound({ zh: '项目建议', en: 'project idea' });
    const dups = await w.db
      .select()
      .from(livelihoodIdeas)
      .where(
        and(
          inArray(livelihoodIdeas.id, duplicateIds),
          eq(livelihoodIdeas.congressId, congressId),
          eq(livelihoodIdeas.status, 'open'),
        ),
      );
    if (dups.length !== new Set(duplicateIds).size)
      throw invalidField(
        'duplicateIds',
        '包含未知或已合并的建议',
        'contains unknown or already merged ideas',
      );
    await w.db.execute(sql`
      INSERT INTO livelihood_idea_supports (congress_id, idea_id, supporter_key)
      SELECT congress_id, ${ideaId}::uuid, supporter_key FROM livelihood_idea_supports WHERE idea_id IN (${sql.join(
        duplicateIds.map((d) => sql`${d}::uuid`),
        sql`, `,
      )})
      ON CONFLICT DO NOTHING`);
    await w.db
      .update(livelihoodIdeas)
      .set({ status: 'merged', mergedIntoId: ideaId })
      .where(inArray(livelihoodIdeas.id, duplicateIds));
    const n = await w.db.$count(livelihoodIdeaSupports, eq(livelihoodIdeaSupports.ideaId, ideaId));
    await w.db.update(livelihoodIdeas).set({ supportCount: n }).where(eq(livelihoodIdeas.id, ideaId));
    await w.audit({
      action: 'livelihoodIdea.merge',
      entityType: 'livelihoodIdea',
      entityId: ideaId,
      congressId,
      before: { supportCount: target.supportCount },
      after: { duplicateIds, supportCount: n },
    });
    return { id: ideaId, supportCount: n };
  });
}
