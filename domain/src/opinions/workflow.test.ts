import { describe, expect, it } from 'vitest';
import {
  OPINION_ACTIONS,
  OPINION_STATUSES,
  OPINION_TRANSITIONS,
  canTransition,
  nextStatus,
  statusAfterRating,
  type OpinionStatus,
} from './workflow';
import {
  orQuery,
  redactContent,
  segmentWords,
  searchText,
  SIMILAR_THRESHOLD,
  textSimilarity,
  trackingCodePattern,
} from './text';
import { opinionSettingsSchema, OPINION_RULES } from './rules';

// The whole table, written out: every (status, action) pair not listed here must be refused.
const ALLOWED: Record<string, OpinionStatus> = {
  'submitted/claim': 'claimed',
  'submitted/merge': 'merged',
  'claimed/answerOnSpot': 'answeredOnSpot',
  'claimed/forward': 'forwarded',
  'claimed/raiseAsSuggestion': 'raisedAsSuggestion',
  'claimed/merge': 'merged',
  'claimed/declareInadmissible': 'inadmissible',
  'returnedToStaff/answerOnSpot': 'answeredOnSpot',
  'returnedToStaff/forward': 'forwarded',
  'returnedToStaff/raiseAsSuggestion': 'raisedAsSuggestion',
  'returnedToStaff/merge': 'merged',
  'returnedToStaff/declareInadmissible': 'inadmissible',
  'forwarded/handBack': 'returnedToStaff',
  'forwarded/addNote': 'forwarded',
  'forwarded/reply': 'replied',
  'replied/verify': 'closedResolved',
  'replied/close': 'closedUnresolved',
  'answeredOnSpot/close': 'closedUnresolved',
};
const RATEABLE: OpinionStatus[] = ['replied', 'answeredOnSpot'];

describe('opinion workflow', () => {
  for (const status of OPINION_STATUSES) {
    for (const action of OPINION_ACTIONS) {
      if (action === 'rate') {
        it(`${RATEABLE.includes(status) ? 'allows' : 'refuses'} rating in ${status}`, () => {
          expect(canTransition(status, 'rate')).toBe(RATEABLE.includes(status));
        });
        continue;
      }
      const key = `${status}/${action}`;
      it(`${key} → ${ALLOWED[key] ?? 'refused'}`, () => {
        expect(nextStatus(status, action)).toBe(ALLOWED[key] ?? null);
      });
    }
  }

  it('lists exactly the allowed transitions in the table', () => {
    const listed = Object.entries(OPINION_TRANSITIONS)
      .filter(([a]) => a !== 'rate')
      .flatMap(([a, t]) => t.from.map((s) => `${s}/${a}`))
      .sort();
    expect(listed).toEqual(Object.keys(ALLOWED).sort());
  });

  it('counts a resolved answer as solved only when the citizen is satisfied', () => {
    const base = { status: 'replied' as const, reopenCount: 0, maxReopens: 1 };
    expect(statusAfterRating({ ...base, rating: 'satisfied', outcome: 'resolved' })).toBe('closedResolved');
    expect(statusAfterRating({ ...base, rating: 'basicallySatisfied', outcome: 'resolved' })).toBe(
      'closedResolved',
    );
    expect(statusAfterRating({ ...base, rating: 'satisfied', outcome: 'explained' })).toBe(
      'closedUnresolved',
    );
    expect(statusAfterRating({ ...base, rating: 'satisfied', outcome: 'partlyResolved' })).toBe(
      'closedUnresolved',
    );
  });

  it('reopens once on dissatisfied, then closes unresolved', () => {
    expect(
      statusAfterRating({
        status: 'replied',
        rating: 'dissatisfied',
        outcome: 'resolved',
        reopenCount: 0,
        maxReopens: 1,
      }),
    ).toBe('forwarded');
    expect(
      statusAfterRating({
        status: 'replied',
        rating: 'dissatisfied',
        outcome: 'resolved',
        reopenCount: 1,
        maxReopens: 1,
      }),
    ).toBe('closedUnresolved');
    expect(
      statusAfterRating({
        status: 'answeredOnSpot',
        rating: 'dissatisfied',
        outcome: null,
        reopenCount: 0,
        maxReopens: 1,
      }),
    ).toBe('claimed');
    expect(
      statusAfterRating({
        status: 'closedResolved',
        rating: 'satisfied',
        outcome: 'resolved',
        reopenCount: 0,
        maxReopens: 1,
      }),
    ).toBeNull();
  });
});

describe('opinion text', () => {
  it('segments Chinese into words for the simple text search', () => {
    const words = segmentWords('小区门口的路灯坏了，晚上很黑');
    expect(words).toContain('路灯');
    expect(searchText('路灯坏了！')).not.toMatch(/！/);
    expect(orQuery('路灯 坏了')).toMatch(/'路灯' \|/);
  });

  it('redacts phone and ID numbers for public display', () => {
    const out = redactContent('请联系13800138000或身份证440300199001011234，邮箱a@b.cn');
    expect(out).not.toMatch(/13800138000|440300199001011234|a@b\.cn/);
  });

  it('accepts only unambiguous tracking codes', () => {
    expect(trackingCodePattern.test('ABCDEFGH23')).toBe(true);
    expect(trackingCodePattern.test('ABCDEFGH10')).toBe(false);
  });

  it('defaults every setting to the rules file', () => {
    expect(opinionSettingsSchema.parse({}).replyWorkingDays).toBe(OPINION_RULES.replyWorkingDays);
    expect(opinionSettingsSchema.parse({}).receptionNoticeDays).toBe(3);
  });
});

describe('text similarity of opinions (character bigrams)', () => {
  it('finds the same matter in other words, and a short query inside a long opinion', () => {
    const a = '星河路的下水道堵塞，雨天积水严重';
    expect(textSimilarity('下水道积水', a)).toBeGreaterThanOrEqual(0.7);
    expect(textSimilarity('下水道又堵了，积水进了店里', a)).toBeGreaterThanOrEqual(SIMILAR_THRESHOLD);
  });
  it('does not match on one common word or on punctuation', () => {
    expect(textSimilarity('小区门口路灯坏了', '小区停车太难')).toBe(0);
    expect(textSimilarity('希望尽快解决小区里的噪音问题', '学校门口早晚高峰拥堵，希望增加交警')).toBeLessThan(
      SIMILAR_THRESHOLD,
    );
    expect(textSimilarity('，。！', '，。！')).toBe(0);
  });
});
