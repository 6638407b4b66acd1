// The legal numbers of the suggestion and motion lifecycle, each once, with its source (LEGAL-RULES.md §1, §3, §7, §9).
// Where practice varies by jurisdiction the number is a per-congress setting whose default is given here.
import { z } from 'zod';
import type { CongressLevel } from '../registry';

/** 代表法 (2025) Art. 51 ¶2: reply within 3 months of the date of assignment (自交办之日起三个月内). */
export const REPLY_MONTHS = 3;
/** 代表法 (2025) Art. 51 ¶2: "涉及面广、处理难度大" items within 6 months of assignment; approval by the assigning body is local practice (§7). */
export const EXTENDED_REPLY_MONTHS = 6;
/** Local practice (§7): assignment within 5 working days of receipt in one city, 7 in Shanghai (上海规定 Art. 11). Default 5. */
export const ASSIGN_WITHIN_WORKING_DAYS = 5;
/** Local practice (§7, 上海规定 Art. 14): a unit that is not competent asks to hand the item back within 7 working days; configurable 3–7. */
export const HAND_BACK_WITHIN_WORKING_DAYS = 7;
export const HAND_BACK_WINDOW_MIN = 3;
export const HAND_BACK_WINDOW_MAX = 7;
/** 上海规定 Art. 21, 浙江 Art. 24 (local rule, §11): a dissatisfied item is answered again within 1 month of the 代表工委's study. */
export const REHANDLING_REPLY_MONTHS = 1;
/** §7: one re-handling round; a second dissatisfied rating is recorded and reported, not sent round again. */
export const MAX_REHANDLING_ROUNDS = 1;
/** 代表法 Art. 51 ¶2 "与代表联系沟通，充分听取意见": by default a reply needs at least one logged contact. */
export const REQUIRE_CONTACT_BEFORE_REPLY = true;
/** Reminders before the reply deadline, in working days (local practice). */
export const REMINDER_WORKING_DAYS_BEFORE = [10, 3] as const;
/**
 * Motions (议案) by the congress's level, 地方组织法 (2022). At a sitting (Art. 22): 10 or more deputies of a
 * county-level or higher local congress (a district is county-level), 5 or more of a township congress; the
 * presidium (主席团) decides whether to put it on the agenda. Between sittings (Art. 52): 5 or more
 * standing-committee members at province and city level, 3 or more at county level; the chairpersons' meeting
 * (主任会议) decides. A township congress has no standing committee, so it takes no motion between sittings.
 * 以上 includes the number itself (LEGAL-RULES §3, §11). The NPC's row (30 deputies or a delegation, LEGAL-RULES §11;
 * 10 standing-committee members, unverified) is the NPC Organic Law's, given only so that every level has a row.
 */
export const MOTION_THRESHOLDS_BY_LEVEL: Readonly<
  Record<CongressLevel, { sittingDeputies: number; standingCommitteeMembers: number | null }>
> = {
  national: { sittingDeputies: 30, standingCommitteeMembers: 10 },
  province: { sittingDeputies: 10, standingCommitteeMembers: 5 },
  city: { sittingDeputies: 10, standingCommitteeMembers: 5 },
  district: { sittingDeputies: 10, standingCommitteeMembers: 3 },
  township: { sittingDeputies: 5, standingCommitteeMembers: null },
};

/**
 * Who may put a motion (议案来源). Deputies (or standing-committee members) jointly, or a body, which needs no
 * co-signers. At a sitting (地方组织法 Art. 22): the presidium, the standing committee, the special committees and
 * the people's government of the same level; at a township sitting only the presidium and the government.
 * Between sittings (Art. 52): the chairpersons' meeting, the government and the special committees.
 */
export const MOTION_SOURCES = [
  'deputies',
  'presidium',
  'standingCommittee',
  'specialCommittee',
  'government',
  'chairpersonsMeeting',
] as const;
export type MotionSource = (typeof MOTION_SOURCES)[number];
/** The body deciding a motion: the presidium at a sitting (Art. 22), the chairpersons' meeting between sittings (Art. 52). */
export const MOTION_DECISION_BODIES = ['presidium', 'chairpersonsMeeting'] as const;
export type MotionDecisionBody = (typeof MOTION_DECISION_BODIES)[number];

/**
 * 民法典 Art. 203 ¶1, applied by analogy: a period whose last day is a statutory holiday ends on the day after the
 * holiday. A reply deadline counted in calendar months that ends on a rest day moves to the next working day.
 * The 代表法 says nothing on it, so it is a setting (on by default).
 */
