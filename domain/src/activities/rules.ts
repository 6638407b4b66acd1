// The rules of deputies' activities, campaigns and the deputy's record (代表履职档案), each once. The law asks
// the standing committee to record deputies' performance and publish it (代表法 2025 Art. 58 ¶2: "记录代表履职
// 情况 … 公示代表基本信息和履职信息"); it sets no numbers for check-in windows or duty points, so every number
// here is only the default of a per-congress setting (activitiesSettingsSchema): practice varies by locality.
import { z } from 'zod';

/**
 * The kinds of activity (GLOSSARY: 视察 inspection, 调研 investigation, 执法检查 lawEnforcementInspection,
 * 议事会 council, 大讲堂 lecture, 论坛 forum, 接待 reception, 联合活动 jointActivity, 选民代表会议
 * voterRepresentativesMeeting, 述职 reportToVoters). The congress may narrow or extend them (settings.kinds).
 */
export const DEFAULT_ACTIVITY_KINDS = [
  'inspection',
  'investigation',
  'lawEnforcementInspection',
  'council',
  'lecture',
  'forum',
  'reception',
  'jointActivity',
  'voterRepresentativesMeeting',
  'reportToVoters',
  'other',
] as const;

/** Who organises an activity: the standing committee, a working committee, a street working committee, a liaison place. */
export const ORGANISER_KINDS = [
  'standingCommittee',
  'workingCommittee',
  'streetWorkingCommittee',
  'liaisonPlace',
] as const;
export type OrganiserKind = (typeof ORGANISER_KINDS)[number];

/** The campaigns of the report: the activity month (代表活动月), the enterprise visits (走访调研企业), others. */
export const CAMPAIGN_KINDS = ['activityMonth', 'enterpriseVisits', 'other'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

/** A deputy's answer to an invitation: none yet, coming, or leave of absence (请假) with a reason. */
export const RSVP_ANSWERS = ['pending', 'accepted', 'onLeave'] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

/** How an attendance was recorded: the staff's sign-in sheet, or the deputy's own check-in on the phone. */
export const ATTENDANCE_VIAS = ['sheet', 'checkIn'] as const;
export type AttendanceVia = (typeof ATTENDANCE_VIAS)[number];

/**
 * The check-in window, minutes before the start and after the end: local practice (no statute). Default: from
 * 30 minutes before the start to the end.
 */
export const DEFAULT_CHECK_IN_WINDOW = { minutesBefore: 30, minutesAfter: 0 } as const;

/** Whether a check-in must carry the token of the place's QR code (the demo does not ask for it). */
export const DEFAULT_REQUIRE_CHECK_IN_TOKEN = false;

/** The kinds of work counted in a deputy's record, each from its own module's data. */
export const RECORD_WORK_KINDS = [
  'suggestions',
  'receptions',
  'activities',
  'meetingsAttended',
  'firmVisits',
  'pledgesFulfilled',
] as const;
export type RecordWorkKind = (typeof RECORD_WORK_KINDS)[number];

/**
 * Duty points (履职积分) per unit of each kind of work: a local scoring scheme, never a statute, so only the
 * default of the setting `pointsPerUnit`. Shown beside the score on the record.
 */
export const DEFAULT_POINTS_PER_UNIT: Record<RecordWorkKind, number> = {
  suggestions: 5,
  receptions: 3,
  activities: 2,
  meetingsAttended: 2,
  firmVisits: 2,
  pledgesFulfilled: 3,
};

export interface PointsLine {
  kind: RecordWorkKind;
  count: number;
  perUnit: number;
  points: number;
}

/** The duty points of a year's counts under the rules: each kind's count times its points, and the total. */
export function dutyPoints(
  counts: Record<RecordWorkKind, number>,
  perUnit: Record<RecordWorkKind, number>,
): { lines: PointsLine[]; total: number } {
  const lines = RECORD_WORK_KINDS.map((kind) => {
    const count = Math.max(0, Math.trunc(counts[kind] ?? 0));
    const unit = perUnit[kind] ?? 0;
    return { kind, count, perUnit: unit, points: count * unit };
  });
  return { lines, total: lines.reduce((a, l) => a + l.points, 0) };
}

/** Whether `at` falls in an activity's check-in window (the window's edges included). */
export function inCheckInWindow(
  at: Date,
  activity: { startsAt: Date; endsAt: Date },
  window: { minutesBefore: number; minutesAfter: number },
): boolean {
  const open = activity.startsAt.getTime() - window.minutesBefore * 60_000;
  const close = activity.endsAt.getTime() + window.minutesAfter * 60_000;
  const t = at.getTime();
  return t >= open && t <= close;
}

/**
 * The activity month's sentence, as the report writes it ("组织各级人大代表参加活动N人次，开展各类活动N场，
 * 接待群众N人次，收集群众意见建议N件，已解决N件"), from the computed figures only.
 */
export function activityMonthSentence(
  r: { activities: number; attendances: number; received: number; opinions: number; solved: number },
  lang: 'zh' | 'en' = 'zh',
): string {
  if (lang === 'en')
    return (
      `Deputies at all levels took part in activities ${r.attendances} times; ${r.activities} activities were held; ` +
      `${r.received} people were received; ${r.opinions} opinions and suggestions were collected, of which ${r.solved} were solved.`
    );
  return (
    `组织各级人大代表参加活动${r.attendances}人次，开展各类活动${r.activities}场，` +
    `接待群众${r.received}人次，收集群众意见建议${r.opinions}件，已解决${r.solved}件`
  );
}

const kindCode = z.string().regex(/^[a-z][A-Za-z0-9]{1,39}$/, 'a camelCase code');
const minutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);

