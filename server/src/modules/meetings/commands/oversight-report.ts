// The steps of a work report's oversight loop (监督法 Art. 17): open it from a report heard at a meeting, send
// the deliberation opinions (the handling report falls due by the setting's months), record the organ's
// handling report (late ones kept and flagged), put a satisfaction vote on a standing-committee meeting's agenda
// (voted and counted by the meeting's machinery; its close decides satisfied or not), open follow-up supervision.
import { and, eq, sql } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import {
  handlingReportDue,
  isHandlingLate,
  nextOversightStatus,
  type OversightStep,
} from '@minyi/domain/meetings';
import { transact, type Actor, type Ctx, type Work } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { conflict, invalidField, notFound, wrongState } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { meetingAgendaItems, meetings, oversightReports } from '../meetings.table';
import { oversightPolicy, STAFF } from '../meetings.policy';
import { readMeetingsSettings } from '../meetings.settings';

const REPORT = { zh: '工作报告监督', en: 'oversight report' };
type Row = typeof oversightReports.$inferSelect;

async function load(w: Work, actor: Actor, id: string) {
  const [row] = await w.db
    .select()
    .from(oversightReports)
    .where(and(eq(oversightReports.id, id), eq(oversightReports.congressId, actor.congressId)))
    .for('update');
  if (!row) throw notFound(REPORT);
  return { row, resource: { congressId: row.congressId } };
}

const today = () => shanghaiDate(new Date());

/** A day given for a step: not in the future, not before `notBefore`. */
function checkDay(field: string, day: string, notBefore: string | null) {
  if (day > today()) throw invalidField(field, '日期不能晚于今天', `${field} is in the future`);
  if (notBefore && day < notBefore)
    throw invalidField(field, `日期不能早于${notBefore}`, `${field} is before ${notBefore}`);
}

export async function openOversightReport(ctx: Ctx, input: { agendaItemId: string; organ: string }) {
  const actor = requireRole(ctx.actor, STAFF);
  return transact(ctx, async (w) => {
    const [found] = await w.db
      .select({ item: meetingAgendaItems, meeting: meetings })
      .from(meetingAgendaItems)
      .innerJoin(meetings, eq(meetings.id, meetingAgendaItems.meetingId))
      .where(
        and(
          eq(meetingAgendaItems.id, input.agendaItemId),
          eq(meetingAgendaItems.congressId, actor.congressId),
        ),
      );
    if (!found) throw invalidField('agendaItemId', '未知的议程', 'unknown agenda item', 'unknown');
    const { item, meeting } = found;
    if (item.kind !== 'report')
      throw invalidField('agendaItemId', '该议程不是工作报告', 'the item is not a work report', 'not_report');
    // Heard once the meeting has begun, or on a day already past (a meeting held before it was kept here).
    if (meeting.status === 'planned' && meeting.startDate >= today())
      throw conflict('not_heard', {
        zh: '会议尚未举行，报告还未听取',
        en: 'The meeting has not begun: the report has not been heard yet',
      });
    const [existing] = await w.db
      .select({ id: oversightReports.id })
      .from(oversightReports)
      .where(eq(oversightReports.agendaItemId, item.id));
    if (existing)
      throw conflict('exists', { zh: '该报告已在监督中', en: 'This report is already followed' }, existing);
    const row = {
      id: newId(),
      congressId: actor.congressId,
      meetingId: meeting.id,
      agendaItemId: item.id,
      organ: input.organ,
      title: item.title,
      heardOn: meeting.startDate,
    };
    await w.db.insert(oversightReports).values(row);
    await w.audit({
      action: 'oversightReport.open',
      entityType: 'oversightReport',
      entityId: row.id,
      congressId: actor.congressId,
      after: { ...row, status: 'heard' },
    });
    return { id: row.id };
  });
}

/** One step of the loop on a report: load, authorize, move the status, write, audit. */
function loopStep<Out>(
  ctx: Ctx,
  id: string,
  action: OversightStep,
  auditAction: string,
  write: (w: Work, r: Row, to: string) => Promise<{ result: Out; after: Record<string, unknown> }>,
) {
  return step(ctx, {
    policy: oversightPolicy,
    action,
    load: (w, actor) => load(w, actor, id),
    transition: ({ row }) => ({ from: row.status, to: nextOversightStatus(row.status, action) }),
    async write({ w, row, to }) {
      const { result, after } = await write(w, row, to!);
      return {
        result,
        audit: {
          action: auditAction,
          entityType: 'oversightReport',
          entityId: row.id,
          congressId: row.congressId,
          after,
        },
      };
    },
  });
}

