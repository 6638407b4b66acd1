// Deputies' activities (代表活动), campaigns (专项活动) and the deputy's record (代表履职档案): zod schemas shared
// by server and web; the rules are pure (rules.ts).
import { z } from 'zod';
import { CAMPAIGN_KINDS, ORGANISER_KINDS } from './rules';

export * from './rules';

const uuid = z.uuid();
const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.iso.datetime({ offset: true });

export const createActivitySchema = z
  .strictObject({
    /** One of the congress's kinds (settings.kinds); checked by the command. */
    kind: z.string().trim().min(1).max(40),
    title: text(200),
    startsAt: instant,
    endsAt: instant,
    /** A liaison place of the registry; or else `address`. */
    placeId: uuid.optional(),
    address: z.string().trim().max(200).default(''),
    campaignId: uuid.optional(),
    topic: z.string().trim().max(2000).default(''),
    organiserKind: z.enum(ORGANISER_KINDS).default('standingCommittee'),
    organiserName: z.string().trim().max(120).default(''),
    /** Deputies invited at creation (more later with POST /activities/{id}/invitations). */
    deputyIds: z.array(uuid).max(1000).default([]),
    /** People from outside (a CPPCC member, a department's head), as one line each. */
    outsideParticipants: z.array(text(120)).max(100).default([]),
  })
  .refine((a) => new Date(a.endsAt) > new Date(a.startsAt), {
    path: ['endsAt'],
    message: 'endsAt must be after startsAt',
  });
export type CreateActivity = z.infer<typeof createActivitySchema>;

export const activityQuerySchema = z.object({
  campaignId: uuid.optional(),
  kind: z.string().trim().min(1).max(40).optional(),
  /** Only the caller's own (invited or attended). */
  mine: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The staff's sign-in sheet: deputies present. Recording a deputy again changes nothing. */
export const activityAttendanceSchema = z.strictObject({
  deputyIds: z.array(uuid).min(1).max(1000),
});

export const checkInSchema = z.strictObject({
  /** The token of the place's QR code, when the settings require one. */
  token: z.string().trim().min(1).max(100).optional(),
});

export const invitationsSchema = z.strictObject({ deputyIds: z.array(uuid).min(1).max(1000) });

export const rsvpSchema = z
  .strictObject({
    answer: z.enum(['accepted', 'onLeave']),
    reason: z.string().trim().max(500).default(''),
  })
  .refine((r) => r.answer !== 'onLeave' || r.reason.length > 0, {
    path: ['reason'],
    message: 'a leave of absence needs its reason',
  });
export type Rsvp = z.infer<typeof rsvpSchema>;

/** A finding (发现的问题) of the activity, sent to a handling unit as an opinion through the opinions pipeline. */
export const findingSchema = z.strictObject({
  content: text(2000),
  unitId: uuid,
  /** The street the problem is in; the place's street when left out. */
  streetId: uuid.optional(),
});

export const activityRecordSchema = z.strictObject({
  summary: text(5000),
  findings: z.array(findingSchema).max(50).default([]),
});
export type ActivityRecord = z.infer<typeof activityRecordSchema>;

export const createCampaignSchema = z
  .strictObject({
    kind: z.enum(CAMPAIGN_KINDS),
    title: text(200),
    from: z.iso.date(),
    to: z.iso.date(),
    goal: z.string().trim().max(2000).default(''),
  })
  .refine((c) => c.to >= c.from, { path: ['to'], message: 'to before from' });
export type CreateCampaign = z.infer<typeof createCampaignSchema>;

export const recordQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  congressId: z.uuid().optional(),
});
export * from './visits';

export const termRecordQuerySchema = z.object({
  /** The term; the current one when left out. */
  termId: z.uuid().optional(),
  congressId: z.uuid().optional(),
});

export const rankingQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
});
