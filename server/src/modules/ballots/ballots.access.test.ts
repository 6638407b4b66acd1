// Every vote endpoint against every role it must refuse; concurrent ballots stored exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Role } from '@minyi/domain';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import {
  buildDistrict,
  closeAndCount,
  deputyClient,
  encryptedBallot,
  openVoteWith,
  type District,
} from '../../../test/livelihood.fixture';
import { projectVoteEncryptedBallots, projectVotes, projectVoteVoters } from './ballots.table';

let t: TestEnv;
let staff: TestClient;
let d: District;
let openId: string;
let draftId: string;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  d = await buildDistrict(t, { deputies: 60, candidates: 6 });
  openId = await openVoteWith(t, staff, d, { maxChoices: 2, present: 60 });
  draftId = (
    await staff.post('/api/v1/project-votes', {
      year: 2027,
      title: 'draft',
      maxChoices: 2,
      candidateIds: d.candidateIds,
    })
  ).json().id;
  const roles: Role[] = [
    'citizen',
    'liaisonStaff',
    'handlingUnitStaff',
    'leader',
    'systemAdmin',
    'securityAdmin',
    'auditor',
  ];
  for (const r of roles) as[r] = await t.as(`role_${r}`, [r]);
  as.deputy = await deputyClient(t, d, 0);
  // A staff member of another congress.
  const other = await t.createCongress('他区人大');
  as.otherStaff = await t.as('other_staff', ['congressStaff'], { congressId: other.congressId });
});
afterAll(async () => t?.close());

describe('vote endpoints refuse the roles they must', () => {
  const staffOnly: [string, string, () => string, unknown][] = [
    [
      'POST',
      '/api/v1/project-votes',
      () => '',
      {
        year: 2027,
        title: 'x',
        maxChoices: 1,
        candidateIds: ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'],
      },
    ],
    ['POST', '/api/v1/project-votes/:id/roll', () => draftId, undefined],
    ['GET', '/api/v1/project-votes/:id/teller-candidates', () => draftId, undefined],
    [
      'PUT',
      '/api/v1/project-votes/:id/tellers',
      () => draftId,
      {
        accountIds: [
          '00000000-0000-4000-8000-000000000001',
          '00000000-0000-4000-8000-000000000002',
          '00000000-0000-4000-8000-000000000003',
        ],
      },
    ],
    ['POST', '/api/v1/project-votes/:id/open', () => openId, undefined],
    ['POST', '/api/v1/project-votes/:id/close', () => openId, undefined],
    [
      'POST',
      '/api/v1/project-votes/:id/paper-counts',
      () => openId,
      { issued: 0, returned: 0, valid: 0, void: 0, blank: 0, counts: {} },
    ],
    ['DELETE', '/api/v1/project-votes/:id/paper-counts', () => openId, undefined],
    ['POST', '/api/v1/project-votes/:id/runoff', () => openId, undefined],
    ['POST', '/api/v1/project-votes/:id/shortfall-vote', () => openId, undefined],
    [
      'POST',
      '/api/v1/project-votes/:id/attendance',
      () => openId,
      { memberId: '00000000-0000-4000-8000-000000000000' },
    ],
  ];

  it.each(staffOnly)(
    '%s %s: 401 for the public, 403 for every other role, 404 across congresses',
    async (method, path, id, body) => {
      const url = path.replace(':id', id());
      const send = (c: TestClient) => c.request({ method: method, url, payload: body as object });
      expect((await send(t.anon)).statusCode).toBe(401);
      for (const r of [
        'citizen',
        'liaisonStaff',
        'handlingUnitStaff',
        'leader',
        'systemAdmin',
        'securityAdmin',
        'auditor',
        'deputy',
      ]) {
        const res = await send(as[r]);
        expect(res.statusCode, `${r} ${method} ${url}`).toBe(403);
      }
      if (id()) expect((await send(as.otherStaff)).statusCode).toBe(404);
      const [vote] = await t.services.db.select().from(projectVotes).where(eq(projectVotes.id, openId));
      expect(vote.status).toBe('open');
    },
  );

  // Only the vote's tellers take part in its key ceremony and decrypt its totals: every other role,
  // staff included, is refused (the body is well-formed, so the refusal is the policy's).
  const tellerOnly: [string, unknown][] = [
    ['ceremony-keys', { publicKey: `02${'ab'.repeat(32)}` }],
    [
      'deals',
      {
        deal: { from: 1, commitments: [`02${'ab'.repeat(32)}`, `03${'cd'.repeat(32)}`], encryptedShares: [] },
      },
    ],
    [
      'partial-decryptions',
      {
        partialDecryption: {
          teller: 1,
          factors: [`02${'ab'.repeat(32)}`],
          proofs: [{ c: 'cd'.repeat(32), r: 'ef'.repeat(32) }],
        },
      },
    ],
  ];
  it.each(tellerOnly)(
    'POST /api/v1/project-votes/:id/%s: 401 for the public, 403 for staff and every other role',
    async (path, body) => {
      for (const id of [draftId, openId]) {
        const url = `/api/v1/project-votes/${id}/${path}`;
        expect((await t.anon.post(url, body)).statusCode).toBe(401);
        for (const r of [...Object.keys(as), 'staff']) {
          const c = r === 'staff' ? staff : as[r];
          expect((await c.post(url, body)).statusCode, `${r} ${url}`).toBe(r === 'otherStaff' ? 404 : 403);
        }
      }
      expect((await as.citizen.get(`/api/v1/project-votes/${openId}/ceremony`)).statusCode).toBe(403);
      expect((await as.deputy.get(`/api/v1/project-votes/${openId}/ceremony`)).statusCode).toBe(403);
    },
  );

  it('lets only deputies on the roll sign in and vote, and only deputies and staff list votes', async () => {
    const ballot = await encryptedBallot(staff, openId, []);
    for (const r of ['citizen', 'liaisonStaff', 'handlingUnitStaff', 'leader', 'systemAdmin', 'auditor']) {
      expect((await as[r].post(`/api/v1/project-votes/${openId}/ballots`, ballot)).statusCode, r).toBe(403);
      expect((await as[r].post(`/api/v1/project-votes/${openId}/attendance`)).statusCode, r).toBe(403);
    }
    expect((await staff.post(`/api/v1/project-votes/${openId}/ballots`, ballot)).statusCode).toBe(403);
    expect((await t.anon.post(`/api/v1/project-votes/${openId}/ballots`, ballot)).statusCode).toBe(401);
    for (const r of ['citizen', 'handlingUnitStaff', 'systemAdmin', 'auditor'])
      expect((await as[r].get('/api/v1/project-votes')).statusCode, r).toBe(403);
    expect((await t.anon.get('/api/v1/project-votes')).statusCode).toBe(401);
    expect((await as.leader.get(`/api/v1/project-votes/${openId}`)).statusCode).toBe(200);
    expect((await as.citizen.get(`/api/v1/project-votes/${openId}`)).statusCode).toBe(403);
    expect((await as.citizen.get(`/api/v1/project-votes/${openId}/roll`)).statusCode).toBe(403);
    expect(
      await t.services.db.$count(projectVoteEncryptedBallots, eq(projectVoteEncryptedBallots.voteId, openId)),
    ).toBe(0);
  });

  it('tells the client that only staff of the congress may create a vote (list abilities)', async () => {
    expect((await staff.get('/api/v1/project-votes')).json().abilities).toEqual({ create: true });
    expect((await as.deputy.get('/api/v1/project-votes')).json().abilities).toEqual({ create: false });
    expect((await as.leader.get('/api/v1/project-votes')).json().abilities).toEqual({ create: false });
  });

  it('answers 400 naming the fields for a bad vote, and stores nothing', async () => {
    const before = await t.services.db.$count(projectVotes);
    const r = await staff.post('/api/v1/project-votes', {
      year: 1800,
      title: '',
      maxChoices: 0,
      candidateIds: ['x'],
      extra: true,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['year', 'title', 'maxChoices', 'candidateIds.0', 'extra']),
    );
    const ratio = await staff.post('/api/v1/project-votes', {
      year: 2027,
      title: '差额不足',
      maxChoices: 6,
      candidateIds: d.candidateIds,
    });
    expect(ratio.statusCode).toBe(400);
    expect(ratio.json().errors[0].field).toBe('candidateIds');
    const unknown = await staff.post('/api/v1/project-votes', {
      year: 2027,
      title: '未知',
      maxChoices: 1,
      candidateIds: [d.deputyIds[0], d.deputyIds[1]],
    });
    expect(unknown.statusCode).toBe(400);
    expect(await t.services.db.$count(projectVotes)).toBe(before);
  });
});

