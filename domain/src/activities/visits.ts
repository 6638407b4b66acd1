// Enterprise visits (走访调研企业) and pledges (承诺践诺), pure: the unified social credit code's check
// character (GB 32100-2015), the questionnaire a campaign builds (single and multiple choice, text, number,
// scale; required flags; a question shown only on an earlier answer), the check of a visit's responses against
// it and their tally for the campaign report; the schemas of firms, assignments, visits and pledges.
import { z } from 'zod';
import { RATINGS } from '../opinions/workflow';

const uuid = z.uuid();
const text = (max: number) => z.string().trim().min(1).max(max);

/** The 31 characters of a unified social credit code (GB 32100-2015 §4: digits and capitals without I O S V Z). */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** The weights of the first 17 characters (GB 32100-2015 §5: 3^(i) mod 31). */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of a code's first 17 characters, or null when one of them is not in the code's set. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i];
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** What is wrong with a unified social credit code: its form (18 characters of the set) or its check character. */
export function usccProblem(code: string): 'format' | 'checksum' | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return 'format';
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : 'checksum';
}

/** A code as typed: spaces out, capitals. */
export const normalizeUscc = (code: string) => code.replace(/\s+/g, '').toUpperCase();

/** The sizes of a firm (统计上大中小微型企业划分办法): large, medium, small, micro. */
export const FIRM_SIZES = ['large', 'medium', 'small', 'micro'] as const;
export type FirmSize = (typeof FIRM_SIZES)[number];
/** The size as the import file may write it in Chinese. */
export const FIRM_SIZE_WORDS: Record<string, FirmSize> = {
  大型: 'large',
  中型: 'medium',
  小型: 'small',
  微型: 'micro',
  large: 'large',
  medium: 'medium',
  small: 'small',
  micro: 'micro',
};

/** At most this many rows per firm import. */
export const FIRM_IMPORT_MAX_ROWS = 5000;

export const createFirmSchema = z.strictObject({
  name: text(200),
  uscc: z
    .string()
    .transform(normalizeUscc)
    .refine((c) => usccProblem(c) === null, {
      message: 'not a valid unified social credit code (18 characters, GB 32100 check character)',
    }),
  industry: z.string().trim().max(60).default(''),
  streetId: uuid,
  size: z.enum(FIRM_SIZES).default('small'),
});
export type CreateFirm = z.infer<typeof createFirmSchema>;

/** Firms given to deputies in a campaign, with the planned day of the visit. Again for a firm moves it. */
export const assignFirmsSchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        firmId: uuid,
        deputyId: uuid,
        plannedOn: z.iso.date().optional(),
      }),
    )
    .min(1)
    .max(2000),
});
export type AssignFirms = z.infer<typeof assignFirmsSchema>;

// The questionnaire

export const QUESTION_KINDS = ['single', 'multiple', 'text', 'number', 'scale'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
/** The closed kinds, whose answers are tallied per option (and charted). */
export const CLOSED_KINDS: readonly QuestionKind[] = ['single', 'multiple', 'scale'];

const questionId = z.string().regex(/^[a-z][a-z0-9]{0,19}$/, 'q1, q2 … (lower case letters and digits)');

export const questionSchema = z.strictObject({
  id: questionId,
  kind: z.enum(QUESTION_KINDS),
  label: text(300),
  /** The choices of a single or multiple choice question. */
  options: z.array(text(100)).max(20).default([]),
  required: z.boolean().default(false),
  /** The scale's top (1 … max), 5 by default. */
  max: z.number().int().min(2).max(10).optional(),
  /** Asked only when an earlier choice question was answered with this option. */
  showIf: z.strictObject({ questionId, option: text(100) }).optional(),
});
export type Question = z.infer<typeof questionSchema>;

export const questionnaireSchema = z
  .strictObject({ questions: z.array(questionSchema).max(60) })
  .superRefine(({ questions }, ctx) => {
    questions.forEach((q, i) => {
      if (questions.findIndex((x) => x.id === q.id) !== i)
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: 'duplicate question id' });
      const choice = q.kind === 'single' || q.kind === 'multiple';
      if (choice && q.options.length < 2)
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'options'], message: 'at least two options' });
      if (choice && new Set(q.options).size !== q.options.length)
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'options'], message: 'duplicate option' });
      if (!choice && q.options.length)
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'options'],
          message: 'only choices have options',
        });
      if (q.showIf) {
        const on = questions.slice(0, i).find((x) => x.id === q.showIf!.questionId);
        if (!on || (on.kind !== 'single' && on.kind !== 'multiple') || !on.options.includes(q.showIf.option))
          ctx.addIssue({
            code: 'custom',
            path: ['questions', i, 'showIf'],
            message: 'must name an option of an earlier choice question',
          });
      }
    });
  });
export type Questionnaire = z.infer<typeof questionnaireSchema>;

export type Answer = string | string[] | number;
export type Responses = Record<string, Answer>;

export const scaleMax = (q: Pick<Question, 'max'>) => q.max ?? 5;

/** Whether a question is asked given the answers so far (its condition holds, or it has none). */
export function isAsked(q: Question, answers: Responses): boolean {
  if (!q.showIf) return true;
  const a = answers[q.showIf.questionId];
  return Array.isArray(a) ? a.includes(q.showIf.option) : a === q.showIf.option;
}

