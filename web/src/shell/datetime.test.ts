import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './datetime';

describe('one date-time format for the app (Asia/Shanghai)', () => {
  it('shows a moment in Shanghai time with no stray colon, single-digit months and days padded', () => {
    expect(formatDateTime('2026-12-06T23:38:09Z')).toBe('2026-12-07 07:38');
    expect(formatDateTime('2027-01-31T16:05:00.000Z')).toBe('2027-02-01 00:05');
    expect(formatDateTime('2026-03-01T01:02:03Z', { seconds: true })).toBe('2026-03-01 09:02:03');
  });
  it('shows a date in Shanghai, and a plain date as it is', () => {
    expect(formatDate('2026-12-31T16:30:00Z')).toBe('2027-01-01');
    expect(formatDate('2027-03-08')).toBe('2027-03-08');
  });
  it('shows nothing for no value or a bad one', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });
});
