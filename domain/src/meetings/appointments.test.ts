// The rules of appointment and removal cases (任免): the two-month deadline after an election (地方组织法 Art. 71),
// what a filing must carry, the case's status machine and the status a vote gives it.
import { describe, expect, it } from 'vitest';
import {
  decidedStatus,
  fileAppointmentSchema,
  isFiledLate,
  newGovernmentDeadline,
  nextAppointmentStatus,
  recordOathSchema,
} from './index';

describe('the new government’s department heads within two months (地方组织法 Art. 71)', () => {
  it('counts two calendar months from the election, clamped to the month’s end, across a year end', () => {
    expect(newGovernmentDeadline('2026-01-10')).toBe('2026-03-10');
    expect(newGovernmentDeadline('2026-12-31')).toBe('2027-02-28');
    expect(newGovernmentDeadline('2027-12-30')).toBe('2028-02-29');
  });

  it('a case filed on the deadline is in time, the day after is late; no deadline, never late', () => {
    expect(isFiledLate('2026-03-10', '2026-03-10')).toBe(false);
    expect(isFiledLate('2026-03-10', '2026-03-11')).toBe(true);
    expect(isFiledLate(null, '2030-01-01')).toBe(false);
  });
});

const base = {
  kind: 'appoint',
  nominatingOrgan: 'districtHead',
  nomineeName: '林晓东',
  post: '区教育局局长',
  organization: '东岭区教育局',
  reasons: '工作需要',
  cv: '1978年生，中共党员',
};

describe('filing a case', () => {
  it('an appointment needs the CV; a removal does not', () => {
    expect(fileAppointmentSchema.safeParse({ ...base, cv: '' }).error?.issues[0]?.path).toEqual(['cv']);
    expect(fileAppointmentSchema.safeParse({ ...base, kind: 'remove', cv: '' }).success).toBe(true);
  });

  it('an acting head comes from the chairpersons’ meeting (Art. 50(13)); the Art. 71 date only for the district head’s appointments', () => {
    expect(fileAppointmentSchema.safeParse({ ...base, acting: true }).error?.issues[0]?.path).toEqual([
      'acting',
    ]);
    expect(
      fileAppointmentSchema.safeParse({ ...base, acting: true, nominatingOrgan: 'chairpersonsMeeting' })
        .success,
    ).toBe(true);
    expect(fileAppointmentSchema.safeParse({ ...base, electedOn: '2026-01-10' }).success).toBe(true);
    expect(
      fileAppointmentSchema.safeParse({ ...base, kind: 'remove', electedOn: '2026-01-10' }).error?.issues[0]
        ?.path,
    ).toEqual(['electedOn']);
  });

  it('an oath needs its day and its witness', () => {
    expect(recordOathSchema.safeParse({ on: '2026-03-01', witness: '' }).success).toBe(false);
    expect(recordOathSchema.safeParse({ on: '2026-03-01', witness: '王主任' }).success).toBe(true);
  });
});

describe('a case’s status', () => {
  it('goes on an agenda once, is withdrawn only undecided, and the vote decides it by its kind', () => {
    expect(nextAppointmentStatus('filed', 'putOnAgenda')).toBe('onAgenda');
    expect(nextAppointmentStatus('onAgenda', 'putOnAgenda')).toBeNull();
    expect(nextAppointmentStatus('onAgenda', 'withdraw')).toBe('withdrawn');
    expect(nextAppointmentStatus('appointed', 'withdraw')).toBeNull();
    expect(decidedStatus('appoint', true)).toBe('appointed');
    expect(decidedStatus('appoint', false)).toBe('notAppointed');
    expect(decidedStatus('remove', true)).toBe('removed');
    expect(decidedStatus('dismiss', false)).toBe('notRemoved');
  });
});
