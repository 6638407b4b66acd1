import { describe, expect, it } from 'vitest';
import { followUpOutcome, redactPublicText } from '.';

const ORDER = ['A', 'B', 'C', 'D'];

describe('follow-up outcome (跟踪办理)', () => {
  it('counts an item reported solved as solved, whatever its category', () => {
    expect(followUpOutcome(ORDER, 'B', 'B', true)).toBe('solved');
    expect(followUpOutcome(ORDER, 'C', 'C', true)).toBe('solved');
  });
  it('counts an item re-answered with the first category (A) as solved', () => {
    expect(followUpOutcome(ORDER, 'C', 'A', false)).toBe('solved');
  });
  it('counts C moved to B as improved', () => {
    expect(followUpOutcome(ORDER, 'C', 'B', false)).toBe('improved');
  });
  it('counts an unchanged or worse category as pending', () => {
    expect(followUpOutcome(ORDER, 'B', 'B', false)).toBe('pending');
    expect(followUpOutcome(ORDER, 'B', 'C', false)).toBe('pending');
    expect(followUpOutcome(ORDER, 'C', 'D', false)).toBe('pending');
    expect(followUpOutcome(ORDER, 'B', null, false)).toBe('pending');
  });
});

describe('public text', () => {
  it('masks mobile numbers in a published reply and leaves other numbers alone', () => {
    expect(redactPublicText('联系人张科长，电话13812345678。')).toBe('联系人张科长，电话138****5678。');
    expect(redactPublicText('投入资金120000000元，编号2026年第0091号')).toBe(
      '投入资金120000000元，编号2026年第0091号',
    );
  });
});
