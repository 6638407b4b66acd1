import { describe, expect, it } from 'vitest';
import {
  activitiesSettingsSchema,
  activityMonthSentence,
  DEFAULT_POINTS_PER_UNIT,
  dutyPoints,
  inCheckInWindow,
  periodOf,
} from './rules';

describe('duty points', () => {
  it('multiplies each kind of work by its points and adds them up; a negative or fractional count is not counted', () => {
    const r = dutyPoints(
      {
        suggestions: 2,
        receptions: 3,
        activities: 4,
        meetingsAttended: -1,
        firmVisits: 2,
        pledgesFulfilled: 1,
      },
      DEFAULT_POINTS_PER_UNIT,
    );
    expect(r.total).toBe(2 * 5 + 3 * 3 + 4 * 2 + 2 * 2 + 1 * 3);
    expect(r.lines.map((l) => l.kind)).toEqual([
      'suggestions',
      'receptions',
      'activities',
      'meetingsAttended',
      'firmVisits',
      'pledgesFulfilled',
    ]);
    expect(
      dutyPoints(
        {
          suggestions: 1.7,
          receptions: 0,
          activities: 0,
          meetingsAttended: 0,
          firmVisits: 0,
          pledgesFulfilled: 0,
        },
        DEFAULT_POINTS_PER_UNIT,
      ).total,
    ).toBe(5);
  });
});

describe('the check-in window', () => {
  const a = { startsAt: new Date('2026-07-08T01:00:00Z'), endsAt: new Date('2026-07-08T03:00:00Z') };
  it('opens minutesBefore the start and closes minutesAfter the end, edges included', () => {
    const w = { minutesBefore: 30, minutesAfter: 0 };
    expect(inCheckInWindow(new Date('2026-07-08T00:29:59Z'), a, w)).toBe(false);
    expect(inCheckInWindow(new Date('2026-07-08T00:30:00Z'), a, w)).toBe(true);
    expect(inCheckInWindow(new Date('2026-07-08T03:00:00Z'), a, w)).toBe(true);
    expect(inCheckInWindow(new Date('2026-07-08T03:00:01Z'), a, w)).toBe(false);
    expect(inCheckInWindow(new Date('2026-07-08T03:10:00Z'), a, { minutesBefore: 0, minutesAfter: 15 })).toBe(
      true,
    );
  });
});

describe('periods in Shanghai time', () => {
  it('runs from the first day’s midnight to the midnight after the last day, at +08:00', () => {
    const p = periodOf('2026-07-01', '2026-08-31');
    expect(p.from.toISOString()).toBe('2026-06-30T16:00:00.000Z');
    expect(p.to.toISOString()).toBe('2026-08-31T16:00:00.000Z');
  });
});

describe('the settings', () => {
  it('defaults every number and refuses duplicate kinds', () => {
    const s = activitiesSettingsSchema.parse({});
    expect(s.checkInWindow).toEqual({ minutesBefore: 30, minutesAfter: 0 });
    expect(s.requireCheckInToken).toBe(false);
    expect(s.kinds).toContain('inspection');
    expect(activitiesSettingsSchema.safeParse({ kinds: ['forum', 'forum'] }).success).toBe(false);
  });
});

it('writes the activity month sentence from the figures', () => {
  expect(
    activityMonthSentence({ activities: 95, attendances: 872, received: 1155, opinions: 240, solved: 123 }),
  ).toBe(
    '组织各级人大代表参加活动872人次，开展各类活动95场，接待群众1155人次，收集群众意见建议240件，已解决123件',
  );
});
