import { describe, expect, it } from 'vitest';
import {
  createDeputySchema,
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