export const sendOpinions = (ctx: Ctx, id: string, input: { opinions: string; sentOn?: string }) =>
  loopStep(ctx, id, 'sendOpinions', 'oversightReport.sendOpinions', async (w, r) => {
    const sentOn = input.sentOn ?? today();
    checkDay('sentOn', sentOn, r.heardOn);
    const { handlingReportMonths } = await readMeetingsSettings(w.db, r.congressId);
    const dueOn = handlingReportDue(sentOn, handlingReportMonths);
    const set = {
      status: 'opinionsSent' as const,
      opinions: input.opinions,
      opinionsSentOn: sentOn,
      handlingDueOn: dueOn,
    };
    await w.db.update(oversightReports).set(set).where(eq(oversightReports.id, r.id));
    return { result: { id: r.id, handlingDueOn: dueOn }, after: { ...set, months: handlingReportMonths } };
  });

export const recordHandlingReport = (ctx: Ctx, id: string, input: { summary: string; receivedOn?: string }) =>
  loopStep(ctx, id, 'recordHandlingReport', 'oversightReport.recordHandlingReport', async (w, r) => {
    const receivedOn = input.receivedOn ?? today();
    checkDay('receivedOn', receivedOn, r.opinionsSentOn);
    const late = isHandlingLate(r.handlingDueOn, receivedOn, today());
    const set = {
      status: 'handled' as const,
      handlingSummary: input.summary,
      handlingReceivedOn: receivedOn,
    };
    await w.db.update(oversightReports).set(set).where(eq(oversightReports.id, r.id));
    return { result: { id: r.id, late }, after: { ...set, late } };
  });

export const putSatisfactionVote = (ctx: Ctx, id: string, meetingId: string) =>
  loopStep(ctx, id, 'putSatisfactionVote', 'oversightReport.putSatisfactionVote', async (w, r) => {
    if (r.satisfactionItemId)
      throw conflict('satisfaction_exists', {
        zh: '已安排满意度测评',
        en: 'A satisfaction vote is already on an agenda',
      });
    const [m] = await w.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.id, meetingId), eq(meetings.congressId, r.congressId)))
      .for('update');
    if (!m) throw notFound({ zh: '会议', en: 'meeting' });
    if (m.body !== 'standingCommittee')
      throw conflict('wrong_body', {
        zh: '满意度测评由常委会会议进行',
        en: 'A satisfaction vote is taken by a meeting of the standing committee',
      });
    if (m.status === 'closed') throw wrongState(m.status);
    const settings = await readMeetingsSettings(w.db, r.congressId);
    const [p] = await w.db
      .select({ max: sql<number | null>`max(${meetingAgendaItems.position})` })
      .from(meetingAgendaItems)
      .where(eq(meetingAgendaItems.meetingId, m.id));
    const item = {
      id: newId(),
      congressId: r.congressId,
      meetingId: m.id,
      position: (p?.max ?? 0) + 1,
      kind: 'other' as const,
      title: `对${r.organ}关于${r.title.replace(/^听取/, '')}审议意见研究处理情况报告的满意度测评`,
      secret: settings.secretKinds.includes('other'),
    };
    await w.db.insert(meetingAgendaItems).values(item);
    await w.db
      .update(oversightReports)
      .set({ satisfactionItemId: item.id })
      .where(eq(oversightReports.id, r.id));
    return { result: { agendaItemId: item.id }, after: { meetingId: m.id, item } };
  });

export const openFollowUp = (ctx: Ctx, id: string, plan: string) =>
  loopStep(ctx, id, 'followUp', 'oversightReport.followUp', async (w, r) => {
    await w.db
      .update(oversightReports)
      .set({ status: 'followUp', followUpPlan: plan })
      .where(eq(oversightReports.id, r.id));
    return { result: { id: r.id, status: 'followUp' }, after: { followUpPlan: plan } };
  });
