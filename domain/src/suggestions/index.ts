// Deputies' suggestions (代表建议) and motions (议案): schemas, statuses, the workflow table and the legal rules.
import { z } from 'zod';
import { maskPhone } from '../common';
import { MOTION_DECISION_BODIES, MOTION_SOURCES } from './rules';

export * from './rules';
export * from './workflow';
export * from './deadlines';

export const REPLY_CATEGORY_CODES = ['A', 'B', 'C', 'D'] as const;
export const RATINGS = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export const CONTACT_METHODS = ['phone', 'visit', 'meeting'] as const;
export const SUPERVISION_KINDS = ['meeting', 'siteVisit', 'progress'] as const;
export const REVIEW_DECISIONS = ['accept', 'return', 'refer'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

/** The fields a suggestion must have before it is submitted (a draft may lack all but its title). */
export const SUBMIT_REQUIRED_FIELDS = ['title', 'content', 'category'] as const;

/**
 * A new suggestion. Submitted at once, it needs its title, content and category; saved as a draft
 * (`draft: true`, issue 23 point 1) a title alone will do, and the rest is added later (PATCH) before submitting.
 */
export const createSuggestionSchema = z
  .strictObject({
    title: text(200),
    content: z.string().trim().max(20_000).optional(),
    category: z.string().trim().max(40).optional(),
    cosignerIds: z.array(z.uuid()).max(50).optional(),
    attachmentIds: z.array(z.uuid()).max(10).optional(),
    /** Save as a draft instead of submitting. */
    draft: z.boolean().optional(),
  })
  .superRefine(
    (v, ctx) => {
      // Run even when another field failed, so one answer names every missing field.
      if (typeof v !== 'object' || v === null || v.draft === true) return;
      for (const field of ['content', 'category'] as const) {
        if (v[field] === undefined)
          ctx.addIssue({ code: 'invalid_type', expected: 'string', path: [field], message: 'required' });
        else if (v[field] === '')
          ctx.addIssue({
            code: 'too_small',
            origin: 'string',
            minimum: 1,
            inclusive: true,
            path: [field],
            message: 'empty',
          });
      }
    },
    { when: () => true },
  );
export type CreateSuggestionInput = z.infer<typeof createSuggestionSchema>;

/** Edits to a draft (PATCH): any of its fields; co-signers and attachments replace the lists. */
export const editDraftSchema = z.strictObject({
  title: text(200).optional(),
  content: z.string().trim().max(20_000).optional(),
  category: z.string().trim().max(40).optional(),
  cosignerIds: z.array(z.uuid()).max(50).optional(),
  attachmentIds: z.array(z.uuid()).max(10).optional(),
});
export type EditDraftInput = z.infer<typeof editDraftSchema>;

export const reviewSuggestionSchema = z.strictObject({
  decision: z.enum(REVIEW_DECISIONS),
  comment: z.string().trim().max(2000).default(''),
  /** The three quality checks (one matter, not personal, specific); recorded for the review statistics. */
  checks: z
    .strictObject({ oneMatter: z.boolean(), notPersonal: z.boolean(), specific: z.boolean() })
    .optional(),
});

export const assignSuggestionSchema = z.strictObject({
  leadUnitId: z.uuid(),
  assistingUnitIds: z.array(z.uuid()).max(10).default([]),
});

export const logContactSchema = z.strictObject({
  method: z.enum(CONTACT_METHODS),
  summary: text(2000),
  contactedOn: z.iso.date().optional(),
});

export const replySuggestionSchema = z.strictObject({
  category: text(10),
  content: text(20_000),
  /** For B and C: the committed date by which the matter will be solved (上海规定 Art. 18). */
  plannedBy: z.iso.date().optional(),
});

/** A dissatisfied rating states its specific reasons in `comment` (上海规定 Art. 21); the command checks it. */
export const rateSuggestionSchema = z.strictObject({
  rating: z.enum(RATINGS),
  comment: z.string().trim().max(2000).default(''),
});
/** The 代表工委's look at a dissatisfied item: back to the unit, or not, with the reason. */
export const reviewRehandlingSchema = z.strictObject({
  decision: z.enum(['rehandle', 'decline']),
  comment: z.string().trim().max(2000).default(''),
});

export const handBackRequestSchema = z.strictObject({ reason: text(2000) });
export const decideHandBackSchema = z.strictObject({
  decision: z.enum(['reassign', 'keep', 'dispute']),
  leadUnitId: z.uuid().optional(),
  assistingUnitIds: z.array(z.uuid()).max(10).optional(),
  comment: z.string().trim().max(2000).default(''),
});
/** The lead unit applies for the extended limit with its reason (上海规定 Art. 19). */
export const applyExtensionSchema = z.strictObject({ reason: text(2000) });
/** Staff approve or refuse the application; a refusal gives its reason. */
export const decideExtensionSchema = z.strictObject({
  decision: z.enum(['approve', 'refuse']),
  comment: z.string().trim().max(2000).default(''),
});
export const addOpinionSchema = z.strictObject({ content: text(10_000) });
export const mergeSuggestionsSchema = z.strictObject({
  suggestionIds: z.array(z.uuid()).min(2).max(50),
  title: text(200).optional(),
});
export const selectKeySchema = z.strictObject({
  /** The district leaders who lead its supervision (one or several; the first is named first). */
  leaderAccountIds: z
    .array(z.uuid())
    .min(1)
    .max(10)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'each leader once' }),
  decidedBy: z.literal('chairpersonsMeeting').default('chairpersonsMeeting'),
  note: z.string().max(2000).default(''),
});
export const superviseSchema = z.strictObject({
  kind: z.enum(SUPERVISION_KINDS),
  note: text(5000),
  occurredOn: z.iso.date().optional(),
});
export const reportSolvedSchema = z.strictObject({ note: text(5000) });
export const confirmCosignSchema = z.strictObject({ accept: z.boolean().default(true) });

