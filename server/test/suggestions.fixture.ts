// Test fixtures of the suggestions module (used by its tests only): a congress in session with deputies on
// the roll, three handling units, and a signed-in client per part (proposer, co-signer, staff, units,
// leaders, a citizen, the anonymous); and the steps that drive a suggestion to a wanted state.
import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { newId } from '../src/platform/ids';
import { deputies, handlingUnits } from '../src/modules/registry/registry.table';
import { suggestionExtensions, suggestions } from '../src/modules/suggestions/suggestions.table';
import { storeSuggestionItems } from '../src/modules/suggestions/suggestions.repository';
import { createTestEnv, type TestClient, type TestEnv } from './harness';
import { addSittingInSession } from './registry.fixture';

/**
 * Test-only: changes a suggestion's dates or fields directly (as time passing would, or a state a test needs),
 * storing its list item again as every write of the module does.
 */
export async function setSuggestion(
  t: TestEnv,
  id: string,
  set: Partial<typeof suggestions.$inferInsert>,
): Promise<void> {
  await t.services.db.transaction(async (tx) => {
    await tx.update(suggestions).set(set).where(eq(suggestions.id, id));
    await storeSuggestionItems(tx, [id]);
  });
}

export interface SuggestionsWorld {
  t: TestEnv;
  sittingId: string;
  /** Deputies by key: p (proposer), co (co-signer), other (main world only), m0…m11. */
  dep: Record<string, string>;
  unit: Record<string, string>;
  c: Record<string, TestClient>;
  leaderId: string;
  otherLeaderId: string;
}

/** The records a test file holds, filled in place. */
export interface WorldRecords {
  dep: Record<string, string>;
  unit: Record<string, string>;
  c: Record<string, TestClient>;
}

export const base = {
  title: '关于增设坂田地铁站公交接驳线路的建议',
  content: '坂田地铁站周边居民出行不便，建议增设公交接驳线路，优化站点设置。',
  category: 'transport',
};

/** The world of the lifecycle tests: named deputies p, co, other and m0…m11; units a, b, c; two leaders. */
export async function buildSuggestionsWorld({ dep, unit, c }: WorldRecords): Promise<SuggestionsWorld> {
  const t = await createTestEnv();
  const db = t.services.db;
  const congressId = t.congressId;
  const { sittingId } = await addSittingInSession(db, congressId);
  const names = ['王建国', '李秀英', '张伟', ...Array.from({ length: 12 }, (_, i) => `代表${i + 1}`)];
  const keys = ['p', 'co', 'other', ...Array.from({ length: 12 }, (_, i) => `m${i}`)];
  for (let i = 0; i < names.length; i++) {
    dep[keys[i]] = newId();
    await db.insert(deputies).values({ id: dep[keys[i]], congressId, name: names[i], gender: 'male' });
  }
  for (const k of ['a', 'b', 'c']) {
    unit[k] = newId();
    await db
      .insert(handlingUnits)
      .values({ id: unit[k], congressId, name: `区${k.toUpperCase()}局`, kind: 'governmentDepartment' });
  }
  c.p = await t.as('dep_p', ['deputy'], { deputyId: dep.p });
  c.co = await t.as('dep_co', ['deputy'], { deputyId: dep.co });
  c.other = await t.as('dep_other', ['deputy'], { deputyId: dep.other });
  c.staff = await t.as('staff', ['congressStaff']);
  c.unitA = await t.as('unit_a', ['handlingUnitStaff'], { handlingUnitId: unit.a });
  c.unitB = await t.as('unit_b', ['handlingUnitStaff'], { handlingUnitId: unit.b });
  c.unitC = await t.as('unit_c', ['handlingUnitStaff'], { handlingUnitId: unit.c });
  c.leader = await t.as('leader1', ['leader']);
  c.leader2 = await t.as('leader2', ['leader']);
  c.citizen = await t.as('citizen1', ['citizen']);
  c.anon = t.anon;
  const me = async (cl: TestClient) => (await cl.get('/api/v1/auth/me')).json().user.id as string;
  return { t, sittingId, dep, unit, c, leaderId: await me(c.leader), otherLeaderId: await me(c.leader2) };
}

