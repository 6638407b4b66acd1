// The legal numbers of the suggestion and motion lifecycle, each once, with its source (LEGAL-RULES.md §1, §3, §7, §9).
// Where practice varies by jurisdiction the number is a per-congress setting whose default is given here.
import { z } from 'zod';

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
/** 上海规定 Art. 21 and other provinces' 实施办法 (§7): a dissatisfied item is answered again within 1 month. */
export const REHANDLING_REPLY_MONTHS = 1;
/** §7: one re-handling round; a second dissatisfied rating is recorded and reported, not sent round again. */
export const MAX_REHANDLING_ROUNDS = 1;
/** 代表法 Art. 51 ¶2 "与代表联系沟通，充分听取意见": by default a reply needs at least one logged contact. */
export const REQUIRE_CONTACT_BEFORE_REPLY = true;
/** Reminders before the reply deadline, in working days (local practice). */
export const REMINDER_WORKING_DAYS_BEFORE = [10, 3] as const;
/** 地方组织法 (2022) Art. 22: a motion at a congress sitting needs 10 or more deputies (以上 includes 10). */
export const MOTION_MIN_DEPUTIES_IN_SITTING = 10;
/** 地方组织法 (2022) Art. 52: between sittings, 3 or more standing-committee members may submit a motion jointly. */
export const MOTION_MIN_STANDING_MEMBERS_BETWEEN_SITTINGS = 3;
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
export const suggestionSettingsSchema = z.object({
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
  motionMinDeputiesInSitting: z.number().int().min(1).default(MOTION_MIN_DEPUTIES_IN_SITTING),
  motionMinStandingMembersBetweenSittings: z
    .number()
    .int()
    .min(1)
    .default(MOTION_MIN_STANDING_MEMBERS_BETWEEN_SITTINGS),
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
});
export type SuggestionSettings = z.infer<typeof suggestionSettingsSchema>;
export const SUGGESTION_SETTINGS_KEY = 'suggestions';

/** Months allowed from assignment: 3, or 6 with an approved extension (Art. 51 ¶2). */
export const replyMonthsFor = (
  s: Pick<SuggestionSettings, 'replyMonths' | 'extendedReplyMonths'>,
  extended: boolean,
) => (extended ? s.extendedReplyMonths : s.replyMonths);

/** Motion threshold: 10 deputies at a sitting (Art. 22), 3 standing-committee members between sittings (Art. 52). */
export function motionThreshold(
  s: Pick<SuggestionSettings, 'motionMinDeputiesInSitting' | 'motionMinStandingMembersBetweenSittings'>,
  inSitting: boolean,
): { min: number; who: 'deputies' | 'standingCommitteeMembers' } {
  return inSitting
    ? { min: s.motionMinDeputiesInSitting, who: 'deputies' }
    : { min: s.motionMinStandingMembersBetweenSittings, who: 'standingCommitteeMembers' };
}

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
