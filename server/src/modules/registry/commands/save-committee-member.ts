// Appoints a deputy to the standing committee, the chairpersons' meeting or a working committee, and ends it.
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { createCommitteeMemberSchema } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { conflict, invalidField, notFound, wrongState } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { committeeMembers } from '../registry.table';
import { ensureRef } from './refs';

export async function addCommitteeMember(
  ctx: Ctx,
  congressId: string,
  input: z.infer<typeof createCommitteeMemberSchema>,
): Promise<string> {
  if (input.body === 'workingCommittee' && !input.workingCommitteeId)
    throw invalidField('workingCommitteeId', '请指定工作委员会', 'is required for a working committee');
  if (input.body !== 'workingCommittee' && input.workingCommitteeId)
    throw invalidField('workingCommitteeId', '只用于工作委员会', 'is only for a working committee');
  return transact(ctx, async (w) => {
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
          eq(committeeMembers.body, input.body),
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
      body: input.body,
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

export async function endCommitteeMember(ctx: Ctx, congressId: string, id: string, endedOn: string) {
  await transact(ctx, async (w) => {
    const [m] = await w.db
      .select()
      .from(committeeMembers)
      .where(and(eq(committeeMembers.congressId, congressId), eq(committeeMembers.id, id)))
      .for('update');
    if (!m) throw notFound({ zh: '成员', en: 'member' });
    if (m.endedOn) throw wrongState('ended');
    if (m.startedOn && endedOn < m.startedOn)
      throw invalidField('endedOn', '不能早于任职日期', 'must not be before startedOn');
    await w.db.update(committeeMembers).set({ endedOn }).where(eq(committeeMembers.id, id));
    await w.audit({
      action: 'committeeMember.end',
      entityType: 'committeeMember',
      entityId: id,
      before: { endedOn: null },
      after: { endedOn },
    });
  });
}
