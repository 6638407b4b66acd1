// One vote as a member's phone shows it: the item, the meeting, whether the caller may vote and has voted, and
// the count once closed (a named vote: staff also see who voted how).
import { and, eq } from 'drizzle-orm';
import { SECRET_OPTION_IDS, SECRET_OPTIONS, yesNeeded } from '@minyi/domain/meetings';
import { getVote } from '../../ballots';
import { secretBallots } from '../meetings.repository';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import {
  meetingAgendaItems,
  meetingBallots,
  meetingMembers,
  meetings,
  meetingVotes,
} from '../meetings.table';
import { meetingVotePolicy, READERS } from '../meetings.policy';

export async function getMeetingVote(db: Db, actor: Actor, voteId: string) {
  const [row] = await db
    .select({
      vote: meetingVotes,
      itemTitle: meetingAgendaItems.title,
      itemKind: meetingAgendaItems.kind,
      meetingTitle: meetings.title,
      meetingBody: meetings.body,
      meetingNumber: meetings.number,
      meetingDate: meetings.startDate,
    })
    .from(meetingVotes)
    .innerJoin(meetingAgendaItems, eq(meetingAgendaItems.id, meetingVotes.itemId))
    .innerJoin(meetings, eq(meetings.id, meetingVotes.meetingId))
    .where(and(eq(meetingVotes.id, voteId), eq(meetingVotes.congressId, actor.congressId)));
  if (!row) throw notFound({ zh: '表决', en: 'vote' });
  const { vote } = row;
  const [me] = actor.deputyId
    ? await db
        .select({ attendance: meetingMembers.attendance })
        .from(meetingMembers)
        .where(and(eq(meetingMembers.meetingId, vote.meetingId), eq(meetingMembers.deputyId, actor.deputyId)))
    : [];
  const resource = { congressId: vote.congressId, onRoll: !!me };
  meetingVotePolicy.authorize(actor, 'read', resource);
  const ballots = await db
    .select({ deputyId: meetingBallots.deputyId, choice: meetingBallots.choice, name: meetingMembers.name })
    .from(meetingBallots)
    .leftJoin(
      meetingMembers,
      and(eq(meetingMembers.meetingId, vote.meetingId), eq(meetingMembers.deputyId, meetingBallots.deputyId)),
    )
    .where(eq(meetingBallots.voteId, vote.id));
  const staff = READERS.some((r) => actor.roles.includes(r));
  const closed = vote.status === 'closed';
  // A secret vote: what the member's device needs to encrypt (the key, the options in ballot order), the
  // tellers' progress and the ballots cast so far, from the engine; never a choice.
  const engine = vote.secret
    ? await getVote(db, me ? { ...actor, roles: ['deputy'] } : actor, secretBallots(), vote.id)
    : null;
  const secret = engine
    ? {
        encryption: engine.encryption,
        options: SECRET_OPTIONS.map((choice) => ({ id: SECRET_OPTION_IDS[choice], choice })),
        maxChoices: engine.maxChoices,
        tellers: engine.tellers,
        hasVoted: engine.me.hasVoted,
        tellerIndex: engine.me.tellerIndex,
      }
    : null;
  return {
    id: vote.id,
    status: vote.status,
    meetingId: vote.meetingId,
    meeting: {
      title: row.meetingTitle,
      body: row.meetingBody,
      number: row.meetingNumber,
      date: row.meetingDate,
    },
    item: { id: vote.itemId, title: row.itemTitle, kind: row.itemKind },
    members: vote.members,
    yesNeeded: yesNeeded(vote.members),
    secret,
    ballotsCast: engine ? engine.turnout.electronicBallots : ballots.length,
    me: me
      ? {
          deputyId: actor.deputyId!,
          attendance: me.attendance,
          choice: ballots.find((b) => b.deputyId === actor.deputyId)?.choice ?? null,
        }
      : null,
    result: closed
      ? {
          yes: vote.yes!,
          no: vote.no!,
          abstain: vote.abstain!,
          notVoting: vote.notVoting!,
          members: vote.members,
          passed: vote.passed!,
        }
      : null,
    ballots:
      closed && staff ? ballots.map((b) => ({ deputyId: b.deputyId, name: b.name, choice: b.choice })) : [],
    abilities: meetingVotePolicy.abilities(actor, resource),
  };
}
