// The totals of a vote counted in the room (show of hands, paper count, the room's own system), entered by two
// congress staff who must agree: each enters (and may correct) their own count; when two different staff have
// entered the same yes / no / abstain, the vote closes with them, counted against ALL members like any other
// (地方组织法 Art. 25, 51), and what hangs on its item is decided. Not for a vote members have begun on their
// phones: one vote, one way of counting.
import { and, eq } from 'drizzle-orm';
import { passes, type RoomTotals } from '@minyi/domain/meetings';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField, wrongState } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { meetingBallots, meetingVoteRoomTotals } from '../meetings.table';
import { meetingVotePolicy } from '../meetings.policy';
import { loadVoteStep, recordResult } from '../meetings.repository';

export function enterRoomTotals(ctx: Ctx, voteId: string, input: RoomTotals) {
  return step(ctx, {
    policy: meetingVotePolicy,
    action: 'enterRoomTotals',
    load: (w, actor) => loadVoteStep(w, actor, voteId, 'update'),
    async write({ w, actor, row: { vote } }) {
      if (vote.status !== 'open') throw wrongState(vote.status);
      if (vote.secret)
        throw conflict('secret_vote', {
          zh: '无记名表决以加密选票计票，不能录入会场结果',
          en: 'A secret vote is counted from its encrypted ballots: the room’s totals cannot be entered',
        });
      const counted = input.yes + input.no + input.abstain;
      if (counted > vote.members)
        throw invalidField(
          'yes',
          `赞成、反对、弃权合计${counted}，超过组成人员${vote.members}人`,
          `yes, no and abstain add up to ${counted}, more than the ${vote.members} members`,
        );
      if (await w.db.$count(meetingBallots, eq(meetingBallots.voteId, vote.id)))
        throw conflict('ballots_cast', {
          zh: '组成人员已在终端表决，不能再录入会场结果',
          en: 'Members have begun voting on their devices: the room’s totals cannot be entered',
        });
      await w.db
        .insert(meetingVoteRoomTotals)
        .values({ congressId: vote.congressId, voteId: vote.id, accountId: actor.accountId, ...input })
        .onConflictDoUpdate({
          target: [meetingVoteRoomTotals.voteId, meetingVoteRoomTotals.accountId],
          set: { ...input, enteredAt: new Date() },
        });
      const entries = await w.db
        .select()
        .from(meetingVoteRoomTotals)
        .where(and(eq(meetingVoteRoomTotals.voteId, vote.id)));
      const same = (e: RoomTotals) => e.yes === input.yes && e.no === input.no && e.abstain === input.abstain;
      const agreed = entries.some((e) => e.accountId !== actor.accountId && same(e));
      const base = {
        status: agreed ? ('closed' as const) : ('open' as const),
        agreed,
        entries: entries.length,
      };
      if (!agreed)
        return {
          result: base,
          audit: {
            action: 'meetingVote.enterRoomTotals',
            entityType: 'meetingVote',
            entityId: vote.id,
            congressId: vote.congressId,
            after: { ...input, agreed },
          },
        };
      const tally = {
        ...input,
        notVoting: vote.members - counted,
        members: vote.members,
        passed: passes(input.yes, vote.members),
      };
      await recordResult(w, vote, tally);
      return {
        result: { ...base, ...tally },
        audit: {
          action: 'meetingVote.enterRoomTotals',
          entityType: 'meetingVote',
          entityId: vote.id,
          congressId: vote.congressId,
          after: { ...input, agreed, tally, status: 'closed' },
        },
      };
    },
  });
}
