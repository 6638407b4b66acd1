// Pledges (承诺践诺): a deputy publishes a year's pledges (this year or next, at most 10), records what they did
// about each until fulfilled; the public reads them and the record counts the fulfilled ones in the points.
// The deputy's record over the term with each year's points; the duty-points ranking for staff and leaders
// (a deputy their own place only when the settings allow, the public never); the record as .docx and every
// deputy's summary as .xlsx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { shanghaiDate } from '@minyi/domain/calendar';
import { auditEvents } from '../../platform/platform.table';
import { createTestEnv, type TestEnv } from '../../../test/harness';
import { clientsByRole, expectRefusals, signIn } from '../../../test/platform-fixtures';
import { buildActivitiesWorld, type ActivitiesWorld } from '../../../test/activities.fixture';
import { pledges } from './activities.table';

let t: TestEnv;
let w: ActivitiesWorld;
const year = Number(shanghaiDate(new Date()).slice(0, 4));

beforeAll(async () => {
  t = await createTestEnv();
  w = await buildActivitiesWorld(t);
});
afterAll(async () => t?.close());

const publicPledges = async (deputyId: string, y = year) =>
  (await t.anon.get(`/api/v1/deputies/${deputyId}/pledges?year=${y}&congressId=${t.congressId}`)).json();

describe('pledges', () => {
  let ids: string[];
  it('a deputy publishes their pledges of the year; the public reads them; audited', async () => {
    const res = await w.deputy[0].post('/api/v1/pledges', {
      year,
      items: ['每月到联络站接待选民不少于一次', '围绕老旧小区加装电梯提出建议', '走访辖区企业不少于五家'],
    });
    expect(res.statusCode, res.body).toBe(201);
    ids = res.json().ids;
    expect(ids).toHaveLength(3);
    const p = await publicPledges(w.deputyIds[0]);
    expect(p.items.map((i: { status: string }) => i.status)).toEqual(['pledged', 'pledged', 'pledged']);
    const audit = await t.services.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, w.deputyIds[0]), eq(auditEvents.action, 'pledge.create')));
    expect(audit).toHaveLength(1);
  });

  it('records what was done until fulfilled; a fulfilled pledge takes no more notes (409)', async () => {
    const a = await w.deputy[0].post(`/api/v1/pledges/${ids[0]}/progress`, {
      note: '上半年进站接待 6 次，收集意见 14 条',
      status: 'inProgress',
    });
    expect(a.statusCode, a.body).toBe(200);
    const b = await w.deputy[0].post(`/api/v1/pledges/${ids[0]}/progress`, {
      note: '全年进站接待 12 次',
      status: 'fulfilled',
    });
    expect(b.statusCode, b.body).toBe(200);
    const again = await w.deputy[0].post(`/api/v1/pledges/${ids[0]}/progress`, {
      note: '再补充',
      status: 'inProgress',
    });
    expect(again.statusCode).toBe(409);
    const p = await publicPledges(w.deputyIds[0]);
    expect(p.fulfilled).toBe(1);
    expect(p.items[0].progress.map((n: { note: string }) => n.note)).toEqual([
      '上半年进站接待 6 次，收集意见 14 条',
      '全年进站接待 12 次',
    ]);
  });

  it("refuses another deputy's pledge, a past year, more than 10 a year, an empty pledge; writes nothing", async () => {
    const before = await t.services.db.$count(pledges);
    expect(
      (await w.deputy[1].post(`/api/v1/pledges/${ids[1]}/progress`, { note: '代写', status: 'fulfilled' }))
        .statusCode,
    ).toBe(403);
    const past = await w.deputy[0].post('/api/v1/pledges', { year: year - 1, items: ['补写去年的承诺'] });
    expect(past.statusCode).toBe(400);
    expect(JSON.stringify(past.json())).toContain('year');
    const many = await w.deputy[0].post('/api/v1/pledges', {
      year,
      items: Array.from({ length: 8 }, (_, i) => `第${i + 1}项承诺`),
    });
    expect(many.statusCode).toBe(409);
    const empty = await w.deputy[0].post('/api/v1/pledges', { year, items: [''] });
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json())).toContain('items.0');
    expect(await t.services.db.$count(pledges)).toBe(before);
  });

  it('staff enter pledges for a deputy from the paper form', async () => {
    const res = await w.staff.post('/api/v1/pledges', {
      year,
      deputyId: w.deputyIds[3],
      items: ['推动社区养老服务站建设'],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await publicPledges(w.deputyIds[3])).items).toHaveLength(1);
  });
});

