// The loop of a work report (监督法 Art. 17): heard at a meeting → the members' deliberation opinions (审议意见)
// sent to the organ → its handling report (研究处理情况报告) within the deadline → optionally a satisfaction vote
// (满意度测评) on it, put to the standing committee by the chairpersons' meeting → follow-up supervision (跟踪监督).
// Pure: the status machine, the deadline, the schemas.
import { z } from 'zod';
import { addMonths } from '../calendar';

export const OVERSIGHT_STATUSES = [
  'heard',
  'opinionsSent',
  'handled',
  'satisfied',
  'notSatisfied',
  'followUp',
] as const;
export type OversightStatus = (typeof OVERSIGHT_STATUSES)[number];

/**
 * heard → (opinions sent) → opinionsSent → (the organ's handling report) → handled → (a satisfaction vote put
 * on a meeting's agenda and closed) → satisfied | notSatisfied; from handled or either result, follow-up
 * supervision may be opened (跟踪监督). A vote on satisfaction is optional: a handled report may be followed up
 * directly.
 */
export const OVERSIGHT_TRANSITIONS = {
  sendOpinions: { from: ['heard'], to: 'opinionsSent' },
  recordHandlingReport: { from: ['opinionsSent'], to: 'handled' },
  putSatisfactionVote: { from: ['handled'], to: null },
  followUp: { from: ['handled', 'satisfied', 'notSatisfied'], to: 'followUp' },
} as const satisfies Record<string, { from: readonly OversightStatus[]; to: OversightStatus | null }>;
export type OversightStep = keyof typeof OVERSIGHT_TRANSITIONS;

export function nextOversightStatus(status: OversightStatus, step: OversightStep): OversightStatus | null {
  const t = OVERSIGHT_TRANSITIONS[step];
  if (!(t.from as readonly OversightStatus[]).includes(status)) return null;
  return t.to ?? status;
}

/**
 * Months the organ has to report how it handled the opinions. The national law sets none (监督法 Art. 17;
 * LEGAL-RULES.md §4): provinces set 2 (Shaanxi, Hebei), 3 (Jilin, Hainan) or 6 (Jiangsu, Hubei). The default is
 * the shortest; a setting (meetingsSettingsSchema.handlingReportMonths).
 */
export const DEFAULT_HANDLING_REPORT_MONTHS = 2;

/** The day the handling report is due: `months` after the opinions were sent. */
export const handlingReportDue = (sentOn: string, months: number): string => addMonths(sentOn, months);

/** Late: received after its due day; or, not yet received, due before today. */
export const isHandlingLate = (dueOn: string | null, receivedOn: string | null, today: string): boolean =>
  dueOn !== null && (receivedOn ? receivedOn > dueOn : today > dueOn);

/**
 * A satisfaction vote (满意度测评) counts like every vote of the standing committee: satisfied when MORE than
 * half of ALL members vote yes (satisfied); anything less is "not satisfied" (the usual local rule, following
 * 地方组织法 Art. 51's majority).
 */
export const satisfactionOf = (passed: boolean): OversightStatus => (passed ? 'satisfied' : 'notSatisfied');

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();

/** A report heard at a meeting (an agenda item of kind `report`), opened as an oversight loop. */
export const openOversightSchema = z.strictObject({
  agendaItemId: z.uuid(),
  /** The organ that reported (区人民政府, 区人民法院…). */
  organ: text(120),
});

export const sendOpinionsSchema = z.strictObject({
  /** The deliberation opinions as compiled from the members' speeches. */
  opinions: text(20000),
  sentOn: isoDate.optional(),
});

export const handlingReportSchema = z.strictObject({
  summary: text(20000),
  receivedOn: isoDate.optional(),
});

export const satisfactionVoteSchema = z.strictObject({ meetingId: z.uuid() });

export const followUpSchema = z.strictObject({ plan: text(4000) });

export const oversightQuerySchema = z.object({
  status: z.enum(OVERSIGHT_STATUSES).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
