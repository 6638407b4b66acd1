// Appoints a deputy to the standing committee or a working committee in an office the congress's level allows.
// The chairpersons' meeting is not appointed: it follows from the standing committee's offices.
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import {
  committeePositions,
  CONGRESS_LEVEL_LABELS,
  type createCommitteeMemberSchema,
} from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { conflict, invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { committeeMembers } from '../registry.table';
import { ensureRef, getCongressLevel } from '../registry.repository';
import { registryPolicy } from '../registry.policy';

const POSITION_NAMES = {
  chair: { zh: '主任', en: 'chair' },
  viceChair: { zh: '副主任', en: 'vice-chair' },
  secretaryGeneral: { zh: '秘书长', en: 'secretary-general' },
  director: { zh: '委员会主任', en: 'director' },
  member: { zh: '委员', en: 'member' },
} as const;

export async function appointCommitteeMember(
  ctx: Ctx,
  congressId: string,
  input: z.infer<typeof createCommitteeMemberSchema>,
): Promise<string> {
  if (input.body === 'workingCommittee' && !input.workingCommitteeId)
    throw invalidField('workingCommitteeId', '请指定工作委员会', 'is required for a working committee');
  if (input.body !== 'workingCommittee' && input.workingCommitteeId)
    throw invalidField('workingCommitteeId', '只用于工作委员会', 'is only for a working committee');
  if (input.body === 'chairpersonsMeeting')
    throw invalidField(
      'body',
      '主任会议由常委会主任、副主任（设区的市以上还有秘书长）组成，按常委会职务确定，不单独任命（地方组织法第五十四条）',
      "is computed from the standing committee's chair and vice-chairs (and secretary-general above district level) and is not appointed (Local Organic Law Art. 54)",
      'computed_body',
    );
  const body = input.body;
  return transact(ctx, async (w) => {
    registryPolicy.authorize(ctx.actor, 'edit', { congressId });
    const level = await getCongressLevel(w.db, congressId);
    const allowed = committeePositions(level, body);
    if (!allowed.includes(input.position)) {
      const zhList = allowed.map((p) => POSITION_NAMES[p].zh).join('、');
      const enList = allowed.map((p) => POSITION_NAMES[p].en).join(', ');
      const noSecretaryGeneral = input.position === 'secretaryGeneral' && body === 'standingCommittee';
      throw invalidField(
        'position',
        noSecretaryGeneral
          ? `${CONGRESS_LEVEL_LABELS[level].zh}人大常委会不设秘书长（地方组织法第四十七条），可任职务：${zhList}`
          : `该机构不设${POSITION_NAMES[input.position].zh}，可任职务：${zhList}`,
        noSecretaryGeneral
          ? `a ${level} standing committee has no secretary-general (Local Organic Law Art. 47); allowed: ${enList}`
          : `this body has no ${POSITION_NAMES[input.position].en}; allowed: ${enList}`,
        'position_not_allowed',
      );
    }
    await ensureRef(w.db, 'deputies', congressId, input.deputyId, 'deputyId');
    await ensureRef(w.db, 'workingCommittees', congressId, input.workingCommitteeId, 'workingCommitteeId');
    await ensureRef(w.db, 'terms', congressId, input.termId, 'termId');
    const [current] = await w.db
      .select({ id: committeeMembers.id })
      .from(committeeMembers)
      .where(
        and(
          eq(committeeMembers.congressId, congressId),
          eq(committeeMembers.deputyId, input.deputyId),
          eq(committeeMembers.body, body),
          input.workingCommitteeId
            ? eq(committeeMembers.workingCommitteeId, input.workingCommitteeId)
            : undefined,
          isNull(committeeMembers.endedOn),
        ),
      );
    if (current)
      throw conflict(
        'already_member',
        { zh: '该代表已是成员', en: 'The deputy is already a member' },
        { memberId: current.id },
      );
    const id = newId();
    const values = {
      id,
      congressId,
      body,
      workingCommitteeId: input.workingCommitteeId ?? null,
      deputyId: input.deputyId,
      termId: input.termId ?? null,
      position: input.position,
      startedOn: input.startedOn ?? null,
    };
    await w.db.insert(committeeMembers).values(values);
    await w.audit({
      action: 'committeeMember.add',
      entityType: 'committeeMember',
      entityId: id,
      after: values,
    });
    return id;
  });
}