export const MONTH_DEADLINE_MOVES_TO_WORKING_DAY = true;
/**
 * 上海规定 Art. 19: an extension is applied for by the handling unit with its reason, approved by the congress's
 * working body, and told to the deputy. Local rule (the 代表法 only says 6 months, Art. 51 ¶2).
 * After a hand-back (上海规定 Art. 14) and re-assignment a normal period (never an extended one) starts from the
 * re-assignment, as the December 2026 review asks (issue 16 §3); the statute says nothing on it, and some
 * congresses keep the clock running from the first assignment: a setting. The first assignment date stays visible.
 */
export const REASSIGNMENT_CLOCKS = ['fromReassignment', 'fromFirstAssignment'] as const;
export const REASSIGNMENT_CLOCK: (typeof REASSIGNMENT_CLOCKS)[number] = 'fromReassignment';
/**
 * Re-handling after a dissatisfied rating is local rule, not the 2025 代表法: 上海规定 Art. 21 (the deputy states
 * the specific reasons; the 代表工委 studies them; re-handling is answered within 1 month) and 浙江 Art. 24.
 * `staffReview`: congress staff (代表工委) decide whether it goes back to the unit; `automatic`: it goes back at once.
 */
export const REHANDLING_REVIEWS = ['staffReview', 'automatic'] as const;
export const REHANDLING_REVIEW: (typeof REHANDLING_REVIEWS)[number] = 'staffReview';
/** 上海规定 Art. 21 (local rule): a dissatisfied rating states its specific reasons, which the 代表工委 studies. */
export const DISSATISFIED_REASON_REQUIRED = true;
/** §7 (上海规定 Art. 22): items answered B or C stay in follow-up (跟踪办理) until reported solved. */
export const FOLLOW_UP_CATEGORIES = ['B', 'C'] as const;

/** Local practice: published replies name the proposing deputy (configurable; see publicRepliesShowProposer). */
export const PUBLIC_REPLIES_SHOW_PROPOSER = true;

/** §7: the NPC's result categories, marked at the top right of the reply's first page. Configurable per congress. */
export const DEFAULT_REPLY_CATEGORIES = [
  { code: 'A', zh: '所提问题已经解决或者基本解决', en: 'Solved or basically solved' },
  { code: 'B', zh: '正在解决或者列入规划逐步解决', en: 'Being solved, or planned' },
  { code: 'C', zh: '因目前条件限制或者其他原因需待以后解决', en: 'To be solved later' },
  { code: 'D', zh: '留作参考', en: 'Kept for reference' },
] as const;

/** Topic categories deputies choose from (the handling report counts by them). Configurable per congress. */
export const DEFAULT_SUGGESTION_CATEGORIES = [
  { code: 'urbanConstruction', zh: '城市建设与管理', en: 'Urban construction and management' },
  { code: 'transport', zh: '交通出行', en: 'Transport' },
  { code: 'education', zh: '教育', en: 'Education' },
  { code: 'health', zh: '医疗卫生', en: 'Health' },
  { code: 'economy', zh: '经济发展', en: 'Economic development' },
  { code: 'environment', zh: '生态环境', en: 'Environment' },
  { code: 'socialSecurity', zh: '社会保障与民生', en: 'Social security and livelihood' },
  { code: 'publicSafety', zh: '公共安全', en: 'Public safety' },
  { code: 'culture', zh: '文化体育', en: 'Culture and sport' },
  { code: 'governance', zh: '基层治理', en: 'Community governance' },
] as const;

const categoryEntry = z.object({
  code: z.string().min(1).max(40),
  zh: z.string().min(1),
  en: z.string().min(1),
});

