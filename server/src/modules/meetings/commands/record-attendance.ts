// The sign-in sheet (签到): staff record members present (a list, or all of the roll) or on leave of absence
// with its reason; a member may sign themselves in. Presence is recorded on the meeting's days only (a meeting
// is held on its date); a leave may be recorded ahead. The first sign-in begins the meeting: the roll is read
// again from the registry for the meeting's date and frozen (ADR 0018). Answers the quorum.
import { and, eq, inArray } from 'drizzle-orm';
import { hasQuorum, nextMeetingStatus, quorumNeeded, type Attendance } from '@minyi/domain/meetings';
import { shanghaiDate } from '@minyi/domain/calendar';
import type { Ctx } from '../../../platform/context';
import { conflict, forbidden, invalidField } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { meetingMembers, meetings } from '../meetings.table';
import { meetingPolicy } from '../meetings.policy';
import { countRoll, loadMeetingStep, writeRoll } from '../meetings.repository';

export function recordAttendance(ctx: Ctx, meetingId: string, input: Attendance) {
  const isStaff = !!ctx.actor?.roles.includes('congressStaff');
  const present = input.status === 'present';
  return step(ctx, {
    policy: meetingPolicy,
    action: isStaff ? 'recordAttendance' : 'signInSelf',
    load: (w, a) => loadMeetingStep(w, a, meetingId),
    transition: ({ row }) => ({
      from: row.status,
      // A leave recorded ahead does not begin the meeting.
      to: present
        ? nextMeetingStatus(row.status, 'recordAttendance')
        : row.status === 'closed'
          ? null
          : row.status,
    }),
    async write({ w, row: m, actor }) {
      // A member signs in only themselves, present (staff keep the sheet for everyone).
      const own =
        input.status === 'present' &&
        Array.isArray(input.memberIds) &&
        input.memberIds.length === 1 &&
        input.memberIds[0] === actor.deputyId;
      if (!isStaff && !own) throw forbidden({ zh: '只能为本人签到', en: 'You may sign in only yourself' });
      if (present) {
        const today = shanghaiDate(new Date());
        if (today < m.startDate || today > m.endDate)
          throw conflict('not_meeting_day', {
            zh: `会议在${m.startDate}举行，今天不能签到`,
            en: `The meeting is held on ${m.startDate}; members cannot sign in today`,
          });
      }
      if (present && !m.rollFrozenAt) {
        await writeRoll(w, m);
        await w.db
          .update(meetings)
          .set({
            rollFrozenAt: new Date(),
            status: nextMeetingStatus(m.status, 'recordAttendance') ?? m.status,
            updatedAt: new Date(),
          })
          .where(eq(meetings.id, m.id));
      }
      const roll = await w.db
        .select({ deputyId: meetingMembers.deputyId })
        .from(meetingMembers)
        .where(eq(meetingMembers.meetingId, m.id));
      const onRoll = new Set(roll.map((r) => r.deputyId));
      const ids = input.memberIds === 'all' ? [...onRoll] : [...new Set(input.memberIds)];
      const unknown = ids.filter((id) => !onRoll.has(id));
      if (unknown.length)
        throw invalidField(
          'memberIds',
          `${unknown.length}人不是本次会议的组成人员`,
          `${unknown.length} of them are not members of this meeting`,
          'not_member',
        );
      await w.db
        .update(meetingMembers)
        .set(
          present
            ? { attendance: 'present', leaveReason: '', signedInAt: new Date() }
            : { attendance: 'onLeave', leaveReason: input.reason, signedInAt: null },
        )
        .where(and(eq(meetingMembers.meetingId, m.id), inArray(meetingMembers.deputyId, ids)));
      const counts = await countRoll(w.db, m.id);
      return {
        result: {
          ...counts,
          quorum: hasQuorum(m.body, counts.members, counts.present),
          quorumNeeded: quorumNeeded(m.body, counts.members),
        },
        audit: {
          action: present ? 'meeting.signIn' : 'meeting.recordLeave',
          entityType: 'meeting',
          entityId: m.id,
          congressId: m.congressId,
          after: { memberIds: ids, ...(present ? {} : { reason: input.reason }), ...counts },
        },
      };
    },
  });
}