/** The steps of the lifecycle tests, on the world `get` returns when they run. */
export function suggestionSteps(
  get: () => { t: TestEnv; c: Record<string, TestClient>; unit: Record<string, string> },
) {
  async function status(id: string) {
    const { t } = get();
    const [row] = await t.services.db
      .select({ status: suggestions.status })
      .from(suggestions)
      .where(eq(suggestions.id, id));
    return row.status;
  }
  async function snapshot(id: string) {
    const { t } = get();
    const [row] = await t.services.db.select().from(suggestions).where(eq(suggestions.id, id));
    const res = (await t.services.db.execute(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = ${id}`,
    )) as unknown as { rows: { n: number }[] };
    return { row, audits: res.rows[0].n };
  }

  /** Creates a suggestion by dep.p and drives it to the wanted state. */
  async function make(
    state: 'submitted' | 'accepted' | 'assigned' | 'contacted' | 'replied',
    extra: Record<string, unknown> = {},
  ) {
    const { c, unit } = get();
    const res = await c.p.post('/api/v1/suggestions', { ...base, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    if (state === 'submitted') return id;
    expect(
      (await c.staff.post(`/api/v1/suggestions/${id}/review`, { decision: 'accept', comment: '' }))
        .statusCode,
    ).toBe(200);
    if (state === 'accepted') return id;
    expect(
      (
        await c.staff.post(`/api/v1/suggestions/${id}/assign`, {
          leadUnitId: unit.a,
          assistingUnitIds: [unit.b],
        })
      ).statusCode,
    ).toBe(200);
    if (state === 'assigned') return id;
    expect(
      (await c.unitA.post(`/api/v1/suggestions/${id}/contacts`, { method: 'phone', summary: '电话沟通' }))
        .statusCode,
    ).toBe(200);
    if (state === 'contacted') return id;
    expect(
      (await c.unitA.post(`/api/v1/suggestions/${id}/reply`, { category: 'A', content: '已增设线路' }))
        .statusCode,
    ).toBe(200);
    return id;
  }
  return { status, snapshot, make };
}

// ---------- the world of the legal tests (issue 16 §3) ----------

export const legalBase = {
  title: '关于优化龙岗大道交通信号配时的建议',
  content: '早晚高峰龙岗大道多个路口拥堵，建议优化信号配时。',
  category: 'transport',
};
export const settingsUrl = '/api/v1/suggestion-settings';

/** The world of the legal tests: deputies p, co and m0…m11 (代表1…); units a and b; one leader. */
export async function buildLegalWorld({ dep, unit, c }: WorldRecords): Promise<SuggestionsWorld> {
  const t = await createTestEnv();
  const db = t.services.db;
  const congressId = t.congressId;
  const { sittingId } = await addSittingInSession(db, congressId);
  const keys = ['p', 'co', ...Array.from({ length: 12 }, (_, i) => `m${i}`)];
  for (const [i, k] of keys.entries()) {
    dep[k] = newId();
    await db.insert(deputies).values({ id: dep[k], congressId, name: `代表${i + 1}`, gender: 'female' });
  }
  for (const k of ['a', 'b']) {
    unit[k] = newId();
    await db
      .insert(handlingUnits)
      .values({ id: unit[k], congressId, name: `区${k.toUpperCase()}局`, kind: 'governmentDepartment' });
  }
  c.p = await t.as('dep_p', ['deputy'], { deputyId: dep.p });
  c.co = await t.as('dep_co', ['deputy'], { deputyId: dep.co });
  c.staff = await t.as('staff', ['congressStaff']);
  c.unitA = await t.as('unit_a', ['handlingUnitStaff'], { handlingUnitId: unit.a });
  c.unitB = await t.as('unit_b', ['handlingUnitStaff'], { handlingUnitId: unit.b });
  c.leader = await t.as('leader1', ['leader']);
  c.citizen = await t.as('citizen1', ['citizen']);
  c.anon = t.anon;
  return { t, sittingId, dep, unit, c, leaderId: '', otherLeaderId: '' };
}

/** The steps of the legal tests, on the world `get` returns when they run. */
export function legalSteps(
  get: () => {
    t: TestEnv;
    c: Record<string, TestClient>;
    dep: Record<string, string>;
    unit: Record<string, string>;
  },
) {
  async function snapshot(id: string) {
    const { t } = get();
    const [row] = await t.services.db.select().from(suggestions).where(eq(suggestions.id, id));
    const res = (await t.services.db.execute(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = ${id}`,
    )) as unknown as { rows: { n: number }[] };
    const ext = await t.services.db
      .select()
      .from(suggestionExtensions)
      .where(eq(suggestionExtensions.suggestionId, id));
    return { row, audits: res.rows[0].n, ext };
  }
  const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBe(200);
  const detail = async (id: string, who = 'staff') =>
    (await get().c[who].get(`/api/v1/suggestions/${id}`)).json();
  const notified = async (who: string, kind: string, id: string) =>
    (await get().c[who].get('/api/v1/notifications'))
      .json()
      .items.some((n: { kind: string; link: string }) => n.kind === kind && n.link === `/suggestions/${id}`);
  const shanghaiDay = (iso: string) =>
    new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

  /** A suggestion by dep.p co-signed by dep.co, driven to the wanted state (lead unit a). */
  async function make(state: 'assigned' | 'replied') {
    const { c, dep, unit } = get();
    const res = await c.p.post('/api/v1/suggestions', { ...legalBase, cosignerIds: [dep.co] });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    ok(await c.co.post(`/api/v1/suggestions/${id}/cosign`, { accept: true }));
    ok(await c.staff.post(`/api/v1/suggestions/${id}/review`, { decision: 'accept', comment: '' }));
    ok(await c.staff.post(`/api/v1/suggestions/${id}/assign`, { leadUnitId: unit.a, assistingUnitIds: [] }));
    if (state === 'assigned') return id;
    ok(await c.unitA.post(`/api/v1/suggestions/${id}/contacts`, { method: 'phone', summary: '电话沟通' }));
    ok(await c.unitA.post(`/api/v1/suggestions/${id}/reply`, { category: 'B', content: '已列入计划' }));
    return id;
  }

  /** Moves the current (and first) assignment of a suggestion to a given Shanghai date, 10:00. */
  async function assignedOn(id: string, day: string, first = day) {
    await setSuggestion(get().t, id, {
      assignedAt: new Date(`${day}T10:00:00+08:00`),
      firstAssignedAt: new Date(`${first}T10:00:00+08:00`),
    });
  }

  async function withSettings(patch: Record<string, unknown>, run: () => Promise<void>) {
    const { c } = get();
    const before = (await c.staff.get(settingsUrl)).json();
    ok(await c.staff.put(settingsUrl, patch));
    try {
      await run();
    } finally {
      ok(await c.staff.put(settingsUrl, before));
    }
  }
  return { snapshot, ok, detail, notified, shanghaiDay, make, assignedOn, withSettings };
}
