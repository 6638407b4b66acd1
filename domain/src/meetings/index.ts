// Meetings of the congress, the standing committee and the chairpersons' meeting: agenda, attendance and
// quorum, named votes counted against ALL members. Zod schemas shared by server and web; rules and workflows pure.
import { z } from 'zod';
import { encryptedBallotSchema } from '../ballots/crypto/schemas';
import { AGENDA_ITEM_KINDS, DOCUMENT_STAGES, MEETING_BODIES, VOTE_CHOICES } from './rules';
import { INQUIRY_ANSWER_MODES } from './inquiries';
import { MEETING_STATUSES } from './workflow';

export * from './rules';
export * from './workflow';
export * from './appointments';
export * from './statute';
export * from './oversight';
export * from './secret';
export * from './inquiries';

const uuid = z.uuid();
const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();

export const meetingBodySchema = z.enum(MEETING_BODIES);
export const meetingStatusSchema = z.enum(MEETING_STATUSES);
export const agendaItemKindSchema = z.enum(AGENDA_ITEM_KINDS);
export const voteChoiceSchema = z.enum(VOTE_CHOICES);
export const documentStageSchema = z.enum(DOCUMENT_STAGES);

/** A non-voting attendee (列席): a leader of a supervised organ, an invited deputy. */
export const nonVotingAttendeeSchema = z.strictObject({
  name: text(60),
  organization: z.string().trim().max(120).default(''),
});

export const createMeetingSchema = z
  .strictObject({
    body: meetingBodySchema,
    /** The first (or only) day; the meeting is held on its date. */
    date: isoDate,
    endDate: isoDate.optional(),
    title: text(200),
    /** 第N次会议 within the term; the next number of the body when left out. */
    number: z.number().int().min(1).max(999).optional(),
    venue: z.string().trim().max(200).default(''),
    nonVotingAttendees: z.array(nonVotingAttendeeSchema).max(200).default([]),
  })
  .refine((m) => !m.endDate || m.endDate >= m.date, {
    path: ['endDate'],
    message: 'endDate before date',
  });
export type CreateMeeting = z.infer<typeof createMeetingSchema>;

