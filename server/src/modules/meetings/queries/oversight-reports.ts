// Reads of the work reports' oversight loops (监督法 Art. 17): the list, newest heard first, each with whether
// the organ's handling report is late (received after its due day, or still awaited past it); one report with
// its opinions, handling report, satisfaction vote and what the caller may do. Staff and leaders.
import { and, desc, eq, sql } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import { isHandlingLate, type OversightStatus } from '@minyi/domain/meetings';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { decodeCursor, page } from '../../../platform/http';
import { meetings, meetingVotes, oversightReports } from '../meetings.table';
import { oversightPolicy } from '../meetings.policy';

const columns = {
  id: oversightReports.id,
  title: oversightReports.title,
  organ: oversightReports.organ,
  status: oversightReports.status,
  heardOn: oversightReports.heardOn,
  opinionsSentOn: oversightReports.opinionsSentOn,
  handlingDueOn: oversightReports.handlingDueOn,
  handlingReceivedOn: oversightReports.handlingReceivedOn,
  meetingId: oversightReports.meetingId,
  meetingTitle: meetings.title,
};

export async function findOversightReports(
  db: Db,
  actor: Actor,
  q: { status?: OversightStatus; cursor?: string; limit: number },
) {
  const after = decodeCursor(q.cursor, ['text', 'uuid']);
  const rows = await db
    .select(columns)
    .from(oversightReports)
    .innerJoin(meetings, eq(meetings.id, oversightReports.meetingId))
    .where(
      and(
        eq(oversightReports.congressId, actor.congressId),
        q.status ? eq(oversightReports.status, q.status) : undefined,
        after
          ? sql`(${oversightReports.heardOn}::text, ${oversightReports.id}) < (${after[0]}, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(oversightReports.heardOn), desc(oversightReports.id))
    .limit(q.limit + 1);
  const today = shanghaiDate(new Date());
  const res = page(rows, q.limit, (r) => [r.heardOn, r.id]);
  return {
    ...res,
    items: res.items.map((r) => ({
      ...r,
      handlingLate: isHandlingLate(r.handlingDueOn, r.handlingReceivedOn, today),
    })),
  };
}

export async function getOversightReport(db: Db, actor: Actor, id: string) {
  const [r] = await db
    .select({ r: oversightReports, meetingTitle: meetings.title })
    .from(oversightReports)
    .innerJoin(meetings, eq(meetings.id, oversightReports.meetingId))
    .where(and(eq(oversightReports.id, id), eq(oversightReports.congressId, actor.congressId)));
  if (!r) throw notFound({ zh: '工作报告监督', en: 'oversight report' });
  const x = r.r;
  const [vote] = x.satisfactionItemId
    ? await db
        .select({
          id: meetingVotes.id,
          meetingId: meetingVotes.meetingId,
          status: meetingVotes.status,
          members: meetingVotes.members,
          yes: meetingVotes.yes,
          no: meetingVotes.no,
          abstain: meetingVotes.abstain,
          notVoting: meetingVotes.notVoting,
          passed: meetingVotes.passed,
        })
        .from(meetingVotes)
        .where(eq(meetingVotes.itemId, x.satisfactionItemId))
    : [];
  const may = oversightPolicy.abilities(actor, { congressId: x.congressId });
  const can = (a: string) => !!may[a];
  return {
    id: x.id,
    title: x.title,
    organ: x.organ,
    status: x.status,
    meeting: { id: x.meetingId, title: r.meetingTitle },
    heardOn: x.heardOn,
    opinions: x.opinions,
    opinionsSentOn: x.opinionsSentOn,
    handlingDueOn: x.handlingDueOn,
    handlingSummary: x.handlingSummary,
    handlingReceivedOn: x.handlingReceivedOn,
    handlingLate: isHandlingLate(x.handlingDueOn, x.handlingReceivedOn, shanghaiDate(new Date())),
    satisfactionItemId: x.satisfactionItemId,
    satisfactionVote: vote ?? null,
    followUpPlan: x.followUpPlan,
    abilities: {
      sendOpinions: x.status === 'heard' && can('sendOpinions'),
      recordHandlingReport: x.status === 'opinionsSent' && can('recordHandlingReport'),
      putSatisfactionVote: x.status === 'handled' && !x.satisfactionItemId && can('putSatisfactionVote'),
      followUp: ['handled', 'satisfied', 'notSatisfied'].includes(x.status) && can('followUp'),
    },
  };
}
