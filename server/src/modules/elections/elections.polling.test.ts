// Polling day: a district's polling stations and mobile ballot boxes, each station's running totals reported on
// election day (returned never above issued, totals never falling, never another day or the future), rolled up
// per district against the voters on the list and for the whole election, by the hour; and the re-vote among
// candidates tied for the last seat (Art. 45 ¶3). Refusals name their field and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import { addDays } from '@minyi/domain/elections';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { electionTurnoutReports } from './elections.table';

let t: TestEnv;
let staff: TestClient;
let leader: TestClient;
const today = shanghaiDate(new Date());

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  leader = await t.as('leader', ['leader']);
});
afterAll(async () => t?.close());

async function election(electionDay: string) {
  const id = (await staff.post('/api/v1/elections', { title: '区人大代表选举', electionDay })).json().id;
  const base = `/api/v1/elections/${id}`;
  const d1 = (await staff.post(`${base}/districts`, { name: '溪头街道第1选区', seats: 2 })).json().id;
  const d2 = (await staff.post(`${base}/districts`, { name: '溪头街道第2选区', seats: 1 })).json().id;
  return { id, base, d1, d2 };
}

describe('polling stations and turnout reports', () => {
  it('records running totals from each station and rolls them up per district and for the election', async () => {
    const { base, d1, d2 } = await election(today);
    const add = (d: string, name: string, kind = 'station') =>
      staff.post(`${base}/districts/${d}/stations`, { name, kind });
    const s1 = await add(d1, '溪头社区居委会投票站');
    expect(s1.statusCode, s1.body).toBe(201);
    const s2 = (await add(d1, '第1流动票箱', 'mobileBox')).json().id;
    const s3 = (await add(d2, '溪头小学投票站')).json().id;
    expect((await add(d1, '溪头社区居委会投票站')).statusCode).toBe(409);
    const report = (s: string, ballotsIssued: number, ballotsReturned: number) =>
      staff.post(`${base}/stations/${s}/reports`, { ballotsIssued, ballotsReturned });
    expect((await report(s1.json().id, 320, 301)).statusCode).toBe(201);
    expect((await report(s1.json().id, 655, 640)).statusCode).toBe(201);
    expect((await report(s2, 41, 41)).statusCode).toBe(201);
    expect((await report(s3, 210, 198)).statusCode).toBe(201);
    const turnout = (await leader.get(`${base}/turnout`)).json();
    expect(turnout).toMatchObject({ ballotsIssued: 906, ballotsReturned: 879 });
    const byName = Object.fromEntries(turnout.districts.map((d: { name: string }) => [d.name, d])) as Record<
      string,
      { stations: number; stationsReported: number; ballotsIssued: number }
    >;
    expect(byName['溪头街道第1选区']).toMatchObject({ stations: 2, stationsReported: 2, ballotsIssued: 696 });
    expect(byName['溪头街道第2选区']).toMatchObject({ stations: 1, ballotsIssued: 210 });
    expect(turnout.hourly.at(-1).ballotsIssued).toBe(906);
    expect(turnout.abilities.reportTurnout).toBe(false);
  });

  it('refuses more returned than issued, a total that falls, a report dated in the future (400 naming the field)', async () => {
    const { base, d1 } = await election(today);
    const s = (await staff.post(`${base}/districts/${d1}/stations`, { name: '荷塘投票站' })).json().id;
    const url = `${base}/stations/${s}/reports`;
    expect((await staff.post(url, { ballotsIssued: 100, ballotsReturned: 90 })).statusCode).toBe(201);
    const over = await staff.post(url, { ballotsIssued: 120, ballotsReturned: 121 });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors[0].field).toBe('ballotsReturned');
    const fell = await staff.post(url, { ballotsIssued: 99, ballotsReturned: 90 });
    expect(fell.json().errors[0].field).toBe('ballotsIssued');
    const future = await staff.post(url, {
      ballotsIssued: 130,
      ballotsReturned: 100,
      reportedAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(future.json().errors[0].field).toBe('reportedAt');
    const negative = await staff.post(url, { ballotsIssued: -1, ballotsReturned: 0 });
    expect(negative.json().errors[0].field).toBe('ballotsIssued');
    expect(
      await t.services.db
        .select()
        .from(electionTurnoutReports)
        .where(eq(electionTurnoutReports.stationId, s)),
    ).toHaveLength(1);
  });

  it('refuses a report on another day than election day (409)', async () => {
    const { base, d1 } = await election(addDays(today, 30));
    const s = (await staff.post(`${base}/districts/${d1}/stations`, { name: '坂湖投票站' })).json().id;
    const res = await staff.post(`${base}/stations/${s}/reports`, { ballotsIssued: 1, ballotsReturned: 0 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('not_election_day');
  });

  it('refuses leaders (403) and the anonymous (401) adding stations and reporting', async () => {
    const { base, d1 } = await election(today);
    const s = (await staff.post(`${base}/districts/${d1}/stations`, { name: '南岗投票站' })).json().id;
    for (const c of [leader, t.anon]) {
      const code = c === leader ? 403 : 401;
      expect((await c.post(`${base}/districts/${d1}/stations`, { name: '另一站' })).statusCode).toBe(code);
      expect(
        (await c.post(`${base}/stations/${s}/reports`, { ballotsIssued: 1, ballotsReturned: 1 })).statusCode,
      ).toBe(code);
    }
    expect((await t.anon.get(`${base}/turnout`)).statusCode).toBe(401);
  });
});

describe('the re-vote among candidates tied for the last seat (Art. 45 ¶3)', () => {
  it('is entered for the tied only, and its highest takes the seat', async () => {
    const { base, d1 } = await election('2021-11-26');
    const dist = `${base}/districts/${d1}`;
    const ids: string[] = [];
    for (const name of ['梁少辉', '邓美玲', '冯启明'])
      ids.push((await staff.post(`${dist}/candidates`, { name })).json().id);
    expect((await staff.post(`${dist}/candidates:confirm`)).statusCode).toBe(200);
    const counts = { registered: 1000, participated: 900, ballotsIssued: 900, ballotsReturned: 900, void: 0 };
    const noRevote = await staff.post(`${dist}/return`, {
      ...counts,
      round: 'revote',
      votes: { [ids[1]]: 1 },
    });
    expect(noRevote.statusCode).toBe(409);
    expect(
      (
        await staff.post(`${dist}/return`, {
          ...counts,
          votes: { [ids[0]]: 700, [ids[1]]: 500, [ids[2]]: 500 },
        })
      ).statusCode,
    ).toBe(201);
    const first = (await staff.get(`${dist}/result`)).json();
    expect(first).toMatchObject({ elected: [ids[0]], runoffSeats: 0, revote: { seats: 1, entered: false } });
    expect(first.tied.sort()).toEqual([ids[1], ids[2]].sort());
    const notTied = await staff.post(`${dist}/return`, {
      ...counts,
      round: 'revote',
      votes: { [ids[0]]: 10, [ids[1]]: 400 },
    });
    expect(notTied.statusCode).toBe(400);
    expect(notTied.json().errors[0].field).toBe('votes');
    const again = await staff.post(`${dist}/return`, {
      ...counts,
      participated: 870,
      ballotsIssued: 870,
      ballotsReturned: 870,
      round: 'revote',
      votes: { [ids[1]]: 401, [ids[2]]: 455 },
    });
    expect(again.statusCode, again.body).toBe(201);
    const result = (await staff.get(`${dist}/result`)).json();
    expect(result.revote).toMatchObject({ entered: true, elected: [ids[2]] });
    expect(result.deputies).toEqual([ids[0], ids[2]]);
  });
});
