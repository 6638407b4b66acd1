import { describe, expect, it } from 'vitest';
import { shippedExceptions } from '../calendar';
import type { CalendarExceptions } from '../calendar';
import {
  MOTION_EVENTS,
  MOTION_STATUSES,
  MOTION_TRANSITIONS,
  SUGGESTION_EVENTS,
  SUGGESTION_STATUSES,
  SUGGESTION_TRANSITIONS,
  assignDueDate,
  chineseNumeral,
  formatSuggestionNumber,
  handBackDueDate,
  motionThreshold,
  nextMotionStatus,
  nextStatus,
  rehandlingDueDate,
  replyDueDate,
  suggestionSettingsSchema,
} from '.';

// The expected table, written out independently of the implementation: [from, event, to].
const ALLOWED: [string, string, string][] = [
  ['draft', 'edit', 'draft'],
  ['draft', 'submit', 'submitted'],
  ['draft', 'requestCosigners', 'awaitingCosigners'],
  ['draft', 'withdraw', 'withdrawn'],
  ['awaitingCosigners', 'confirmCosign', 'awaitingCosigners'],
  ['awaitingCosigners', 'declineCosign', 'awaitingCosigners'],
  ['awaitingCosigners', 'allCosigned', 'submitted'],
  ['awaitingCosigners', 'withdraw', 'withdrawn'],
  ['submitted', 'merge', 'submitted'],
  ['submitted', 'accept', 'accepted'],
  ['submitted', 'return', 'returnedForRevision'],
  ['submitted', 'refer', 'referredAsOpinion'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['returnedForRevision', 'edit', 'returnedForRevision'],
  ['returnedForRevision', 'resubmit', 'submitted'],
  ['returnedForRevision', 'withdraw', 'withdrawn'],
  ['accepted', 'merge', 'accepted'],
  ['accepted', 'selectKey', 'accepted'],
  ['accepted', 'supervise', 'accepted'],
  ['accepted', 'assign', 'assigned'],
  ['accepted', 'withdraw', 'withdrawn'],
  ['assigned', 'extend', 'assigned'],
  ['assigned', 'logContact', 'assigned'],
  ['assigned', 'addOpinion', 'assigned'],
  ['assigned', 'selectKey', 'assigned'],
  ['assigned', 'supervise', 'assigned'],
  ['assigned', 'requestHandBack', 'handBackRequested'],
  ['assigned', 'reply', 'replied'],
  ['handBackRequested', 'disputeHandBack', 'handBackRequested'],
  ['handBackRequested', 'extend', 'handBackRequested'],
  ['handBackRequested', 'selectKey', 'handBackRequested'],
  ['handBackRequested', 'supervise', 'handBackRequested'],
  ['handBackRequested', 'reassign', 'assigned'],
  ['handBackRequested', 'keepAssignment', 'assigned'],
  ['replied', 'rate', 'replied'],
  ['replied', 'addOpinion', 'replied'],
  ['replied', 'publish', 'replied'],
  ['replied', 'selectKey', 'replied'],
  ['replied', 'supervise', 'replied'],
  ['replied', 'completeRatings', 'rated'],
  ['rated', 'publish', 'rated'],
  ['rated', 'selectKey', 'rated'],
  ['rated', 'supervise', 'rated'],
  ['rated', 'rehandle', 'rehandling'],
  ['rated', 'followUp', 'followUp'],
  ['rated', 'close', 'closed'],
  ['rehandling', 'logContact', 'rehandling'],
  ['rehandling', 'addOpinion', 'rehandling'],
  ['rehandling', 'selectKey', 'rehandling'],
  ['rehandling', 'supervise', 'rehandling'],
  ['rehandling', 'reply', 'replied'],
  ['followUp', 'publish', 'followUp'],
  ['followUp', 'selectKey', 'followUp'],
  ['followUp', 'supervise', 'followUp'],
  ['followUp', 'reportSolved', 'closed'],
  ['closed', 'publish', 'closed'],
];

describe('suggestion workflow table', () => {
  const allowed = new Map(ALLOWED.map(([f, e, t]) => [`${f}:${e}`, t]));

  it('lists exactly the expected transitions', () => {
    const actual = SUGGESTION_STATUSES.flatMap((s) =>
      Object.entries(SUGGESTION_TRANSITIONS[s]).map(([e, t]) => `${s}:${e}:${t}`),
    );
    expect(actual.sort()).toEqual(ALLOWED.map((a) => a.join(':')).sort());
  });

  for (const [from, event, to] of ALLOWED) {
    it(`allows ${event} from ${from} to ${to}`, () =>
      expect(nextStatus(from as never, event as never)).toBe(to));
  }

  // Every other (status, event) pair is forbidden: generated from the statuses and events.
  const forbidden = SUGGESTION_STATUSES.flatMap((s) =>
    SUGGESTION_EVENTS.filter((e) => !allowed.has(`${s}:${e}`)).map((e) => [s, e] as const),
  );
  it('has forbidden pairs for every status', () => {
    expect(forbidden.length + ALLOWED.length).toBe(SUGGESTION_STATUSES.length * SUGGESTION_EVENTS.length);
  });
  for (const [from, event] of forbidden) {
    it(`forbids ${event} from ${from}`, () => expect(nextStatus(from, event)).toBeNull());
  }

  it('never lets a suggestion be withdrawn once assigned', () => {
    for (const s of [
      'assigned',
      'handBackRequested',
      'replied',
      'rated',
      'rehandling',
      'followUp',
      'closed',
    ] as const) {
      expect(nextStatus(s, 'withdraw')).toBeNull();
    }
  });
  it('has no way out of the end states except publishing a closed item', () => {
    expect(Object.keys(SUGGESTION_TRANSITIONS.withdrawn)).toEqual([]);
    expect(Object.keys(SUGGESTION_TRANSITIONS.referredAsOpinion)).toEqual([]);
    expect(Object.values(SUGGESTION_TRANSITIONS.closed)).toEqual(['closed']);
  });
});

describe('motion workflow table', () => {
  const expected: Record<string, string> = {
    'submitted:putOnAgenda': 'onAgenda',
    'submitted:handleAsSuggestion': 'handledAsSuggestion',
    'submitted:withdraw': 'withdrawn',
    'onAgenda:withdraw': 'withdrawn',
  };
  for (const s of MOTION_STATUSES) {
    for (const e of MOTION_EVENTS) {
      const want = expected[`${s}:${e}`] ?? null;
      it(`${want ? 'allows' : 'forbids'} ${e} from ${s}`, () => expect(nextMotionStatus(s, e)).toBe(want));
    }
  }
  it('matches the table', () => {
    const n = MOTION_STATUSES.reduce((a, s) => a + Object.keys(MOTION_TRANSITIONS[s]).length, 0);
    expect(n).toBe(Object.keys(expected).length);
  });
});

describe('deadlines across the 2026 Spring Festival (15–23 Feb off, Sat 14 and Sat 28 Feb worked)', () => {
  const ex: CalendarExceptions = shippedExceptions(2025, 2027);
  const s = suggestionSettingsSchema.parse({});

  it('counts the adjusted working Saturday and skips the holiday for the 5-working-day assignment', () => {
    // Thu 12 Feb submitted: Fri 13 (1), Sat 14 worked (2), 15–23 off, Tue 24 (3), Wed 25 (4), Thu 26 (5).
    expect(assignDueDate('2026-02-12', s, ex)).toBe('2026-02-26');
    // Without the calendar it would be Thu 19 Feb, in the middle of the holiday.
    expect(assignDueDate('2026-02-12', s, new Map())).toBe('2026-02-19');
  });

  it('ends the 7-working-day hand-back window on the worked Saturday 28 Feb', () => {
    // 13, 14, 24, 25, 26, 27, 28 (Sat, worked).
    expect(handBackDueDate('2026-02-12', s, ex)).toBe('2026-02-28');
    expect(handBackDueDate('2026-02-12', { ...s, handBackWithinWorkingDays: 3 }, ex)).toBe('2026-02-24');
  });

  it('counts the reply deadline in calendar months from assignment, holidays included (Art. 51 ¶2)', () => {
    expect(replyDueDate('2025-11-30', s, false)).toBe('2026-02-28');
    expect(replyDueDate('2025-11-14', s, false)).toBe('2026-02-14');
    expect(replyDueDate('2025-11-30', s, true)).toBe('2026-05-30');
  });

  it('gives re-handling one month from the dissatisfied rating', () => {
    expect(rehandlingDueDate('2026-01-31', s)).toBe('2026-02-28');
    expect(rehandlingDueDate('2026-02-16', s)).toBe('2026-03-16');
  });
});

describe('rules', () => {
  it('numbers per sitting and between sittings', () => {
    expect(formatSuggestionNumber(7, 2, 91)).toBe('第七届二次会议第0091号');
    expect(formatSuggestionNumber(7, null, 1)).toBe('第七届闭会期间第0001号');
    expect(formatSuggestionNumber(12, 3, 5, 'motion')).toBe('第十二届三次会议议案第0005号');
    expect([1, 10, 11, 20, 21, 99].map(chineseNumeral)).toEqual([
      '一',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
    ]);
  });
  it('needs 10 deputies at a sitting and 3 standing-committee members between sittings by default', () => {
    const s = suggestionSettingsSchema.parse({});
    expect(motionThreshold(s, true)).toEqual({ min: 10, who: 'deputies' });
    expect(motionThreshold(s, false)).toEqual({ min: 3, who: 'standingCommitteeMembers' });
  });
  it('keeps the hand-back window within 3–7 working days', () => {
    expect(suggestionSettingsSchema.safeParse({ handBackWithinWorkingDays: 2 }).success).toBe(false);
    expect(suggestionSettingsSchema.safeParse({ handBackWithinWorkingDays: 8 }).success).toBe(false);
    expect(suggestionSettingsSchema.parse({}).replyCategories.map((c) => c.code)).toEqual([
      'A',
      'B',
      'C',
      'D',
    ]);
  });
});
