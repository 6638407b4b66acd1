// Setting up an election: creating it (a past day too) with its timetable counted back from election day,
// districts of 1 to 3 seats, candidates, and the official list confirmed only within the differential ratio;
// the list and one election; every refusal: roles that may not, bad input naming its fields, another
// congress's election, a confirmed list; an audit row for each change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/platform.table';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { electionCandidates, electionDistricts, elections } from './elections.table';

let t: TestEnv;
let staff: TestClient;
let leader: TestClient;

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  leader = await t.as('leader', ['leader']);
});
afterAll(async () => t?.close());

const auditOf = async (entityId: string) =>
  (
    await t.services.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, entityId))
      .orderBy(asc(auditEvents.createdAt), asc(auditEvents.id))
  ).map((a) => a.action);

async function newElection(electionDay = '2026-11-26', title = '区第八届人大代表选举') {
  const res = await staff.post('/api/v1/elections', { title, electionDay });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
async function newDistrict(electionId: string, name: string, seats: number) {
  const res = await staff.post(`/api/v1/elections/${electionId}/districts`, { name, seats });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
async function addCandidates(electionId: string, districtId: string, names: string[]) {
  const ids: string[] = [];
  for (const name of names) {
    const res = await staff.post(`/api/v1/elections/${electionId}/districts/${districtId}/candidates`, {
      name,
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().id);
  }
  return ids;
}

describe('creating an election', () => {
  it('answers 201 { id } and shows the timetable counted back from election day, with voterListDue and candidateListDue', async () => {
    const res = await staff.post('/api/v1/elections', {
      title: '区第八届人大代表选举',
      electionDay: '2026-11-26',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(Object.keys(res.json())).toEqual(['id']);
    const e = (await staff.get(`/api/v1/elections/${res.json().id}`)).json();
    expect(e).toMatchObject({
      title: '区第八届人大代表选举',
      electionDay: '2026-11-26',
      voterListDue: '2026-11-06',
      candidateListDue: '2026-11-19',
      timetable: {
        complaintsDue: '2026-11-11',
        complaintDecisionsDue: '2026-11-14',
        nomineesDue: '2026-11-11',
        firstSessionDue: '2027-01-26',
      },
      districts: [],
    });
    expect(e.milestones.map((m: { milestone: string }) => m.milestone)).toContain('voterListDue');
    expect(await auditOf(res.json().id)).toEqual(['election.create']);
  });

  it('accepts a past election day (congresses enter past elections); its untracked milestones have passed', async () => {
    const id = await newElection('2021-11-26', '区第七届人大代表选举');
    const e = (await staff.get(`/api/v1/elections/${id}`)).json();
    expect(e.voterListDue).toBe('2021-11-06');
    const byName = Object.fromEntries(
      e.milestones.map((m: { milestone: string; state: string }) => [m.milestone, m.state]),
    );
    expect(byName).toMatchObject({ nomineesDue: 'passed', candidateListDue: 'passed', electionDay: 'late' });
  });

  it('starts from a previous election’s districts when asked; an unknown one is a 400 naming fromElectionId', async () => {
    const prev = await newElection('2021-11-26', '区第七届人大代表选举');
    await newDistrict(prev, '东岭街道第1选区', 3);
    await newDistrict(prev, '平岗街道第2选区', 1);
    const res = await staff.post('/api/v1/elections', {
      title: '区第八届人大代表选举',
      electionDay: '2026-11-26',
      fromElectionId: prev,
    });
    expect(res.statusCode, res.body).toBe(201);
    const e = (await staff.get(`/api/v1/elections/${res.json().id}`)).json();
    expect(e.districts.map((d: { name: string; seats: number }) => [d.name, d.seats])).toEqual([
      ['东岭街道第1选区', 3],
      ['平岗街道第2选区', 1],
    ]);
    const unknown = await staff.post('/api/v1/elections', {
      title: 'x',
      electionDay: '2026-11-26',
      fromElectionId: '0199a5d2-0000-7000-8000-000000000001',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('fromElectionId');
  });

  it('refuses bad input naming the fields, and changes nothing', async () => {
    const before = (await t.services.db.select().from(elections)).length;
    const res = await staff.post('/api/v1/elections', { title: '', electionDay: '2026-13-40' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['electionDay', 'title']);
    expect((await t.services.db.select().from(elections)).length).toBe(before);
  });

  it('refuses every role but congress staff (403), and the anonymous (401)', async () => {
    for (const roles of [
      ['leader'],
      ['deputy'],
      ['citizen'],
      ['liaisonStaff'],
      ['handlingUnitStaff'],
    ] as const) {
      const c = await t.as(`r-${roles[0]}`, [...roles]);
      const res = await c.post('/api/v1/elections', { title: 'x', electionDay: '2026-11-26' });
      expect(res.statusCode, roles[0]).toBe(403);
    }
    expect(
      (await t.anon.post('/api/v1/elections', { title: 'x', electionDay: '2026-11-26' })).statusCode,
    ).toBe(401);
  });
});

describe('the list and one election', () => {
  it('lists the elections newest first with districts and seats, for staff and leaders', async () => {
    const id = await newElection('2031-11-20', '区第九届人大代表选举');
    await newDistrict(id, '东岭街道第1选区', 3);
    const list = (await leader.get('/api/v1/elections')).json();
    expect(list.items[0]).toMatchObject({ id, electionDay: '2031-11-20', districts: 1, seats: 3 });
    const one = (await leader.get(`/api/v1/elections/${id}`)).json();
    expect(one.abilities).toMatchObject({ read: true, addDistrict: false });
    expect(one.districts[0].abilities).toMatchObject({ addCandidate: false, enterReturn: false });
    const mine = (await staff.get(`/api/v1/elections/${id}`)).json();
    expect(mine.abilities).toMatchObject({ addDistrict: true, importVoters: true });
  });

  it('refuses the list and the election to deputies, citizens and units; another congress gets 404', async () => {
    const id = await newElection();
    for (const role of ['deputy', 'citizen', 'handlingUnitStaff', 'liaisonStaff'] as const) {
      const c = await t.as(`read-${role}`, [role]);
      expect((await c.get('/api/v1/elections')).statusCode, role).toBe(403);
      expect((await c.get(`/api/v1/elections/${id}`)).statusCode, role).toBe(403);
      expect((await c.get(`/api/v1/elections/${id}/summary`)).statusCode, role).toBe(403);
    }
    const other = await t.createCongress('另一区人大');
    const stranger = await t.as('other-staff', ['congressStaff'], { congressId: other.congressId });
    expect((await stranger.get(`/api/v1/elections/${id}`)).statusCode).toBe(404);
    expect(
      (await stranger.post(`/api/v1/elections/${id}/districts`, { name: 'x', seats: 1 })).statusCode,
    ).toBe(404);
  });
});

describe('electoral districts', () => {
  it('adds a district of 1 to 3 seats; 0 or 4 seats is a 400 naming seats; a name twice is a 409', async () => {
    const id = await newElection();
    const d = await newDistrict(id, '平岗街道第1选区', 2);
    expect(await auditOf(d)).toEqual(['election.addDistrict']);
    for (const seats of [0, 4, 1.5]) {
      const res = await staff.post(`/api/v1/elections/${id}/districts`, { name: `x${seats}`, seats });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('seats');
    }
    const twice = await staff.post(`/api/v1/elections/${id}/districts`, {
      name: '平岗街道第1选区',
      seats: 1,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('district_name_taken');
    const rows = await t.services.db
      .select()
      .from(electionDistricts)
      .where(eq(electionDistricts.electionId, id));
    expect(rows.length).toBe(1);
  });

  it('shows the population per deputy and flags an outlier by the tolerance', async () => {
    const id = await newElection();
    for (const [name, seats, population] of [
      ['甲选区', 2, 10_000],
      ['乙选区', 1, 5_000],
      ['丙选区', 1, 9_000],
    ] as const)
      expect(
        (await staff.post(`/api/v1/elections/${id}/districts`, { name, seats, population })).statusCode,
      ).toBe(201);
    const e = (await staff.get(`/api/v1/elections/${id}`)).json();
    expect(e.districts.map((d: { perDeputy: number; outlier: boolean }) => [d.perDeputy, d.outlier])).toEqual(
      [
        [5_000, false],
        [5_000, false],
        [9_000, true],
      ],
    );
  });

  it('refuses leaders and other roles a district', async () => {
    const id = await newElection();
    for (const c of [leader, await t.as('dep', ['deputy'])]) {
      expect((await c.post(`/api/v1/elections/${id}/districts`, { name: 'x', seats: 1 })).statusCode).toBe(
        403,
      );
    }
  });
});

describe('candidates and the official list (Art. 31)', () => {
  it('confirms one seat with exactly two candidates; one or three is a 409 naming the range', async () => {
    const id = await newElection();
    const d = await newDistrict(id, '单名额选区', 1);
    const url = `/api/v1/elections/${id}/districts/${d}/candidates:confirm`;
    await addCandidates(id, d, ['王一']);
    const one = await staff.post(url);
    expect(one.statusCode).toBe(409);
    expect(one.json()).toMatchObject({ code: 'outside_ratio', candidates: 1, min: 2, max: 2 });
    await addCandidates(id, d, ['李二']);
    const two = await staff.post(url);
    expect(two.statusCode, two.body).toBe(200);
    expect(two.json().candidates).toBe(2);
    expect(await auditOf(d)).toEqual([
      'election.addDistrict',
      'election.addCandidate',
      'election.addCandidate',
      'election.confirmCandidates',
    ]);
    // Confirmed: no more candidates, no second confirmation.
    const more = await staff.post(`/api/v1/elections/${id}/districts/${d}/candidates`, { name: '张三' });
    expect(more.statusCode).toBe(409);
    expect(more.json().code).toBe('list_confirmed');
    expect((await staff.post(url)).statusCode).toBe(409);
    const e = (await staff.get(`/api/v1/elections/${id}`)).json();
    expect(e.districts[0]).toMatchObject({
      candidatesConfirmedOn: expect.any(String),
      candidateRange: { min: 2, max: 2 },
    });
  });

  it('three seats take 4 to 6: seven is refused, and nothing changes', async () => {
    const id = await newElection();
    const d = await newDistrict(id, '三名额选区', 3);
    await addCandidates(id, d, ['甲', '乙', '丙', '丁', '戊', '己', '庚']);
    const res = await staff.post(`/api/v1/elections/${id}/districts/${d}/candidates:confirm`);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail ?? res.json().title).toBeTruthy();
    const [row] = await t.services.db.select().from(electionDistricts).where(eq(electionDistricts.id, d));
    expect(row.candidatesConfirmedOn).toBeNull();
  });

  it('refuses a candidate without a name (400) and refuses leaders and deputies (403)', async () => {
    const id = await newElection();
    const d = await newDistrict(id, '某选区', 1);
    const url = `/api/v1/elections/${id}/districts/${d}/candidates`;
    const bad = await staff.post(url, { name: ' ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('name');
    for (const c of [leader, await t.as('dep2', ['deputy'])]) {
      expect((await c.post(url, { name: '某人' })).statusCode).toBe(403);
      expect((await c.post(`${url}:confirm`)).statusCode).toBe(403);
    }
    const rows = await t.services.db
      .select()
      .from(electionCandidates)
      .where(eq(electionCandidates.districtId, d));
    expect(rows).toEqual([]);
    // A district of another election is 404.
    const other = await newElection();
    expect(
      (await staff.post(`/api/v1/elections/${other}/districts/${d}/candidates`, { name: '某人' })).statusCode,
    ).toBe(404);
  });
});
