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
  monthDeadline,
  motionBodySources,
  motionDecisionBody,
  motionThreshold,
  nextWorkingDayFrom,
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
  ['assigned', 'applyExtension', 'assigned'],
  ['assigned', 'approveExtension', 'assigned'],
  ['assigned', 'refuseExtension', 'assigned'],
  ['assigned', 'logContact', 'assigned'],
  ['assigned', 'addOpinion', 'assigned'],
  ['assigned', 'selectKey', 'assigned'],
  ['assigned', 'supervise', 'assigned'],
  ['assigned', 'requestHandBack', 'handBackRequested'],
  ['assigned', 'reply', 'replied'],
  ['handBackRequested', 'disputeHandBack', 'handBackRequested'],
  ['handBackRequested', 'approveExtension', 'handBackRequested'],
  ['handBackRequested', 'refuseExtension', 'handBackRequested'],
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
  ['rated', 'referRehandling', 'rehandlingReview'],
  ['rated', 'rehandle', 'rehandling'],
  ['rated', 'followUp', 'followUp'],
  ['rated', 'close', 'closed'],
  ['rehandlingReview', 'selectKey', 'rehandlingReview'],
  ['rehandlingReview', 'supervise', 'rehandlingReview'],
  ['rehandlingReview', 'rehandle', 'rehandling'],
  ['rehandlingReview', 'followUp', 'followUp'],
  ['rehandlingReview', 'close', 'closed'],
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
      'rehandlingReview',
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
    // Sat 28 Feb and Sat 14 Feb 2026 are worked Saturdays (调休), so they stay.
    expect(replyDueDate('2025-11-30', s, false, ex)).toBe('2026-02-28');
    expect(replyDueDate('2025-11-14', s, false, ex)).toBe('2026-02-14');
    // Sat 30 May 2026 is a rest day: the next working day, Mon 1 Jun (民法典 Art. 203 by analogy).
    expect(replyDueDate('2025-11-30', s, true, ex)).toBe('2026-06-01');
    expect(replyDueDate('2025-11-30', { ...s, monthDeadlineMovesToWorkingDay: false }, true, ex)).toBe(
      '2026-05-30',
    );
  });

  it('gives re-handling one month from going back to the unit', () => {
    expect(rehandlingDueDate('2026-01-31', s, ex)).toBe('2026-02-28');
    expect(rehandlingDueDate('2026-02-16', s, ex)).toBe('2026-03-16');
  });
});

describe('a month deadline that ends on a rest day (民法典 Art. 203 by analogy)', () => {
  const s = suggestionSettingsSchema.parse({});
  const none: CalendarExceptions = new Map();

  it('moves 3 months from 2026-12-07, Sunday 2027-03-07, to Monday 2027-03-08', () => {
    expect(monthDeadline('2026-12-07', 3, s, none)).toBe('2027-03-08');
    expect(replyDueDate('2026-12-07', s, false, none)).toBe('2027-03-08');
  });
  it('keeps the Sunday when the setting is off', () => {
    expect(replyDueDate('2026-12-07', { ...s, monthDeadlineMovesToWorkingDay: false }, false, none)).toBe(
      '2027-03-07',
    );
  });
  it('keeps a deadline that already falls on a working day', () => {
    expect(replyDueDate('2026-12-08', s, false, none)).toBe('2027-03-08');
  });
  it('moves past every rest day of a holiday and stops on a worked Saturday', () => {
    const ex: CalendarExceptions = new Map([
      ['2027-10-01', 'holiday'],
      ['2027-10-04', 'holiday'],
      ['2027-10-05', 'holiday'],
      ['2027-10-09', 'workday'],
    ]);
    // Fri 1 Oct off, Sat 2, Sun 3, Mon 4 and Tue 5 off: Wed 6 Oct.
    expect(monthDeadline('2027-04-01', 6, s, ex)).toBe('2027-10-06');
    expect(nextWorkingDayFrom('2027-10-09', ex)).toBe('2027-10-09');
  });
  it('moves the extended 6-month deadline too', () => {
    // 2026-12-07 + 6 months = Mon 2027-06-07, which stays; 2026-12-05 + 6 months = Sat 2027-06-05 → Mon 7 June.
    expect(replyDueDate('2026-12-07', s, true, none)).toBe('2027-06-07');
    expect(replyDueDate('2026-12-05', s, true, none)).toBe('2027-06-07');
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
  it('refuses an extended limit shorter than the normal one, naming extendedReplyMonths', () => {
    const r = suggestionSettingsSchema.safeParse({ replyMonths: 3, extendedReplyMonths: 2 });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['extendedReplyMonths']);
    expect(suggestionSettingsSchema.safeParse({ replyMonths: 2, extendedReplyMonths: 2 }).success).toBe(true);
  });
  it('defaults to staff review of re-handling, a restarted clock after re-assignment, and moving to a working day', () => {
    expect(suggestionSettingsSchema.parse({})).toMatchObject({
      rehandlingReview: 'staffReview',
      reassignmentClock: 'fromReassignment',
      monthDeadlineMovesToWorkingDay: true,
    });
  });
});

describe('motions by level (地方组织法 Art. 22, 52)', () => {
  it('needs 10 deputies at a district (county-level) sitting and 5 at a township sitting', () => {
    expect(motionThreshold('district', true)).toEqual({ min: 10, who: 'deputies' });
    expect(motionThreshold('city', true)).toEqual({ min: 10, who: 'deputies' });
    expect(motionThreshold('province', true)).toEqual({ min: 10, who: 'deputies' });
    expect(motionThreshold('township', true)).toEqual({ min: 5, who: 'deputies' });
  });
  it('needs 3 standing-committee members at district level and 5 at city and province between sittings', () => {
    expect(motionThreshold('district', false)).toEqual({ min: 3, who: 'standingCommitteeMembers' });
    expect(motionThreshold('city', false)).toEqual({ min: 5, who: 'standingCommitteeMembers' });
    expect(motionThreshold('province', false)).toEqual({ min: 5, who: 'standingCommitteeMembers' });
  });
  it('takes no motion between sittings at a township, which has no standing committee', () => {
    expect(motionThreshold('township', false)).toBeNull();
    expect(motionBodySources('township', false)).toEqual([]);
  });
  it('lets the presidium, standing committee, special committees and government put motions at a sitting', () => {
    expect(motionBodySources('district', true)).toEqual([
      'presidium',
      'standingCommittee',
      'specialCommittee',
      'government',
    ]);
    expect(motionBodySources('township', true)).toEqual(['presidium', 'government']);
    expect(motionBodySources('district', false)).not.toContain('presidium');
  });
  it('has a sitting motion decided by the presidium and one between sittings by the chairpersons meeting', () => {
    expect(motionDecisionBody(true)).toBe('presidium');
    expect(motionDecisionBody(false)).toBe('chairpersonsMeeting');
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
