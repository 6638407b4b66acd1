// Handling after assignment: hand-back, extension, key suggestions and merging, motions handled as
// suggestions, deadline reminders, the list read model, the handling report, and the link to opinions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { newId } from '../../platform/ids';
import { auditEvents, notifications } from '../../platform/platform.table';
import { systemCtx, transact } from '../../platform/context';
import { committeeMembers, deputies, handlingUnits, sittings } from '../../../test/tables';
import { suggestions } from './suggestions.table';
import { suggestionListItem } from './suggestions.repository';
import { getSuggestionOutcome, raiseSuggestionFromOpinion } from '.';
import { remindDeadlines } from './jobs/remind-deadlines';
import type { TestClient, TestEnv } from '../../../test/harness';
import {
  base,
  buildSuggestionsWorld,
  setSuggestion,
  suggestionSteps,
} from '../../../test/suggestions.fixture';

let t: TestEnv;
let sittingId: string;
let leaderId: string;
let otherLeaderId: string;
const dep: Record<string, string> = {};
const unit: Record<string, string> = {};
const c: Record<string, TestClient> = {};
const { status, make } = suggestionSteps(() => ({ t, c, unit }));

beforeAll(async () => {
  ({ t, sittingId, leaderId, otherLeaderId } = await buildSuggestionsWorld({ dep, unit, c }));
});
afterAll(async () => t?.close());

