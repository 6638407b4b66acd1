// The suggestion lifecycle as a pure transition table (代表法 Art. 51–52; LEGAL-RULES.md §1, §7).
// Each (status, event) has at most one next status; commands pick the event, the table says if it is allowed.

export const SUGGESTION_STATUSES = [
  'draft',
  'awaitingCosigners',
  'submitted',
  'returnedForRevision',
  'referredAsOpinion',
  'accepted',
  'assigned',
  'handBackRequested',
  'replied',
  'rated',
  'rehandlingReview',
  'rehandling',
  'followUp',
  'closed',
  'withdrawn',
] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

export const SUGGESTION_EVENTS = [
  'edit',
  'submit', // draft or revision → submitted (no co-signers left to confirm)
  'requestCosigners', // draft → awaitingCosigners
  'confirmCosign', // one co-signer confirms; stays
  'declineCosign', // one co-signer declines; stays
  'allCosigned', // the last confirmation → submitted
  'withdraw', // before assignment only
  'accept', // quality review
  'return', // quality review: back to the deputy with comments
  'refer', // quality review: handled as an ordinary opinion, with the reason
  'resubmit', // returnedForRevision → submitted
  'merge', // into a handling case (并案); stays
  'assign', // 交办: lead and assisting units
  'requestHandBack', // a unit asks to hand the item back, with a reason
  'reassign', // staff re-assign after a hand-back request
  'keepAssignment', // staff refuse the hand-back
  'disputeHandBack', // listed for the chairpersons' meeting; stays
  'applyExtension', // the lead unit applies for the extended limit, with its reason (上海规定 Art. 19); stays
  'approveExtension', // staff approve: the deadline becomes 6 months from assignment; stays
  'refuseExtension', // staff refuse; stays
  'logContact', // 沟通见面; stays
  'addOpinion', // an assisting unit's opinion; stays
  'reply', // the lead unit answers → replied
  'rate', // one rater rates; stays
  'completeRatings', // every rater has rated → rated
  'referRehandling', // a dissatisfied rating → rehandlingReview (the 代表工委 studies the reasons, 上海规定 Art. 21)
  'rehandle', // back to the unit → rehandling (second reply within 1 month)
  'followUp', // answered B or C → followUp
  'close', // A or D, or after re-handling
  'reportSolved', // the unit reports a B/C item solved → closed
  'selectKey', // 重点督办 by the chairpersons' meeting; stays
  'supervise', // the leading leader logs a meeting, visit or progress; stays
  'publish', // the reply is published; stays
] as const;
export type SuggestionEvent = (typeof SUGGESTION_EVENTS)[number];

const stay = <E extends SuggestionEvent>(s: SuggestionStatus, events: readonly E[]) =>
  Object.fromEntries(events.map((e) => [e, s])) as Record<E, SuggestionStatus>;

const SUPERVISABLE = ['selectKey', 'supervise'] as const;

export const SUGGESTION_TRANSITIONS: Readonly<
  Record<SuggestionStatus, Partial<Record<SuggestionEvent, SuggestionStatus>>>
> = {
  draft: {
    ...stay('draft', ['edit']),
    submit: 'submitted',
    requestCosigners: 'awaitingCosigners',
    withdraw: 'withdrawn',
  },
  awaitingCosigners: {
    ...stay('awaitingCosigners', ['confirmCosign', 'declineCosign']),
    allCosigned: 'submitted',
    withdraw: 'withdrawn',
  },
  submitted: {
    ...stay('submitted', ['merge']),
    accept: 'accepted',
    return: 'returnedForRevision',
    refer: 'referredAsOpinion',
    withdraw: 'withdrawn',
  },
  returnedForRevision: {
    ...stay('returnedForRevision', ['edit']),
    resubmit: 'submitted',
    withdraw: 'withdrawn',
  },
  referredAsOpinion: {},
  accepted: { ...stay('accepted', ['merge', ...SUPERVISABLE]), assign: 'assigned', withdraw: 'withdrawn' },
  assigned: {
    ...stay('assigned', [
      'applyExtension',
      'approveExtension',
      'refuseExtension',
      'logContact',
      'addOpinion',
      ...SUPERVISABLE,
    ]),
    requestHandBack: 'handBackRequested',
    reply: 'replied',
  },
  handBackRequested: {
    ...stay('handBackRequested', ['disputeHandBack', 'approveExtension', 'refuseExtension', ...SUPERVISABLE]),
    reassign: 'assigned',
    keepAssignment: 'assigned',
  },
  replied: {
    ...stay('replied', ['rate', 'addOpinion', 'publish', ...SUPERVISABLE]),
    completeRatings: 'rated',
  },
  rated: {
    ...stay('rated', ['publish', ...SUPERVISABLE]),
    referRehandling: 'rehandlingReview',
    rehandle: 'rehandling',
    followUp: 'followUp',
    close: 'closed',
  },
  // Staff decide: back to the unit, or not (then follow-up for B and C, else closed).
  rehandlingReview: {
    ...stay('rehandlingReview', SUPERVISABLE),
    rehandle: 'rehandling',
    followUp: 'followUp',
    close: 'closed',
  },
  rehandling: { ...stay('rehandling', ['logContact', 'addOpinion', ...SUPERVISABLE]), reply: 'replied' },
  followUp: { ...stay('followUp', ['publish', ...SUPERVISABLE]), reportSolved: 'closed' },
  closed: { ...stay('closed', ['publish']) },
  withdrawn: {},
};

/** The next status, or null when the event is not allowed in this status. */
export function nextStatus(status: SuggestionStatus, event: SuggestionEvent): SuggestionStatus | null {
  return SUGGESTION_TRANSITIONS[status]?.[event] ?? null;
}

export const canHappen = (status: SuggestionStatus, event: SuggestionEvent): boolean =>
  nextStatus(status, event) !== null;

/** Statuses in which the unit's reply clock runs (overdue applies). */
export const HANDLING_STATUSES: readonly SuggestionStatus[] = ['assigned', 'handBackRequested', 'rehandling'];

// ---------- motions (议案): the presidium or chairpersons' meeting decides, the record follows ----------
export const MOTION_STATUSES = ['submitted', 'onAgenda', 'handledAsSuggestion', 'withdrawn'] as const;
export type MotionStatus = (typeof MOTION_STATUSES)[number];
export const MOTION_EVENTS = ['putOnAgenda', 'handleAsSuggestion', 'withdraw'] as const;
export type MotionEvent = (typeof MOTION_EVENTS)[number];
export const MOTION_TRANSITIONS: Readonly<Record<MotionStatus, Partial<Record<MotionEvent, MotionStatus>>>> =
  {
    submitted: { putOnAgenda: 'onAgenda', handleAsSuggestion: 'handledAsSuggestion', withdraw: 'withdrawn' },
    // 地方组织法 Art. 22: a filer may withdraw before the vote with the presidium's consent.
    onAgenda: { withdraw: 'withdrawn' },
    handledAsSuggestion: {},
    withdrawn: {},
  };
export const nextMotionStatus = (status: MotionStatus, event: MotionEvent): MotionStatus | null =>
  MOTION_TRANSITIONS[status]?.[event] ?? null;