describe('concurrency', () => {
  it('stores each of many parallel ballots exactly once, and a deputy double-submitting in parallel once', async () => {
    const clients = await Promise.all(d.deputyIds.slice(0, 60).map((_, i) => deputyClient(t, d, i)));
    const [a, b, c] = d.candidateIds;
    const choicesOf = (i: number) => (i % 3 === 0 ? [0, 1] : i % 3 === 1 ? [1, 2] : []);
    // Every deputy sends two ballots at once: exactly one 201 and one 409 each.
    const ballots = await Promise.all(
      clients.map(async (client, i) => [
        await encryptedBallot(client, openId, choicesOf(i)),
        await encryptedBallot(client, openId, choicesOf(i)),
      ]),
    );
    const results = await Promise.all(
      clients.flatMap((client, i) =>
        ballots[i].map((ballot) => client.post(`/api/v1/project-votes/${openId}/ballots`, ballot)),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    // Anything else (a 503 under load) fails here with its body, not as a short count below.
    expect(results.filter((r) => r.statusCode !== 201 && r.statusCode !== 409).map((r) => r.body)).toEqual(
      [],
    );
    expect(codes.filter((s) => s === 201)).toHaveLength(60);
    expect(codes.filter((s) => s === 409)).toHaveLength(60);
    expect(await t.services.db.$count(projectVoteVoters, eq(projectVoteVoters.voteId, openId))).toBe(60);
    expect(
      await t.services.db.$count(projectVoteEncryptedBallots, eq(projectVoteEncryptedBallots.voteId, openId)),
    ).toBe(60);
    const closed = (await closeAndCount(staff, openId)).json();
    const votes = Object.fromEntries(
      closed.candidates.map((x: { id: string; votes: number }) => [x.id, x.votes]),
    );
    expect(votes[a]).toBe(20);
    expect(votes[b]).toBe(40);
    expect(votes[c]).toBe(20);
    expect(closed.turnout.ballotsCast).toBe(60);
  }, 240_000);
});
