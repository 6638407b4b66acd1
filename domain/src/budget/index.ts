// Budget review and supervision (预算审查监督, issue 19): the budget year, its lines by classification code,
// monthly execution, the warning rules, inquiries on warnings and the investment-project pre-arrangement list.
// Zod schemas shared by server and web; money and rules pure (rules.ts, evaluate.ts).
import { z } from 'zod';
import {
  ADJUSTMENT_GROUNDS,
  AUDIT_FINDING_STATUSES,
  BUDGET_KINDS,
  CODE_PATTERN,
  FINAL_ACCOUNTS_POINTS,
  INVITEE_KINDS,
  moneySchema,
  REVIEW_POINTS,
  RELEASE_BASES,
  REVIEW_RECOMMENDATIONS,
  SIGNED_MONEY_PATTERN,
  WARNING_RULES,
} from './rules';

export * from './rules';
export * from './evaluate';

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

export const budgetKindSchema = z.enum(BUDGET_KINDS);
export const warningRuleSchema = z.enum(WARNING_RULES);

export const createBudgetSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  /** The first day of the congress sitting that will approve it. */
  sittingDate: isoDate,
});
export type CreateBudget = z.infer<typeof createBudgetSchema>;

/** The budget's dates as they happen: the draft reaching the standing committee, approval, publication. */
export const updateBudgetDatesSchema = z
  .strictObject({
    draftSubmittedOn: isoDate.nullable().optional(),
    approvedOn: isoDate.nullable().optional(),
    publishedOn: isoDate.nullable().optional(),
  })
  .refine((d) => !d.publishedOn || !d.approvedOn || d.publishedOn >= d.approvedOn, {
    path: ['publishedOn'],
    message: 'published before approval',
  });
export type UpdateBudgetDates = z.infer<typeof updateBudgetDatesSchema>;

