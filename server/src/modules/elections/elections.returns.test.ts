// Returns and results: the agreed return of a district posted once per round, its result computed from the
// Election Law's rules (invalid when more ballots returned than issued, valid over half the registered,
// elected over half of those who took part, tie → re-vote, seats left → runoff), the runoff with its
// candidates from the ranking, the summary and its sentence; every refusal changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/platform.table';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { electionReturns } from './elections.table';

let t: TestEnv;
let staff: TestClient;

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
});
afterAll(async () => t?.close());

async function setUp(seats: number, names: string[], confirm = true, electionDay = '2021-11-26') {
  const e = await staff.post('/api/v1/elections', { title: '区人大代表选举', electionDay });
  const id = e.json().id as string;
  const d = await staff.post(`/api/v1/elections/${id}/districts`, { name: `选区${names.join('')}`, seats });
  const districtId = d.json().id as string;
  const ids: string[] = [];
  for (const name of names)
    ids.push(
      (await staff.post(`/api/v1/elections/${id}/districts/${districtId}/candidates`, { name })).json().id,
    );
  if (confirm)
    expect(
      (await staff.post(`/api/v1/elections/${id}/districts/${districtId}/candidates:confirm`)).statusCode,
    ).toBe(200);
  return { id, districtId, ids, base: `/api/v1/elections/${id}/districts/${districtId}` };
}

const ret = (votes: Record<string, number>, over: Record<string, unknown> = {}) => ({
  registered: 1000,
  participated: 900,
  ballotsIssued: 900,
  ballotsReturned: 900,
  void: 10,
  votes,
  others: 5,
  ...over,
});

