// 质询案 (inquiries) at a meeting of the standing committee or a sitting of the congress: filed in writing by
// the statutory number of members, put by the chairpersons' meeting (or the presidium) to the organ questioned,
// answered orally at the meeting or in writing, the filers' satisfaction, and a further answer when enough of
// them are dissatisfied. Each number once, with its article (shared/guide/LEGAL-RULES.md §3, §4).
import type { MeetingBody } from './rules';

/**
 * The fewest members who may file an inquiry jointly, by body (district level):
 * - standing committee: 3 or more of its members (地方组织法 Art. 53, 县级; 监督法 Art. 51);
 * - congress in sitting: 10 or more deputies (地方组织法 Art. 24, 县级).
 * The chairpersons' meeting files none (it decides how an inquiry is answered).
 */
export const INQUIRY_MIN_FILERS: Partial<Record<MeetingBody, number>> = {
  standingCommittee: 3,
  congress: 10,
};

/** How the organ answers (监督法 Art. 52): orally, its leader at the meeting, or in writing, signed by the leader. */
export const INQUIRY_ANSWER_MODES = ['oral', 'written'] as const;
export type InquiryAnswerMode = (typeof INQUIRY_ANSWER_MODES)[number];

/**
 * Whether the dissatisfied filers may demand a further answer:
 * - standing committee: MORE than half of the filers (监督法 Art. 53, "过半数");
 * - congress: half OR MORE of the filers (代表法 Art. 20 ¶5, "半数以上": 以上 includes the half).
 */
export function furtherAnswerDue(body: MeetingBody, filers: number, dissatisfied: number): boolean {
  if (filers <= 0) return false;
  return body === 'congress' ? 2 * dissatisfied >= filers : 2 * dissatisfied > filers;
}

/**
 * filed → (the chairpersons' meeting decides how it is answered) → toAnswer → (the organ answers) → answered
 * → (the filers say whether they are satisfied) → closed, or furtherAnswerDue when enough are not → (the further
 * answer) → answered again (round 2) → closed once the filers have said so again (the law gives one further
 * answer). The chairpersons' meeting may also decline to put it (declined).
 */
export const INQUIRY_STATUSES = [
  'filed',
  'toAnswer',
  'answered',
  'furtherAnswerDue',
  'closed',
  'declined',
] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

export const INQUIRY_TRANSITIONS = {
  decide: { from: ['filed'], to: 'toAnswer' },
  decline: { from: ['filed'], to: 'declined' },
  answer: { from: ['toAnswer', 'furtherAnswerDue'], to: 'answered' },
  rateAnswer: { from: ['answered'], to: null },
} as const satisfies Record<string, { from: readonly InquiryStatus[]; to: InquiryStatus | null }>;
export type InquiryStep = keyof typeof INQUIRY_TRANSITIONS;

export function nextInquiryStatus(status: InquiryStatus, step: InquiryStep): InquiryStatus | null {
  const t = INQUIRY_TRANSITIONS[step];
  if (!(t.from as readonly InquiryStatus[]).includes(status)) return null;
  return t.to ?? status;
}

/**
 * After a filer's answer on satisfaction: once every filer has said, the inquiry is closed, or (first round
 * only) a further answer is due when enough are dissatisfied; while some have not said, it stays answered.
 */
export function afterSatisfaction(
  body: MeetingBody,
  round: number,
  said: { satisfied: boolean | null }[],
): InquiryStatus {
  if (said.some((s) => s.satisfied === null)) return 'answered';
  const dissatisfied = said.filter((s) => s.satisfied === false).length;
  return round === 1 && furtherAnswerDue(body, said.length, dissatisfied) ? 'furtherAnswerDue' : 'closed';
}
