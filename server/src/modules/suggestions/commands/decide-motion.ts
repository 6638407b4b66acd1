// The presidium (at a sitting) or the chairpersons' meeting (between sittings) decides: on the agenda, or
// handled as a suggestion, in which case the suggestion is created, linked, and follows the normal lifecycle.
import { and, eq } from 'drizzle-orm';
import { nextMotionStatus } from '@minyi/domain/suggestions';
import { transact, type Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { notFound, wrongState } from '../../../platform/errors';
import { motionSigners, motions } from '../suggestions.table';
import { createSuggestion } from './create-suggestion';

export async function decideMotion(
  ctx: Ctx,
  id: string,
  input: { decision: 'agenda' | 'asSuggestion'; body: 'presidium' | 'chairpersonsMeeting'; note: string },
) {
  const actor = requireRole(ctx.actor, ['congressStaff']);
  return transact(ctx, async (w) => {
    const [m] = await w.db
      .select()
      .from(motions)
      .where(and(eq(motions.id, id), eq(motions.congressId, actor.congressId)))
      .for('update');
    if (!m) throw notFound({ zh: '议案', en: 'motion' });
    const next = nextMotionStatus(
      m.status,
      input.decision === 'agenda' ? 'putOnAgenda' : 'handleAsSuggestion',
    );
    if (!next) throw wrongState(m.status);
    let suggestionId: string | null = null;
    if (next === 'handledAsSuggestion') {
      const signers = await w.db.select().from(motionSigners).where(eq(motionSigners.motionId, id));
      const s = await createSuggestion(ctx.app, w, {
        congressId: m.congressId,
        proposerDeputyId: m.proposerDeputyId,
        title: m.title,
        content: m.content,
        category: m.category,
        cosignerIds: signers.map((x) => x.deputyId).filter((d) => d !== m.proposerDeputyId),
        cosignersConfirmed: true,
        motionId: m.id,
      });
      suggestionId = s.id;
    }
    const [after] = await w.db
      .update(motions)
      .set({
        status: next,
        decisionBody: input.body,
        decisionNote: input.note,
        decidedBy: actor.accountId,
        decidedAt: new Date(),
        suggestionId,
      })
      .where(eq(motions.id, id))
      .returning();
    await w.audit({
      action: `motion.${input.decision}`,
      entityType: 'motion',
      entityId: id,
      before: { status: m.status },
      after: { status: next, body: input.body, suggestionId },
    });
    return after;
  });
}