describe('the record over the term, the ranking and the exports', () => {
  it('counts fulfilled pledges in the points and gives the term totals with each year', async () => {
    const act = await w.staff.post('/api/v1/activities', {
      kind: 'inspection',
      title: '视察社区养老服务',
      placeId: w.placeId,
      startsAt: `${year}-03-10T09:00:00+08:00`,
      endsAt: `${year}-03-10T11:00:00+08:00`,
    });
    expect(act.statusCode, act.body).toBe(201);
    await w.staff.post(`/api/v1/activities/${act.json().id}/attendance`, {
      deputyIds: [w.deputyIds[0], w.deputyIds[1]],
    });
    const r = (
      await t.anon.get(`/api/v1/deputies/${w.deputyIds[0]}/record?year=${year}&congressId=${t.congressId}`)
    ).json();
    expect(r).toMatchObject({ activities: 1, pledgesMade: 3, pledgesFulfilled: 1, points: 2 + 3 });
    const term = await t.anon.get(
      `/api/v1/deputies/${w.deputyIds[0]}/term-record?congressId=${t.congressId}`,
    );
    expect(term.statusCode, term.body).toBe(200);
    expect(term.json()).toMatchObject({
      term: { number: 7, startDate: '2026-01-10' },
      activities: 1,
      pledgesFulfilled: 1,
      points: 5,
    });
    expect(term.json().years.reduce((n: number, y: { points: number }) => n + y.points, 0)).toBe(5);
  });

  it('ranks the deputies by points for staff and leaders, ties sharing a place', async () => {
    const res = await w.leader.get(`/api/v1/deputy-rankings?year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.of).toBe(6);
    expect(r.items[0]).toMatchObject({ rank: 1, deputyId: w.deputyIds[0], points: 5 });
    expect(r.items[1]).toMatchObject({ rank: 2, deputyId: w.deputyIds[1], points: 2 });
    expect(r.items.slice(2).every((i: { rank: number }) => i.rank === 3)).toBe(true);
  });

  it('a deputy sees only their own place, and only when the settings allow; the public never', async () => {
    const refused = await w.deputy[1].get(`/api/v1/deputy-rankings?year=${year}`);
    expect(refused.statusCode).toBe(403);
    const admin = await signIn(t, 'pl_sysadmin', ['systemAdmin']);
    expect((await admin.put('/api/v1/settings/activities', { deputiesSeeOwnRank: true })).statusCode).toBe(
      200,
    );
    const own = (await w.deputy[1].get(`/api/v1/deputy-rankings?year=${year}`)).json();
    expect(own).toMatchObject({ of: 6, items: [{ rank: 2, deputyId: w.deputyIds[1] }] });
    expect((await t.anon.get(`/api/v1/deputy-rankings?year=${year}`)).statusCode).toBe(401);
    await admin.put('/api/v1/settings/activities', { deputiesSeeOwnRank: false });
  });

  it("exports a deputy's yearly record as .docx (public) and every deputy's summary as .xlsx (staff)", async () => {
    const d = await t.anon.get(
      `/api/v1/deputies/${w.deputyIds[0]}/record.docx?year=${year}&congressId=${t.congressId}`,
    );
    expect(d.statusCode).toBe(200);
    expect(d.headers['content-type']).toMatch(/wordprocessingml/);
    expect(d.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const x = await w.staff.get(`/api/v1/deputy-records.xlsx?year=${year}`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows).toHaveLength(7);
    expect(rows[1].slice(1, 3)).toEqual([1, '代表01']);
  });

  it('refuses every role that must not write pledges, rank or export the summary', async () => {
    const c = await clientsByRole(t, 'pledges');
    await expectRefusals(t, c, [
      {
        method: 'POST',
        url: '/api/v1/pledges',
        body: { year, deputyId: w.deputyIds[5], items: ['x'] },
        allowed: ['congressStaff'],
      },
      {
        method: 'POST',
        url: `/api/v1/pledges/${(await t.services.db.select().from(pledges).limit(1))[0].id}/progress`,
        body: { note: 'x', status: 'inProgress' },
        allowed: ['congressStaff'],
      },
      { method: 'GET', url: `/api/v1/deputy-rankings?year=${year}`, allowed: ['congressStaff', 'leader'] },
      {
        method: 'GET',
        url: `/api/v1/deputy-records.xlsx?year=${year}`,
        allowed: ['congressStaff', 'leader'],
      },
    ]);
  });
});
