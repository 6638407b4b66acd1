// 议案: 10 or more deputies at a sitting (地方组织法 Art. 22), or 3 or more standing-committee members between sittings (Art. 52).
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { motionThreshold } from '@minyi/domain/suggestions';
import { transact, type Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { committeeMembers, deputies } from '../../registry/registry.table';
import { currentSitting, nextNumber, readSuggestionSettings } from '../suggestions.repository';
import { motionSigners, motions } from '../suggestions.table';

export interface NewMotion {
  title: string;
  content: string;
  category: string;
  signerIds: string[];
}

export async function createMotion(ctx: Ctx, input: NewMotion) {
  const actor = requireRole(ctx.actor, ['deputy']);
  if (!actor.deputyId)
    throw invalidField('signerIds', '您的账号未关联代表', 'your account is not linked to a deputy');
  const congressId = actor.congressId;
  return transact(ctx, async (w) => {
    const settings = await readSuggestionSettings(w.db, congressId);
    if (!settings.suggestionCategories.some((c) => c.code === input.category))
      throw invalidField('category', '未知的类别', 'unknown category');
    const signers = [...new Set([actor.deputyId!, ...input.signerIds])];
    const known = await w.db
      .select({ id: deputies.id })
      .from(deputies)
      .where(and(eq(deputies.congressId, congressId), inArray(deputies.id, signers)));
    if (known.length !== signers.length) throw invalidField('signerIds', '附议代表不存在', 'unknown deputy');
    const { sitting } = await currentSitting(w.db, congressId);
    const threshold = motionThreshold(settings, sitting !== null);
    let counted = signers.length;
    if (threshold.who === 'standingCommitteeMembers') {
      const members = await w.db
        .select({ id: committeeMembers.deputyId })
        .from(committeeMembers)
        .where(
          and(
            eq(committeeMembers.congressId, congressId),
            eq(committeeMembers.body, 'standingCommittee'),
            isNull(committeeMembers.endedOn),
            inArray(committeeMembers.deputyId, signers),
          ),
        );
      counted = new Set(members.map((m) => m.id)).size;
    }
    if (counted < threshold.min) {
      throw invalidField(
        'signerIds',
        threshold.who === 'deputies'
          ? `会议期间议案须由${threshold.min}名以上代表联名`
          : `闭会期间议案须由${threshold.min}名以上常委会组成人员联名`,
        threshold.who === 'deputies'
          ? `a motion at a sitting needs ${threshold.min} or more deputies`
          : `between sittings a motion needs ${threshold.min} or more standing-committee members`,
        'too_few_signers',
      );
    }
    const n = await nextNumber(w.db, congressId, 'motion');
    const id = newId();
    const [row] = await w.db
      .insert(motions)
      .values({
        id,
        congressId,
        termId: n.termId,
        sittingId: n.sittingId,
        number: n.number,
        proposerDeputyId: actor.deputyId!,
        title: input.title,
        content: input.content,
        category: input.category,
      })
      .returning();
    await w.db
      .insert(motionSigners)
      .values(signers.map((deputyId) => ({ congressId, motionId: id, deputyId })));
    await w.audit({
      action: 'motion.submit',
      entityType: 'motion',
      entityId: id,
      after: { number: row.number, signers: signers.length },
    });
    return row;
  });
}
