// Issue 16 §3 against a real database: extensions applied for and decided (上海规定 Art. 19), a re-assignment's
// clock, the month deadline on a rest day (民法典 Art. 203 by analogy), and the 代表工委's review of re-handling
// (上海规定 Art. 21).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/platform.table';
import { signIn } from '../../../test/platform-fixtures';
import type { TestClient, TestEnv } from '../../../test/harness';
import { buildLegalWorld, legalSteps, setSuggestion, settingsUrl } from '../../../test/suggestions.fixture';

let t: TestEnv;
const dep: Record<string, string> = {};
const unit: Record<string, string> = {};
const c: Record<string, TestClient> = {};
const { snapshot, ok, detail, notified, shanghaiDay, make, assignedOn, withSettings } = legalSteps(() => ({
  t,
  c,
  dep,
  unit,
}));

beforeAll(async () => {
  ({ t } = await buildLegalWorld({ dep, unit, c }));
});
afterAll(async () => t?.close());

describe('extensions (上海规定 Art. 19)', () => {
  it('lets the lead unit apply with its reason; staff approve; the deadline becomes 6 months and the deputies are told', async () => {
    const id = await make('assigned');
    const before = await detail(id);
    expect((await detail(id, 'unitA')).abilities.applyExtension).toBe(true);
    const applied = await c.unitA.post(`/api/v1/suggestions/${id}/extension`, { reason: '涉及多个部门协调' });
    ok(applied);
    expect(applied.json().status).toBe('assigned');
    const pending = await detail(id);
    expect(pending.extended).toBe(false);
    expect(pending.deadline).toBe(before.deadline);
    expect(pending.extensions).toMatchObject([
      { reason: '涉及多个部门协调', status: 'pending', unit: { id: unit.a } },
    ]);
    expect(pending.abilities.decideExtension).toBe(true);
    expect((await detail(id, 'unitA')).abilities.applyExtension).toBe(false);
    expect(
      (await c.staff.get('/api/v1/suggestion-extensions'))
        .json()
        .items.some((e: { suggestionId: string }) => e.suggestionId === id),
    ).toBe(true);
    // A second application while one is pending is refused.
    const twice = await c.unitA.post(`/api/v1/suggestions/${id}/extension`, { reason: 'again' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('extension_pending');

    ok(await c.staff.post(`/api/v1/suggestions/${id}/extension/decision`, { decision: 'approve' }));
    const after = await detail(id);
    expect(after.extended).toBe(true);
    expect(after.extensionReason).toBe('涉及多个部门协调');
    expect(after.extensions[0]).toMatchObject({ status: 'approved', deadlineAfter: after.deadline });
    const gain = (new Date(after.deadline).getTime() - new Date(before.deadline).getTime()) / 86_400_000;
    expect(gain).toBeGreaterThan(85);
    expect(gain).toBeLessThan(95);
    expect(await notified('p', 'suggestion.extensionApproved', id)).toBe(true);
    expect(await notified('co', 'suggestion.extensionApproved', id)).toBe(true);
    expect(await notified('unitA', 'suggestion.extensionApproved', id)).toBe(true);
    const again = await c.unitA.post(`/api/v1/suggestions/${id}/extension`, { reason: 'again' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_extended');
    const audits = await t.services.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, id))
      .orderBy(auditEvents.createdAt, auditEvents.id);
    expect(audits.map((a) => a.action).slice(-2)).toEqual([
      'suggestion.applyExtension',
      'suggestion.approveExtension',
    ]);
  });

  it('refuses with a reason: the deadline stays, the deputies and the unit are told', async () => {
    const id = await make('assigned');
    ok(await c.unitA.post(`/api/v1/suggestions/${id}/extension`, { reason: '需要更多时间' }));
    const before = await snapshot(id);
    const noReason = await c.staff.post(`/api/v1/suggestions/${id}/extension/decision`, {
      decision: 'refuse',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.headers['content-type']).toContain('application/problem+json');
    expect(noReason.json().errors[0]).toMatchObject({ field: 'comment' });
    expect(await snapshot(id)).toEqual(before);
    ok(
      await c.staff.post(`/api/v1/suggestions/${id}/extension/decision`, {
        decision: 'refuse',
        comment: '事项不复杂，应按期答复',
      }),
    );
    const after = await detail(id);
    expect(after.extended).toBe(false);
    expect(after.deadline).toBe(before.row.deadline!.toISOString());
    expect(after.extensions[0]).toMatchObject({
      status: 'refused',
      decisionComment: '事项不复杂，应按期答复',
    });
    expect(await notified('p', 'suggestion.extensionRefused', id)).toBe(true);
    expect(await notified('unitA', 'suggestion.extensionRefused', id)).toBe(true);
    const none = await c.staff.post(`/api/v1/suggestions/${id}/extension/decision`, { decision: 'approve' });
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('no_extension_pending');
  });

  it('closes an application still open when the unit replies', async () => {
    const id = await make('assigned');
    ok(await c.unitA.post(`/api/v1/suggestions/${id}/extension`, { reason: '协调中' }));
    ok(await c.unitA.post(`/api/v1/suggestions/${id}/contacts`, { method: 'phone', summary: '电话沟通' }));
    ok(await c.unitA.post(`/api/v1/suggestions/${id}/reply`, { category: 'A', content: '已解决' }));
    const d = await detail(id);
    expect(d.extensions.map((e: { status: string }) => e.status)).toEqual(['superseded']);
    expect(
      (await c.staff.get('/api/v1/suggestion-extensions'))
        .json()
        .items.some((e: { suggestionId: string }) => e.suggestionId === id),
    ).toBe(false);
  });

  it('refuses an application once the deadline has lapsed, with nothing changed', async () => {
    const id = await make('assigned');
    await setSuggestion(t, id, { deadline: new Date(Date.now() - 60_000) });
    expect((await detail(id, 'unitA')).abilities.applyExtension).toBe(false);
    const before = await snapshot(id);
    const res = await c.unitA.post(`/api/v1/suggestions/${id}/extension`, { reason: '来不及了' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('deadline_lapsed');
    expect(res.json().messages).toEqual({
      zh: '办理期限已过，不能再申请延期',
      en: 'The deadline has lapsed: an extension can no longer be applied for',
    });
    expect(await snapshot(id)).toEqual(before);
  });

  it('refuses the application to all but the lead unit, and the decision to all but staff, changing nothing', async () => {
    const id = await make('assigned');
    let before = await snapshot(id);
    for (const who of ['p', 'co', 'staff', 'unitB', 'leader', 'citizen'])
      expect(
        (await c[who].post(`/api/v1/suggestions/${id}/extension`, { reason: 'x' })).statusCode,
        who,
      ).toBe(403);
    expect((await c.anon.post(`/api/v1/suggestions/${id}/extension`, { reason: 'x' })).statusCode).toBe(401);
    expect(await snapshot(id)).toEqual(before);
    ok(await c.unitA.post(`/api/v1/suggestions/${id}/extension`, { reason: '协调中' }));
    before = await snapshot(id);
    for (const who of ['p', 'co', 'unitA', 'unitB', 'leader', 'citizen'])
      expect(
        (await c[who].post(`/api/v1/suggestions/${id}/extension/decision`, { decision: 'approve' }))
          .statusCode,
        who,
      ).toBe(403);
    expect(
      (await c.anon.post(`/api/v1/suggestions/${id}/extension/decision`, { decision: 'approve' })).statusCode,
    ).toBe(401);
    for (const who of ['p', 'unitA', 'citizen'])
      expect((await c[who].get('/api/v1/suggestion-extensions')).statusCode, who).toBe(403);
    expect(await snapshot(id)).toEqual(before);
  });

  it('answers a malformed application or decision with 400 naming the field, changing nothing', async () => {
    const id = await make('assigned');
    const before = await snapshot(id);
    for (const [who, path, body, field] of [
      ['unitA', 'extension', {}, 'reason'],
      ['unitA', 'extension', { reason: '' }, 'reason'],
      ['unitA', 'extension', { reason: 'x'.repeat(2001) }, 'reason'],
      ['staff', 'extension/decision', { decision: 'maybe' }, 'decision'],
    ] as const) {
      const res = await c[who].post(`/api/v1/suggestions/${id}/${path}`, body);
      expect(res.statusCode, `${path} ${field}`).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await snapshot(id)).toEqual(before);
  });

  it('moves an extended deadline that ends on Sunday 2027-03-07 to Monday 2027-03-08, unless the setting is off', async () => {
    const id = await make('assigned');
    await assignedOn(id, '2026-09-07');
    ok(await c.unitA.post(`/api/v1/suggestions/${id}/extension`, { reason: '跨年度实施' }));
    ok(await c.staff.post(`/api/v1/suggestions/${id}/extension/decision`, { decision: 'approve' }));
    // 2026-09-07 + 6 months = Sunday 2027-03-07 → Monday 2027-03-08, end of day in Shanghai.
    expect((await detail(id)).deadline).toBe('2027-03-08T15:59:59.999Z');

    await withSettings({ monthDeadlineMovesToWorkingDay: false }, async () => {
      const off = await make('assigned');
      await assignedOn(off, '2026-09-07');
      ok(await c.unitA.post(`/api/v1/suggestions/${off}/extension`, { reason: '跨年度实施' }));
      ok(await c.staff.post(`/api/v1/suggestions/${off}/extension/decision`, { decision: 'approve' }));
      expect(shanghaiDay((await detail(off)).deadline)).toBe('2027-03-07');
    });
  });
});

describe('settings of issue 16 §3', () => {
  it('refuses an extended limit shorter than the normal one through either settings route, naming the field', async () => {
    // An administrator signs in with a second factor.
    c.sys = await signIn(t, 'sysadmin', ['systemAdmin']);
    const before = (await c.staff.get(settingsUrl)).json();
    const own = await c.staff.put(settingsUrl, { replyMonths: 3, extendedReplyMonths: 2 });
    expect(own.statusCode).toBe(400);
    expect(own.json().errors.map((e: { field: string }) => e.field)).toEqual(['extendedReplyMonths']);
    const generic = await c.sys.put('/api/v1/settings/suggestions', { extendedReplyMonths: 1 });
    expect(generic.statusCode).toBe(400);
    expect(generic.json().errors[0].field).toBe('extendedReplyMonths');
    expect((await c.staff.get(settingsUrl)).json()).toEqual(before);
    expect((await c.staff.get('/api/v1/settings/suggestions')).json().defaults).toMatchObject({
      monthDeadlineMovesToWorkingDay: true,
      reassignmentClock: 'fromReassignment',
      rehandlingReview: 'staffReview',
    });
  });
});

describe('re-assignment after a hand-back', () => {
  async function handBackAndReassign(id: string) {
    ok(await c.unitA.post(`/api/v1/suggestions/${id}/hand-back`, { reason: '不属于本单位职责' }));
    const re = await c.staff.post(`/api/v1/suggestions/${id}/hand-back/decision`, {
      decision: 'reassign',
      leadUnitId: unit.b,
      assistingUnitIds: [],
    });
    ok(re);
    expect(re.json().status).toBe('assigned');
  }

  it('starts a normal period from the re-assignment, never an extended one, and keeps the first assignment date', async () => {
    const id = await make('assigned');
    ok(await c.unitA.post(`/api/v1/suggestions/${id}/extension`, { reason: '协调中' }));
    ok(await c.staff.post(`/api/v1/suggestions/${id}/extension/decision`, { decision: 'approve' }));
    await assignedOn(id, '2026-12-01');
    expect((await detail(id)).extended).toBe(true);
    await handBackAndReassign(id);
    const d = await detail(id);
    expect(d.extended).toBe(false);
    expect(shanghaiDay(d.firstAssignedAt)).toBe('2026-12-01');
    expect(d.assignedAt).not.toBe(d.firstAssignedAt);
    // 3 months from today's re-assignment (rolled to a working day at most a few days on).
    const days = (new Date(d.deadline).getTime() - new Date(d.assignedAt).getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(88);
    expect(days).toBeLessThan(97);
    // The new unit may apply for its own extension.
    expect((await detail(id, 'unitB')).abilities.applyExtension).toBe(true);
  });

  it('lets a pending application of the old unit lapse with the re-assignment', async () => {
    const id = await make('assigned');
    ok(await c.unitA.post(`/api/v1/suggestions/${id}/extension`, { reason: '协调中' }));
    await handBackAndReassign(id);
    const d = await detail(id);
    expect(d.extensions.map((e: { status: string }) => e.status)).toEqual(['superseded']);
    expect(d.abilities.decideExtension).toBe(false);
  });

  it('keeps the clock running from the first assignment when the setting says so', async () => {
    await withSettings({ reassignmentClock: 'fromFirstAssignment' }, async () => {
      const id = await make('assigned');
      await assignedOn(id, '2026-12-07');
      await handBackAndReassign(id);
      const d = await detail(id);
      expect(shanghaiDay(d.firstAssignedAt)).toBe('2026-12-07');
      // 2026-12-07 + 3 months = Sunday 2027-03-07 → Monday 2027-03-08.
      expect(d.deadline).toBe('2027-03-08T15:59:59.999Z');
    });
  });

  it('gives the first assignment date to the unit and the deputy too', async () => {
    const id = await make('assigned');
    for (const who of ['p', 'unitA'])
      expect((await detail(id, who)).firstAssignedAt).toEqual(expect.any(String));
  });
});

describe("re-handling after the 代表工委's review (上海规定 Art. 21, 浙江 Art. 24)", () => {
  it('requires the reasons of a dissatisfied rating (400 naming comment), changing nothing', async () => {
    const id = await make('replied');
    const before = await snapshot(id);
    const res = await c.p.post(`/api/v1/suggestions/${id}/rating`, { rating: 'dissatisfied', comment: '  ' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0]).toMatchObject({ field: 'comment' });
    expect(res.json().errors[0].message).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    expect(await snapshot(id)).toEqual(before);
  });

  it('holds a dissatisfied item for staff review, then sends it back with a 1-month deadline', async () => {
    const id = await make('replied');
    ok(await c.p.post(`/api/v1/suggestions/${id}/rating`, { rating: 'dissatisfied', comment: '进度太慢' }));
    const rated = await c.co.post(`/api/v1/suggestions/${id}/rating`, { rating: 'satisfied', comment: '' });
    expect(rated.json().status).toBe('rehandlingReview');
    // The unit cannot answer before the review, and the clock does not run against it.
    const early = await c.unitA.post(`/api/v1/suggestions/${id}/contacts`, { method: 'phone', summary: 'x' });
    expect(early.statusCode).toBe(409);
    expect((await detail(id)).overdue).toBe(false);
    expect((await detail(id)).abilities.reviewRehandling).toBe(true);
    expect((await detail(id, 'unitA')).abilities.reviewRehandling).toBe(false);

    const before = await snapshot(id);
    for (const who of ['p', 'co', 'unitA', 'unitB', 'leader', 'citizen'])
      expect(
        (await c[who].post(`/api/v1/suggestions/${id}/rehandling-review`, { decision: 'rehandle' }))
          .statusCode,
        who,
      ).toBe(403);
    expect(
      (await c.anon.post(`/api/v1/suggestions/${id}/rehandling-review`, { decision: 'rehandle' })).statusCode,
    ).toBe(401);
    const bad = await c.staff.post(`/api/v1/suggestions/${id}/rehandling-review`, { decision: 'later' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('decision');
    expect(await snapshot(id)).toEqual(before);

    const sent = await c.staff.post(`/api/v1/suggestions/${id}/rehandling-review`, {
      decision: 'rehandle',
      comment: '理由成立，请重新办理',
    });
    ok(sent);
    expect(sent.json().status).toBe('rehandling');
    const d = await detail(id);
    expect(d.rehandlingRound).toBe(1);
    expect(d.rehandlingReviews).toMatchObject([
      { round: 1, decision: 'rehandle', comment: '理由成立，请重新办理' },
    ]);
    const days = (new Date(d.deadline).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(26);
    expect(days).toBeLessThan(36);
    expect(await notified('unitA', 'suggestion.rehandle', id)).toBe(true);
    const [audit] = await t.services.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'suggestion.rehandle')));
    expect(audit.after).toMatchObject({ decision: 'rehandle', status: 'rehandling' });
  });

  it('declines with a reason: a B item goes to follow-up and the deputies are told', async () => {
    const id = await make('replied');
    ok(await c.p.post(`/api/v1/suggestions/${id}/rating`, { rating: 'dissatisfied', comment: '不同意' }));
    ok(await c.co.post(`/api/v1/suggestions/${id}/rating`, { rating: 'dissatisfied', comment: '不同意' }));
    const before = await snapshot(id);
    const noReason = await c.staff.post(`/api/v1/suggestions/${id}/rehandling-review`, {
      decision: 'decline',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('comment');
    expect(await snapshot(id)).toEqual(before);
    const res = await c.staff.post(`/api/v1/suggestions/${id}/rehandling-review`, {
      decision: 'decline',
      comment: '答复已说明客观条件限制',
    });
    ok(res);
    expect(res.json().status).toBe('followUp');
    expect((await detail(id)).rehandlingRound).toBe(0);
    expect(await notified('p', 'suggestion.rehandlingDeclined', id)).toBe(true);
  });

  it('sends it straight back to the unit when the setting is automatic', async () => {
    await withSettings({ rehandlingReview: 'automatic' }, async () => {
      const id = await make('replied');
      ok(await c.p.post(`/api/v1/suggestions/${id}/rating`, { rating: 'dissatisfied', comment: '进度太慢' }));
      const res = await c.co.post(`/api/v1/suggestions/${id}/rating`, {
        rating: 'basicallySatisfied',
        comment: '',
      });
      expect(res.json().status).toBe('rehandling');
      const review = await c.staff.post(`/api/v1/suggestions/${id}/rehandling-review`, {
        decision: 'rehandle',
      });
      expect(review.statusCode).toBe(409);
      expect(review.json().currentStatus).toBe('rehandling');
    });
  });
});
