// A suggestion's handling history (issue 23 point 4): every step from the draft to the rating, with when, who
// (name, role, unit) and what, oldest first; the same for the deputy, the staff and the units that may read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids';
import type { TestClient, TestEnv } from '../../../test/harness';
import { base, buildSuggestionsWorld } from '../../../test/suggestions.fixture';
import { suggestionAssignments, suggestionReplies, suggestions } from './suggestions.table';
import { storeSuggestionItems } from './suggestions.repository';

let t: TestEnv;
const dep: Record<string, string> = {};
const unit: Record<string, string> = {};
const c: Record<string, TestClient> = {};
let leaderId = '';

beforeAll(async () => {
  ({ t, leaderId } = await buildSuggestionsWorld({ dep, unit, c }));
});
afterAll(async () => t?.close());

interface Entry {
  at: string;
  action: string;
  actor: { name: string | null; role: string; unit: string | null };
  detail: Record<string, unknown>;
}
const ok = (r: { statusCode: number; body: string }) => expect(r.statusCode, r.body).toBe(200);
const history = async (id: string, as = c.p) => {
  const r = await as.get(`/api/v1/suggestions/${id}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ history: Entry[] }>().history;
};

describe('the handling history (issue 23 point 4)', () => {
  it('walks a suggestion from its draft to the ratings: every step with its time, actor and role, in order', async () => {
    const created = await c.p.post('/api/v1/suggestions', { title: '关于社区食堂的建议', draft: true });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    ok(
      await c.p.patch(`/api/v1/suggestions/${id}`, {
        content: '建议在老年人集中的社区开设食堂。',
        category: 'transport',
        cosignerIds: [dep.co],
      }),
    );
    ok(await c.p.post(`/api/v1/suggestions/${id}/submit`, {}));
    ok(await c.co.post(`/api/v1/suggestions/${id}/cosign`, { accept: true }));
    ok(await c.staff.post(`/api/v1/suggestions/${id}/review`, { decision: 'return', comment: '请补充选址' }));
    ok(
      await c.p.post(`/api/v1/suggestions/${id}/submit`, {
        content: '建议在老年人集中的社区开设食堂，选址在活动中心。',
      }),
    );
    ok(await c.staff.post(`/api/v1/suggestions/${id}/review`, { decision: 'accept', comment: '' }));
    ok(
      await c.staff.post(`/api/v1/suggestions/${id}/key`, {
        leaderAccountIds: [leaderId],
        note: '主任会议确定',
      }),
    );
    ok(
      await c.staff.post(`/api/v1/suggestions/${id}/assign`, {
        leadUnitId: unit.a,
        assistingUnitIds: [unit.b],
      }),
    );
    ok(await c.unitA.post(`/api/v1/suggestions/${id}/extension`, { reason: '涉及选址协调' }));
    ok(await c.staff.post(`/api/v1/suggestions/${id}/extension/decision`, { decision: 'approve' }));
    ok(
      await c.leader.post(`/api/v1/suggestions/${id}/supervisions`, { kind: 'siteVisit', note: '现场察看' }),
    );
    ok(await c.unitA.post(`/api/v1/suggestions/${id}/contacts`, { method: 'visit', summary: '上门沟通' }));
    ok(await c.unitB.post(`/api/v1/suggestions/${id}/unit-opinions`, { content: '同意选址' }));
    ok(await c.unitA.post(`/api/v1/suggestions/${id}/reply`, { category: 'A', content: '已开设社区食堂' }));
    ok(await c.p.post(`/api/v1/suggestions/${id}/rating`, { rating: 'satisfied' }));
    ok(await c.co.post(`/api/v1/suggestions/${id}/rating`, { rating: 'basicallySatisfied' }));
    ok(await c.staff.put('/api/v1/suggestion-settings', { publishReplies: true }));
    ok(await c.staff.post(`/api/v1/suggestions/${id}/publish`, {}));

    const h = await history(id);
    expect(h.map((e) => e.action)).toEqual([
      'drafted',
      'edited',
      'sentToCosigners',
      'cosignConfirmed',
      'submitted',
      'returned',
      'resubmitted',
      'accepted',
      'keySelected',
      'assigned',
      'extensionApplied',
      'extensionDecided',
      'supervised',
      'contacted',
      'unitOpinion',
      'replied',
      'rated',
      'rated',
      'closed',
      'published',
    ]);
    // Every step has its time, in order, and who acted in which role (and for which unit).
    for (const [i, e] of h.entries()) {
      expect(Number.isNaN(Date.parse(e.at)), e.action).toBe(false);
      if (i > 0) expect(Date.parse(e.at)).toBeGreaterThanOrEqual(Date.parse(h[i - 1].at));
      expect(e.actor.role, e.action).toMatch(/^(deputy|congressStaff|handlingUnitStaff|leader)$/);
    }
    const at = (action: string, n = 0) => h.filter((e) => e.action === action)[n];
    expect(at('drafted').actor).toEqual({ name: 'dep_p', role: 'deputy', unit: null });
    expect(at('cosignConfirmed').actor).toEqual({ name: '李秀英', role: 'deputy', unit: null });
    expect(at('submitted').actor).toMatchObject({ name: 'dep_co', role: 'deputy' });
    expect(at('returned')).toMatchObject({
      actor: { name: 'staff', role: 'congressStaff' },
      detail: { comment: '请补充选址' },
    });
    expect(at('keySelected')).toMatchObject({
      actor: { role: 'congressStaff' },
      detail: { leader: 'leader1' },
    });
    expect(at('assigned')).toMatchObject({
      actor: { name: 'staff', role: 'congressStaff' },
      detail: { leadUnit: '区A局', assistingUnits: '区B局' },
    });
    expect(at('extensionApplied')).toMatchObject({
      actor: { name: 'unit_a', role: 'handlingUnitStaff', unit: '区A局' },
      detail: { comment: '涉及选址协调' },
    });
    expect(at('extensionDecided')).toMatchObject({
      actor: { name: 'staff', role: 'congressStaff' },
      detail: { decision: 'approved' },
    });
    expect(at('supervised').actor).toEqual({ name: 'leader1', role: 'leader', unit: null });
    expect(at('contacted')).toMatchObject({
      actor: { name: 'unit_a', unit: '区A局' },
      detail: { method: 'visit', comment: '上门沟通' },
    });
    expect(at('unitOpinion').actor).toMatchObject({ name: 'unit_b', unit: '区B局' });
    expect(at('replied')).toMatchObject({ actor: { unit: '区A局' }, detail: { category: 'A', round: 1 } });
    expect(at('rated', 0)).toMatchObject({
      actor: { name: '王建国', role: 'deputy' },
      detail: { rating: 'satisfied' },
    });
    expect(at('rated', 1)).toMatchObject({
      actor: { name: '李秀英' },
      detail: { rating: 'basicallySatisfied' },
    });
    expect(at('published').actor).toMatchObject({ name: 'staff', role: 'congressStaff' });

    // The staff, the units and the leader who may read it see the same history, names included.
    for (const who of ['staff', 'unitA', 'unitB', 'leader', 'co'])
      expect(await history(id, c[who]), who).toEqual(h);
  });

  it('tells the history of a record without audit rows (the demo, an import) from its own columns and tables', async () => {
    const db = t.services.db;
    const id = newId();
    const submittedAt = new Date('2026-03-02T02:00:00Z');
    const reviewedAt = new Date('2026-03-04T02:00:00Z');
    const assignedAt = new Date('2026-03-05T02:00:00Z');
    const repliedAt = new Date('2026-05-05T02:00:00Z');
    await db.insert(suggestions).values({
      id,
      congressId: t.congressId,
      proposerDeputyId: dep.p,
      number: '第七届二次会议第9001号',
      title: base.title,
      content: base.content,
      category: base.category,
      status: 'replied',
      submittedAt,
      reviewedAt,
      assignedAt,
      firstAssignedAt: assignedAt,
      leadUnitId: unit.a,
      repliedAt,
      listItem: '',
    });
    await storeSuggestionItems(db, [id]);
    await db.insert(suggestionAssignments).values([
      { id: newId(), congressId: t.congressId, suggestionId: id, unitId: unit.a, role: 'lead', assignedAt },
      {
        id: newId(),
        congressId: t.congressId,
        suggestionId: id,
        unitId: unit.b,
        role: 'assisting',
        assignedAt,
      },
    ]);
    await db.insert(suggestionReplies).values({
      id: newId(),
      congressId: t.congressId,
      suggestionId: id,
      unitId: unit.a,
      round: 1,
      category: 'B',
      content: '列入明年计划',
      createdAt: repliedAt,
    });
    const h = await history(id, c.staff);
    expect(h.map((e) => [e.action, e.at])).toEqual([
      ['submitted', submittedAt.toISOString()],
      ['accepted', reviewedAt.toISOString()],
      ['assigned', assignedAt.toISOString()],
      ['replied', repliedAt.toISOString()],
    ]);
    expect(h[0].actor).toEqual({ name: '王建国', role: 'deputy', unit: null });
    expect(h[2].detail).toEqual({ leadUnit: '区A局', assistingUnits: '区B局' });
    expect(h[3].actor).toEqual({ name: null, role: 'handlingUnitStaff', unit: '区A局' });
  });
});
