// Test fixtures of the livelihood module (used by its tests only): a district with deputies on the roll,
// a handling unit, candidate projects, and a congress sitting in session (a binding vote is linked to it).
import { newId } from '../src/platform/ids';
import { eq } from 'drizzle-orm';
import { deputies, handlingUnits, mandates, sittings, terms } from '../src/modules/registry/registry.table';
import { livelihoodCandidates } from './tables';
import { TEST_PASSWORD, testClient, type TestClient, type TestEnv } from './harness';

export interface District {
  deputyIds: string[];
  unitId: string;
  candidateIds: string[];
}

export async function buildDistrict(
  t: TestEnv,
  opts: { deputies: number; candidates: number; year?: number; congressId?: string; streetId?: string },
): Promise<District> {
  const congressId = opts.congressId ?? t.congressId;
  const streetId = opts.streetId ?? t.streetId;
  const db = t.services.db;
  const deputyIds = Array.from({ length: opts.deputies }, () => newId());
  for (let i = 0; i < deputyIds.length; i += 500) {
    const chunk = deputyIds.slice(i, i + 500);
    await db.insert(deputies).values(
      chunk.map((id, k) => ({
        id,
        congressId,
        name: `代表${i + k + 1}`,
        gender: k % 2 ? ('male' as const) : ('female' as const),
      })),
    );
    await db.insert(mandates).values(
      chunk.map((id) => ({
        id: newId(),
        congressId,
        deputyId: id,
        level: 'district' as const,
        streetId,
        delegation: '测试代表团',
      })),
    );
  }
  if (!(await db.$count(sittings, eq(sittings.congressId, congressId)))) {
    const termId = newId();
    await db
      .insert(terms)
      .values({ id: termId, congressId, number: 7, startDate: '2026-01-10', endDate: '2031-01-09' });
    await db.insert(sittings).values({
      id: newId(),
      congressId,
      termId,
      number: 2,
      startDate: '2026-12-01',
      endDate: '2026-12-31',
      status: 'inSession',
    });
  }
  const unitId = newId();
  await db
    .insert(handlingUnits)
    .values({ id: unitId, congressId, name: '区住房和建设局', kind: 'governmentDepartment' });
  const candidateIds = Array.from({ length: opts.candidates }, () => newId());
  await db.insert(livelihoodCandidates).values(
    candidateIds.map((id, i) => ({
      id,
      congressId,
      year: opts.year ?? 2027,
      title: `候选项目${String(i + 1).padStart(2, '0')}`,
      leadUnitId: unitId,
      budget: 1_000_000 * (i + 1),
      streetId,
    })),
  );
  return { deputyIds, unitId, candidateIds };
}

const clients = new WeakMap<TestEnv, Map<string, TestClient>>();

/** A signed-in client for deputy i, signed in once per test env (the login route is rate limited). */
export async function deputyClient(t: TestEnv, district: District, i: number): Promise<TestClient> {
  if (!clients.has(t)) clients.set(t, new Map());
  const cache = clients.get(t)!;
  const id = district.deputyIds[i];
  if (!cache.has(id)) cache.set(id, await loginAs(t, `deputy${i}_${id.slice(-6)}`, id, i));
  return cache.get(id)!;
}

/**
 * Signs a deputy in from an address of its own: the login route allows 30 attempts a minute per address,
 * and a sitting's deputies sign in from their own phones.
 */
export async function loginAs(
  t: TestEnv,
  username: string,
  deputyId: string,
  n: number,
): Promise<TestClient> {
  await t.createAccount({ username, roles: ['deputy'], deputyId });
  const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: TEST_PASSWORD },
    headers: { 'x-forwarded-for': ip },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie!).split(';')[0];
  const csrfToken: string = res.json().csrfToken;
  return testClient(t.app, cookie, csrfToken, { 'x-forwarded-for': ip });
}

/** A deputy of the congress with no active mandate: not on any roll. */
export async function outsiderDeputy(t: TestEnv): Promise<string> {
  const id = newId();
  await t.services.db
    .insert(deputies)
    .values({ id, congressId: t.congressId, name: '外来代表', gender: 'male' });
  return id;
}

/** Creates a vote, calls the roll, signs in `present` deputies at the desk, and opens it. */
export async function openVoteWith(
  t: TestEnv,
  staff: TestClient,
  district: District,
  opts: { maxChoices: number; present: number; candidates?: string[] },
) {
  const created = await staff.post('/api/v1/project-votes', {
    year: 2027,
    title: '2027年度民生实事项目票决',
    maxChoices: opts.maxChoices,
    candidateIds: opts.candidates ?? district.candidateIds,
  });
  if (created.statusCode !== 201) throw new Error(`create vote: ${created.statusCode} ${created.body}`);
  const voteId: string = created.json().id;
  const roll = await staff.post(`/api/v1/project-votes/${voteId}/roll`);
  if (roll.statusCode !== 200) throw new Error(`roll: ${roll.body}`);
  for (const memberId of district.deputyIds.slice(0, opts.present)) {
    const r = await staff.post(`/api/v1/project-votes/${voteId}/attendance`, { memberId });
    if (r.statusCode !== 200) throw new Error(`sign in: ${r.body}`);
  }
  const open = await staff.post(`/api/v1/project-votes/${voteId}/open`);
  if (open.statusCode !== 200) throw new Error(`open: ${open.body}`);
  return voteId;
}
