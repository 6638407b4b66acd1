// Test fixtures of the livelihood module (used by its tests only): a district with deputies on the roll,
// a handling unit, candidate projects, and a congress sitting in session (a binding vote is linked to it).
import { newId } from '../src/platform/ids';
import { eq } from 'drizzle-orm';
import { deputies, handlingUnits, mandates, sittings, terms } from '../src/modules/registry/registry.table';
import { livelihoodCandidates } from './tables';
import {
  completeDkg,
  createCeremonyKey,
  dealShares,
  encryptBallot,
  partialDecrypt,
  type CurveName,
  type DkgDeal,
  type TellerShare,
} from '@minyi/domain/ballots/crypto';
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

/** The tellers of the votes made here, with their shares (kept by the test, as a teller keeps a file). */
const ceremonies = new Map<string, { tellers: TestClient[]; accountIds: string[]; shares: TellerShare[] }>();
export const ceremonyOf = (voteId: string) => {
  const c = ceremonies.get(voteId);
  if (!c) throw new Error(`no ceremony for vote ${voteId}`);
  return c;
};

/** Three teller accounts (congress staff) of the test env, signed in once. */
const tellerCache = new WeakMap<TestEnv, { clients: TestClient[]; accountIds: string[] }>();
export async function tellerClients(t: TestEnv): Promise<{ clients: TestClient[]; accountIds: string[] }> {
  const cached = tellerCache.get(t);
  if (cached) return cached;
  const clients: TestClient[] = [];
  const accountIds: string[] = [];
  for (const n of [1, 2, 3]) {
    clients.push(await t.as(`teller${n}`, ['congressStaff']));
    const me = await clients[n - 1].get('/api/v1/auth/me');
    accountIds.push(me.json().user.id);
  }
  tellerCache.set(t, { clients, accountIds });
  return { clients, accountIds };
}

/**
 * Names three tellers and holds their key ceremony over HTTP, each teller with its own account and its own
 * ceremony key, as their browsers would; keeps the shares for `decryptAs`.
 */
export async function holdCeremony(t: TestEnv, staff: TestClient, voteId: string) {
  const { clients, accountIds } = await tellerClients(t);
  const put = await staff.put(`/api/v1/project-votes/${voteId}/tellers`, { accountIds });
  if (put.statusCode !== 200) throw new Error(`tellers: ${put.statusCode} ${put.body}`);
  const curve = (await clients[0].get(`/api/v1/project-votes/${voteId}/ceremony`)).json().curve as CurveName;
  const keys = [1, 2, 3].map((i) => createCeremonyKey(curve, i));
  for (const [i, c] of clients.entries()) {
    const r = await c.post(`/api/v1/project-votes/${voteId}/ceremony-keys`, { publicKey: keys[i].publicKey });
    if (r.statusCode !== 201) throw new Error(`ceremony key: ${r.statusCode} ${r.body}`);
  }
  const ceremony = (await clients[0].get(`/api/v1/project-votes/${voteId}/ceremony`)).json();
  const ceremonyPublicKeys = ceremony.tellers.map((x: { ceremonyKey: string }) => x.ceremonyKey);
  for (const [i, c] of clients.entries()) {
    const deal = dealShares({ curve, voteId, threshold: 2, tellers: 3, index: i + 1, ceremonyPublicKeys });
    const r = await c.post(`/api/v1/project-votes/${voteId}/deals`, { deal });
    if (r.statusCode !== 201) throw new Error(`deal: ${r.statusCode} ${r.body}`);
  }
  const after = (await clients[0].get(`/api/v1/project-votes/${voteId}/ceremony`)).json();
  const deals = after.tellers.map((x: { deal: DkgDeal }) => x.deal);
  const shares = keys.map((me) => {
    const done = completeDkg({ curve, voteId, threshold: 2, tellers: 3, me, deals });
    if (!done.ok) throw new Error(`completeDkg: ${done.reason}`);
    return done.share;
  });
  ceremonies.set(voteId, { tellers: clients, accountIds, shares });
  return { tellers: clients, accountIds, shares };
}

/** What a deputy's device sends: the ballot for candidates at these 0-based positions, encrypted. */
export async function encryptedBallot(client: TestClient, voteId: string, positions: number[]) {
  const v = (await client.get(`/api/v1/project-votes/${voteId}`)).json();
  return encryptBallot(
    {
      voteId,
      curve: v.encryption.curve,
      publicKey: v.encryption.publicKey,
      candidates: v.candidates.length,
      maxChoices: v.maxChoices,
    },
    positions,
  );
}

/** Casts an encrypted ballot for the candidates at these 0-based positions. */
export async function castAs(client: TestClient, voteId: string, positions: number[]) {
  return client.post(
    `/api/v1/project-votes/${voteId}/ballots`,
    await encryptedBallot(client, voteId, positions),
  );
}

/** Casts an encrypted ballot for these candidates (by id), as the deputy's page does from their ticks. */
export async function castIds(client: TestClient, voteId: string, ids: string[]) {
  const v = (await client.get(`/api/v1/project-votes/${voteId}`)).json();
  const order: string[] = v.candidates.map((c: { id: string }) => c.id);
  return castAs(
    client,
    voteId,
    ids.map((id) => order.indexOf(id)),
  );
}

/** Teller n (1-based) computes and posts its partial decryption of the closed vote's totals. */
export async function decryptAs(voteId: string, n: number) {
  const { tellers, shares } = ceremonyOf(voteId);
  const c = (await tellers[n - 1].get(`/api/v1/project-votes/${voteId}/ceremony`)).json();
  const ctx = {
    voteId,
    curve: c.curve,
    publicKey: c.publicKey,
    candidates: c.candidates,
    maxChoices: c.maxChoices,
  };
  const partialDecryption = partialDecrypt(ctx, shares[n - 1], c.combined);
  return tellers[n - 1].post(`/api/v1/project-votes/${voteId}/partial-decryptions`, { partialDecryption });
}

/** Closes the vote (staff) and has tellers 1 and 2 decrypt the totals; returns the published results. */
export async function closeAndCount(staff: TestClient, voteId: string) {
  const closed = await staff.post(`/api/v1/project-votes/${voteId}/close`);
  if (closed.statusCode !== 200) return closed;
  if (closed.json().status === 'closed') return closed;
  for (const n of [1, 2]) {
    const r = await decryptAs(voteId, n);
    if (r.statusCode !== 201) throw new Error(`decrypt ${n}: ${r.statusCode} ${r.body}`);
  }
  return staff.get(`/api/v1/project-votes/${voteId}/results`);
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
  await holdCeremony(t, staff, voteId);
  for (const memberId of district.deputyIds.slice(0, opts.present)) {
    const r = await staff.post(`/api/v1/project-votes/${voteId}/attendance`, { memberId });
    if (r.statusCode !== 200) throw new Error(`sign in: ${r.body}`);
  }
  const open = await staff.post(`/api/v1/project-votes/${voteId}/open`);
  if (open.statusCode !== 200) throw new Error(`open: ${open.body}`);
  return voteId;
}