export const createMotionSchema = z.strictObject({
  title: text(200),
  content: text(20_000),
  category: text(40),
  /** Deputies jointly (the default), or a body (presidium, standing committee, …), entered by staff. */
  source: z.enum(MOTION_SOURCES).default('deputies'),
  /** The other deputies joining (附议); the proposer counts too. A body's motion has none. */
  signerIds: z.array(z.uuid()).max(200).default([]),
});
export const decideMotionSchema = z.strictObject({
  decision: z.enum(['agenda', 'asSuggestion']),
  /** Optional: the body follows from where the motion was made (presidium at a sitting); a different one is refused. */
  body: z.enum(MOTION_DECISION_BODIES).optional(),
  note: z.string().trim().max(2000).default(''),
});

export const suggestionListQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  unitId: z.uuid().optional(),
  status: z
    .enum([
      'draft',
      'awaitingCosigners',
      'submitted',
      'returnedForRevision',
      'referredAsOpinion',
      'accepted',
      'assigned',
      'handBackRequested',
      'replied',
      'rated',
      'rehandlingReview',
      'rehandling',
      'followUp',
      'closed',
      'withdrawn',
    ])
    .optional(),
  overdue: z.enum(['true', 'false']).optional(),
  sittingId: z.uuid().optional(),
  key: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  q: z.string().max(100).optional(),
});

/** The public list of published replies (答复公开): anonymous, cursor-paged, newest reply first. */
export const publicReplyQuerySchema = z.object({
  congressId: z.uuid().optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  sittingId: z.uuid().optional(),
  /** The year of the reply (Asia/Shanghai). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** The suggestion's topic category. */
  category: z.string().trim().min(1).max(40).optional(),
  /** The result category of the reply (A–D). */
  result: z.string().trim().min(1).max(10).optional(),
  unitId: z.uuid().optional(),
  q: z.string().trim().min(1).max(50).optional(),
});
export type PublicReplyQuery = z.infer<typeof publicReplyQuerySchema>;

/** The year-end follow-up view (跟踪办理): items first answered B or C in the year or sitting, and where they stand. */
export const followUpQuerySchema = z.object({
  sittingId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unitId: z.uuid().optional(),
});

/** Where a B or C item stands now: reported solved (or re-answered A), moved up a category (C→B), or unchanged. */
export const FOLLOW_UP_OUTCOMES = ['solved', 'improved', 'pending'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/**
 * Classifies a follow-up item from its records: the category of its first B/C answer, its latest category, and
 * whether the unit reported it solved. Categories are ranked by their order in the congress's list (A first).
 */
export function followUpOutcome(
  categoryOrder: readonly string[],
  first: string,
  latest: string | null,
  solved: boolean,
): FollowUpOutcome {
  if (solved || (latest !== null && latest === categoryOrder[0])) return 'solved';
  const rank = (c: string) => categoryOrder.indexOf(c);
  if (latest !== null && rank(latest) >= 0 && rank(latest) < rank(first)) return 'improved';
  return 'pending';
}

/** Text published on the public site: mobile numbers masked (a reply may quote a contact number). */
export const redactPublicText = (text: string): string =>
  text.replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (m) => maskPhone(m));