export interface ResponseProblem {
  questionId: string;
  code: 'required' | 'invalid' | 'unknown' | 'notAsked';
}

/** What is wrong with a visit's responses under the questionnaire (each question named), none when they fit. */
export function responseProblems(questions: Question[], answers: Responses): ResponseProblem[] {
  const out: ResponseProblem[] = [];
  for (const id of Object.keys(answers))
    if (!questions.some((q) => q.id === id)) out.push({ questionId: id, code: 'unknown' });
  for (const q of questions) {
    const a = answers[q.id];
    const empty = a === undefined || a === '' || (Array.isArray(a) && a.length === 0);
    if (!isAsked(q, answers)) {
      if (!empty) out.push({ questionId: q.id, code: 'notAsked' });
      continue;
    }
    if (empty) {
      if (q.required) out.push({ questionId: q.id, code: 'required' });
      continue;
    }
    const ok =
      q.kind === 'single'
        ? typeof a === 'string' && q.options.includes(a)
        : q.kind === 'multiple'
          ? Array.isArray(a) && new Set(a).size === a.length && a.every((x) => q.options.includes(x))
          : q.kind === 'text'
            ? typeof a === 'string' && a.length <= 2000
            : q.kind === 'number'
              ? typeof a === 'number' && Number.isFinite(a)
              : typeof a === 'number' && Number.isInteger(a) && a >= 1 && a <= scaleMax(q);
    if (!ok) out.push({ questionId: q.id, code: 'invalid' });
  }
  return out;
}

export interface QuestionTally {
  questionId: string;
  kind: QuestionKind;
  label: string;
  /** How many visits answered it. */
  answered: number;
  /** Closed questions: each option (a scale's 1 … max) and how many chose it. */
  options: { option: string; count: number }[];
  /** Number and scale questions: the mean of the answers (null with none). */
  mean: number | null;
}

/** The tally of the responses of a campaign's visits, question by question. */
export function tallyResponses(questions: Question[], all: Responses[]): QuestionTally[] {
  return questions.map((q) => {
    const given = all
      .map((r) => r[q.id])
      .filter((a) => a !== undefined && a !== '' && !(Array.isArray(a) && !a.length));
    const choices =
      q.kind === 'scale'
        ? Array.from({ length: scaleMax(q) }, (_, i) => String(i + 1))
        : q.kind === 'single' || q.kind === 'multiple'
          ? q.options
          : [];
    const options = choices.map((option) => ({
      option,
      count: given.filter((a) => (Array.isArray(a) ? a.includes(option) : String(a) === option)).length,
    }));
    const numbers = given.filter((a): a is number => typeof a === 'number');
    const mean =
      (q.kind === 'number' || q.kind === 'scale') && numbers.length
        ? Math.round((numbers.reduce((s, n) => s + n, 0) / numbers.length) * 100) / 100
        : null;
    return { questionId: q.id, kind: q.kind, label: q.label, answered: given.length, options, mean };
  });
}

const answerSchema = z.union([z.string().max(2000), z.array(z.string().max(100)).max(20), z.number()]);

/** A problem or suggestion a firm raised (企业反映的问题和建议), sent to a handling unit as an opinion. */
export const visitIssueSchema = z.strictObject({
  content: text(2000),
  unitId: uuid,
});

/** The record of a visit to a firm, filled on the deputy's phone during the visit. */
export const recordVisitSchema = z.strictObject({
  firmId: uuid,
  visitedOn: z.iso.date(),
  /** The people met (the firm's head, its staff), as typed. */
  peopleMet: z.string().trim().max(500).default(''),
  answers: z.record(z.string().max(20), answerSchema).default({}),
  issues: z.array(visitIssueSchema).max(50).default([]),
  /** Staff recording on a deputy's behalf name the deputy; a deputy records as themself. */
  deputyId: uuid.optional(),
});
export type RecordVisit = z.infer<typeof recordVisitSchema>;

/**
 * The firm's rating of the unit's answer to a problem it raised (the opinions pipeline's rating: dissatisfied
 * reopens the item once for re-handling), recorded by the deputy who visited or by staff.
 */
export const rateFirmIssueSchema = z.strictObject({
  rating: z.enum(RATINGS),
  comment: z.string().trim().max(500).nullish(),
});
export type RateFirmIssue = z.infer<typeof rateFirmIssueSchema>;

/** The problems raised in a campaign's visits (a deputy: those of their own visits), newest visit first. */
export const firmIssueQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type FirmIssueQuery = z.infer<typeof firmIssueQuerySchema>;

// Pledges (承诺践诺)

export const PLEDGE_STATUSES = ['pledged', 'inProgress', 'fulfilled'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

/** A deputy's pledges of a year, published at its start (at most 10 a year). */
export const createPledgesSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  items: z.array(text(500)).min(1).max(10),
  /** Staff writing them for a deputy name the deputy; a deputy writes their own. */
  deputyId: uuid.optional(),
});
export type CreatePledges = z.infer<typeof createPledgesSchema>;

/** What the deputy did about a pledge, and where it stands now. */
export const pledgeProgressSchema = z.strictObject({
  note: text(1000),
  status: z.enum(['inProgress', 'fulfilled']),
});
export type PledgeProgress = z.infer<typeof pledgeProgressSchema>;

export const pledgeQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  congressId: z.uuid().optional(),
});
