// The opinion tests' shared district (units, deputies, a liaison place, a street working committee), accounts
// and helpers; each test file calls useOpinionsFixture() for its own database.
import { afterAll, beforeAll, expect } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from './harness';
import { auditEvents } from '../src/platform/platform.table';
import {
  deputies,
  handlingUnits,
  liaisonPlaceDeputies,
  liaisonPlaces,
  workingCommittees,
  jurisdictions,
} from './tables';
import { newId } from '../src/platform/ids';
import { opinions } from '../src/modules/opinions/opinions.table';
import { opinionListItem } from '../src/modules/opinions/opinions.repository';

export let t: TestEnv;
export const unitA = newId();
export const unitB = newId();
export const unitC = newId();
export const deputyId = newId();
export const otherDeputyId = newId();
export const placeId = newId();
export const communityId = newId();
export const committeeId = newId();
export let staff: TestClient,
  liaison: TestClient,
  unitAStaff: TestClient,
  unitBStaff: TestClient,
  deputy: TestClient;
export let otherDeputy: TestClient, leader: TestClient, citizen: TestClient, sysadmin: TestClient;

export const PHONE = '13912345678';
export const form = (extra: Record<string, unknown> = {}) => ({
  content: '幸福路小区门口的路灯坏了两周，晚上很黑，老人出行不安全，请尽快修好。',
  category: 'urbanManagement',
  streetId: t.streetId,
  phone: PHONE,
  isPublic: true,
  ...extra,
});
export const countOf = async (table: typeof opinions | typeof auditEvents) =>
  Number((await t.services.db.select({ n: count() }).from(table))[0].n);
export const auditActions = async (entityId: string) =>
  (
    await t.services.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, entityId))
      .orderBy(auditEvents.createdAt, auditEvents.id)
  ).map((r) => r.action);

/** The opinion tests' district and accounts, made before a file's tests and closed after them. */
export function useOpinionsFixture() {
  beforeAll(async () => {
    t = await createTestEnv();
    const db = t.services.db;
    const c = t.congressId;
    await db
      .insert(jurisdictions)
      .values({ id: communityId, congressId: c, parentId: t.streetId, level: 'community', name: '幸福社区' });
    await db.insert(handlingUnits).values([
      {
        id: unitA,
        congressId: c,
        name: '区城市管理和综合执法局',
        kind: 'governmentDepartment',
        categories: ['urbanManagement'],
      },
      {
        id: unitB,
        congressId: c,
        name: '区交通运输局',
        kind: 'governmentDepartment',
        categories: ['transport'],
      },
      {
        id: unitC,
        congressId: c,
        name: '区水务局',
        kind: 'governmentDepartment',
        categories: ['environment'],
      },
    ]);
    await db.insert(deputies).values([
      { id: deputyId, congressId: c, name: '王代表', gender: 'female' },
      { id: otherDeputyId, congressId: c, name: '李代表', gender: 'male' },
    ]);
    await db.insert(liaisonPlaces).values({
      id: placeId,
      congressId: c,
      kind: 'station',
      name: '幸福社区代表联络站',
      streetId: t.streetId,
    });
    await db.insert(liaisonPlaceDeputies).values({ congressId: c, liaisonPlaceId: placeId, deputyId });
    await db.insert(workingCommittees).values({
      id: committeeId,
      congressId: c,
      kind: 'streetWorkingCommittee',
      name: '测试街道工委',
      streetId: t.streetId,
    });
    staff = await t.as('staff', ['congressStaff']);
    liaison = await t.as('liaison', ['liaisonStaff']);
    unitAStaff = await t.as('unitA', ['handlingUnitStaff'], { handlingUnitId: unitA });
    unitBStaff = await t.as('unitB', ['handlingUnitStaff'], { handlingUnitId: unitB });
    deputy = await t.as('deputy', ['deputy'], { deputyId });
    otherDeputy = await t.as('deputy2', ['deputy'], { deputyId: otherDeputyId });
    leader = await t.as('leader', ['leader']);
    citizen = await t.as('citizen', ['citizen']);
    sysadmin = await t.as('sysadmin', ['systemAdmin']);
    // Generous public limits for the test's single IP; the abuse test lowers them.
    const r = await staff.put('/api/v1/opinion-settings', {
      maxSubmissionsPerIpPerHour: 1000,
      maxSubmissionsPerPhonePerDay: 1000,
    });
    expect(r.statusCode).toBe(200);
  });
  afterAll(async () => t?.close());
}

export async function submit(extra: Record<string, unknown> = {}, headers?: Record<string, string>) {
  const r = await t.anon.post('/api/v1/opinions', form(extra), headers);
  expect(r.statusCode, r.body).toBe(201);
  const body: { id: string; trackingCode: string } = r.json();
  return body;
}

/**
 * Runs `fn` while a transaction holds the rate counters for a moment: the first submission's batch waits
 * there, and the submissions arriving meanwhile queue for the next batch.
 */
export async function whileCountersLocked<T>(fn: () => Promise<T>): Promise<T> {
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const hold = t.services.db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE opinion_rate_counters IN EXCLUSIVE MODE`);
    locked();
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  await isLocked;
  const out = fn();
  await hold;
  return out;
}

/** Submits, forwards to unit A and moves the deadline into the past. */
export async function forwardOverdue(extra: Record<string, unknown> = {}) {
  const { id } = await submit(extra);
  await staff.post(`/api/v1/opinions/${id}/claim`);
  await staff.post(`/api/v1/opinions/${id}/decide`, { decision: 'forward', leadUnitId: unitA });
  await setOpinion(id, { deadlineAt: new Date(Date.now() - 86_400_000) });
  return id;
}

/**
 * Test-only: changes an opinion's fields directly (as time passing would, or a state a test needs), storing
 * its list item again as every write of the module does.
 */
export async function setOpinion(id: string, set: Partial<typeof opinions.$inferInsert>): Promise<void> {
  await t.services.db.transaction(async (tx) => {
    const [row] = await tx.update(opinions).set(set).where(eq(opinions.id, id)).returning();
    await tx
      .update(opinions)
      .set({ listItem: opinionListItem(row) })
      .where(eq(opinions.id, id));
  });
}

/** Runs the hourly deadline sweep now, with the reminders it queues. */
export async function sweepDeadlines() {
  await t.services.db.execute(
    sql`INSERT INTO jobs (id, name, payload, run_at) VALUES (${newId()}, 'opinions.sweepDeadlines', '{}', now())`,
  );
  await t.services.jobs.drain();
}
