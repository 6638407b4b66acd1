// The opinion's status machine (分级认领 → 交办 → 办理 → 反馈 → 测评), as a pure transition table.
// "Resolved" counts as solved only once the citizen confirms it (a satisfied rating) or a deputy or staff
// member verifies it; "closedUnresolved" is a separate, visible end: closed is not fixed.

export const OPINION_STATUSES = [
  'submitted',
  'claimed',
  'answeredOnSpot',
  'forwarded',
  'returnedToStaff',
  'replied',
  'raisedAsSuggestion',
  'merged',
  'inadmissible',
  'closedResolved',
  'closedUnresolved',
] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

export const OPINION_ACTIONS = [
  'claim',
  'answerOnSpot',
  'forward',
  'raiseAsSuggestion',
  'merge',
  'declareInadmissible',
  'handBack',
  'addNote',
  'reply',
  'verify',
  'rate',
  'close',
] as const;
export type OpinionAction = (typeof OPINION_ACTIONS)[number];

/** The unit's final answer (issue 3 §4). */
export const REPLY_OUTCOMES = ['resolved', 'partlyResolved', 'explained', 'notInRemit'] as const;
export type ReplyOutcome = (typeof REPLY_OUTCOMES)[number];

/** The citizen's rating (GLOSSARY: rating). */
export const RATINGS = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

const decidable: OpinionStatus[] = ['claimed', 'returnedToStaff'];

/** Which action may be taken in which status, and where it leads (`rate` leads to one of several). */
export const OPINION_TRANSITIONS: Record<
  OpinionAction,
  { from: readonly OpinionStatus[]; to: readonly OpinionStatus[] }
> = {
  claim: { from: ['submitted'], to: ['claimed'] },
  answerOnSpot: { from: decidable, to: ['answeredOnSpot'] },
  forward: { from: decidable, to: ['forwarded'] },
  raiseAsSuggestion: { from: decidable, to: ['raisedAsSuggestion'] },
  merge: { from: ['submitted', ...decidable], to: ['merged'] },
  declareInadmissible: { from: decidable, to: ['inadmissible'] },
  handBack: { from: ['forwarded'], to: ['returnedToStaff'] },
  addNote: { from: ['forwarded'], to: ['forwarded'] },
  reply: { from: ['forwarded'], to: ['replied'] },
  verify: { from: ['replied'], to: ['closedResolved'] },
  rate: {
    from: ['replied', 'answeredOnSpot'],
    to: ['closedResolved', 'closedUnresolved', 'forwarded', 'claimed'],
  },
  close: { from: ['replied', 'answeredOnSpot'], to: ['closedUnresolved'] },
};

export const canTransition = (status: OpinionStatus, action: OpinionAction): boolean =>
  OPINION_TRANSITIONS[action].from.includes(status);

/** The next status of a plain step, or null when the step is not allowed in `status`. */
export function nextStatus(
  status: OpinionStatus,
  action: Exclude<OpinionAction, 'rate'>,
): OpinionStatus | null {
  if (!canTransition(status, action)) return null;
  return OPINION_TRANSITIONS[action].to[0];
}

/**
 * Where a rating leads. A satisfied or basically satisfied rating confirms a "resolved" answer (solved);
 * any other answer rated satisfied still closes unresolved. "Dissatisfied" reopens the item for
 * re-handling while reopens remain, else it closes unresolved.
 */
export function statusAfterRating(input: {
  status: OpinionStatus;
  rating: Rating;
  outcome: ReplyOutcome | null;
  reopenCount: number;
  maxReopens: number;
}): OpinionStatus | null {
  if (!canTransition(input.status, 'rate')) return null;
  if (input.rating === 'dissatisfied') {
    if (input.reopenCount < input.maxReopens)
      return input.status === 'answeredOnSpot' ? 'claimed' : 'forwarded';
    return 'closedUnresolved';
  }
  const resolved = input.status === 'answeredOnSpot' || input.outcome === 'resolved';
  return resolved ? 'closedResolved' : 'closedUnresolved';
}

/** Statuses in which nothing more happens to the opinion itself. */
export const TERMINAL_STATUSES: readonly OpinionStatus[] = [
  'merged',
  'inadmissible',
  'closedResolved',
  'closedUnresolved',
  'raisedAsSuggestion',
];
/** Open work: counted as "in progress" in statistics and reports. */
export const OPEN_STATUSES: readonly OpinionStatus[] = [
  'submitted',
  'claimed',
  'forwarded',
  'returnedToStaff',
  'replied',
  'answeredOnSpot',
];
/** Statuses a deadline runs in (the handling units' clock). */
export const DEADLINE_STATUSES: readonly OpinionStatus[] = ['forwarded'];
export const isTerminal = (s: OpinionStatus) => TERMINAL_STATUSES.includes(s);
