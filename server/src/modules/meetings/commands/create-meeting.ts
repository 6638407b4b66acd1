// A meeting of the congress, the standing committee or the chairpersons' meeting: its number in the term (the
// body's next when not given), dates, venue, non-voting attendees (列席), and its roll read from the registry
// for its date (the body's membership in office then; refreshed when the meeting begins).
import { and, eq, sql } from 'drizzle-orm';
import type { CreateMeeting } from '@minyi/domain/meetings';
import { transact, type Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { conflict } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { getCurrentTerm } from '../../registry';
import { meetingNonVotingAttendees, meetings } from '../meetings.table';
import { STAFF } from '../meetings.policy';
import { writeRoll } from '../meetings.repository';

export async function createMeeting(ctx: Ctx, input: CreateMeeting) {
  const actor = requireRole(ctx.actor, STAFF);
  const congressId = actor.congressId;
  return transact(ctx, async (w) => {
    const term = await getCurrentTerm(w.db, congressId);
    const termId = term?.id ?? null;
    // One numbering per body and term; the lock keeps two creations from taking the same number.
    await w.db.execute(
      sql`SELECT pg_advisory_xact_lock(hashtext(${`meetings:${congressId}:${input.body}`}))`,
    );
    let number = input.number;
    if (number === undefined) {
      const [r] = await w.db
        .select({ max: sql<number | null>`max(${meetings.number})` })
        .from(meetings)
        .where(
          and(
            eq(meetings.congressId, congressId),
            eq(meetings.body, input.body),
            termId ? eq(meetings.termId, termId) : sql`${meetings.termId} IS NULL`,
          ),
        );
      number = (r?.max ?? 0) + 1;
    } else {
      const [taken] = await w.db
        .select({ id: meetings.id })
        .from(meetings)
        .where(
          and(
            eq(meetings.congressId, congressId),
            eq(meetings.body, input.body),
            termId ? eq(meetings.termId, termId) : sql`${meetings.termId} IS NULL`,
            eq(meetings.number, number),
          ),
        );
      if (taken)
        throw conflict('number_taken', {
          zh: `本届已有第${number}次会议`,
          en: `Meeting number ${number} of this term already exists`,
        });
    }
    const row = {
      id: newId(),
      congressId,
      body: input.body,
      termId,
      number,
      title: input.title,
      startDate: input.date,
      endDate: input.endDate ?? input.date,
      venue: input.venue,
    };
    await w.db.insert(meetings).values(row);
    const members = await writeRoll(w, row);
    if (members === 0)
      throw conflict('no_members', {
        zh: '该日期该机构没有在任的组成人员',
        en: 'The body has no members in office on that date',
      });
    if (input.nonVotingAttendees.length)
      await w.db
        .insert(meetingNonVotingAttendees)
        .values(input.nonVotingAttendees.map((a) => ({ id: newId(), congressId, meetingId: row.id, ...a })));
    await w.audit({
      action: 'meeting.create',
      entityType: 'meeting',
      entityId: row.id,
      congressId,
      after: { ...row, members, nonVotingAttendees: input.nonVotingAttendees.length },
    });
    return { id: row.id };
  });
}
