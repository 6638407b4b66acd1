// One meeting as the meeting page shows it: the roll with the sign-in sheet, members / present / quorum, the
// non-voting attendees, the agenda with each document's deadline (flagged late) and each item's vote, and the
// caller's abilities and own line on the roll.
import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  documentDeadline,
  hasQuorum,
  isDocumentLate,
  isVotedKind,
  quorumNeeded,
  yesNeeded,
} from '@minyi/domain/meetings';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import {
  meetingAgendaDocuments,
  meetingAgendaItems,
  meetingBallots,
  meetingMembers,
  meetingNonVotingAttendees,
  meetings,
  meetingVotes,
} from '../meetings.table';
import { meetingPolicy } from '../meetings.policy';
import { readMeetingsSettings } from '../meetings.settings';

export async function getMeeting(db: Db, actor: Actor, meetingId: string) {
  const [m] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.congressId, actor.congressId)));
  if (!m) throw notFound({ zh: '会议', en: 'meeting' });
  const [roll, attendees, items, votes, settings] = await Promise.all([
    db
      .select({
        deputyId: meetingMembers.deputyId,
        name: meetingMembers.name,
        position: meetingMembers.position,
        attendance: meetingMembers.attendance,
        leaveReason: meetingMembers.leaveReason,
        signedInAt: meetingMembers.signedInAt,
      })
      .from(meetingMembers)
      .where(eq(meetingMembers.meetingId, m.id)),
    db
      .select({ name: meetingNonVotingAttendees.name, organization: meetingNonVotingAttendees.organization })
      .from(meetingNonVotingAttendees)
      .where(eq(meetingNonVotingAttendees.meetingId, m.id)),
    db
      .select()
      .from(meetingAgendaItems)
      .where(eq(meetingAgendaItems.meetingId, m.id))
      .orderBy(asc(meetingAgendaItems.position)),
    db.select().from(meetingVotes).where(eq(meetingVotes.meetingId, m.id)),
    readMeetingsSettings(db, m.congressId),
  ]);
  const me = actor.deputyId ? roll.find((r) => r.deputyId === actor.deputyId) : undefined;
  const resource = { congressId: m.congressId, onRoll: !!me };
  meetingPolicy.authorize(actor, 'read', resource);

  const docs = items.length
    ? await db
        .select()
        .from(meetingAgendaDocuments)
        .where(
          inArray(
            meetingAgendaDocuments.itemId,
            items.map((i) => i.id),
          ),
        )
        .orderBy(asc(meetingAgendaDocuments.doneOn))
    : [];
  const voteIds = votes.map((v) => v.id);
  const cast = voteIds.length
    ? await db
        .select({
          voteId: meetingBallots.voteId,
          deputyId: meetingBallots.deputyId,
          choice: meetingBallots.choice,
        })
        .from(meetingBallots)
        .where(inArray(meetingBallots.voteId, voteIds))
    : [];
  const order = ['chair', 'viceChair', 'secretaryGeneral', 'director', 'member', 'deputy'];
  roll.sort(
    (a, b) => order.indexOf(a.position) - order.indexOf(b.position) || a.name.localeCompare(b.name, 'zh'),
  );
  const present = roll.filter((r) => r.attendance === 'present').length;
  const onLeave = roll.filter((r) => r.attendance === 'onLeave').length;
  const members = roll.length;
  return {
    id: m.id,
    body: m.body,
    number: m.number,
    title: m.title,
    date: m.startDate,
    endDate: m.endDate,
    venue: m.venue,
    status: m.status,
    rollFrozen: !!m.rollFrozenAt,
    members,
    present,
    onLeave,
    quorum: hasQuorum(m.body, members, present),
    quorumNeeded: quorumNeeded(m.body, members),
    yesNeeded: yesNeeded(members),
    roll,
    nonVotingAttendees: attendees,
    agenda: items.map((i) => {
      const v = votes.find((x) => x.itemId === i.id);
      const ballots = v ? cast.filter((b) => b.voteId === v.id) : [];
      return {
        id: i.id,
        position: i.position,
        kind: i.kind,
        title: i.title,
        secret: i.secret,
        voted: isVotedKind(i.kind),
        documents: docs
          .filter((d) => d.itemId === i.id)
          .map((d) => {
            const lead = settings.leadDays[d.stage];
            return {
              id: d.id,
              stage: d.stage,
              title: d.title,
              doneOn: d.doneOn,
              deadline: documentDeadline(m.startDate, lead),
              late: isDocumentLate(m.startDate, lead, d.doneOn),
            };
          }),
        vote: v
          ? {
              id: v.id,
              status: v.status,
              members: v.members,
              ballotsCast: ballots.length,
              ...(v.status === 'closed'
                ? { yes: v.yes, no: v.no, abstain: v.abstain, notVoting: v.notVoting, passed: v.passed }
                : {}),
              myChoice: me ? (ballots.find((b) => b.deputyId === me.deputyId)?.choice ?? null) : null,
            }
          : null,
      };
    }),
    me: me ? { deputyId: me.deputyId, attendance: me.attendance } : null,
    abilities: meetingPolicy.abilities(actor, resource),
  };
}