/** The module's per-congress settings (GET/PUT /api/v1/settings/activities). */
export const activitiesSettingsSchema = z.object({
  /** The kinds of activity this congress records (at least one). */
  kinds: z
    .array(kindCode)
    .min(1)
    .max(40)
    .default([...DEFAULT_ACTIVITY_KINDS])
    .refine((k) => new Set(k).size === k.length, { message: 'duplicate kind' }),
  checkInWindow: z
    .object({
      minutesBefore: minutes.default(DEFAULT_CHECK_IN_WINDOW.minutesBefore),
      minutesAfter: minutes.default(DEFAULT_CHECK_IN_WINDOW.minutesAfter),
    })
    .prefault({}),
  requireCheckInToken: z.boolean().default(DEFAULT_REQUIRE_CHECK_IN_TOKEN),
  pointsPerUnit: z
    .object({
      suggestions: z.number().int().min(0).max(100).default(DEFAULT_POINTS_PER_UNIT.suggestions),
      receptions: z.number().int().min(0).max(100).default(DEFAULT_POINTS_PER_UNIT.receptions),
      activities: z.number().int().min(0).max(100).default(DEFAULT_POINTS_PER_UNIT.activities),
      meetingsAttended: z.number().int().min(0).max(100).default(DEFAULT_POINTS_PER_UNIT.meetingsAttended),
      firmVisits: z.number().int().min(0).max(100).default(DEFAULT_POINTS_PER_UNIT.firmVisits),
      pledgesFulfilled: z.number().int().min(0).max(100).default(DEFAULT_POINTS_PER_UNIT.pledgesFulfilled),
    })
    .prefault({}),
  /**
   * The duty-points ranking is for staff and leaders; whether a deputy may see their own place in it (never the
   * others', never the public: a ranking published would turn the record into a league table).
   */
  deputiesSeeOwnRank: z.boolean().default(false),
});
export type ActivitiesSettings = z.infer<typeof activitiesSettingsSchema>;

/** The instant a day (YYYY-MM-DD) begins in Shanghai: campaigns and years are counted in the district's time. */
export const shanghaiDayStart = (day: string): Date => new Date(`${day}T00:00:00+08:00`);

/** A campaign's period [from, the day after to) and a year's, as instants. */
export function periodOf(fromDay: string, toDay: string): { from: Date; to: Date } {
  const to = shanghaiDayStart(toDay);
  to.setUTCDate(to.getUTCDate() + 1);
  return { from: shanghaiDayStart(fromDay), to };
}

/** The activity month of the report (7–8月), and the most recent one wholly past on `today` (YYYY-MM-DD). */
export function latestActivityMonth(today: string): { year: number; from: string; to: string } {
  const y = Number(today.slice(0, 4));
  const year = today.slice(5) >= '09-01' ? y : y - 1;
  return { year, from: `${year}-07-01`, to: `${year}-08-31` };
}

/**
 * The enterprise visits' sentence, as the report writes it ("走访企业N家，发放问卷N份，收集问题和建议N条"), with
 * how many are solved, from the computed figures only.
 */
export function enterpriseVisitsSentence(
  r: { firmsVisited: number; questionnaires: number; issues: number; issuesSolved: number },
  lang: 'zh' | 'en' = 'zh',
): string {
  if (lang === 'en')
    return (
      `Deputies visited ${r.firmsVisited} firms and filled ${r.questionnaires} questionnaires; ` +
      `${r.issues} problems and suggestions were collected, of which ${r.issuesSolved} were solved.`
    );
  return `走访企业${r.firmsVisited}家，发放问卷${r.questionnaires}份，收集问题和建议${r.issues}条，已解决${r.issuesSolved}条`;
}
