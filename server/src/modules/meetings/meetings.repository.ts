// The loaders and lockers the meeting commands share, and the roll: the body's membership in office on the
// meeting's date, read through the registry's index and kept with the meeting (ADR 0018).
import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import {
  choiceOfOption,
  decidedStatus,
  hasQuorum,
  isVotedKind,
  ONE_HOLDER_ORGANS,
  quorumNeeded,
  satisfactionOf,
  SECRET_OPTION_IDS,
  tallySecretVote,
  type AppointmentKind,
  type MeetingBody,
  type VoteChoice,
  type VoteTally,
} from '@minyi/domain/meetings';
import type { VoteRules } from '@minyi/domain/livelihood';
import type { Db } from '../../db/client';
import type { Actor, Work } from '../../platform/context';
import { conflict, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { findBodyMembersOn } from '../registry';
import type { BallotSubject, RollMember } from '../ballots';
import {
  appointmentCases,
  meetingAgendaItems,
  meetingMembers,
  meetings,
  meetingVotes,
  officeHoldings,
  oversightReports,
} from './meetings.table';
import type { AppointmentResource, MeetingResource, MeetingVoteResource } from './meetings.policy';

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
  // One round trip (a ballot's transaction is mostly round trips: 45 members voting at once queue for the
  // pool, bench/meetings.bench.ts): the vote (locked), its meeting and my line on its roll.
  const [hit] = await w.db
    .select({ vote: meetingVotes, meeting: meetings, attendance: meetingMembers.attendance })
    .from(meetingVotes)
    .innerJoin(meetings, eq(meetings.id, meetingVotes.meetingId))
    .leftJoin(
      meetingMembers,
      actor.deputyId
        ? and(
            eq(meetingMembers.meetingId, meetingVotes.meetingId),
            eq(meetingMembers.deputyId, actor.deputyId),
          )
        : sql`false`,
    )
    .where(and(eq(meetingVotes.id, voteId), eq(meetingVotes.congressId, actor.congressId)))
    .for(lock, { of: meetingVotes });
  if (!hit) throw notFound(VOTE);
  const { vote, meeting } = hit;
  const me = hit.attendance ? { attendance: hit.attendance } : null;
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

// ----- appointment cases (任免): loaders, and the register's reads and writes the case commands and the vote's close share -----

export type AppointmentRow = typeof appointmentCases.$inferSelect;
export const CASE = { zh: '任免案', en: 'appointment case' };

export async function loadAppointmentStep(
  w: Work,
  actor: Actor,
  id: string,
): Promise<{ row: AppointmentRow; resource: AppointmentResource }> {
  const [row] = await w.db
    .select()
    .from(appointmentCases)
    .where(and(eq(appointmentCases.id, id), eq(appointmentCases.congressId, actor.congressId)))
    .for('update');
  if (!row) throw notFound(CASE);
  return { row, resource: { congressId: row.congressId } };
}

/** The holdings of a post not ended (at most one permanent holder, and perhaps an acting one). */
export const currentHoldings = (db: Db, congressId: string, post: string) =>
  db
    .select()
    .from(officeHoldings)
    .where(
      and(
        eq(officeHoldings.congressId, congressId),
        eq(officeHoldings.post, post),
        isNull(officeHoldings.endedOn),
      ),
    );

const END_REASON: Record<Exclude<AppointmentKind, 'appoint'>, 'removed' | 'dismissed'> = {
  remove: 'removed',
  dismiss: 'dismissed',
};

/**
 * Applies a closed vote to the case on that agenda item, if any: the case's status, and on a pass the register:
 * a removal or dismissal ends the holder's holding that day; an appointment ends an acting head's holding and
 * starts the appointee's. Returns what it did, for the audit row; null when the item carries no case.
 */
export async function decideAppointment(
  w: Work,
  itemId: string,
  voteId: string,
  passed: boolean,
  on: string,
) {
  const [c] = await w.db
    .select()
    .from(appointmentCases)
    .where(and(eq(appointmentCases.agendaItemId, itemId), eq(appointmentCases.status, 'onAgenda')))
    .for('update');
  if (!c) return null;
  const status = decidedStatus(c.kind, passed);
  await w.db
    .update(appointmentCases)
    .set({ status, decidedOn: on, voteId })
    .where(eq(appointmentCases.id, c.id));
  let holdingId: string | null = null;
  if (passed) {
    const held = await currentHoldings(w.db, c.congressId, c.post);
    if (c.kind === 'appoint') {
      for (const h of held.filter((h) => h.acting))
        await w.db
          .update(officeHoldings)
          .set({ endedOn: on, endReason: 'other' })
          .where(eq(officeHoldings.id, h.id));
      holdingId = newId();
      await w.db.insert(officeHoldings).values({
        id: holdingId,
        congressId: c.congressId,
        post: c.post,
        organization: c.organization,
        handlingUnitId: c.handlingUnitId,
        holderName: c.nomineeName,
        acting: c.acting,
        startedOn: on,
        appointmentId: c.id,
      });
    } else {
      const h = held.find((h) => h.holderName === c.nomineeName);
      if (h) {
        holdingId = h.id;
        await w.db
          .update(officeHoldings)
          .set({ endedOn: on, endReason: END_REASON[c.kind], endedById: c.id })
          .where(eq(officeHoldings.id, h.id));
      }
    }
  }
  return { appointmentId: c.id, status, holdingId };
}

/**
 * Refuses to open the vote on an item whose case is withdrawn, or an appointment to a post still held by a
 * permanent holder: 409 removal_first while the holder's removal is on the agenda undecided, post_held otherwise.
 */
export async function checkAppointmentOrder(w: Work, itemId: string) {
  const [c] = await w.db.select().from(appointmentCases).where(eq(appointmentCases.agendaItemId, itemId));
  if (!c) return;
  if (c.status === 'withdrawn')
    throw conflict('withdrawn', { zh: '该任免案已撤回', en: 'The case has been withdrawn' });
  if (c.kind !== 'appoint' || c.acting || !ONE_HOLDER_ORGANS.includes(c.nominatingOrgan)) return;
  const holder = (await currentHoldings(w.db, c.congressId, c.post)).find((h) => !h.acting);
  if (!holder) return;
  const [removal] = await w.db
    .select({ id: appointmentCases.id })
    .from(appointmentCases)
    .where(
      and(
        eq(appointmentCases.post, c.post),
        eq(appointmentCases.nomineeName, holder.holderName),
        inArray(appointmentCases.kind, ['remove', 'dismiss']),
        eq(appointmentCases.status, 'onAgenda'),
      ),
    );
  if (removal)
    throw conflict(
      'removal_first',
      {
        zh: `须先表决免去${holder.holderName}的${c.post}职务（先免后任）`,
        en: `Vote first on removing ${holder.holderName} from ${c.post} (removal before appointment)`,
      },
      { removalId: removal.id },
    );
  throw conflict(
    'post_held',
    {
      zh: `${c.post}现由${holder.holderName}担任，不能任命他人`,
      en: `${c.post} is held by ${holder.holderName}: nobody else can be appointed to it`,
    },
    { holderName: holder.holderName },
  );
}

/**
 * Applies a closed satisfaction vote to its report (监督法 Art. 17): satisfied when more than half of ALL members
 * voted yes, otherwise not satisfied. Null when the item is no report's satisfaction vote.
 */
export async function decideSatisfaction(w: Work, itemId: string, voteId: string, passed: boolean) {
  const [r] = await w.db
    .select({ id: oversightReports.id })
    .from(oversightReports)
    .where(and(eq(oversightReports.satisfactionItemId, itemId), eq(oversightReports.status, 'handled')))
    .for('update');
  if (!r) return null;
  const status = satisfactionOf(passed);
  await w.db
    .update(oversightReports)
    .set({ status, satisfactionVoteId: voteId })
    .where(eq(oversightReports.id, r.id));
  return { oversightReportId: r.id, status };
}

/**
 * Keeps a vote's count and closes it, then lets the count decide what hangs on its item: an appointment case
 * (its status and the register, on the day it closes) or a report's satisfaction vote. Shared by the close of
 * the members' ballots and by the room's totals agreed by two staff.
 */
export async function recordResult(w: Work, vote: MeetingVoteRow, tally: VoteTally) {
  await w.db
    .update(meetingVotes)
    .set({
      status: 'closed',
      yes: tally.yes,
      no: tally.no,
      abstain: tally.abstain,
      notVoting: tally.notVoting,
      passed: tally.passed,
      closedAt: new Date(),
    })
    .where(eq(meetingVotes.id, vote.id));
  // The case on this item, if any: its status and the register follow the vote, on the day it closes.
  const decided = await decideAppointment(w, vote.itemId, vote.id, tally.passed, shanghaiDate(new Date()));
  if (decided)
    await w.audit({
      action: 'appointment.decide',
      entityType: 'appointment',
      entityId: decided.appointmentId,
      congressId: vote.congressId,
      after: { ...decided, voteId: vote.id, tally },
    });
  const assessed = await decideSatisfaction(w, vote.itemId, vote.id, tally.passed);
  if (assessed)
    await w.audit({
      action: 'oversightReport.assess',
      entityType: 'oversightReport',
      entityId: assessed.oversightReportId,
      congressId: vote.congressId,
      after: { ...assessed, voteId: vote.id, tally },
    });
}

// ----- secret votes on the encrypted-ballot engine (issue 21; see ballots/SECRECY.md) -----

const CHOICE_TITLES: Record<VoteChoice, string> = { yes: '赞成', no: '反对', abstain: '弃权' };

/**
 * The engine's rules of a secret vote at a meeting of `members` members. The engine's quorum is "at least
 * ceil(roll × n / d)": n / d = quorumNeeded / members makes it exactly the body's (Art. 14, 51), already
 * checked by the meeting when the vote is opened; its threshold (more than half of the roll) is the
 * meetings' own, which decides the count (tallySecretVote). One option chosen, so no runoff and no second vote.
 */
export const secretVoteRules = (members: number, quorum: number): VoteRules => ({
  quorumNumerator: Math.max(1, quorum),
  quorumDenominator: Math.max(1, members),
  thresholdBase: 'roll',
  candidateRatio: 1,
  advisory: false,
  runoffRule: 'mostVotes',
  shortfallVote: false,
});

/**
 * What the meetings give the ballots engine for a secret vote: the three options (yes, no, abstain: fixed ids),
 * the roll (the meeting's members: the body's membership in office on its date), and, when two tellers have
 * decrypted the totals, the count by the meetings' rule (more than half of ALL members), which decides the
 * item's case as a named vote's close does. `opening` checks and writes the meeting's side of a new vote in
 * the engine's transaction (commands/open-secret-vote.ts); without it no vote is made.
 */
export function secretBallots(opening?: (w: Work, congressId: string) => Promise<VoteRules>): BallotSubject {
  return {
    owner: 'meetings',
    findOptions: (_db, _congressId, ids) =>
      Promise.resolve(
        ids.flatMap((id) => {
          const c = choiceOfOption(id);
          return c ? [{ id, title: CHOICE_TITLES[c] }] : [];
        }),
      ),
    async rulesFor(w, congressId) {
      if (!opening) throw conflict('not_opening', { zh: '表决未在开启中', en: 'No vote is being opened' });
      return { rules: await opening(w, congressId), sittingId: null };
    },
    rollFor: async (w, vote): Promise<RollMember[]> =>
      w.db
        .select({ deputyId: meetingMembers.deputyId, name: meetingMembers.name })
        .from(meetingMembers)
        .innerJoin(meetingVotes, eq(meetingVotes.meetingId, meetingMembers.meetingId))
        .where(and(eq(meetingVotes.id, vote.id), eq(meetingVotes.congressId, vote.congressId))),
    async onClosed(w, vote, result) {
      const [row] = await w.db
        .select()
        .from(meetingVotes)
        .where(and(eq(meetingVotes.id, vote.id), eq(meetingVotes.secret, true)))
        .for('update');
      if (!row) throw notFound(VOTE);
      const totals: Partial<Record<VoteChoice, number>> = {};
      for (const r of result.ranking) {
        const c = choiceOfOption(r.candidateId);
        if (c) totals[c] = r.votes;
      }
      const tally = tallySecretVote(totals, row.members);
      await recordResult(w, row, tally);
      await w.audit({
        action: 'meetingVote.tally',
        entityType: 'meetingVote',
        entityId: row.id,
        congressId: row.congressId,
        before: { status: row.status },
        after: { status: 'closed', ...tally },
      });
    },
  };
}

/** The engine's options of a secret meeting vote, in ballot order. */
export const SECRET_OPTION_LIST = (['yes', 'no', 'abstain'] as const).map((c) => SECRET_OPTION_IDS[c]);

/**
 * What a vote on the item needs, named or secret: the item on this meeting, decided by vote, secret or not as
 * asked, its case in order, no vote yet, and the quorum present. Answers the roll's counts.
 */
export async function checkOpening(w: Work, m: MeetingRow, itemId: string, secret: boolean) {
  const [item] = await w.db
    .select()
    .from(meetingAgendaItems)
    .where(and(eq(meetingAgendaItems.id, itemId), eq(meetingAgendaItems.meetingId, m.id)));
  if (!item) throw notFound({ zh: '议程', en: 'agenda item' });
  if (!isVotedKind(item.kind))
    throw conflict('not_voted', {
      zh: '该类议程不付表决（听取审议或询问）',
      en: 'This kind of item is heard or answered, not put to a vote',
    });
  if (item.secret !== secret)
    throw conflict('secret_changed', {
      zh: '该议程的表决方式已变更，请刷新',
      en: 'How this item is voted has changed; reload',
    });
  await checkAppointmentOrder(w, item.id);
  const [existing] = await w.db
    .select({ id: meetingVotes.id })
    .from(meetingVotes)
    .where(eq(meetingVotes.itemId, item.id));
  if (existing)
    throw conflict(
      'vote_exists',
      { zh: '该议程已付表决', en: 'This item has already been put to a vote' },
      { voteId: existing.id },
    );
  const counts = await countRoll(w.db, m.id);
  const needed = quorumNeeded(m.body, counts.members);
  if (!hasQuorum(m.body, counts.members, counts.present))
    throw conflict(
      'no_quorum',
      {
        zh: `出席人数不足法定人数（应到${counts.members}人，实到${counts.present}人，需${needed}人），不能表决`,
        en: `No quorum (${counts.present} of ${counts.members} members present, ${needed} needed): the vote cannot open`,
      },
      { ...counts, quorumNeeded: needed },
    );
  return { item, counts, quorumNeeded: needed };
}

/** The roles a secret vote's teller may hold (the engine's: staff, deputies designated, leaders). */
export const TELLER_ROLES = ['congressStaff', 'leader', 'deputy'] as const;

/** A secret vote of the actor's congress (404 otherwise, and for a named vote): the tellers' routes use it. */
export async function requireSecretVote(db: Db, congressId: string, voteId: string) {
  const [v] = await db
    .select({ id: meetingVotes.id })
    .from(meetingVotes)
    .where(
      and(
        eq(meetingVotes.id, voteId),
        eq(meetingVotes.congressId, congressId),
        eq(meetingVotes.secret, true),
      ),
    );
  if (!v) throw notFound({ zh: '无记名表决', en: 'secret vote' });
}
