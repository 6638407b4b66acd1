// Closes a meeting in session; refused while one of its votes is still open.
import { and, eq } from 'drizzle-orm';
import { nextMeetingStatus } from '@minyi/domain/meetings';
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { meetings, meetingVotes } from '../meetings.table';
import { meetingPolicy } from '../meetings.policy';
import { loadMeetingStep } from '../meetings.repository';

export function closeMeeting(ctx: Ctx, meetingId: string) {
  return step(ctx, {
    policy: meetingPolicy,
    action: 'close',
    load: (w, actor) => loadMeetingStep(w, actor, meetingId),
    transition: ({ row }) => ({ from: row.status, to: nextMeetingStatus(row.status, 'close') }),
    async write({ w, row: m }) {
      const [open] = await w.db
        .select({ id: meetingVotes.id })
        .from(meetingVotes)
        .where(and(eq(meetingVotes.meetingId, m.id), eq(meetingVotes.status, 'open')));
      if (open)
        throw conflict(
          'vote_open',
          { zh: '仍有表决未结束', en: 'A vote is still open' },
          { voteId: open.id },
        );
      await w.db
        .update(meetings)
        .set({ status: 'closed', updatedAt: new Date() })
        .where(eq(meetings.id, m.id));
      return {
        result: { id: m.id, status: 'closed' as const },
        audit: { action: 'meeting.close', entityType: 'meeting', entityId: m.id, congressId: m.congressId },
      };
    },
  });
}
