// 议案 by the congress's level (地方组织法 Art. 22, 52): deputies jointly (10 at a county-level sitting, 5 at a
// township's), standing-committee members between sittings (3 at county level, 5 at city and province), or a body
// (presidium, standing committee, special committees, government; entered by staff) with no co-signers.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { motionBodySources, motionThreshold, type MotionSource } from '@minyi/domain/suggestions';
import { transact, type Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { conflict, invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { getCongressLevel, committeeMembers, deputies } from '../../registry';
import { currentSitting, nextNumber, readSuggestionSettings } from '../suggestions.repository';
import { motionSigners, motions } from '../suggestions.table';

export interface NewMotion {
  title: string;
  content: string;
  category: string;
  source: MotionSource;
  signerIds: string[];
}

const SOURCE_NAMES: Record<MotionSource, { zh: string; en: string }> = {
  deputies: { zh: '代表联名', en: 'deputies jointly' },
  presidium: { zh: '主席团', en: 'the presidium' },
  standingCommittee: { zh: '常务委员会', en: 'the standing committee' },
  specialCommittee: { zh: '专门委员会', en: 'a special committee' },
  government: { zh: '人民政府', en: 'the government' },
  chairpersonsMeeting: { zh: '主任会议', en: "the chairpersons' meeting" },
};

export async function createMotion(ctx: Ctx, input: NewMotion) {
  const body = input.source !== 'deputies';
  // Deputies sign their own motions; a body's motion is entered by congress staff.
  const actor = requireRole(ctx.actor, body ? ['congressStaff'] : ['deputy']);
  if (!body && !actor.deputyId)
    throw invalidField('signerIds', '您的账号未关联代表', 'your account is not linked to a deputy');
  if (body && input.signerIds.length)
    throw invalidField('signerIds', '机关提出的议案无需代表联名', "a body's motion has no co-signers");
  const congressId = actor.congressId;
  return transact(ctx, async (w) => {
    const settings = await readSuggestionSettings(w.db, congressId);
    if (!settings.suggestionCategories.some((c) => c.code === input.category))
      throw invalidField('category', '未知的类别', 'unknown category');
    const level = await getCongressLevel(w.db, congressId);
    const { sitting } = await currentSitting(w.db, congressId);
    const inSitting = sitting !== null;
    let signers: string[] = [];
    if (body) {
      if (!motionBodySources(level, inSitting).includes(input.source)) {
        const name = SOURCE_NAMES[input.source];
        throw invalidField(
          'source',
          inSitting ? `本级人大会议期间${name.zh}不能提出议案` : `闭会期间${name.zh}不能提出议案`,
          inSitting
            ? `${name.en} cannot put a motion to this congress's sitting`
            : `${name.en} cannot put a motion between sittings`,
          'source_not_allowed',
        );
      }
    } else {
      const threshold = motionThreshold(level, inSitting);
      if (!threshold)
        throw conflict('no_motion_between_sittings', {
          zh: '乡镇人大闭会期间不受理议案（不设常务委员会）',
          en: 'A township congress takes no motion between sittings (it has no standing committee)',
        });
      signers = [...new Set([actor.deputyId!, ...input.signerIds])];
      const known = await w.db
        .select({ id: deputies.id })
        .from(deputies)
        .where(and(eq(deputies.congressId, congressId), inArray(deputies.id, signers)));
      if (known.length !== signers.length)
        throw invalidField('signerIds', '附议代表不存在', 'unknown deputy');
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
        proposerDeputyId: body ? null : actor.deputyId!,
        source: input.source,
        enteredBy: body ? actor.accountId : null,
        title: input.title,
        content: input.content,
        category: input.category,
      })
      .returning();
    if (signers.length)
      await w.db
        .insert(motionSigners)
        .values(signers.map((deputyId) => ({ congressId, motionId: id, deputyId })));
    await w.audit({
      action: 'motion.submit',
      entityType: 'motion',
      entityId: id,
      after: { number: row.number, source: input.source, signers: signers.length, level, inSitting },
    });
    return row;
  });
}
