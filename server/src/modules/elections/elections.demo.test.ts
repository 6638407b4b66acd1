// The demo's elections: 2021's with its eight districts, every return, one runoff, and the summary sentence;
// the stations' turnout through 2021's polling day, equal at the end to the returns; and the coming one with
// its timetable running and its register imported through the real import and kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemo } from '../../demo';
import { createTestEnv, type TestEnv } from '../../../test/harness';

let t: TestEnv;
beforeAll(async () => {
  t = await createTestEnv();
  await loadDemo(t.services);
}, 300_000);
afterAll(async () => t?.close());

async function login(username: string) {
  const res = await t.anon.post('/api/v1/auth/login', { username, password: DEMO_PASSWORD });
  expect(res.statusCode).toBe(200);
  return { cookie: String(res.headers['set-cookie']).split(';')[0], 'x-csrf-token': res.json().csrfToken };
}

describe('elections demo', () => {
  it('has the 2021 election with its results, one district elected through a runoff, and the summary', async () => {
    const staff = await login('staff');
    const list = (await t.anon.get('/api/v1/elections', staff)).json().items;
    expect(list).toHaveLength(2);
    const past = list.find((e: { electionDay: string }) => e.electionDay === '2021-11-26');
    expect(past).toMatchObject({ districts: 8, seats: 17 });
    const e = (await t.anon.get(`/api/v1/elections/${past.id}`, staff)).json();
    const runoff = e.districts.filter((d: { result: { runoffSeats: number } }) => d.result.runoffSeats > 0);
    expect(runoff.map((d: { name: string }) => d.name)).toEqual(['坂湖街道第2选区']);
    expect(runoff[0].result.runoff).toMatchObject({ entered: true, vacancies: 0 });
    expect(runoff[0].result.deputies).toHaveLength(2);
    for (const d of e.districts) expect(d.result.deputies).toHaveLength(d.seats);
    const s = (await t.anon.get(`/api/v1/elections/${past.id}/summary`, staff)).json();
    expect(s).toMatchObject({ districts: 8, districtsValidFirstRound: 7 });
    expect(s.sentence.zh).toMatch(/^8个选区中7个一次选举成功，\d+\.\d{2}万选民参与投票，参选率\d+\.\d{2}%$/);
    const turnout = (await t.anon.get(`/api/v1/elections/${past.id}/turnout`, staff)).json();
    expect(turnout.stations.length).toBeGreaterThanOrEqual(16);
    expect(turnout.hourly.map((h: { hour: string }) => h.hour)).toEqual([
      '08:00',
      '10:00',
      '12:00',
      '14:00',
      '16:00',
      '17:00',
    ]);
    for (const d of e.districts) {
      const polled = turnout.districts.find((x: { id: string }) => x.id === d.id);
      const first = (await t.anon.get(`/api/v1/elections/${past.id}/districts/${d.id}/result`, staff)).json();
      expect(polled.ballotsIssued, d.name).toBeGreaterThan(0);
      expect(first.valid).toBe(true);
    }
  });

  it('has the coming register of a few thousand voters, imported, kept and published', async () => {
    const staff = await login('staff');
    const list = (await t.anon.get('/api/v1/elections', staff)).json().items;
    const coming = (await t.anon.get(`/api/v1/elections/${list[0].id}`, staff)).json();
    expect(coming.voters).toBeGreaterThan(2_500);
    const base = `/api/v1/elections/${coming.id}`;
    const excluded = (await t.anon.get(`${base}/voters?status=excluded`, staff)).json().items;
    expect(excluded.map((v: { exclusion: string }) => v.exclusion).sort()).toEqual([
      'deprivedOfRights',
      'unableToExercise',
    ]);
    const d1 = coming.districts.find((d: { name: string }) => d.name === '东岭街道第1选区');
    const notice = (await t.anon.get(`${base}/districts/${d1.id}/voter-list`, staff)).json();
    expect(notice.publishedOn).not.toBeNull();
    expect(notice.groups.length).toBe(4);
    const complaints = (await t.anon.get(`${base}/complaints`, staff)).json().items;
    expect(complaints).toHaveLength(1);
    expect(complaints[0].decision).toBeNull();
    const page = (await t.anon.get(`${base}/voters?limit=200`, staff)).json().items;
    expect(page.some((v: { voterCardNo: string | null }) => v.voterCardNo)).toBe(true);
    const names = new Set(page.map((v: { name: string }) => v.name));
    expect(names.size).toBeGreaterThan(150);
  });

  it('has the coming election with its voter list due and its lists still open', async () => {
    const leader = await login('leader');
    const list = (await t.anon.get('/api/v1/elections', leader)).json().items;
    const coming = (await t.anon.get(`/api/v1/elections/${list[0].id}`, leader)).json();
    const states = Object.fromEntries(
      coming.milestones.map((m: { milestone: string; state: string }) => [m.milestone, m.state]),
    );
    expect(states).toMatchObject({ voterListDue: 'upcoming', electionDay: 'upcoming' });
    expect(
      coming.districts.every((d: { candidatesConfirmedOn: string | null }) => !d.candidatesConfirmedOn),
    ).toBe(true);
  });
});
