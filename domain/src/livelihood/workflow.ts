// The status machines of a project vote and of a livelihood project under implementation. Pure.

export const VOTE_STATUSES = ['draft', 'signingIn', 'open', 'counting', 'closed'] as const;
export type VoteStatus = (typeof VOTE_STATUSES)[number];

/**
 * draft → (callRoll: the roll is frozen, members sign in) → signingIn → (open: needs quorum) → open
 * → (close: casting stops, the encrypted ballots are combined per candidate) → counting → (tally: two of the
 * three tellers have posted their partial decryptions; totals reconciled and the rules applied) → closed.
 * Sign-in stays possible while the vote is open. Tellers are named, and hold their key ceremony, before it
 * opens (the vote's public key is needed to cast).
 */
export const VOTE_TRANSITIONS = {
  editCandidates: { from: ['draft'], to: 'draft' },
  callRoll: { from: ['draft'], to: 'signingIn' },
  signIn: { from: ['signingIn', 'open'], to: null },
  appointTellers: { from: ['draft', 'signingIn'], to: null },
  keyCeremony: { from: ['draft', 'signingIn'], to: null },
  open: { from: ['signingIn'], to: 'open' },
  castBallot: { from: ['open'], to: null },
  enterPaperCount: { from: ['open'], to: null },
  close: { from: ['open'], to: 'counting' },
  decrypt: { from: ['counting'], to: null },
  tally: { from: ['counting'], to: 'closed' },
  createRunoff: { from: ['closed'], to: null },
  createShortfallVote: { from: ['closed'], to: null },
} as const satisfies Record<string, { from: readonly VoteStatus[]; to: VoteStatus | null }>;
export type VoteStep = keyof typeof VOTE_TRANSITIONS;

export const canTakeVoteStep = (status: VoteStatus, step: VoteStep): boolean =>
  (VOTE_TRANSITIONS[step].from as readonly VoteStatus[]).includes(status);

/** The status after `step`, or null when the step is not allowed in `status`. */
export function nextVoteStatus(status: VoteStatus, step: VoteStep): VoteStatus | null {
  if (!canTakeVoteStep(status, step)) return null;
  return VOTE_TRANSITIONS[step].to ?? status;
}

export const PROJECT_STATUSES = ['onTrack', 'delayed', 'adjusted', 'completed', 'accepted'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/**
 * A project reports monthly: on track or delayed; an adjustment (reason + standing committee approval)
 * may come from either; completion from any running state; acceptance (验收) only after completion.
 */
export const PROJECT_TRANSITIONS: Record<ProjectStatus, readonly ProjectStatus[]> = {
  onTrack: ['onTrack', 'delayed', 'adjusted', 'completed'],
  delayed: ['onTrack', 'delayed', 'adjusted', 'completed'],
  adjusted: ['adjusted', 'onTrack', 'delayed', 'completed'],
  completed: ['accepted'],
  accepted: [],
};

export const canMoveProject = (from: ProjectStatus, to: ProjectStatus): boolean =>
  PROJECT_TRANSITIONS[from].includes(to);

/** Statuses that count as "on schedule" in the half-year summary. */
export const ON_SCHEDULE: readonly ProjectStatus[] = ['onTrack', 'completed', 'accepted'];
