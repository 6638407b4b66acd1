// The presidium decides a motion made at a sitting (地方组织法 Art. 22), the chairpersons' meeting one made between
// sittings (Art. 52): on the agenda, or handled as a suggestion, in which case the suggestion is created, linked,
// and follows the normal lifecycle (a deputies' motion only: a body's motion is no 代表建议).
import { and, eq } from 'drizzle-orm';
import { motionDecisionBody, nextMotionStatus, type MotionDecisionBody } from '@minyi/domain/suggestions';
import { transact, type Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { invalidField, notFound, wrongState } from '../../../platform/errors';
import { motionSigners, motions } from '../suggestions.table';
import { createSuggestion } from './create-suggestion';

export async function decideMotion(
  ctx: Ctx,
  id: string,
  input: { decision: 'agenda' | 'asSuggestion'; body?: MotionDecisionBody; note: string },
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
    const body = motionDecisionBody(m.sittingId !== null);
    if (input.body && input.body !== body)
      throw invalidField(
        'body',
        body === 'presidium' ? '会议期间提出的议案由主席团决定' : '闭会期间提出的议案由主任会议决定',
        body === 'presidium'
          ? 'a motion made at a sitting is decided by the presidium'
          : "a motion made between sittings is decided by the chairpersons' meeting",
      );
    if (next === 'handledAsSuggestion' && !m.proposerDeputyId)
      throw invalidField(
        'decision',
        '机关提出的议案不能作为代表建议办理',
        "a body's motion cannot be handled as a deputy's suggestion",
      );
    let suggestionId: string | null = null;
    if (next === 'handledAsSuggestion' && m.proposerDeputyId) {
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
        decisionBody: body,
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
      after: { status: next, body, suggestionId },
    });
    return after;
  });
}
