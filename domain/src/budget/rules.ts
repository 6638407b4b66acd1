// The legal numbers of budget review and supervision, each once, with the article it comes from
// (shared/guide/LEGAL-RULES.md §4 监督法, §5 预算法), money as exact integer fen, the classification codes,
// and the ten warning rules as pure functions. Where practice varies (every warning threshold is practice, not
// statute, except the 1–3% reserve and the transfer and publication days) the number is only the default of a
// per-congress setting (budgetSettingsSchema).
import { z } from 'zod';
import { addCalendarDays, isWorkingDay, type CalendarExceptions, type IsoDate } from '../calendar';

// ----- money: decimal yuan strings ↔ integer fen (bigint), never a float -----

/** A non-negative amount in yuan with at most two decimals, as the Contract writes it ("1200000.00"). */
export const MONEY_PATTERN = /^(0|[1-9]\d{0,14})(\.\d{1,2})?$/;

/** Fen (分) of a yuan string, or null when it is not a well-formed non-negative amount. */
export function parseYuan(text: string): bigint | null {
  const s = text.trim();
  if (!MONEY_PATTERN.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  return BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
}

/** The yuan string of an amount in fen, always with two decimals ("0.30"). */
export function formatFen(fen: bigint): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${(abs / 100n).toString()}.${cents}`;
}

/** Sums amounts in fen exactly. */
export const sumFen = (amounts: readonly bigint[]): bigint => amounts.reduce((a, b) => a + b, 0n);

/** A rate in percent with one decimal, rounded half up, as a display string ("37.5"); "0.0" when the base is 0. */
export function ratePercent(part: bigint, whole: bigint): string {
  if (whole <= 0n) return '0.0';
  const tenths = (part * 2000n + whole) / (2n * whole); // round half up of part*1000/whole
  return `${tenths / 10n}.${tenths % 10n}`;
}

export const moneySchema = z
  .string()
  .trim()
  .regex(MONEY_PATTERN, 'a non-negative amount in yuan with at most two decimals, e.g. "1200000.00"');

// ----- the four budgets (全口径) -----

/** 一般公共预算、政府性基金预算、国有资本经营预算、社会保险基金预算 (预算法 Art. 5). */
export const BUDGET_KINDS = ['general', 'governmentFund', 'stateCapital', 'socialInsurance'] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];

// ----- classification codes (政府收支分类科目) -----

/**
 * A classification code: 类 3 digits, 款 5, 项 7 (the 政府收支分类科目 layout). Expenditure by function starts with
 * 2 (201 一般公共服务支出 … 232 债务付息支出); revenue with 1 (101 税收收入); basic expenditure by economic nature
 * with 3 (部门预算支出经济分类, 301 工资福利支出 …) or 5 (政府预算支出经济分类), and those go down to 款 only
 * (预算法 Art. 46: by function down to 项, basic expenditure by economic nature down to 款).
 */
export const CODE_PATTERN = /^[1235]\d{2}(\d{2}(\d{2})?)?$/;
export type CodeLevel = 'class' | 'section' | 'item';

/** Why a code is not a classification code, or null when it is one. */
export function codeProblem(code: string): { zh: string; en: string } | null {
  if (!/^\d+$/.test(code) || ![3, 5, 7].includes(code.length))
    return {
      zh: '科目编码应为 3、5 或 7 位数字（类、款、项）',
      en: 'the code must have 3, 5 or 7 digits (class, section, item)',
    };
  if (!CODE_PATTERN.test(code))
    return { zh: '科目编码应以 1、2、3 或 5 开头', en: 'the code must start with 1, 2, 3 or 5' };
  if ((code[0] === '3' || code[0] === '5') && code.length > 5)
    return {
      zh: '经济分类科目只细化到款（5 位）',
      en: 'economic classification goes down to the section (5 digits) only',
    };
  return null;
}

export const levelOf = (code: string): CodeLevel =>
  code.length === 3 ? 'class' : code.length === 5 ? 'section' : 'item';

/** The parent's code (款 → 类, 项 → 款), or null for a 类. */
export const parentCode = (code: string): string | null =>
  code.length > 3 ? code.slice(0, code.length - 2) : null;

/** Expenditure codes (function 2xx, economic 3xx / 5xx); 1xx is revenue. */
export const isExpenditureCode = (code: string) => code[0] !== '1';

export interface LineAmount {
  row: number;
  budget: BudgetKind;
  code: string;
  fen: bigint;
}

/**
 * Parent rows whose amount is not the sum of their children, where both are in the file (same budget):
 * the parent's row, its amount and the children's sum.
 */
export function parentTotalMismatches(lines: readonly LineAmount[]) {
  const byKey = new Map(lines.map((l) => [`${l.budget}:${l.code}`, l]));
  const sums = new Map<string, bigint>();
  for (const l of lines) {
    const p = parentCode(l.code);
    if (!p) continue;
    const key = `${l.budget}:${p}`;
    sums.set(key, (sums.get(key) ?? 0n) + l.fen);
  }
  const out: { row: number; code: string; amount: bigint; childrenSum: bigint }[] = [];
  for (const [key, sum] of sums) {
    const parent = byKey.get(key);
    if (parent && parent.fen !== sum)
      out.push({ row: parent.row, code: parent.code, amount: parent.fen, childrenSum: sum });
  }
  return out.sort((a, b) => a.row - b.row);
}

// ----- statutory dates -----

/**
 * 预算法 Art. 44 ¶4: the government submits the draft's preliminary plan to the standing committee "在本级人民代表
 * 大会会议举行的三十日前". CALENDAR days: the latest on-time day is the sitting date minus 30 calendar days, holidays
 * or not (a "before" period is not extended by a rest day).
 */
export const DRAFT_LEAD_DAYS = 30;
/** The latest on-time submission day of the draft (Art. 44, 30 calendar days before the sitting). */
export const draftDeadline = (sittingDate: IsoDate): IsoDate =>
  addCalendarDays(sittingDate, -DRAFT_LEAD_DAYS);
/** Whether a draft submitted on `submittedOn` is late (Art. 44). */
export const draftLate = (sittingDate: IsoDate, submittedOn: IsoDate): boolean =>
  submittedOn > draftDeadline(sittingDate);

/**
 * 预算法 Art. 14: the approved budget is published "在批准后二十日内" (and department budgets within 20 days of
 * 批复). CALENDAR days counted from the day after approval; when the 20th day is a rest day the period ends on the
 * next working day (民法典 Art. 203 ¶2, applied by analogy: an inference, hence the setting).
 */
export const PUBLICATION_DAYS = 20;
export function publicationDeadline(
  approvedOn: IsoDate,
  exceptions: CalendarExceptions,
  opts: { days?: number; rollOverRestDays?: boolean } = {},
): IsoDate {
  let d = addCalendarDays(approvedOn, opts.days ?? PUBLICATION_DAYS);
  if (opts.rollOverRestDays ?? true) while (!isWorkingDay(d, exceptions)) d = addCalendarDays(d, 1);
  return d;
}

/**
 * 预算法 Art. 52 ¶2: general transfers to lower levels are issued within 30 days, special transfers within 60 days
 * of the congress approving the budget. Calendar days.
 */
export const TRANSFER_DAYS = { general: 30, special: 60 } as const;
export type TransferKind = keyof typeof TRANSFER_DAYS;

/** 预算法 Art. 40: the reserve fund (预备费) is 1–3% of the general public budget's expenditure. */
export const RESERVE_PERCENT = { min: 1, max: 3 } as const;

/** 预算法 Art. 42: carry-overs unused for two consecutive years are managed as balances (结余). */
export const CARRY_OVER_IDLE_YEARS = 2;

/** 预备费 is function class 227 of the general public budget. */
export const RESERVE_CODE = '227';

/**
 * "三公" economic classification sections (部门预算支出经济分类): 30211 因公出国（境）费用, 30215 公务接待费,
 * 30231 公务用车运行维护费, 31013 公务用车购置. A setting: some places list only the first three.
 */
export const DEFAULT_SAN_GONG_CODES = ['30211', '30215', '30231', '31013'] as const;

// ----- warning rules -----

export const WARNING_RULES = [
  'behindSchedule',
  'yearEndRush',
  'offBudget',
  'overBudget',
  'sanGongOverBudget',
  'transferLate',
  'publicationLate',
  'reserveOutOfRange',
  'carryOverIdle',
  'revenueFalling',
] as const;
export type WarningRule = (typeof WARNING_RULES)[number];
export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The thresholds, per congress (all practice; the statutory ones above are the defaults). */
export const budgetSettingsSchema = z.object({
  /** behindSchedule: execution more than this many percentage points behind the elapsed share of the year (序时进度). */
  behindSchedulePoints: z.number().int().min(0).max(100).default(10),
  /** behindSchedule is not judged before this month (January figures say little). */
  behindScheduleFromMonth: z.number().int().min(1).max(12).default(3),
  /** yearEndRush: more than this percent of a line's year's spending in December. */
  yearEndRushPercent: z.number().int().min(1).max(100).default(50),
  /** offBudget: spending with no budget line above this many yuan (0: any). */
  offBudgetToleranceYuan: z.number().int().min(0).default(0),
  /** overBudget: spending above the line by more than this percent (0: any excess). */
  overBudgetTolerancePercent: z.number().int().min(0).max(100).default(0),
  sanGongCodes: z
    .array(z.string().regex(/^3\d{4}$/))
    .max(20)
    .default([...DEFAULT_SAN_GONG_CODES]),
  transferDays: z
    .object({
      general: z.number().int().min(1).max(365).default(TRANSFER_DAYS.general),
      special: z.number().int().min(1).max(365).default(TRANSFER_DAYS.special),
    })
    .prefault({}),
  publicationDays: z.number().int().min(1).max(120).default(PUBLICATION_DAYS),
  publicationRollsOverRestDays: z.boolean().default(true),
  reservePercent: z
    .object({
      min: z.number().min(0).max(100).default(RESERVE_PERCENT.min),
      max: z.number().min(0).max(100).default(RESERVE_PERCENT.max),
    })
    .prefault({}),
  carryOverIdleYears: z.number().int().min(1).max(10).default(CARRY_OVER_IDLE_YEARS),
  /** revenueFalling: revenue to date below last year's same months by more than this percent (0: any fall). */
  revenueFallPercent: z.number().int().min(0).max(100).default(0),
  /** Days a unit has to answer an inquiry on a warning, by default. */
  inquiryAnswerDays: z.number().int().min(1).max(90).default(15),
});
export type BudgetSettings = z.infer<typeof budgetSettingsSchema>;
export const DEFAULT_BUDGET_SETTINGS: BudgetSettings = budgetSettingsSchema.parse({});

/** A percentage as an exact fraction (n / d), so 2.5% compares without floating point. */
function percentFraction(p: number): [bigint, bigint] {
  const hundredths = Math.round(p * 100);
  return [BigInt(hundredths), 10000n];
}

/**
 * behindSchedule: after `month` months the elapsed share is month/12; the rule holds when the execution rate is
 * MORE than `points` percentage points below it: executed/budget < month/12 − points/100.
 */
export function behindSchedule(
  budgetFen: bigint,
  executedFen: bigint,
  month: number,
  points: number,
): boolean {
  if (budgetFen <= 0n || month < 1) return false;
  // 1200 · executed < budget · (100 · month − 12 · points)
  return 1200n * executedFen < budgetFen * BigInt(100 * month - 12 * points);
}

/** yearEndRush: December's spending is MORE than `percent` of the year's. */
export const yearEndRush = (decemberFen: bigint, yearFen: bigint, percent: number): boolean =>
  yearFen > 0n && decemberFen * 100n > yearFen * BigInt(percent);

/** offBudget: spending on a code with no budget line (none equal to it or above it) beyond the tolerance. */
export const offBudget = (spentFen: bigint, hasLine: boolean, toleranceFen: bigint): boolean =>
  !hasLine && spentFen > toleranceFen;

/** overBudget: spending MORE than the line plus `tolerancePercent` of it. */
export const overBudget = (budgetFen: bigint, executedFen: bigint, tolerancePercent: number): boolean =>
  executedFen * 100n > budgetFen * BigInt(100 + tolerancePercent);

/** sanGongOverBudget: "三公" spending above its budget (no tolerance: the 中央八项规定 practice). */
export const sanGongOverBudget = (budgetFen: bigint, executedFen: bigint): boolean => executedFen > budgetFen;

/**
 * transferLate: a transfer to a lower level not issued within its days of the budget's approval (Art. 52):
 * issued after the deadline, or not issued while `asOf` is past it.
 */
export function transferLate(
  approvedOn: IsoDate,
  kind: TransferKind,
  issuedOn: IsoDate | null,
  asOf: IsoDate,
  days: { general: number; special: number } = TRANSFER_DAYS,
): boolean {
  const deadline = addCalendarDays(approvedOn, days[kind]);
  return issuedOn ? issuedOn > deadline : asOf > deadline;
}

/** publicationLate: published after the Art. 14 deadline, or not yet and `asOf` is past it. */
export function publicationLate(
  approvedOn: IsoDate,
  publishedOn: IsoDate | null,
  asOf: IsoDate,
  exceptions: CalendarExceptions,
  opts: { days?: number; rollOverRestDays?: boolean } = {},
): boolean {
  const deadline = publicationDeadline(approvedOn, exceptions, opts);
  return publishedOn ? publishedOn > deadline : asOf > deadline;
}

/** reserveOutOfRange: the reserve fund below `min`% or above `max`% of the general budget's expenditure (Art. 40). */
export function reserveOutOfRange(
  reserveFen: bigint,
  expenditureFen: bigint,
  range: { min: number; max: number } = RESERVE_PERCENT,
): boolean {
  if (expenditureFen <= 0n) return false;
  const [minN, d] = percentFraction(range.min);
  const [maxN] = percentFraction(range.max);
  return reserveFen * d < expenditureFen * minN || reserveFen * d > expenditureFen * maxN;
}

/** carryOverIdle: a carry-over still unused after `years` years (Art. 42). */
export const carryOverIdle = (
  carriedFromYear: number,
  year: number,
  unusedFen: bigint,
  years: number = CARRY_OVER_IDLE_YEARS,
): boolean => unusedFen > 0n && year - carriedFromYear >= years;

/** revenueFalling: revenue to date MORE than `fallPercent` below last year's same months. */
export const revenueFalling = (thisYearFen: bigint, lastYearFen: bigint, fallPercent: number): boolean =>
  lastYearFen > 0n && thisYearFen * 100n < lastYearFen * BigInt(100 - fallPercent);

/** The severity each rule carries by default. */
export const RULE_SEVERITY: Record<WarningRule, Severity> = {
  behindSchedule: 'medium',
  yearEndRush: 'medium',
  offBudget: 'high',
  overBudget: 'high',
  sanGongOverBudget: 'high',
  transferLate: 'medium',
  publicationLate: 'low',
  reserveOutOfRange: 'medium',
  carryOverIdle: 'low',
  revenueFalling: 'medium',
};

// ----- the preliminary review (初步审查) -----

/**
 * 预算法 Art. 48: what the review of the draft budget and last year's execution looks at, in the law's order:
 * (1) last year's execution against the congress's budget resolution, (2) legality of the arrangements,
 * (3) feasibility of the policies on revenue and expenditure, (4) key expenditure and major investment projects,
 * (5) completeness and the Art. 46 detail, (6) transfers to lower levels, (7) borrowing, legal and reasonable,
 * with its repayment plan and source, (8) clarity of the explanations.
 */
export const REVIEW_POINTS = [
  'lastYearExecution',
  'legality',
  'policyFeasibility',
  'keyExpenditure',
  'completeness',
  'transfers',
  'borrowing',
  'explanations',
] as const;
export type ReviewPoint = (typeof REVIEW_POINTS)[number];

/** The words of each Art. 48 point, for the report (zh) and the English page. */
export const REVIEW_POINT_WORDS: Record<ReviewPoint, { zh: string; en: string }> = {
  lastYearExecution: {
    zh: '上一年预算执行和本级人民代表大会预算决议落实情况',
    en: 'Last year’s execution and the budget resolution’s implementation',
  },
  legality: { zh: '预算安排是否符合本法的规定', en: 'Whether the arrangements comply with the law' },
  policyFeasibility: {
    zh: '预算安排是否贯彻国民经济和社会发展的方针政策，收支政策是否切实可行',
    en: 'Whether policy is followed and the revenue and expenditure policies are feasible',
  },
  keyExpenditure: {
    zh: '重点支出和重大投资项目的预算安排是否适当',
    en: 'Whether key expenditure and major investment projects are appropriate',
  },
  completeness: {
    zh: '预算的编制是否完整，是否符合本法第四十六条的规定',
    en: 'Completeness, and the detail of Art. 46',
  },
  transfers: {
    zh: '对下级政府的转移性支出预算是否规范、适当',
    en: 'Whether transfers to lower levels are proper',
  },
  borrowing: {
    zh: '预算安排举借的债务是否合法、合理，是否有偿还计划和稳定的偿还资金来源',
    en: 'Whether borrowing is lawful and reasonable, with a repayment plan and source',
  },
  explanations: { zh: '与预算有关重要事项的说明是否清晰', en: 'Whether the explanations are clear' },
};

/** Art. 49: the review report recommends whether the congress approves the draft. */
export const REVIEW_RECOMMENDATIONS = ['approve', 'approveWithChanges', 'notApprove'] as const;
export type ReviewRecommendation = (typeof REVIEW_RECOMMENDATIONS)[number];

/** Who is invited to a consultation round on the draft (预先见代表, Art. 45): deputies and voter representatives. */
export const INVITEE_KINDS = ['deputy', 'voterRepresentative'] as const;
export type InviteeKind = (typeof INVITEE_KINDS)[number];

// ----- spending before approval (预算法 Art. 54) -----

/**
 * Art. 54: before the congress approves the budget the government may spend only on (1) last year's carry-overs;
 * (2) this year's necessary basic and project spending and transfers to lower levels, at last year's level for
 * the same period; (3) spending the law obliges, and (4) the response to natural disasters and other emergencies.
 * An urgent investment project released early names the ground it stands on.
 */
export const RELEASE_BASES = [
  'carryOver',
  'necessaryPriorLevel',
  'legalObligation',
  'disasterResponse',
] as const;
export type ReleaseBasis = (typeof RELEASE_BASES)[number];

/**
 * Art. 54 (2): spending before approval is held to last year's spending in the same months. Holds when this
 * year's spending before the approval month is above last year's same months (no tolerance: the law's words).
 */
export const preApprovalAboveLastYear = (thisYearFen: bigint, lastYearSameMonthsFen: bigint): boolean =>
  thisYearFen > lastYearSameMonthsFen;

/**
 * The months of a budget year that began before its approval (the approval's own month counts unless approved on
 * its 1st): monthly figures cannot split a month, so January is judged whole when the sitting is in January.
 * Not approved yet: every month begun by `asOf`.
 */
export function monthsBeforeApproval(year: number, approvedOn: IsoDate | null, asOf: IsoDate): number {
  const until = approvedOn ?? asOf;
  const y = Number(until.slice(0, 4));
  if (y < year) return 0;
  if (y > year) return 12;
  const month = Number(until.slice(5, 7));
  return approvedOn && until.slice(8) === '01' ? month - 1 : month;
}

// ----- budget adjustments (预算调整, Art. 67–69) -----

/**
 * Art. 67: an approved budget needs an adjustment when (1) total expenditure rises or (2) … falls, (3) the budget
 * stabilisation fund is drawn on, (4) key expenditure set by the congress is cut, (5) borrowing rises.
 * (Extra special transfers from above needing no matching funds are not adjustments, Art. 71.)
 */
export const ADJUSTMENT_GROUNDS = [
  'expenditureIncrease',
  'expenditureDecrease',
  'stabilizationFund',
  'keyExpenditureCut',
  'borrowingIncrease',
] as const;
export type AdjustmentGround = (typeof ADJUSTMENT_GROUNDS)[number];
export const ADJUSTMENT_STATUSES = ['submitted', 'approved', 'rejected'] as const;
export type AdjustmentStatus = (typeof ADJUSTMENT_STATUSES)[number];

/**
 * Art. 69 ¶2: at county level the finance department sends the preliminary adjustment plan to the standing
 * committee's working body 30 days before the meeting that examines it. Calendar days, as Art. 44.
 */
export const ADJUSTMENT_PLAN_LEAD_DAYS = 30;
export const adjustmentPlanDeadline = (meetingDate: IsoDate): IsoDate =>
  addCalendarDays(meetingDate, -ADJUSTMENT_PLAN_LEAD_DAYS);
export const adjustmentPlanLate = (meetingDate: IsoDate, submittedOn: IsoDate): boolean =>
  submittedOn > adjustmentPlanDeadline(meetingDate);

/** A signed amount in yuan ("-1200.50"), for an adjustment's change to a line. */
export const SIGNED_MONEY_PATTERN = /^-?(0|[1-9]\d{0,14})(\.\d{1,2})?$/;
export function parseSignedYuan(text: string): bigint | null {
  const s = text.trim();
  if (!SIGNED_MONEY_PATTERN.test(s)) return null;
  const neg = s.startsWith('-');
  const fen = parseYuan(neg ? s.slice(1) : s)!;
  return neg ? -fen : fen;
}

// ----- final accounts and audit (决算, 审计整改) -----

/**
 * 预算法 Art. 79: the review of the final accounts looks at (1) revenue, (2) the expenditure policies, key
 * expenditure and major investment projects and their performance, (3) the use of carry-overs, (4) balances,
 * (5) the adjustments and their execution, (6) transfers, (7) the borrowing: size, structure, use, repayment,
 * (8) the revolving fund, (9) the reserve fund's use, (10) excess revenue and the budget stabilisation fund,
 * (11) the implementation of the congress's budget resolution, (12) other important matters.
 */
export const FINAL_ACCOUNTS_POINTS = [
  'revenue',
  'expenditurePerformance',
  'carryOvers',
  'balances',
  'adjustments',
  'transfers',
  'debt',
  'revolvingFund',
  'reserveFund',
  'excessRevenue',
  'budgetResolution',
  'other',
] as const;
export type FinalAccountsPoint = (typeof FINAL_ACCOUNTS_POINTS)[number];

/** 监督法 Art. 19: the district government submits last year's final accounts between June and September. */
export const FINAL_ACCOUNTS_MONTHS = { from: 6, to: 9 } as const;
/** Whether a submission day is outside June–September of the year after the budget year. */
export const finalAccountsOutOfWindow = (budgetYear: number, submittedOn: IsoDate): boolean => {
  const y = Number(submittedOn.slice(0, 4));
  const m = Number(submittedOn.slice(5, 7));
  return y !== budgetYear + 1 || m < FINAL_ACCOUNTS_MONTHS.from || m > FINAL_ACCOUNTS_MONTHS.to;
};

/**
 * 监督法 Art. 27: the report on the rectification of the problems the audit found is heard within six months of
 * the audit work report (the same day six months on; the month's last day when it has no such day).
 */
export const RECTIFICATION_MONTHS = 6;
export function rectificationDeadline(auditReportOn: IsoDate): IsoDate {
  const [y, m, d] = auditReportOn.split('-').map(Number);
  const total = m - 1 + RECTIFICATION_MONTHS;
  const year = y + Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
/** An audit finding is overdue when the deadline has passed and it is not rectified. */
export const auditFindingOverdue = (deadline: IsoDate, rectified: boolean, asOf: IsoDate): boolean =>
  !rectified && asOf > deadline;

export const AUDIT_FINDING_STATUSES = ['open', 'rectifying', 'rectified'] as const;
export type AuditFindingStatus = (typeof AUDIT_FINDING_STATUSES)[number];