describe('a district’s return and its result', () => {
  it('posts the agreed return (201) and answers the result: valid, turnout, elected', async () => {
    const s = await setUp(1, ['陈晓峰', '林惠珍']);
    const res = await staff.post(`${s.base}/return`, ret({ [s.ids[0]]: 610, [s.ids[1]]: 270 }));
    expect(res.statusCode, res.body).toBe(201);
    const r = (await staff.get(`${s.base}/result`)).json();
    expect(r).toMatchObject({
      valid: true,
      reason: null,
      turnout: 90,
      elected: [s.ids[0]],
      runoffSeats: 0,
      tied: [],
    });
    const audit = await t.services.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, s.districtId));
    expect(audit.map((a) => a.action)).toContain('election.enterReturn');
    // A second return of the same round is a 409.
    const again = await staff.post(`${s.base}/return`, ret({ [s.ids[0]]: 600 }));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('return_entered');
  });

  it('more ballots returned than issued: the round is invalid', async () => {
    const s = await setUp(1, ['甲', '乙']);
    await staff.post(`${s.base}/return`, ret({ [s.ids[0]]: 610 }, { ballotsReturned: 901 }));
    const r = (await staff.get(`${s.base}/result`)).json();
    expect(r).toMatchObject({ valid: false, reason: 'ballotsExceedIssued', elected: [] });
  });

  it('exactly half the registered taking part is invalid', async () => {
    const s = await setUp(1, ['丙', '丁']);
    await staff.post(
      `${s.base}/return`,
      ret({ [s.ids[0]]: 400 }, { participated: 500, ballotsIssued: 500, ballotsReturned: 500 }),
    );
    expect((await staff.get(`${s.base}/result`)).json()).toMatchObject({
      valid: false,
      reason: 'turnoutNotMajority',
      turnout: 50,
    });
  });

  it('a tie among those who passed for the last seat lists the tied and no runoff seat', async () => {
    const s = await setUp(2, ['甲', '乙', '丙']);
    await staff.post(`${s.base}/return`, ret({ [s.ids[0]]: 700, [s.ids[1]]: 600, [s.ids[2]]: 600 }));
    const r = (await staff.get(`${s.base}/result`)).json();
    expect(r).toMatchObject({ elected: [s.ids[0]], tied: [s.ids[1], s.ids[2]].sort(), runoffSeats: 0 });
  });

  it('seats left go to a runoff among the next on the ranking; its winner needs one third of the ballots', async () => {
    const s = await setUp(2, ['钟伟杰', '温秋霞', '苏家豪']);
    await staff.post(`${s.base}/return`, ret({ [s.ids[0]]: 600, [s.ids[1]]: 420, [s.ids[2]]: 380 }));
    const first = (await staff.get(`${s.base}/result`)).json();
    expect(first).toMatchObject({ elected: [s.ids[0]], runoffSeats: 1, tied: [] });
    expect(first.runoff).toMatchObject({ candidates: [s.ids[1], s.ids[2]], entered: false });
    // Someone elected in the first round is no runoff candidate: a 400 naming votes.
    const wrong = await staff.post(
      `${s.base}/return`,
      ret(
        { [s.ids[0]]: 300 },
        { round: 'runoff', participated: 800, ballotsIssued: 800, ballotsReturned: 800 },
      ),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('votes');
    const runoff = await staff.post(
      `${s.base}/return`,
      ret(
        { [s.ids[1]]: 300, [s.ids[2]]: 250 },
        { round: 'runoff', participated: 900, ballotsIssued: 900, ballotsReturned: 900 },
      ),
    );
    expect(runoff.statusCode, runoff.body).toBe(201);
    const after = (await staff.get(`${s.base}/result`)).json();
    expect(after.runoff).toMatchObject({ entered: true, elected: [s.ids[1]], vacancies: 0 });
    expect(after.deputies).toEqual([s.ids[0], s.ids[1]]);
  });

  it('refuses a return before election day (409)', async () => {
    const s = await setUp(1, ['甲', '乙'], true, '2099-11-26');
    const res = await staff.post(`${s.base}/return`, ret({ [s.ids[0]]: 610 }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('before_election_day');
  });

  it('refuses a runoff where no seat is left (409)', async () => {
    const s = await setUp(1, ['甲', '乙']);
    await staff.post(`${s.base}/return`, ret({ [s.ids[0]]: 610 }));
    const res = await staff.post(`${s.base}/return`, ret({ [s.ids[1]]: 300 }, { round: 'runoff' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('no_runoff');
  });

  it('refuses a return before the list is confirmed (409), one that cannot be (400 naming fields), votes for a stranger, and other roles; nothing is stored', async () => {
    const s = await setUp(1, ['甲', '乙'], false);
    const early = await staff.post(`${s.base}/return`, ret({ [s.ids[0]]: 610 }));
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('list_not_confirmed');
    const c = await setUp(1, ['丙', '丁']);
    const impossible = await staff.post(
      `${c.base}/return`,
      ret({ [c.ids[0]]: 950 }, { participated: 1200, void: 901 }),
    );
    expect(impossible.statusCode).toBe(400);
    expect(
      impossible
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['participated', 'void', 'votes']);
    const negative = await staff.post(`${c.base}/return`, ret({ [c.ids[0]]: -1 }, { registered: 'many' }));
    expect(negative.statusCode).toBe(400);
    const stranger = await staff.post(
      `${c.base}/return`,
      ret({ '0199a5d2-0000-7000-8000-000000000001': 500 }),
    );
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0]).toMatchObject({ field: 'votes', code: 'unknown_candidate' });
    for (const role of ['leader', 'deputy', 'citizen'] as const) {
      const other = await t.as(`ret-${role}`, [role]);
      expect((await other.post(`${c.base}/return`, ret({ [c.ids[0]]: 610 }))).statusCode, role).toBe(403);
    }
    expect((await t.anon.post(`${c.base}/return`, ret({ [c.ids[0]]: 610 }))).statusCode).toBe(401);
    const stored = await t.services.db
      .select()
      .from(electionReturns)
      .where(eq(electionReturns.districtId, c.districtId));
    expect(stored).toEqual([]);
    expect((await staff.get(`${c.base}/result`)).statusCode).toBe(404);
  });
});

describe('the summary', () => {
  it('counts districts, first-round successes, voters and turnout to two decimals, and says the sentence', async () => {
    const e = await staff.post('/api/v1/elections', { title: '区人大代表选举', electionDay: '2021-11-26' });
    const id = e.json().id as string;
    const figures = [
      { seats: 1, names: ['甲', '乙'], registered: 5_274, participated: 4_774, votes: [3_000, 1_700] },
      { seats: 1, names: ['丙', '丁'], registered: 5_000, participated: 4_500, votes: [2_600, 1_800] },
      // Short of the majority: a runoff; not a first-round success.
      { seats: 1, names: ['戊', '己'], registered: 1_000, participated: 900, votes: [440, 420] },
    ];
    for (const [i, f] of figures.entries()) {
      const d = (
        await staff.post(`/api/v1/elections/${id}/districts`, { name: `第${i + 1}选区`, seats: f.seats })
      ).json().id;
      const base = `/api/v1/elections/${id}/districts/${d}`;
      const ids: string[] = [];
      for (const name of f.names) ids.push((await staff.post(`${base}/candidates`, { name })).json().id);
      await staff.post(`${base}/candidates:confirm`);
      const res = await staff.post(`${base}/return`, {
        registered: f.registered,
        participated: f.participated,
        ballotsIssued: f.participated,
        ballotsReturned: f.participated,
        void: 10,
        votes: Object.fromEntries(ids.map((c, k) => [c, f.votes[k]])),
        others: 0,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const s = (await staff.get(`/api/v1/elections/${id}/summary`)).json();
    expect(s).toMatchObject({
      districts: 3,
      districtsValidFirstRound: 2,
      registered: 11_274,
      participated: 10_174,
      turnout: 90.24,
    });
    expect(s.sentence.zh).toBe('3个选区中2个一次选举成功，1.02万选民参与投票，参选率90.24%');
    const leader = await t.as('sum-leader', ['leader']);
    expect((await leader.get(`/api/v1/elections/${id}/summary`)).json().turnout).toBe(90.24);
  });
});