describe('hand-back, extension, key suggestions, merging', () => {
  it("takes a hand-back request, lists the dispute for the chairpersons' meeting, and re-assigns", async () => {
    const id = await make('assigned');
    expect(
      (await c.unitA.post(`/api/v1/suggestions/${id}/hand-back`, { reason: '不属于本单位职责' })).json()
        .status,
    ).toBe('handBackRequested');
    expect(
      (await c.staff.get('/api/v1/suggestion-hand-backs?status=pending'))
        .json()
        .items.some((h: { suggestionId: string }) => h.suggestionId === id),
    ).toBe(true);
    expect(
      (await c.unitA.post(`/api/v1/suggestions/${id}/hand-back/decision`, { decision: 'keep' })).statusCode,
    ).toBe(403);
    expect(
      (
        await c.staff.post(`/api/v1/suggestions/${id}/hand-back/decision`, {
          decision: 'dispute',
          comment: '提交主任会议',
        })
      ).json().status,
    ).toBe('handBackRequested');
    expect(
      (await c.staff.get('/api/v1/suggestion-hand-backs?status=disputed'))
        .json()
        .items.some((h: { suggestionId: string }) => h.suggestionId === id),
    ).toBe(true);
    expect(
      (await c.staff.post(`/api/v1/suggestions/${id}/hand-back/decision`, { decision: 'reassign' }))
        .statusCode,
    ).toBe(400);
    const re = await c.staff.post(`/api/v1/suggestions/${id}/hand-back/decision`, {
      decision: 'reassign',
      leadUnitId: unit.c,
      assistingUnitIds: [],
    });
    expect(re.json().status).toBe('assigned');
    expect(
      (await c.unitA.post(`/api/v1/suggestions/${id}/contacts`, { method: 'phone', summary: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await c.unitC.post(`/api/v1/suggestions/${id}/contacts`, { method: 'phone', summary: 'x' }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses a hand-back after the window', async () => {
    const id = await make('assigned');
    await setSuggestion(t, id, { handBackDueAt: new Date(Date.now() - 1000) });
    const res = await c.unitA.post(`/api/v1/suggestions/${id}/hand-back`, { reason: 'x' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('hand_back_window_closed');
  });

  it("extends to 6 months once, on the unit's application approved by staff", async () => {
    const id = await make('assigned');
    const before = (await c.staff.get(`/api/v1/suggestions/${id}`)).json();
    expect(
      (await c.unitA.post(`/api/v1/suggestions/${id}/extension`, { reason: '涉及面广' })).statusCode,
    ).toBe(200);
    expect(
      (await c.staff.post(`/api/v1/suggestions/${id}/extension/decision`, { decision: 'approve' }))
        .statusCode,
    ).toBe(200);
    const after = (await c.staff.get(`/api/v1/suggestions/${id}`)).json();
    expect(after.extended).toBe(true);
    const gain = (new Date(after.deadline).getTime() - new Date(before.deadline).getTime()) / 86_400_000;
    expect(gain).toBeGreaterThan(85);
    expect(gain).toBeLessThan(95);
    expect((await c.unitA.post(`/api/v1/suggestions/${id}/extension`, { reason: 'again' })).json().code).toBe(
      'already_extended',
    );
  });

  it('selects a key suggestion with its leading leader, who logs supervision and sees it on the dashboard', async () => {
    const id = await make('assigned');
    expect(
      (await c.staff.post(`/api/v1/suggestions/${id}/key`, { leaderAccountIds: [newId()] })).statusCode,
    ).toBe(400);
    expect(
      (await c.staff.post(`/api/v1/suggestions/${id}/key`, { leaderAccountIds: [leaderId] })).statusCode,
    ).toBe(200);
    const audit = await t.services.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'suggestion.selectKey')));
    expect(audit[0].after).toMatchObject({ decidedBy: 'chairpersonsMeeting', leaderAccountIds: [leaderId] });
    expect(
      (await c.leader2.post(`/api/v1/suggestions/${id}/supervisions`, { kind: 'meeting', note: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await c.leader.post(`/api/v1/suggestions/${id}/supervisions`, { kind: 'siteVisit', note: '现场察看' }))
        .statusCode,
    ).toBe(200);
    const dash = (await c.leader.get('/api/v1/suggestions/dashboard')).json();
    expect(dash.key.map((k: { id: string }) => k.id)).toContain(id);
    expect(
      (await c.leader2.get('/api/v1/suggestions/dashboard')).json().key.map((k: { id: string }) => k.id),
    ).not.toContain(id);
    expect(otherLeaderId).not.toBe(leaderId);
  });

  it('selects several leaders to lead a key suggestion: each supervises it and sees it; a non-leader or a repeat is a 400', async () => {
    const id = await make('assigned');
    const key = (body: object) => c.staff.post(`/api/v1/suggestions/${id}/key`, body);
    const notLeader = await key({ leaderAccountIds: [leaderId, newId()] });
    expect(notLeader.statusCode).toBe(400);
    expect(notLeader.json().errors[0].field).toBe('leaderAccountIds.1');
    expect((await key({ leaderAccountIds: [leaderId, leaderId] })).statusCode).toBe(400);
    expect((await key({ leaderAccountIds: [] })).statusCode).toBe(400);
    expect((await c.staff.get(`/api/v1/suggestions/${id}`)).json().isKey).toBe(false);
    expect((await key({ leaderAccountIds: [otherLeaderId, leaderId] })).statusCode).toBe(200);
    const detail = (await c.staff.get(`/api/v1/suggestions/${id}`)).json();
    expect(detail.leaders.map((l: { accountId: string }) => l.accountId)).toEqual([otherLeaderId, leaderId]);
    expect(detail.leader.accountId).toBe(otherLeaderId);
    for (const leader of [c.leader, c.leader2]) {
      expect(
        (await leader.post(`/api/v1/suggestions/${id}/supervisions`, { kind: 'meeting', note: '共同督办' }))
          .statusCode,
      ).toBe(200);
      expect(
        (await leader.get('/api/v1/suggestions/dashboard')).json().key.map((k: { id: string }) => k.id),
      ).toContain(id);
    }
  });

  it('surfaces similar suggestions of the sitting and merges them into one case assigned together', async () => {
    const a = await make('accepted', {
      title: '关于改善龙岗大道交通拥堵的建议',
      content: '龙岗大道早晚高峰交通拥堵严重，建议优化信号灯配时。',
    });
    const b = await make('accepted', {
      title: '关于缓解龙岗大道交通拥堵的建议',
      content: '龙岗大道交通拥堵，建议优化信号灯配时并增设掉头车道。',
    });
    const sim = await c.staff.get(`/api/v1/suggestions/${a}/similar`);
    expect(sim.statusCode).toBe(200);
    expect(sim.json().items.map((x: { id: string }) => x.id)).toContain(b);
    expect((await c.p.get(`/api/v1/suggestions/${a}/similar`)).statusCode).toBe(403);
    expect((await c.p.post('/api/v1/suggestion-cases', { suggestionIds: [a, b] })).statusCode).toBe(403);
    const merged = await c.staff.post('/api/v1/suggestion-cases', { suggestionIds: [a, b] });
    expect(merged.statusCode).toBe(201);
    expect((await c.staff.post('/api/v1/suggestion-cases', { suggestionIds: [a, b] })).json().code).toBe(
      'already_merged',
    );
    await c.staff.post(`/api/v1/suggestions/${a}/assign`, { leadUnitId: unit.a, assistingUnitIds: [] });
    expect(await status(b)).toBe('assigned');
    // Each keeps its own reply and rating.
    const db = (await c.unitA.get(`/api/v1/suggestions/${b}`)).json();
    expect(db.handlingCaseId).toBe(merged.json().id);
  });
});

describe('motions', () => {
  it('needs 10 deputies at a sitting; the decision to handle it as a suggestion creates the linked suggestion', async () => {
    const few = await c.p.post('/api/v1/motions', { ...base, signerIds: [dep.m0, dep.m1] });
    expect(few.statusCode).toBe(400);
    expect(few.json().errors[0]).toMatchObject({ field: 'signerIds', code: 'too_few_signers' });
    const ok = await c.p.post('/api/v1/motions', {
      ...base,
      signerIds: Array.from({ length: 9 }, (_, i) => dep[`m${i}`]),
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().number).toMatch(/^第七届二次会议议案第\d{4}号$/);
    expect(
      (
        await c.p.post(`/api/v1/motions/${ok.json().id}/decision`, {
          decision: 'asSuggestion',
          body: 'presidium',
        })
      ).statusCode,
    ).toBe(403);
    const d = await c.staff.post(`/api/v1/motions/${ok.json().id}/decision`, {
      decision: 'asSuggestion',
      body: 'presidium',
      note: '作为建议办理',
    });
    expect(d.json()).toMatchObject({ status: 'handledAsSuggestion', suggestionId: expect.any(String) });
    const s = (await c.staff.get(`/api/v1/suggestions/${d.json().suggestionId}`)).json();
    expect(s).toMatchObject({ status: 'submitted', motionId: ok.json().id });
    expect(s.cosigners).toHaveLength(9);
    const again = await c.staff.post(`/api/v1/motions/${ok.json().id}/decision`, {
      decision: 'agenda',
      body: 'presidium',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().currentStatus).toBe('handledAsSuggestion');
  });

  it('needs 3 standing-committee members between sittings', async () => {
    await t.services.db.update(sittings).set({ status: 'closed' }).where(eq(sittings.id, sittingId));
    try {
      const ten = Array.from({ length: 10 }, (_, i) => dep[`m${i}`]);
      expect((await c.p.post('/api/v1/motions', { ...base, signerIds: ten })).statusCode).toBe(400);
      for (const d of [dep.p, dep.m0, dep.m1])
        await t.services.db
          .insert(committeeMembers)
          .values({ id: newId(), congressId: t.congressId, body: 'standingCommittee', deputyId: d });
      const ok = await c.p.post('/api/v1/motions', { ...base, signerIds: [dep.m0, dep.m1] });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().number).toMatch(/闭会期间议案第0001号$/);
    } finally {
      await t.services.db.update(sittings).set({ status: 'inSession' }).where(eq(sittings.id, sittingId));
    }
  });
});

describe('reminders, report, opinions link', () => {
  it('reminds the unit once as the deadline nears and once when overdue', async () => {
    const id = await make('assigned');
    await setSuggestion(t, id, { deadline: new Date(Date.now() + 2 * 86_400_000) });
    const count = async () =>
      (
        await t.services.db
          .select()
          .from(notifications)
          .where(and(eq(notifications.link, `/suggestions/${id}`)))
      ).filter((n) => n.kind.startsWith('suggestion.dueSoon') || n.kind === 'suggestion.overdue').length;
    await remindDeadlines(t.services);
    await remindDeadlines(t.services);
    expect(await count()).toBe(1);
    await setSuggestion(t, id, { deadline: new Date(Date.now() - 86_400_000) });
    await remindDeadlines(t.services);
    await remindDeadlines(t.services);
    expect(await count()).toBe(2);
    const list = await c.staff.get(`/api/v1/suggestions?overdue=true&unitId=${unit.a}&status=assigned`);
    expect(list.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(id);
    // The list's JSON is built by the database: the same item as the detail, timestamps as toISOString gives.
    const item = list.json().items.find((x: { id: string }) => x.id === id);
    const detail = (await c.staff.get(`/api/v1/suggestions/${id}`)).json();
    expect(item).toMatchObject({
      overdue: true,
      status: 'assigned',
      number: detail.number,
      title: detail.title,
    });
    const [row] = await t.services.db.select().from(suggestions).where(eq(suggestions.id, id));
    expect(item.deadline).toBe(row.deadline!.toISOString());
    expect(item.submittedAt).toBe(row.submittedAt!.toISOString());
    expect(typeof item.isKey).toBe('boolean');
    expect(
      (await c.unitA.get('/api/v1/suggestions/dashboard'))
        .json()
        .unit.overdue.map((x: { id: string }) => x.id),
    ).toContain(id);
  });

  it('lists with filters and cursor paging, scoped by role', async () => {
    const first = await c.staff.get('/api/v1/suggestions?limit=5');
    expect(first.json().items).toHaveLength(5);
    const second = await c.staff.get(`/api/v1/suggestions?limit=5&cursor=${first.json().nextCursor}`);
    expect(second.json().items[0].id < first.json().items[4].id).toBe(true);
    const mine = (await c.other.get('/api/v1/suggestions')).json().items;
    expect(mine).toHaveLength(0);
    const unitC = (await c.unitC.get('/api/v1/suggestions?limit=200')).json().items;
    expect(unitC.every((x: { leadUnitId: string }) => x.leadUnitId === unit.c)).toBe(true);
    expect((await c.citizen.get('/api/v1/suggestions')).statusCode).toBe(403);
  });

  it("keeps each assignment's copy of its suggestion's status and deadline, so a unit's filtered list is exact", async () => {
    // Moves through the states the copy must follow: assignment, extension, hand-back, re-assignment, a
    // deadline passing (changed directly, as the database would see any writer do it).
    const moved = await make('assigned');
    await c.staff.post(`/api/v1/suggestions/${moved}/extension`, { reason: '涉及面广' });
    const handed = await make('assigned');
    await c.unitA.post(`/api/v1/suggestions/${handed}/hand-back`, { reason: '不属于本单位职责' });
    const late = await make('assigned');
    await setSuggestion(t, late, { deadline: new Date(Date.now() - 3_600_000) });
    const stale = (await t.services.db.execute(sql`
      SELECT count(*)::int AS n FROM suggestion_assignments a JOIN suggestions s ON s.id = a.suggestion_id
      WHERE a.suggestion_status IS DISTINCT FROM s.status OR a.suggestion_deadline IS DISTINCT FROM s.deadline`)) as unknown as {
      rows: { n: number }[];
    };
    expect(stale.rows[0].n).toBe(0);
    // Every unit × status × overdue filter answers what the suggestions themselves say.
    for (const unitId of Object.values(unit)) {
      for (const st of ['assigned', 'handBackRequested', 'replied', 'rehandling', 'closed']) {
        for (const overdue of [undefined, 'true']) {
          const expected = (await t.services.db.execute(sql`
            SELECT s.id FROM suggestions s JOIN suggestion_assignments a ON a.suggestion_id = s.id
            WHERE a.unit_id = ${unitId} AND a.ended_at IS NULL AND s.status = ${st}
              AND (${overdue === undefined} OR (s.status IN ('assigned', 'handBackRequested', 'rehandling') AND s.deadline < now()))
            ORDER BY s.id DESC`)) as unknown as { rows: { id: string }[] };
          const res = await c.staff.get(
            `/api/v1/suggestions?unitId=${unitId}&status=${st}${overdue ? '&overdue=true' : ''}&limit=200`,
          );
          expect(res.json().items.map((x: { id: string }) => x.id)).toEqual(expected.rows.map((r) => r.id));
        }
      }
    }
    const lateList = await c.staff.get(`/api/v1/suggestions?unitId=${unit.a}&overdue=true&limit=200`);
    expect(lateList.json().items.map((x: { id: string }) => x.id)).toContain(late);
  });

  it("keeps each suggestion's list item in step with the row and with its proposer's and unit's names", async () => {
    const id = await make('assigned');
    const [row] = await t.services.db.select().from(suggestions).where(eq(suggestions.id, id));
    // Renamed in the registry, which announces it; the suggestions module rebuilds the items after commit.
    const renamed = await c.staff.patch(`/api/v1/deputies/${row.proposerDeputyId}`, { name: '改名后的代表' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const unitRenamed = await c.staff.patch(`/api/v1/handling-units/${unit.a}`, { name: '改名后的承办单位' });
    expect(unitRenamed.statusCode, unitRenamed.body).toBe(200);
    await t.services.jobs.drain();
    const item = (await c.staff.get(`/api/v1/suggestions?unitId=${unit.a}&limit=200`))
      .json()
      .items.find((x: { id: string }) => x.id === id);
    expect(item).toMatchObject({ id, proposerName: '改名后的代表', leadUnitName: '改名后的承办单位' });
    // Every row's stored item is what the row and the names make now.
    const stored = await t.services.db
      .select({ s: suggestions, proposerName: deputies.name, leadUnitName: handlingUnits.name })
      .from(suggestions)
      .leftJoin(deputies, eq(deputies.id, suggestions.proposerDeputyId))
      .leftJoin(handlingUnits, eq(handlingUnits.id, suggestions.leadUnitId));
    expect(stored.length).toBeGreaterThan(3);
    const stale = stored.filter(
      (r) =>
        r.s.listItem !==
        suggestionListItem(r.s, { proposerName: r.proposerName, leadUnitName: r.leadUnitName }),
    );
    expect(stale.map((r) => r.s.status)).toEqual([]);
    for (const r of stored) expect(() => JSON.parse(`${r.s.listItem}}`)).not.toThrow();
  });

  it('reports counts with solved and satisfaction rates side by side, and exports .xlsx and .docx', async () => {
    // A reply rated dissatisfied, for the report to count (in the file this test came from, the full
    // lifecycle before it had rated one).
    const rated = await make('replied');
    const rating = await c.p.post(`/api/v1/suggestions/${rated}/rating`, {
      rating: 'dissatisfied',
      comment: '接驳线路仍未覆盖小区',
    });
    expect(rating.statusCode, rating.body).toBe(200);
    const r = await c.staff.get('/api/v1/suggestion-report');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.totals.total).toBeGreaterThan(10);
    expect(body).toHaveProperty('solvedRate');
    expect(body).toHaveProperty('satisfactionRate');
    expect(body.byUnit.length).toBeGreaterThan(0);
    expect(body.byRating.find((x: { key: string }) => x.key === 'dissatisfied').count).toBeGreaterThanOrEqual(
      1,
    );
    for (const ext of ['xlsx', 'docx']) {
      const f = await c.staff.get(`/api/v1/suggestion-report.${ext}`);
      expect(f.statusCode).toBe(200);
      expect(f.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
    expect((await c.unitA.get('/api/v1/suggestion-report')).statusCode).toBe(403);
    expect((await c.p.get('/api/v1/suggestion-report.xlsx')).statusCode).toBe(403);
  });

  it('raises a suggestion from an opinion and reports its outcome', async () => {
    const opinionId = newId();
    const ctx = { ...systemCtx(t.services), actor: null };
    const out = await transact(ctx, (w) =>
      raiseSuggestionFromOpinion(w, {
        congressId: t.congressId,
        deputyId: dep.p,
        title: '群众反映：小区门口路灯不亮',
        content: '建议尽快维修',
        category: 'unknown',
        opinionId,
      }),
    );
    expect(out.number).toMatch(/^第七届二次会议第\d{4}号$/);
    const [row] = await t.services.db.select().from(suggestions).where(eq(suggestions.id, out.id));
    expect(row).toMatchObject({ opinionId, status: 'submitted', category: 'urbanConstruction' });
    expect(await getSuggestionOutcome(t.services.db, t.congressId, out.id)).toEqual({
      status: 'submitted',
      replyCategory: null,
      rating: null,
    });
    expect(await getSuggestionOutcome(t.services.db, t.congressId, newId())).toBeNull();
  });
});
