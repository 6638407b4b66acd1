// The status machines of a meeting and of a vote at a meeting. Pure.

export const MEETING_STATUSES = ['planned', 'inSession', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/**
 * planned → (the first sign-in on the meeting's date: the roll is read from the registry and frozen) →
 * inSession → (close) → closed. The agenda may grow until the meeting closes; votes open only in session.
 */
export const MEETING_TRANSITIONS = {
  addAgendaItem: { from: ['planned', 'inSession'], to: null },
  recordAttendance: { from: ['planned', 'inSession'], to: 'inSession' },
  openVote: { from: ['inSession'], to: null },
  close: { from: ['inSession'], to: 'closed' },
} as const satisfies Record<string, { from: readonly MeetingStatus[]; to: MeetingStatus | null }>;
export type MeetingStep = keyof typeof MEETING_TRANSITIONS;

/** The status after `step`, or null when the step is not allowed in `status`. */
export function nextMeetingStatus(status: MeetingStatus, step: MeetingStep): MeetingStatus | null {
  const t = MEETING_TRANSITIONS[step];
  if (!(t.from as readonly MeetingStatus[]).includes(status)) return null;
  return t.to ?? status;
}

export const MEETING_VOTE_STATUSES = ['preparing', 'open', 'counting', 'closed'] as const;
export type MeetingVoteStatus = (typeof MEETING_VOTE_STATUSES)[number];

/**
 * A named vote: open → (close: counted against ALL members) → closed. A secret vote (on the encrypted-ballot
 * engine): preparing (its three tellers' key ceremony) → (openBallot, with the vote's key) → open → (close:
 * the encrypted ballots are combined) → counting → (tally: two of the three tellers' partial decryptions) →
 * closed. A ballot is taken only while open, and never changed.
 */
export const MEETING_VOTE_TRANSITIONS = {
  openBallot: { from: ['preparing'], to: 'open' },
  castBallot: { from: ['open'], to: null },
  close: { from: ['open'], to: 'closed' },
  closeSecret: { from: ['open'], to: 'counting' },
  tally: { from: ['counting'], to: 'closed' },
} as const satisfies Record<string, { from: readonly MeetingVoteStatus[]; to: MeetingVoteStatus | null }>;
export type MeetingVoteStep = keyof typeof MEETING_VOTE_TRANSITIONS;

export function nextMeetingVoteStatus(
  status: MeetingVoteStatus,
  step: MeetingVoteStep,
): MeetingVoteStatus | null {
  const t = MEETING_VOTE_TRANSITIONS[step];
  if (!(t.from as readonly MeetingVoteStatus[]).includes(status)) return null;
  return t.to ?? status;
}
