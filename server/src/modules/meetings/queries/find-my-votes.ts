// The votes of the meetings on whose roll the caller is (a member's phone): open ones first, with whether the
// caller has voted (a secret vote: the engine's mark). Staff and leaders get the votes of today's meetings.
import { and, desc, eq, exists, sql } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { forbidden } from '../../../platform/errors';
import { meetingAgendaItems, meetingMembers, meetings, meetingVotes } from '../meetings.table';
import { READERS } from '../meetings.policy';
import { findVotedIn } from '../../ballots';

export async function findMyVotes(db: Db, actor: Actor, status: 'open' | 'closed' | undefined) {
  const staff = READERS.some((r) => actor.roles.includes(r));
  if (!staff && !actor.deputyId) throw forbidden();
  const deputyId = actor.deputyId ?? '00000000-0000-0000-0000-000000000000';
  const today = shanghaiDate(new Date());
  const onRoll = exists(
    db
      .select({ one: sql`1` })
      .from(meetingMembers)
      .where(
        and(eq(meetingMembers.meetingId, meetingVotes.meetingId), eq(meetingMembers.deputyId, deputyId)),
      ),
  );
  const rows = await db
    .select({
      id: meetingVotes.id,
      status: meetingVotes.status,
      meetingId: meetingVotes.meetingId,
      meetingTitle: meetings.title,
      meetingDate: meetings.startDate,
      itemTitle: meetingAgendaItems.title,
      itemKind: meetingAgendaItems.kind,
      members: meetingVotes.members,
      passed: meetingVotes.passed,
      secret: meetingVotes.secret,
      onRoll: sql<boolean>`${onRoll}`,
      voted: sql<boolean>`EXISTS (SELECT 1 FROM meeting_ballots b WHERE b.vote_id = ${meetingVotes.id} AND b.deputy_id = ${deputyId})`,
    })
    .from(meetingVotes)
    .innerJoin(meetings, eq(meetings.id, meetingVotes.meetingId))
    .innerJoin(meetingAgendaItems, eq(meetingAgendaItems.id, meetingVotes.itemId))
    .where(
      and(
        eq(meetingVotes.congressId, actor.congressId),
        status ? eq(meetingVotes.status, status) : undefined,
        staff
          ? sql`(${onRoll} OR ${meetings.startDate} <= ${today}::date AND ${meetings.endDate} >= ${today}::date)`
          : onRoll,
      ),
    )
    .orderBy(sql`${meetingVotes.status} = 'open' DESC`, desc(meetingVotes.openedAt))
    .limit(100);
  // A secret vote's mark is the engine's (nothing of the ballot is read).
  const secretVoted = actor.deputyId
    ? await findVotedIn(
        db,
        rows.filter((r) => r.secret).map((r) => r.id),
        actor.deputyId,
      )
    : new Set<string>();
  return {
    items: rows.map((r) => (r.secret ? { ...r, voted: secretVoted.has(r.id) } : r)),
    nextCursor: null,
  };
}
