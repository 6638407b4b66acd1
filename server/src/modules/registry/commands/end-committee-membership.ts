// Ends a membership of the standing committee or a working committee, on a date not before it began.
import { and, eq } from 'drizzle-orm';
import { transact, type Ctx } from '../../../platform/context';
import { invalidField, notFound, wrongState } from '../../../platform/errors';
import { committeeMembers } from '../registry.table';
import { registryPolicy } from '../registry.policy';

export async function endCommitteeMembership(ctx: Ctx, congressId: string, id: string, endedOn: string) {
  await transact(ctx, async (w) => {
    registryPolicy.authorize(ctx.actor, 'edit', { congressId });
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
