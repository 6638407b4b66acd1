// The legal numbers of meetings and their votes, each once, with the article it comes from
// (shared/guide/LEGAL-RULES.md §3 地方组织法, §4 监督法), and the pure functions that apply them. Where practice
// varies by locality the number is only the default of a per-congress setting (meetingsSettingsSchema).
import { z } from 'zod';
import { DEFAULT_HANDLING_REPORT_MONTHS } from './oversight';

/** The three bodies that meet: the congress in sitting (人代会), the standing committee, the chairpersons' meeting. */
export const MEETING_BODIES = ['congress', 'standingCommittee', 'chairpersonsMeeting'] as const;
export type MeetingBody = (typeof MEETING_BODIES)[number];

/**
 * Quorum, as a fraction of ALL members of the body and whether reaching it exactly is enough:
 * - congress: "三分之二以上的代表出席，始得举行" — two thirds or more of ALL deputies, exactly two thirds
 *   included (地方组织法 Art. 14; LEGAL-RULES.md §3);
 * - standing committee: "全体组成人员过半数出席，始得举行" — MORE than half of ALL members (Art. 51);
 * - chairpersons' meeting: the statute sets no quorum (Art. 54); the standing committee's rule is used, by
 *   analogy (an inference, not verified against local 议事规则).
 */
export const QUORUM: Record<MeetingBody, { numerator: number; denominator: number; inclusive: boolean }> = {
  congress: { numerator: 2, denominator: 3, inclusive: true },
  standingCommittee: { numerator: 1, denominator: 2, inclusive: false },
  chairpersonsMeeting: { numerator: 1, denominator: 2, inclusive: false },
};

/** Whether `present` members out of ALL `members` make the body's quorum (integers only, no rounding). */
export function hasQuorum(body: MeetingBody, members: number, present: number): boolean {
  if (members <= 0) return false;
  const q = QUORUM[body];
  const lhs = present * q.denominator;
  const rhs = members * q.numerator;
  return q.inclusive ? lhs >= rhs : lhs > rhs;
}

/** The fewest members present that make the quorum (for the attendance sheet's "n of N needed"). */
export function quorumNeeded(body: MeetingBody, members: number): number {
  for (let n = 0; n <= members; n++) if (hasQuorum(body, members, n)) return n;
  return members + 1;
}

/**
 * Passing: MORE THAN HALF of ALL members of the body vote yes — not of those present, not of those voting
 * (地方组织法 Art. 25 for the congress, "全体代表的过半数"; Art. 51 ¶4 for the standing committee, "全体组成人员
 * 的过半数"; 监督法 Art. 62 for a dismissal). A member who does not vote, or abstains, counts as not yes;
 * a tie at exactly half fails.
 */
export const passes = (yes: number, members: number): boolean => members > 0 && 2 * yes > members;

/** The fewest yes votes that pass (⌊members / 2⌋ + 1). */
export const yesNeeded = (members: number): number => Math.floor(members / 2) + 1;

export const VOTE_CHOICES = ['yes', 'no', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

export interface VoteTally {
  yes: number;
  no: number;
  abstain: number;
  notVoting: number;
  members: number;
  passed: boolean;
}

/** The count of a vote: the choices cast, and the members who cast none, against ALL members. */
export function tallyVote(choices: readonly VoteChoice[], members: number): VoteTally {
  const yes = choices.filter((c) => c === 'yes').length;
  const no = choices.filter((c) => c === 'no').length;
  const abstain = choices.filter((c) => c === 'abstain').length;
  return {
    yes,
    no,
    abstain,
    notVoting: Math.max(0, members - yes - no - abstain),
    members,
    passed: passes(yes, members),
  };
}

/** What an agenda item is (议程): a motion for a decision, a work report, personnel, an inquiry, an election. */
export const AGENDA_ITEM_KINDS = [
  'motion',
  'report',
  'appointment',
  'removal',
  'inquiry',
  'election',
  'other',
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

/**
 * The kinds decided by a vote. A work report is heard and deliberated (its satisfaction vote comes with the
 * report loop, 监督法 Art. 17), an inquiry is answered (Art. 51–54): neither is put to a vote as an item.
 */
export const VOTED_KINDS: readonly AgendaItemKind[] = [
  'motion',
  'appointment',
  'removal',
  'election',
  'other',
];
export const isVotedKind = (kind: AgendaItemKind) => VOTED_KINDS.includes(kind);

/**
 * Kinds voted by secret ballot by default: appointments and removals (local 任免办法; a dismissal by law,
 * 监督法 Art. 62) and elections (地方组织法 Art. 30: 无记名投票). Resolutions are named. A setting.
 */
export const DEFAULT_SECRET_KINDS: readonly AgendaItemKind[] = ['appointment', 'removal', 'election'];

/**
 * The documents of an item and how many days before the meeting each is due (监督法 Art. 15, LEGAL-RULES.md §4):
 * the organ's draft to the committee for comments 20 days before, the revised report to the standing committee
 * 10 days before, the office's distribution to members 7 days before. An appointment case is due a configurable
 * number of days before (local practice, e.g. 10 days in Jilin; LEGAL-RULES.md §3). Calendar days.
 */
export const DOCUMENT_STAGES = [
  'sentForComment',
  'submitted',
  'distributedToMembers',
  'appointmentCase',
] as const;
export type DocumentStage = (typeof DOCUMENT_STAGES)[number];
export const DEFAULT_LEAD_DAYS: Record<DocumentStage, number> = {
  sentForComment: 20,
  submitted: 10,
  distributedToMembers: 7,
  appointmentCase: 10,
};

const addDays = (isoDate: string, days: number) => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The last day a document of this stage may be done for a meeting on `meetingDate` (YYYY-MM-DD). */
export const documentDeadline = (meetingDate: string, leadDays: number): string =>
  addDays(meetingDate, -leadDays);

/** Whether a document done on `doneOn` is late for the meeting (flagged, not refused). */
export const isDocumentLate = (meetingDate: string, leadDays: number, doneOn: string): boolean =>
  doneOn > documentDeadline(meetingDate, leadDays);

const leadDays = z.number().int().min(0).max(90);

/** The module's per-congress settings; every default is the rule above. */
export const meetingsSettingsSchema = z.object({
  leadDays: z
    .object({
      sentForComment: leadDays.default(DEFAULT_LEAD_DAYS.sentForComment),
      submitted: leadDays.default(DEFAULT_LEAD_DAYS.submitted),
      distributedToMembers: leadDays.default(DEFAULT_LEAD_DAYS.distributedToMembers),
      appointmentCase: leadDays.default(DEFAULT_LEAD_DAYS.appointmentCase),
    })
    .prefault({}),
  /**
   * Kinds voted by secret ballot (both appointments and removals by default; local 任免办法 vary). A dismissal
   * (撤职) is secret whatever this says (监督法 Art. 62; ALWAYS_SECRET_KINDS in appointments.ts).
   */
  secretKinds: z.array(z.enum(AGENDA_ITEM_KINDS)).default([...DEFAULT_SECRET_KINDS]),
  /** Months the organ has to report how it handled the deliberation opinions (监督法 Art. 17; local practice). */
  handlingReportMonths: z.number().int().min(1).max(12).default(DEFAULT_HANDLING_REPORT_MONTHS),
});
export type MeetingsSettings = z.infer<typeof meetingsSettingsSchema>;
