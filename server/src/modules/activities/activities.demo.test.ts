// The demo's activity month: 95 activities at the month's liaison places, with attendances, receptions and
// findings; its report computed from the records (the findings' opinions made by the opinions pipeline once
// the worker runs) and its sentence; the demo deputy's activities (one today to check in to) and record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import { OPINION_RULES } from '@minyi/domain/opinions';
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

describe('activities demo', () => {
  it('holds the activity month with 95 activities and a report whose sentence is computed from the records', async () => {
    const staff = await login('staff');
    const campaigns = (await t.anon.get('/api/v1/campaigns', staff)).json().items;
    const month = campaigns.find((c: { kind: string }) => c.kind === 'activityMonth');
    expect(month).toMatchObject({ activities: 95 });
    const before = (await t.anon.get(`/api/v1/campaigns/${month.id}/report`, staff)).json();
    await t.services.jobs.drain();
    const r = (await t.anon.get(`/api/v1/campaigns/${month.id}/report`, staff)).json();
    expect(r.activities).toBe(95);
    expect(r.attendances).toBeGreaterThan(600);
    expect(r.received).toBeGreaterThan(900);
    expect(r.opinions).toBeGreaterThan(200);
    // The findings became opinions when the worker ran: counted once they exist.
    expect(r.opinions).toBeGreaterThan(before.opinions);
    expect(r.solved).toBeGreaterThan(60);
    expect(r.solved).toBeLessThan(r.opinions);
    expect(r.sentence.zh).toBe(
      `组织各级人大代表参加活动${r.attendances}人次，开展各类活动95场，接待群众${r.received}人次，收集群众意见建议${r.opinions}件，已解决${r.solved}件`,
    );
    expect(r.byStreet.length).toBeGreaterThanOrEqual(8);
    expect(r.byKind.map((k: { kind: string }) => k.kind)).toContain('inspection');
  });

  it("gives the demo deputy today's activity to check in to, and a record of the year", async () => {
    const deputy = await login('deputy');
    const mine = (await t.anon.get('/api/v1/activities', deputy)).json().items;
    const today = shanghaiDate(new Date());
    const todays = mine.filter((a: { startsAt: string }) => shanghaiDate(new Date(a.startsAt)) === today);
    expect(todays).toHaveLength(1);
    expect(todays[0].my).toMatchObject({ invited: true, rsvp: 'pending', attendedAt: null });
    const me = (await t.anon.get('/api/v1/auth/me', deputy)).json();
    const deputyId = me.user.deputyId;
    const year = Number(mine.at(-1).startsAt.slice(0, 4));
    const record = (await t.anon.get(`/api/v1/deputies/${deputyId}/record?year=${year}`)).json();
    expect(record.activities).toBeGreaterThan(0);
    expect(record.points).toBeGreaterThan(0);
  });

  it('holds the enterprise-visit campaign: firms planned and visited, questionnaires tallied, problems sent to units', async () => {
    const staff = await login('staff');
    const campaigns = (await t.anon.get('/api/v1/campaigns', staff)).json().items;
    const visits = campaigns.find((c: { kind: string }) => c.kind === 'enterpriseVisits');
    await t.services.jobs.drain();
    const r = (await t.anon.get(`/api/v1/campaigns/${visits.id}/report`, staff)).json();
    expect(r.firmsPlanned).toBe(64);
    expect(r.firmsVisited).toBeGreaterThan(20);
    expect(r.firmsVisited).toBeLessThan(64);
    expect(r.questionnaires).toBe(r.visits);
    expect(r.issues).toBeGreaterThan(r.firmsVisited / 2);
    expect(r.issuesInProgress).toBe(r.issues - r.issuesSolved);
    expect(r.sentence.zh).toContain(`走访企业${r.firmsVisited}家`);
    expect(r.byIndustry.length).toBe(8);
    expect(r.questions[0].options.reduce((n: number, o: { count: number }) => n + o.count, 0)).toBe(r.visits);
    // The demo deputy has firms to visit and sees only theirs.
    const deputy = await login('deputy');
    const mine = (await t.anon.get('/api/v1/campaigns', deputy)).json().items;
    expect(mine.map((c: { id: string }) => c.id)).toEqual([visits.id]);
    const firms = (await t.anon.get(`/api/v1/campaigns/${visits.id}/firms`, deputy)).json().items;
    expect(firms.length).toBeGreaterThanOrEqual(2);
    expect(firms.length).toBeLessThan(5);
  });

  it("dates the firms' problems' opinions when the visit was recorded, their deadlines counted from then", async () => {
    await t.services.jobs.drain();
    const rows = (
      await t.services.db.execute(sql`
        SELECT i.created_at AS recorded, o.created_at AS created, o.assigned_at AS assigned, o.deadline_at AS deadline
        FROM firm_visit_issues i JOIN opinions o ON o.id = i.opinion_id ORDER BY i.created_at`)
    ).rows as { recorded: string; created: string; assigned: string; deadline: string }[];
    expect(rows.length).toBeGreaterThan(20);
    const ms = (x: string) => new Date(x).getTime();
    for (const r of rows) {
      expect(ms(r.created)).toBe(ms(r.recorded));
      expect(ms(r.assigned)).toBe(ms(r.recorded));
    }
    // The oldest problem (weeks before the server's start) had 15 working days from its visit, not from today.
    const oldest = rows[0];
    expect(ms(oldest.recorded)).toBeLessThan(Date.now() - 20 * 86_400_000);
    const expected = await t.services.calendar.workingDaysAfter(
      t.congressId,
      new Date(oldest.recorded),
      OPINION_RULES.replyWorkingDays,
      t.services.db,
    );
    expect(ms(oldest.deadline)).toBe(expected.getTime());
    expect(ms(oldest.deadline)).toBeLessThan(Date.now());
  });

  it("shows the demo deputy's pledges of the year with progress on the public record", async () => {
    const deputy = await login('deputy');
    const me = (await t.anon.get('/api/v1/auth/me', deputy)).json();
    const year = Number(shanghaiDate(new Date()).slice(0, 4));
    const p = (await t.anon.get(`/api/v1/deputies/${me.user.deputyId}/pledges?year=${year}`)).json();
    expect(p.items.length).toBeGreaterThanOrEqual(2);
    const record = (await t.anon.get(`/api/v1/deputies/${me.user.deputyId}/record?year=${year}`)).json();
    expect(record.pledgesMade).toBe(p.items.length);
    expect(record.pledgesFulfilled).toBe(p.fulfilled);
  });
});