/** Per-congress settings (module key `suggestions`); every field defaults to the rule above. */
export const suggestionSettingsSchema = z
  .object({
    replyMonths: z.number().int().min(1).max(REPLY_MONTHS).default(REPLY_MONTHS),
    extendedReplyMonths: z.number().int().min(1).max(EXTENDED_REPLY_MONTHS).default(EXTENDED_REPLY_MONTHS),
    assignWithinWorkingDays: z.number().int().min(1).max(30).default(ASSIGN_WITHIN_WORKING_DAYS),
    handBackWithinWorkingDays: z
      .number()
      .int()
      .min(HAND_BACK_WINDOW_MIN)
      .max(HAND_BACK_WINDOW_MAX)
      .default(HAND_BACK_WITHIN_WORKING_DAYS),
    rehandlingReplyMonths: z.number().int().min(1).max(3).default(REHANDLING_REPLY_MONTHS),
    maxRehandlingRounds: z.number().int().min(0).max(3).default(MAX_REHANDLING_ROUNDS),
    requireContactBeforeReply: z.boolean().default(REQUIRE_CONTACT_BEFORE_REPLY),
    reminderWorkingDaysBefore: z
      .array(z.number().int().min(1).max(60))
      .default([...REMINDER_WORKING_DAYS_BEFORE]),
    /** 民法典 Art. 203 by analogy: a month deadline ending on a rest day moves to the next working day. */
    monthDeadlineMovesToWorkingDay: z.boolean().default(MONTH_DEADLINE_MOVES_TO_WORKING_DAY),
    /** After a hand-back, the reply clock restarts at the re-assignment (normal period) or keeps running from the first. */
    reassignmentClock: z.enum(REASSIGNMENT_CLOCKS).default(REASSIGNMENT_CLOCK),
    /** 上海规定 Art. 21: whether a dissatisfied item goes back to the unit after staff review or at once. */
    rehandlingReview: z.enum(REHANDLING_REVIEWS).default(REHANDLING_REVIEW),
    replyCategories: z
      .array(categoryEntry)
      .min(1)
      .default(DEFAULT_REPLY_CATEGORIES.map((c) => ({ ...c }))),
    followUpCategories: z.array(z.string()).default([...FOLLOW_UP_CATEGORIES]),
    suggestionCategories: z
      .array(categoryEntry)
      .min(1)
      .default(DEFAULT_SUGGESTION_CATEGORIES.map((c) => ({ ...c }))),
    /** Publish replies on the public site (policy decision of the congress; Art. 51 ¶3 requires the handling report to be public). */
    publishReplies: z.boolean().default(false),
    /**
     * Name the proposing deputy on published replies. Deputies' names are public (they are elected), and most
     * congresses title a published reply "对X代表第N号建议的答复"; some publish by number only. Co-signers and any
     * other personal data are never published.
     */
    publicRepliesShowProposer: z.boolean().default(PUBLIC_REPLIES_SHOW_PROPOSER),
  })
  .superRefine((s, ctx) => {
    // An extended limit shorter than the normal one would cut the unit's time (代表法 Art. 51 ¶2: 3, or 6 months).
    if (s.extendedReplyMonths < s.replyMonths)
      ctx.addIssue({
        code: 'custom',
        path: ['extendedReplyMonths'],
        message: 'must not be shorter than replyMonths',
        input: s.extendedReplyMonths,
      });
  });
export type SuggestionSettings = z.infer<typeof suggestionSettingsSchema>;
export const SUGGESTION_SETTINGS_KEY = 'suggestions';

/** Months allowed from assignment: 3, or 6 with an approved extension (Art. 51 ¶2). */
export const replyMonthsFor = (
  s: Pick<SuggestionSettings, 'replyMonths' | 'extendedReplyMonths'>,
  extended: boolean,
) => (extended ? s.extendedReplyMonths : s.replyMonths);

/**
 * The co-signers a motion needs, by level: deputies at a sitting (Art. 22), standing-committee members between
 * sittings (Art. 52); null when the congress takes no motion then (a township between sittings).
 */
export function motionThreshold(
  level: CongressLevel,
  inSitting: boolean,
): { min: number; who: 'deputies' | 'standingCommitteeMembers' } | null {
  const row = MOTION_THRESHOLDS_BY_LEVEL[level];
  if (inSitting) return { min: row.sittingDeputies, who: 'deputies' };
  return row.standingCommitteeMembers === null
    ? null
    : { min: row.standingCommitteeMembers, who: 'standingCommitteeMembers' };
}

/** The bodies that may put a motion at this level, at a sitting or between sittings (Art. 22, 52). */
export function motionBodySources(level: CongressLevel, inSitting: boolean): MotionSource[] {
  if (level === 'township') return inSitting ? ['presidium', 'government'] : [];
  return inSitting
    ? ['presidium', 'standingCommittee', 'specialCommittee', 'government']
    : ['chairpersonsMeeting', 'specialCommittee', 'government'];
}

/** Who decides a motion: the presidium if it was made at a sitting, else the chairpersons' meeting. */
export const motionDecisionBody = (madeAtSitting: boolean): MotionDecisionBody =>
  madeAtSitting ? 'presidium' : 'chairpersonsMeeting';

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1–99 in Chinese numerals, as in 第七届、第十二届、二次会议. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

/** 第七届二次会议第0091号 during a sitting; 第七届闭会期间第0001号 between sittings. */
export function formatSuggestionNumber(
  termNumber: number | null,
  sittingNumber: number | null,
  seq: number,
  kind: 'suggestion' | 'motion' = 'suggestion',
): string {
  const term = termNumber === null ? '' : `第${chineseNumeral(termNumber)}届`;
  const where = sittingNumber === null ? '闭会期间' : `${chineseNumeral(sittingNumber)}次会议`;
  const prefix = kind === 'motion' ? '议案' : '';
  return `${term}${where}${prefix}第${String(seq).padStart(4, '0')}号`;
}
