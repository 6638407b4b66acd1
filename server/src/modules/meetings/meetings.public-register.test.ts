// The public's register of office-holders (issue 17's proof: "the public sees … the office-holder register"):
// anyone reads who holds which post today — post, name, organ, acting, since — and nothing else: no appointment
// case, no departures or their reasons; other congresses' holders stay apart; bad query 400 naming the field.
// The staff register (GET /office-holders, the Contract) is unchanged and still refused to the public.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, shanghaiDate } from '@minyi/domain/calendar';
import { newId } from '../../platform/ids';
import { createTestEnv, type TestEnv } from '../../../test/harness';
import { officeHoldings } from './meetings.table';

let t: TestEnv;
let otherCongressId: string;
const today = shanghaiDate(new Date());
const holding = (congressId: string, v: Partial<typeof officeHoldings.$inferInsert>) => ({
  id: newId(),
  congressId,
  post: '区教育局局长',
  organization: '东岭区教育局',
  holderName: '王立新',
  startedOn: addCalendarDays(today, -30),
  appointmentId: null,
  ...v,
});

beforeAll(async () => {
  t = await createTestEnv();
  otherCongressId = (await t.createCongress('西岭区人大')).congressId;
  await t.services.db.insert(officeHoldings).values([
    holding(t.congressId, {}),
    // Dismissed a month ago: gone from today's register, and its reason never shown.
    holding(t.congressId, {
      post: '区教育局局长',
      holderName: '林建平',
      startedOn: '2021-06-01',
      endedOn: addCalendarDays(today, -30),
      endReason: 'dismissed',
    }),
    holding(t.congressId, {
      post: '区卫生健康局局长',
      organization: '东岭区卫生健康局',
      holderName: '陈慧敏',
      acting: true,
      startedOn: addCalendarDays(today, -3),
    }),
    // Starts tomorrow: not yet in office.
    holding(t.congressId, {
      post: '区民政局局长',
      holderName: '周明远',
      startedOn: addCalendarDays(today, 1),
    }),
    holding(otherCongressId, { post: '西岭区财政局局长', holderName: '赵一帆' }),
  ]);
}, 120_000);
afterAll(async () => t?.close());

describe('the public office-holder register', () => {
  it('shows today’s holders to anyone with post, name, organ, acting and since only', async () => {
    const res = await t.anon.get('/api/v1/public/office-holders');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.date).toBe(today);
    expect(body.nextCursor).toBeNull();
    expect(body.items).toEqual([
      {
        post: '区卫生健康局局长',
        holderName: '陈慧敏',
        organization: '东岭区卫生健康局',
        acting: true,
        startedOn: addCalendarDays(today, -3),
      },
      {
        post: '区教育局局长',
        holderName: '王立新',
        organization: '东岭区教育局',
        acting: false,
        startedOn: addCalendarDays(today, -30),
      },
    ]);
    // Nothing private: no case, no departure, no reason, no other congress.
    expect(res.body).not.toMatch(/appointmentId|endReason|endedOn|dismissed|林建平|赵一帆|周明远/);
  });

  it('filters by post, pages with a cursor, and serves another congress when named', async () => {
    const one = (
      await t.anon.get(`/api/v1/public/office-holders?post=${encodeURIComponent('卫生健康')}`)
    ).json();
    expect(one.items.map((h: { holderName: string }) => h.holderName)).toEqual(['陈慧敏']);
    const first = (await t.anon.get('/api/v1/public/office-holders?limit=1')).json();
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await t.anon.get(`/api/v1/public/office-holders?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json();
    expect(second.items.map((h: { holderName: string }) => h.holderName)).toEqual(['王立新']);
    expect(second.nextCursor).toBeNull();
    const other = (await t.anon.get(`/api/v1/public/office-holders?congressId=${otherCongressId}`)).json();
    expect(other.items.map((h: { holderName: string }) => h.holderName)).toEqual(['赵一帆']);
  });

  it('refuses a bad query with 400 naming the field', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['congressId=nope', 'congressId'],
      // The public sees today only: no history by date.
      [`date=${today}`, 'date'],
      [`post=${'局'.repeat(101)}`, 'post'],
    ]) {
      const res = await t.anon.get(`/api/v1/public/office-holders?${encodeURI(query)}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(res.json()), query).toContain(`"${field}"`);
    }
  });

  it('keeps the staff register (GET /office-holders) for staff and leaders only', async () => {
    expect((await t.anon.get('/api/v1/office-holders')).statusCode).toBe(401);
    const citizen = await t.as('citizen', ['citizen']);
    expect((await citizen.get('/api/v1/office-holders')).statusCode).toBe(403);
    const staff = await t.as('staff', ['congressStaff']);
    const full = (await staff.get('/api/v1/office-holders')).json();
    expect(full.items.map((h: { holderName: string }) => h.holderName)).toEqual(['陈慧敏', '王立新']);
    expect(full.items[0]).toHaveProperty('appointmentId');
  });
});
