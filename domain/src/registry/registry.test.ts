import { describe, expect, it } from 'vitest';
import {
  chairpersonsMeetingPositions,
  committeePositions,
  CONGRESS_LEVELS,
  createDeputySchema,
  createElectoralDistrictSchema,
  hasSecretaryGeneral,
  REGISTRY_RULES,
  updateElectoralDistrictSchema,
  mandateStatusChangeSchema,
  MANDATE_STATUSES,
  nextMandateStatus,
  SITTING_TRANSITIONS,
} from '.';

describe('mandate workflow', () => {
  it('suspends only an active mandate and reinstates only a suspended one', () => {
    expect(nextMandateStatus('active', 'suspend')).toBe('suspended');
    expect(nextMandateStatus('suspended', 'suspend')).toBeNull();
    expect(nextMandateStatus('suspended', 'reinstate')).toBe('active');
    expect(nextMandateStatus('active', 'reinstate')).toBeNull();
  });

  it('terminates an active or suspended mandate, and nothing leaves termination', () => {
    expect(nextMandateStatus('active', 'terminate')).toBe('terminated');
    expect(nextMandateStatus('suspended', 'terminate')).toBe('terminated');
    for (const action of ['suspend', 'terminate', 'reinstate'] as const)
      expect(nextMandateStatus('terminated', action)).toBeNull();
    expect(MANDATE_STATUSES).toEqual(['active', 'suspended', 'terminated']);
  });

  it('needs a reason and a date to suspend or terminate', () => {
    const r = mandateStatusChangeSchema.safeParse({ reason: ' ' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0]).sort()).toEqual(['date', 'reason']);
    expect(mandateStatusChangeSchema.safeParse({ reason: '迁出', date: '2026-01-05' }).success).toBe(true);
  });
});

describe('sittings', () => {
  it('open from planned, close from in session', () => {
    expect(SITTING_TRANSITIONS.open).toEqual({ from: 'planned', to: 'inSession' });
    expect(SITTING_TRANSITIONS.close).toEqual({ from: 'inSession', to: 'closed' });
  });
});

describe('deputy schema', () => {
  it('checks phone and ID number formats and refuses unknown fields', () => {
    const bad = createDeputySchema.safeParse({
      name: '张三',
      gender: 'male',
      phone: '12345',
      idNumber: '123',
      x: 1,
    });
    expect(bad.success).toBe(false);
    const fields = bad.error!.issues.flatMap((i) =>
      i.code === 'unrecognized_keys' ? i.keys : [String(i.path[0])],
    );
    expect(fields.sort()).toEqual(['idNumber', 'phone', 'x']);
    expect(
      createDeputySchema.safeParse({
        name: '张三',
        gender: 'female',
        phone: '13800138000',
        idNumber: '44030719800506002X',
      }).success,
    ).toBe(true);
  });
});

describe('electoral districts (选举法 Art. 25)', () => {
  const district = (seats: number) =>
    createElectoralDistrictSchema.safeParse({
      streetId: '0195a3c4-0000-7000-8000-000000000001',
      name: '第1选区',
      seats,
    });

  it('elect one to three deputies each', () => {
    expect([REGISTRY_RULES.electoralDistrictMinSeats, REGISTRY_RULES.electoralDistrictMaxSeats]).toEqual([
      1, 3,
    ]);
    expect([1, 2, 3].map((n) => district(n).success)).toEqual([true, true, true]);
  });

  it('refuse no seat, four seats or more, and a fraction of a seat, naming the field', () => {
    for (const n of [0, 4, 20, 2.5]) {
      const r = district(n);
      expect(r.success).toBe(false);
      expect(r.error!.issues.map((i) => i.path[0])).toEqual(['seats']);
    }
    expect(updateElectoralDistrictSchema.safeParse({ seats: 4 }).success).toBe(false);
    expect(updateElectoralDistrictSchema.safeParse({ seats: 3 }).success).toBe(true);
  });
});

describe('offices by the congress level (地方组织法 Art. 47, 54)', () => {
  it('gives a secretary-general to national, province and city standing committees only', () => {
    expect(CONGRESS_LEVELS.filter(hasSecretaryGeneral)).toEqual(['national', 'province', 'city']);
    expect(committeePositions('city', 'standingCommittee')).toEqual([
      'chair',
      'viceChair',
      'secretaryGeneral',
      'member',
    ]);
    expect(committeePositions('province', 'standingCommittee')).toContain('secretaryGeneral');
  });

  it('has no secretary-general in a district or township standing committee', () => {
    for (const level of ['district', 'township'] as const) {
      expect(committeePositions(level, 'standingCommittee')).toEqual(['chair', 'viceChair', 'member']);
      expect(chairpersonsMeetingPositions(level)).not.toContain('secretaryGeneral');
    }
  });

  it('makes the chairpersons meeting the chair and vice-chairs at district level, with the secretary-general above', () => {
    expect(chairpersonsMeetingPositions('district')).toEqual(['chair', 'viceChair']);
    expect(chairpersonsMeetingPositions('city')).toEqual(['chair', 'viceChair', 'secretaryGeneral']);
    expect(chairpersonsMeetingPositions('province')).toEqual(['chair', 'viceChair', 'secretaryGeneral']);
  });

  it('appoints nobody to the chairpersons meeting directly, and gives working committees a director', () => {
    for (const level of CONGRESS_LEVELS) {
      expect(committeePositions(level, 'chairpersonsMeeting')).toEqual([]);
      expect(committeePositions(level, 'workingCommittee')).toEqual(['director', 'viceChair', 'member']);
    }
  });
});
