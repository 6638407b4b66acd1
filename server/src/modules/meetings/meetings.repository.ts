// The loaders and lockers the meeting commands share, and the roll: the body's membership in office on the
// meeting's date, read through the registry's index and kept with the meeting (ADR 0018).
import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { MeetingBody } from '@minyi/domain/meetings';
import type { Db } from '../../db/client';
import type { Actor, Work } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { findBodyMembersOn } from '../registry';
import { meetingMembers, meetings, meetingVotes } from './meetings.table';
import type { MeetingResource, MeetingVoteResource } from './meetings.policy';

export type MeetingRow = typeof meetings.$inferSelect;
export type MeetingVoteRow = typeof meetingVotes.$inferSelect;

const MEETING = { zh: '会议', en: 'meeting' };
const VOTE = { zh: '表决', en: 'vote' };

/** Whether the actor's deputy is on the meeting's roll. */
export async function isOnRoll(db: Db, meetingId: string, actor: Actor | null): Promise<boolean> {
  if (!actor?.deputyId) return false;
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(meetingMembers)
    .where(and(eq(meetingMembers.meetingId, meetingId), eq(meetingMembers.deputyId, actor.deputyId)));
  return !!row;
}

/** Loads (and locks) a meeting of the actor's congress for a step; 404 when absent or in another congress. */
export async function loadMeetingStep(
  w: Work,
  actor: Actor,
  meetingId: string,
): Promise<{ row: MeetingRow; resource: MeetingResource }> {
  const [row] = await w.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.congressId, actor.congressId)))
    .for('update');
  if (!row) throw notFound(MEETING);
  return { row, resource: { congressId: row.congressId, onRoll: await isOnRoll(w.db, row.id, actor) } };
}

export interface LoadedVote {
  vote: MeetingVoteRow;
  meeting: MeetingRow;
  /** The actor's line on the roll, if any. */
  me: { attendance: 'absent' | 'present' | 'onLeave' } | null;
}

/**
 * Loads a vote with its meeting and the actor's line on the roll. A ballot locks the vote FOR SHARE (ballots
 * go in side by side; close waits for them and they wait for close); close locks it FOR UPDATE.
 */
export async function loadVoteStep(
  w: Work,
  actor: Actor,
  voteId: string,
  lock: 'share' | 'update',
): Promise<{ row: LoadedVote; resource: MeetingVoteResource }> {
  const [vote] = await w.db
    .select()
    .from(meetingVotes)
    .where(and(eq(meetingVotes.id, voteId), eq(meetingVotes.congressId, actor.congressId)))
    .for(lock);
  if (!vote) throw notFound(VOTE);
  const [meeting] = await w.db.select().from(meetings).where(eq(meetings.id, vote.meetingId));
  const [me] = actor.deputyId
    ? await w.db
        .select({ attendance: meetingMembers.attendance })
        .from(meetingMembers)
        .where(and(eq(meetingMembers.meetingId, vote.meetingId), eq(meetingMembers.deputyId, actor.deputyId)))
    : [];
  return {
    row: { vote, meeting, me: me ?? null },
    resource: { congressId: vote.congressId, onRoll: !!me },
  };
}

/**
 * Writes the roll of a meeting: the body's members in office on its date from the registry. Called when the
 * meeting is created, and again when it begins (the first sign-in), after which the roll is frozen; members
 * still in office keep what the sheet says of them (a leave recorded in advance), members gone are dropped.
 * Answers the roll's size.
 */
export async function writeRoll(
  w: Work,
  meeting: { id: string; congressId: string; body: MeetingBody; startDate: string },
): Promise<number> {
  const members = await findBodyMembersOn(w.db, meeting.congressId, meeting.body, meeting.startDate);
  const ids = members.map((m) => m.deputyId);
  await w.db
    .delete(meetingMembers)
    .where(
      and(
        eq(meetingMembers.meetingId, meeting.id),
        ids.length ? notInArray(meetingMembers.deputyId, ids) : undefined,
      ),
    );
  if (members.length)
    await w.db
      .insert(meetingMembers)
      .values(
        members.map((m) => ({
          congressId: meeting.congressId,
          meetingId: meeting.id,
          deputyId: m.deputyId,
          name: m.name,
          position: m.position,
        })),
      )
      .onConflictDoUpdate({
        target: [meetingMembers.meetingId, meetingMembers.deputyId],
        set: { name: sql`excluded.name`, position: sql`excluded.position` },
      });
  return members.length;
}

/** The size of a meeting's roll and how many on it are present and on leave. */
export async function countRoll(db: Db, meetingId: string) {
  const [r] = await db
    .select({
      members: sql<number>`count(*)::int`,
      present: sql<number>`count(*) FILTER (WHERE ${meetingMembers.attendance} = 'present')::int`,
      onLeave: sql<number>`count(*) FILTER (WHERE ${meetingMembers.attendance} = 'onLeave')::int`,
    })
    .from(meetingMembers)
    .where(eq(meetingMembers.meetingId, meetingId));
  return r;
}
