// Appointments and removals by the standing committee (任免, 地方组织法 Art. 50(13)–(17), 71; 监督法 Art. 60–62):
// who may propose, the status machine of a case, the order of votes on one post, and the two-month deadline for
// the new government's department heads. Each legal number once, with its article. Pure.
import { z } from 'zod';
import { addMonths } from '../calendar';

/** appoint (任命), remove (免职: the office-holder leaves at the organ's request), dismiss (撤职, 监督法 Art. 60–62). */
export const APPOINTMENT_KINDS = ['appoint', 'remove', 'dismiss'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];

/**
 * Who proposes (提请): the district head for the government's department heads (Art. 50(14)), the supervision
 * commission's director for its deputy directors and members (50(15)), the court's president and the chief
 * procurator for judges and procurators (50(16)), the chairpersons' meeting for acting heads (50(13)) and for a
 * dismissal (监督法 Art. 60).
 */
export const NOMINATING_ORGANS = [
  'districtHead',
  'supervisionCommissionDirector',
  'courtPresident',
  'procuratorGeneral',
  'chairpersonsMeeting',
] as const;
export type NominatingOrgan = (typeof NOMINATING_ORGANS)[number];

export const APPOINTMENT_STATUSES = [
  'filed',
  'onAgenda',
  'appointed',
  'notAppointed',
  'removed',
  'notRemoved',
  'withdrawn',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/**
 * filed → (put on a meeting's agenda) → onAgenda → (its vote closes) → appointed | notAppointed (appoint) or
 * removed | notRemoved (remove, dismiss). A case not yet decided may be withdrawn by its organ.
 */
export const APPOINTMENT_TRANSITIONS = {
  putOnAgenda: { from: ['filed'], to: 'onAgenda' },
  withdraw: { from: ['filed', 'onAgenda'], to: 'withdrawn' },
} as const satisfies Record<string, { from: readonly AppointmentStatus[]; to: AppointmentStatus }>;
export type AppointmentStep = keyof typeof APPOINTMENT_TRANSITIONS;

export function nextAppointmentStatus(
  status: AppointmentStatus,
  step: AppointmentStep,
): AppointmentStatus | null {
  const t = APPOINTMENT_TRANSITIONS[step];
  return (t.from as readonly AppointmentStatus[]).includes(status) ? t.to : null;
}

/** The status a closed vote gives a case: passed or not, by its kind. */
export const decidedStatus = (kind: AppointmentKind, passed: boolean): AppointmentStatus =>
  kind === 'appoint' ? (passed ? 'appointed' : 'notAppointed') : passed ? 'removed' : 'notRemoved';

/**
 * Posts with one holder at a time, by who nominates: a department's head (the district head's nominees, Art.
 * 50(14)). Such a post takes a new appointee only once its holder has been removed, and the removal is voted
 * first (先免后任); judges, procurators and the commission's members are many to a post title.
 */
export const ONE_HOLDER_ORGANS: readonly NominatingOrgan[] = ['districtHead'];

/** A dismissal is voted by secret ballot whatever the settings say (监督法 Art. 62: 无记名投票). */
export const ALWAYS_SECRET_KINDS: readonly AppointmentKind[] = ['dismiss'];

/**
 * After the congress elects a new government, the district head submits the department heads to the standing
 * committee for appointment within TWO MONTHS (地方组织法 Art. 71: "应当在…两个月内提请本级人民代表大会常务委员会任命").
 */
export const NEW_GOVERNMENT_SUBMISSION_MONTHS = 2;

/** The last day to submit after an election on `electedOn` (same day of the month, clamped to the month's end). */
export const newGovernmentDeadline = (electedOn: string): string =>
  addMonths(electedOn, NEW_GOVERNMENT_SUBMISSION_MONTHS);

/** Whether a case filed on `filedOn` is late against its statutory deadline (null when the law sets none). */
export const isFiledLate = (deadlineOn: string | null, filedOn: string): boolean =>
  deadlineOn !== null && filedOn > deadlineOn;

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();

/** An appointment or removal case (任免案) as its organ files it: the nominee, the post, the reasons. */
export const fileAppointmentSchema = z
  .strictObject({
    kind: z.enum(APPOINTMENT_KINDS),
    nominatingOrgan: z.enum(NOMINATING_ORGANS),
    nomineeName: text(60),
    post: text(100),
    organization: text(120),
    reasons: text(2000),
    /** The nominee's CV (简历), for an appointment. */
    cv: z.string().trim().max(4000).default(''),
    /** An acting head (代理), decided on the chairpersons' meeting's nomination (Art. 50(13)). */
    acting: z.boolean().default(false),
    /** The day the congress elected the new government, when this case is one of its department heads (Art. 71). */
    electedOn: isoDate.optional(),
    /** The day the organ's letter arrived; today by default. */
    filedOn: isoDate.optional(),
  })
  .refine((a) => !a.acting || (a.kind === 'appoint' && a.nominatingOrgan === 'chairpersonsMeeting'), {
    path: ['acting'],
    message: 'an acting head is appointed on the chairpersons’ meeting’s nomination',
  })
  .refine((a) => !a.electedOn || (a.kind === 'appoint' && a.nominatingOrgan === 'districtHead'), {
    path: ['electedOn'],
    message: 'the two-month deadline is for department heads the district head nominates',
  })
  .refine((a) => a.kind !== 'appoint' || a.cv.length > 0, {
    path: ['cv'],
    message: 'an appointment needs the nominee’s CV',
  });
export type FileAppointment = z.infer<typeof fileAppointmentSchema>;

export const putAppointmentOnAgendaSchema = z.strictObject({ meetingId: z.uuid() });

/** The constitutional oath (宪法宣誓) of an appointed office-holder: the day and the witness (监誓人). */
export const recordOathSchema = z.strictObject({ on: isoDate, witness: text(60) });
export type RecordOath = z.infer<typeof recordOathSchema>;

export const appointmentQuerySchema = z.object({
  status: z.enum(APPOINTMENT_STATUSES).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
