// The accounts staff may name as the tellers of a secret vote at this meeting (the congress's staff), before
// the vote exists: the staff page picks three when it opens the vote.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { accountRoles, accounts } from '../../../platform/platform.table';
import { meetings } from '../meetings.table';
import { meetingPolicy } from '../meetings.policy';

export async function findMeetingTellerCandidates(db: Db, actor: Actor, meetingId: string) {
  const [m] = await db
    .select({ congressId: meetings.congressId })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.congressId, actor.congressId)));
  if (!m) throw notFound({ zh: '会议', en: 'meeting' });
  meetingPolicy.authorize(actor, 'openVote', { congressId: m.congressId, onRoll: false });
  const items = await db
    .selectDistinct({ id: accounts.id, name: accounts.displayName, username: accounts.username })
    .from(accounts)
    .innerJoin(accountRoles, eq(accountRoles.accountId, accounts.id))
    .where(and(eq(accounts.congressId, m.congressId), eq(accountRoles.role, 'congressStaff')))
    .orderBy(accounts.username)
    .limit(200);
  return { items, nextCursor: null };
}