export const linesQuerySchema = z.object({
  /** A classification code prefix: "2" all function expenditure, "205" 教育支出 and below. */
  code: z
    .string()
    .regex(/^\d{0,7}$/)
    .optional(),
  budget: budgetKindSchema.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, YYYY-MM');

/** One month's spending per code (not year to date); re-importing a month replaces it for the codes listed. */
export const executionImportSchema = z.strictObject({
  month: monthSchema,
  rows: z
    .array(
      z.strictObject({
        code: z.string().regex(CODE_PATTERN, 'a classification code of 3, 5 or 7 digits'),
        amount: moneySchema,
      }),
    )
    .min(1)
    .max(20000),
});
export type ExecutionImport = z.infer<typeof executionImportSchema>;

export const createInvestmentProjectSchema = z.strictObject({
  name: text(200),
  /** The unit that carries the project out (项目单位). */
  unit: text(120),
  amount: moneySchema,
  urgent: z.boolean(),
  category: z.string().trim().max(40).default(''),
  street: z.string().trim().max(60).default(''),
  fundingSource: z.string().trim().max(60).default(''),
  stage: z.string().trim().max(40).default(''),
});
export type CreateInvestmentProject = z.infer<typeof createInvestmentProjectSchema>;

export const investmentProjectsQuerySchema = z.object({
  urgent: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A warning put as an inquiry to the finance department or the spending unit, with a deadline. */
export const createBudgetInquirySchema = z.strictObject({
  rule: warningRuleSchema,
  code: z.string().regex(/^\d{0,7}$/),
  unitId: z.uuid(),
  question: text(2000),
  /** Defaults to today + the setting's inquiryAnswerDays. */
  deadline: isoDate.optional(),
});
export type CreateBudgetInquiry = z.infer<typeof createBudgetInquirySchema>;

export const answerBudgetInquirySchema = z.strictObject({ answer: text(5000) });

export const BUDGET_INQUIRY_STATUSES = ['open', 'answered'] as const;
export type BudgetInquiryStatus = (typeof BUDGET_INQUIRY_STATUSES)[number];

export const budgetInquiriesQuerySchema = z.object({
  status: z.enum(BUDGET_INQUIRY_STATUSES).optional(),
  budgetId: z.uuid().optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// ----- the draft before deputies (预算草案预先见代表, Art. 45) -----

export const createConsultationRoundSchema = z.strictObject({
  /** The area (片区) consulted, e.g. "东岭片区". */
  area: text(60),
  /** The streets the area covers. */
  streetIds: z.array(z.uuid()).max(20).default([]),
  heldOn: isoDate,
  place: z.string().trim().max(120).default(''),
  /** The readable summary the invitees are given. */
  material: z.string().trim().max(20000).default(''),
  invitees: z
    .array(
      z.strictObject({
        kind: z.enum(INVITEE_KINDS),
        /** For a deputy: the registry's deputy (their name is taken from it). */
        deputyId: z.uuid().optional(),
        name: z.string().trim().max(40).default(''),
        organization: z.string().trim().max(120).default(''),
      }),
    )
    .min(1)
    .max(200),
});
export type CreateConsultationRound = z.infer<typeof createConsultationRoundSchema>;

export const createConsultationOpinionSchema = z
  .strictObject({
    /** The invitee who gave it (a deputy giving their own may leave it out). */
    inviteeId: z.uuid().optional(),
    /** A line of the draft by its classification code, or a topic, or both. */
    code: z
      .string()
      .regex(CODE_PATTERN, 'a classification code of 3, 5 or 7 digits')
      .or(z.literal(''))
      .default(''),
    topic: z.string().trim().max(80).default(''),
    content: text(5000),
  })
  .refine((o) => o.code !== '' || o.topic !== '', {
    path: ['topic'],
    message: 'a line (code) or a topic',
  });
export type CreateConsultationOpinion = z.infer<typeof createConsultationOpinionSchema>;

export const giveOpinionFeedbackSchema = z.strictObject({ feedback: text(5000) });

// ----- the preliminary review (初步审查, Art. 48–49) -----

export const reviewPointSchema = z.enum(REVIEW_POINTS);
export const recordReviewFindingsSchema = z.strictObject({ findings: text(10000) });
export const recordReviewConclusionSchema = z.strictObject({
  recommendation: z.enum(REVIEW_RECOMMENDATIONS),
  suggestions: z.string().trim().max(10000).default(''),
});
export type RecordReviewConclusion = z.infer<typeof recordReviewConclusionSchema>;

// ----- transfers, carry-overs, early release, adjustments -----

/** A transfer to a lower level (Art. 52): general or special, and the day it was issued once it is. */
export const createTransferSchema = z.strictObject({
  code: z.string().regex(CODE_PATTERN, 'a classification code of 3, 5 or 7 digits'),
  recipient: text(60),
  kind: z.enum(['general', 'special']),
  purpose: z.string().trim().max(200).default(''),
  amount: moneySchema,
  issuedOn: isoDate.nullable().default(null),
});
export type CreateTransfer = z.infer<typeof createTransferSchema>;
export const issueTransferSchema = z.strictObject({ issuedOn: isoDate });

/** A carry-over into the year (Art. 42), with what of it is still unused. */
export const createCarryOverSchema = z.strictObject({
  code: z.string().regex(CODE_PATTERN, 'a classification code of 3, 5 or 7 digits'),
  name: text(120),
  fromYear: z.number().int().min(2000).max(2100),
  amount: moneySchema,
  unused: moneySchema,
});
export type CreateCarryOver = z.infer<typeof createCarryOverSchema>;
export const updateCarryOverSchema = z.strictObject({ unused: moneySchema });

/** An urgent project released before the budget's approval, on a ground of Art. 54. */
export const releaseInvestmentProjectSchema = z.strictObject({
  releasedOn: isoDate,
  basis: z.enum(RELEASE_BASES),
  note: z.string().trim().max(500).default(''),
});
export type ReleaseInvestmentProject = z.infer<typeof releaseInvestmentProjectSchema>;

export const signedMoneySchema = z
  .string()
  .trim()
  .regex(SIGNED_MONEY_PATTERN, 'an amount in yuan with at most two decimals, negative for a cut');

/** A budget adjustment (调整方案, Art. 67–69): its grounds, the meeting, the line changes. */
export const createAdjustmentSchema = z.strictObject({
  title: text(200),
  grounds: z.array(z.enum(ADJUSTMENT_GROUNDS)).min(1).max(5),
  reason: z.string().trim().max(5000).default(''),
  meetingDate: isoDate,
  planSubmittedOn: isoDate.nullable().default(null),
  lines: z
    .array(
      z.strictObject({
        budget: z.enum(BUDGET_KINDS),
        code: z.string().regex(CODE_PATTERN, 'a classification code of 3, 5 or 7 digits'),
        change: signedMoneySchema,
      }),
    )
    .min(1)
    .max(500),
});
export type CreateAdjustment = z.infer<typeof createAdjustmentSchema>;
export const decideAdjustmentSchema = z.strictObject({
  decision: z.enum(['approved', 'rejected']),
  decidedOn: isoDate,
});

// ----- final accounts and audit rectification -----

export const finalAccountsPointSchema = z.enum(FINAL_ACCOUNTS_POINTS);
export const updateFinalAccountsSchema = z.strictObject({
  submittedOn: isoDate.nullable().optional(),
  auditReportOn: isoDate.nullable().optional(),
  rectificationHeardOn: isoDate.nullable().optional(),
  approvedOn: isoDate.nullable().optional(),
});
export type UpdateFinalAccounts = z.infer<typeof updateFinalAccountsSchema>;

export const createAuditFindingSchema = z.strictObject({
  unitId: z.uuid(),
  finding: text(2000),
  amount: moneySchema.default('0.00'),
});
export type CreateAuditFinding = z.infer<typeof createAuditFindingSchema>;
export const updateAuditFindingSchema = z.strictObject({
  measures: text(5000),
  status: z.enum(AUDIT_FINDING_STATUSES),
  rectifiedOn: isoDate.nullable().default(null),
});
export type UpdateAuditFinding = z.infer<typeof updateAuditFindingSchema>;
export const budgetAuditFindingsQuerySchema = z.object({
  status: z.enum(AUDIT_FINDING_STATUSES).optional(),
  budgetId: z.uuid().optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
/** One area's view of a budget year (a deputy's own area; staff and leaders any). */
export const budgetAreaQuerySchema = z.object({ area: z.string().trim().min(1).max(100).optional() });