export const meetingQuerySchema = z.object({
  body: meetingBodySchema.optional(),
  status: meetingStatusSchema.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A document of an agenda item and the day it was done (sent, submitted, distributed). */
export const agendaDocumentSchema = z.strictObject({
  stage: documentStageSchema,
  title: text(200),
  doneOn: isoDate,
});

export const createAgendaItemSchema = z.strictObject({
  kind: agendaItemKindSchema,
  title: text(300),
  documents: z.array(agendaDocumentSchema).max(20).default([]),
});
export type CreateAgendaItem = z.infer<typeof createAgendaItemSchema>;

/**
 * The sign-in sheet: members present (a list, or "all" of the roll), or on leave of absence with its reason.
 * A member may sign themselves in (their own id only).
 */
export const attendanceSchema = z
  .strictObject({
    memberIds: z.union([z.literal('all'), z.array(uuid).min(1).max(500)]),
    status: z.enum(['present', 'onLeave']).default('present'),
    reason: z.string().trim().max(500).default(''),
  })
  .refine((a) => a.status !== 'onLeave' || a.reason.length > 0, {
    path: ['reason'],
    message: 'a leave of absence needs its reason',
  })
  .refine((a) => a.status !== 'onLeave' || a.memberIds !== 'all', {
    path: ['memberIds'],
    message: 'leave is recorded member by member',
  });
export type Attendance = z.infer<typeof attendanceSchema>;

export const castMeetingBallotSchema = z.strictObject({ choice: voteChoiceSchema });

/**
 * A member's ballot at a meeting: `choice` for a named vote; for a secret vote the ballot encrypted on the
 * member's device (issue 21: one ciphertext per option, yes, no, abstain, with their proofs), which the
 * engine checks. One schema with both shapes' fields optional, so that a bad field is named (a union would
 * name only the body).
 */
export const meetingBallotSchema = z.strictObject({
  choice: voteChoiceSchema.optional(),
  ...encryptedBallotSchema.partial().shape,
});
export type MeetingBallot = z.infer<typeof meetingBallotSchema>;

/**
 * Opening an item's vote: a secret one (appointments and removals by default) names its three tellers, who
 * hold the vote's key between them (accounts of the congress; 2 of 3 decrypt the totals).
 */
export const openMeetingVoteSchema = z
  .strictObject({ tellerAccountIds: z.array(uuid).length(3).optional() })
  .nullish();

/** The register of office-holders: `?post=` (part of the post's name) and `?date=YYYY-MM-DD` (today by default). */
export const officeHolderQuerySchema = z.object({
  post: z.string().trim().min(1).max(100).optional(),
  date: isoDate.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The public's register of today's office-holders: optionally one congress, one post (name contains). */
export const publicOfficeHolderQuerySchema = z.strictObject({
  congressId: uuid.optional(),
  post: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The totals counted in the room, as one of the two staff enters them. */
export const roomTotalsSchema = z.strictObject({
  yes: z.number().int().min(0).max(5000),
  no: z.number().int().min(0).max(5000),
  abstain: z.number().int().min(0).max(5000),
});
export type RoomTotals = z.infer<typeof roomTotalsSchema>;

// ---------- inquiries (质询案) ----------
/** A 质询案 as staff record it from the filers' signed text: the organ questioned, the matter, the filers. */
export const fileInquirySchema = z.strictObject({
  meetingId: uuid,
  organ: text(120),
  subject: text(200),
  content: text(8000),
  /** The members who signed it (deputy ids on the meeting's roll); the number is checked per body. */
  filerIds: z.array(uuid).min(1).max(500),
});
export type FileInquiry = z.infer<typeof fileInquirySchema>;

/** The chairpersons' meeting's decision: answered orally at the meeting or in writing, or not put. */
export const decideInquirySchema = z.strictObject({
  put: z.boolean().default(true),
  mode: z.enum(INQUIRY_ANSWER_MODES).optional(),
  decidedOn: isoDate,
  note: z.string().trim().max(2000).default(''),
});

/** The organ's answer (first or further), orally at the meeting or in writing. */
export const answerInquirySchema = z.strictObject({
  answeredBy: text(120),
  summary: text(8000),
  answeredOn: isoDate,
});

/** A filer's satisfaction with the latest answer (the filer themselves, or staff recording it). */
export const rateInquiryAnswerSchema = z.strictObject({
  deputyId: uuid.optional(),
  satisfied: z.boolean(),
});

/** The nominee's statement (供职发言) before the vote on an appointment: a summary and the day. */
export const nomineeStatementSchema = z.strictObject({
  summary: text(8000),
  on: isoDate,
});
export type NomineeStatement = z.infer<typeof nomineeStatementSchema>;

// ---------- the rules register (议事规则与工作制度) ----------
/** 议事规则 (rules of procedure), 工作办法 (working measures), 工作制度 (working rules of the office). */
export const PROCEDURAL_RULE_KINDS = ['rulesOfProcedure', 'workingMeasures', 'workingSystem'] as const;
export type ProceduralRuleKind = (typeof PROCEDURAL_RULE_KINDS)[number];

/** One version of a rule: the text adopted on a date, by a meeting (and its agenda item) when known. */
export const proceduralRuleVersionSchema = z.strictObject({
  adoptedOn: isoDate,
  content: text(60000),
  note: z.string().trim().max(2000).default(''),
  meetingId: uuid.optional(),
  agendaItemId: uuid.optional(),
});
export type ProceduralRuleVersionInput = z.infer<typeof proceduralRuleVersionSchema>;

/** A new rule with its first version, adopted by the congress, the standing committee or the chairpersons' meeting. */
export const createProceduralRuleSchema = proceduralRuleVersionSchema.extend({
  title: text(200),
  body: z.enum(MEETING_BODIES),
  kind: z.enum(PROCEDURAL_RULE_KINDS),
});
export type CreateProceduralRule = z.infer<typeof createProceduralRuleSchema>;

/** Publish a rule (the public then reads it with its history) or withdraw it from the public. */
export const publishProceduralRuleSchema = z.strictObject({ published: z.boolean() });
