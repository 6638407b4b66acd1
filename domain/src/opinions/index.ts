// Citizens' opinions and receptions: schemas, statuses, the workflow table and the rules. Pure.
import { z } from 'zod';
import { phoneSchema } from '../common';
import { OPINION_CATEGORY_CODES } from './categories';
import { REPLY_OUTCOMES, RATINGS, OPINION_STATUSES } from './workflow';
import { OPINION_RULES } from './rules';

export * from './workflow';
export * from './rules';
export * from './categories';
export * from './text';

export const CHANNELS = ['form', 'qr', 'reception', 'staff', 'hotline', 'petition', 'import'] as const;
export type OpinionChannel = (typeof CHANNELS)[number];

const trimmed = (max: number) => z.string().trim().min(1).max(max);

/** The public form (POST /opinions). Staff and deputies may add channel and receptionId. */
export const submitOpinionSchema = z.strictObject({
  content: z.string().trim().min(1).max(OPINION_RULES.maxContentChars),
  category: z.enum(OPINION_CATEGORY_CODES),
  streetId: z.uuid(),
  phone: phoneSchema,
  isPublic: z.boolean(),
  communityId: z.uuid().optional(),
  name: trimmed(50).optional(),
  location: trimmed(200).optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  photoIds: z.array(z.uuid()).max(OPINION_RULES.maxPhotos).optional(),
  deputyId: z.uuid().optional(),
  liaisonPlaceId: z.uuid().optional(),
  receptionId: z.uuid().optional(),
  channel: z.enum(CHANNELS).optional(),
});
export type SubmitOpinionInput = z.infer<typeof submitOpinionSchema>;

export const trackQuerySchema = z.object({ phoneLast4: z.string().regex(/^\d{4}$/) });

export const rateOpinionSchema = z.strictObject({
  phoneLast4: z.string().regex(/^\d{4}$/),
  rating: z.enum(RATINGS),
  comment: z.string().trim().max(1000).optional(),
});

export const decideOpinionSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('answerOnSpot'), answer: trimmed(5000) }),
  z.strictObject({
    decision: z.literal('forward'),
    leadUnitId: z.uuid(),
    assistingUnitIds: z.array(z.uuid()).max(10).default([]),
    note: z.string().trim().max(2000).optional(),
  }),
  z.strictObject({ decision: z.literal('raiseAsSuggestion'), deputyId: z.uuid(), title: trimmed(200) }),
  z.strictObject({ decision: z.literal('merge'), intoOpinionId: z.uuid() }),
  z.strictObject({ decision: z.literal('declareInadmissible'), reason: trimmed(1000) }),
]);
export type DecideOpinionInput = z.infer<typeof decideOpinionSchema>;

export const replyOpinionSchema = z.strictObject({ outcome: z.enum(REPLY_OUTCOMES), content: trimmed(5000) });
export const noteOpinionSchema = z.strictObject({ note: trimmed(2000), isPublic: z.boolean().default(true) });
export const handBackOpinionSchema = z.strictObject({ reason: trimmed(1000) });
export const hideOpinionSchema = z.strictObject({ reason: trimmed(500) });
export const closeOpinionSchema = z.strictObject({ reason: trimmed(1000) });

export const opinionQueueQuerySchema = z.object({
  status: z.enum(OPINION_STATUSES).optional(),
  due: z.enum(['dueSoon', 'overdue']).optional(),
  streetId: z.uuid().optional(),
  category: z.enum(OPINION_CATEGORY_CODES).optional(),
  unitId: z.uuid().optional(),
  liaisonPlaceId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type OpinionQueueQuery = z.infer<typeof opinionQueueQuerySchema>;

export const routingRuleSchema = z.strictObject({
  category: z.enum(OPINION_CATEGORY_CODES),
  streetId: z.uuid().nullable(),
  leadUnitId: z.uuid(),
  assistingUnitIds: z.array(z.uuid()).max(10).default([]),
});

export const blockSchema = z.strictObject({
  kind: z.enum(['phone', 'ip']),
  value: z.string().trim().min(1).max(100),
  reason: trimmed(500),
});

export const scheduleReceptionSchema = z.strictObject({
  liaisonPlaceId: z.uuid(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  deputyIds: z.array(z.uuid()).min(1).max(20),
  topic: z.string().trim().max(200).default(''),
});
export const recordReceptionSchema = z.strictObject({
  peopleReceived: z.number().int().min(0).max(100000),
  notes: z.string().trim().max(5000).default(''),
});
export const checkInReceptionSchema = z.strictObject({ deputyId: z.uuid().optional() });

export const periodQuerySchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  streetId: z.uuid().optional(),
});
