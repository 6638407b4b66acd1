// The working-day calendar: statutory holidays of any year with or without the demo, the shipped and entered
// State Council notices, a congress's own arrangements, provisional years, the November reminder, and who may
// read or change it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { shanghaiDate, statutoryRestDays } from '@minyi/domain/calendar';
import { calendarNoticeReminderJob, NOTICE_REMINDER_KIND } from '../src/platform/calendar.jobs';
import { auditEvents, calendarDays, calendarNotices, notifications } from '../src/platform/platform.table';
import { createTestEnv, type TestClient, type TestEnv } from './harness';
import { clientsByRole, expectRefusals, signIn } from './platform-fixtures';

let t: TestEnv;
let staff: TestClient & { accountId: string };
let sys: TestClient & { accountId: string };

beforeAll(async () => {
  t = await createTestEnv();
  staff = await signIn(t, 'staff', ['congressStaff']);
  sys = await signIn(t, 'sys', ['systemAdmin']);
});
afterAll(async () => t?.close());

const rows = async () =>
  (await t.services.db.select({ n: sql<number>`count(*)::int` }).from(calendarDays))[0].n;
const auditsOf = async (action: string) =>
  t.services.db.select().from(auditEvents).where(eq(auditEvents.action, action));

/** A 2027 notice as the State Council might publish it (the real one is entered when it is). */
const notice2027 = [
  { date: '2027-01-01', kind: 'holiday', name: '元旦' },
  ...['05', '06', '07', '08', '09', '10', '11'].map((d) => ({
    date: `2027-02-${d}`,
    kind: 'holiday',
    name: '春节',
  })),
  { date: '2027-02-20', kind: 'workday', name: '春节调休' },
];

describe('a congress without the demo', () => {
  it('has the statutory holidays of this year and the next, computed, with no row entered', async () => {
    expect(await rows()).toBe(0);
    const year = Number(shanghaiDate(new Date()).slice(0, 4));
    for (const y of [year, year + 1]) {
      const res = await staff.get(`/api/v1/calendar?year=${y}`);
      expect(res.statusCode).toBe(200);
      const holidays = res.json().items.filter((e: { kind: string }) => e.kind === 'holiday');
      expect(holidays.length, String(y)).toBeGreaterThanOrEqual(13);
    }
  });

  it('lists 2027 as the statute gives it: source statute, provisional, Art. 6 make-up days included', async () => {
    const res = (await staff.get('/api/v1/calendar?year=2027')).json();
    expect(res.provisional).toBe(true);
    expect(res.notice).toBeNull();
    expect(res.items).toEqual(
      statutoryRestDays(2027).map((d) => ({
        date: d.date,
        kind: 'holiday',
        name: d.name,
        source: 'statute',
        provisional: true,
      })),
    );
  });

  it('lists 2026 from the notice shipped with the code, confirmed', async () => {
    const res = (await staff.get('/api/v1/calendar?year=2026')).json();
    expect(res.provisional).toBe(false);
    expect(res.notice).toMatchObject({ origin: 'shipped', enteredAt: null });
    expect(res.notice.reference).toContain('2026');
    expect(res.items.find((e: { date: string }) => e.date === '2026-02-14')).toEqual({
      date: '2026-02-14',
      kind: 'workday',
      name: '春节调休',
      source: 'notice',
      provisional: false,
    });
  });

  it('counts 10 working days from 2026-12-18 to 2027-01-04, provisional; inside 2026 confirmed', async () => {
    const over = (await staff.get('/api/v1/calendar/working-days?from=2026-12-18&n=10')).json();
    expect(over).toMatchObject({ date: '2027-01-04', provisional: true });
    expect(new Date(over.deadline).toISOString()).toBe('2027-01-04T15:59:59.999Z');
    // 1–7 Oct off, Saturday 10 Oct worked.
    const inside = (await staff.get('/api/v1/calendar/working-days?from=2026-09-30&n=3')).json();
    expect(inside).toMatchObject({ date: '2026-10-10', provisional: false });
  });

  it('tells any signed-in user which years are provisional', async () => {
    const deputy = await signIn(t, 'years_deputy', ['deputy']);
    const res = await deputy.get('/api/v1/calendar/years?from=2025&to=2027');
    expect(res.statusCode).toBe(200);
    expect(
      res.json().years.map((y: { year: number; provisional: boolean }) => [y.year, y.provisional]),
    ).toEqual([
      [2025, false],
      [2026, false],
      [2027, true],
    ]);
    expect((await t.anon.get('/api/v1/calendar/years')).statusCode).toBe(401);
    expect((await deputy.get('/api/v1/calendar/years?from=2027&to=2025')).statusCode).toBe(400);
  });
});

describe('entering a year’s notice', () => {
  it('confirms the year: the notice’s arrangement replaces the computed make-up days, with an audit row', async () => {
    const res = await staff.post('/api/v1/calendar/import', {
      days: notice2027,
      reference: '国办发明电〔2026〕9号',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 9, years: [2027] });
    const year = (await staff.get('/api/v1/calendar?year=2027')).json();
    expect(year.provisional).toBe(false);
    expect(year.notice).toMatchObject({ origin: 'entered', reference: '国办发明电〔2026〕9号' });
    // Statutory days the notice does not list stay rest days; the computed make-up days give way.
    expect(year.items.find((e: { date: string }) => e.date === '2027-05-01')).toMatchObject({
      source: 'statute',
    });
    expect(year.items.find((e: { date: string }) => e.date === '2027-05-03')).toBeUndefined();
    expect(year.items.find((e: { date: string }) => e.date === '2027-02-20')).toMatchObject({
      kind: 'workday',
      source: 'notice',
    });
    const wd = (await staff.get('/api/v1/calendar/working-days?from=2026-12-18&n=10')).json();
    expect(wd).toMatchObject({ date: '2027-01-04', provisional: false });
    const [audit] = await auditsOf('calendar.import');
    expect(audit.after).toMatchObject({ reference: '国办发明电〔2026〕9号' });
    expect(audit.entityId).toBe('2027');
  });

  it('replaces a year on re-entry and leaves other years alone', async () => {
    await staff.post('/api/v1/calendar/import', {
      days: [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }],
    });
    const res = await sys.post('/api/v1/calendar/import', {
      days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
      reference: 'corrected',
    });
    expect(res.statusCode).toBe(200);
    const notices = await t.services.db
      .select()
      .from(calendarNotices)
      .where(eq(calendarNotices.congressId, t.congressId));
    expect(notices.map((n) => [n.year, n.reference]).sort()).toEqual([
      [2027, 'corrected'],
      [2028, ''],
    ]);
    const y2027 = (await staff.get('/api/v1/calendar?year=2027')).json();
    expect(y2027.items.filter((e: { source: string }) => e.source === 'notice')).toHaveLength(1);
    expect((await staff.get('/api/v1/calendar?year=2028')).json().provisional).toBe(false);
  });

  it('withdraws an entered notice: the year is provisional again; a shipped notice cannot be withdrawn', async () => {
    const res = await staff.delete('/api/v1/calendar/notices/2028');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2028, provisional: true, notice: null });
    expect(
      (await staff.get('/api/v1/calendar?year=2028'))
        .json()
        .items.every((e: { source: string }) => e.source === 'statute'),
    ).toBe(true);
    expect((await staff.delete('/api/v1/calendar/notices/2028')).statusCode).toBe(404);
    expect((await staff.delete('/api/v1/calendar/notices/2026')).statusCode).toBe(404);
    expect(await auditsOf('calendar.withdrawNotice')).toHaveLength(1);
  });

  it('refuses bad days naming the field, entering nothing', async () => {
    const before = await rows();
    const bad = await staff.post('/api/v1/calendar/import', {
      days: [
        { date: '2026-02-30', kind: 'holiday' },
        { date: '2026-03-01', kind: 'party' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['days.0.date', 'days.1.kind']),
    );
    const dup = await staff.post('/api/v1/calendar/import', {
      days: [
        { date: '2026-05-01', kind: 'holiday' },
        { date: '2026-05-01', kind: 'workday' },
      ],
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0].field).toBe('days.1.date');
    const early = await staff.post('/api/v1/calendar/import', {
      days: [{ date: '1999-10-01', kind: 'holiday' }],
    });
    expect(early.json().errors[0]).toMatchObject({ field: 'days.0.date', code: 'range' });
    expect(early.json().errors[0].message.zh).toContain('2000');
    expect((await staff.post('/api/v1/calendar/import', { days: [] })).statusCode).toBe(400);
    const long = await staff.post('/api/v1/calendar/import', {
      days: notice2027,
      reference: 'x'.repeat(201),
    });
    expect(long.statusCode).toBe(400);
    expect((await staff.get('/api/v1/calendar/working-days?from=2026-13-01&n=-1')).statusCode).toBe(400);
    expect((await staff.get('/api/v1/calendar?year=1999')).statusCode).toBe(400);
    expect((await staff.get('/api/v1/calendar?year=2101')).statusCode).toBe(400);
    expect(await rows()).toBe(before);
  });
});

describe('a congress’s own arrangement', () => {
  it('wins over notice and statute, moves deadlines, and can be removed, each with an audit row', async () => {
    // Monday 2027-03-01 made a local rest day.
    const before = (await staff.get('/api/v1/calendar/working-days?from=2027-02-26&n=1')).json();
    expect(before.date).toBe('2027-03-01');
    const put = await staff.put('/api/v1/calendar/days/2027-03-01', { kind: 'holiday', name: '本地调休' });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ date: '2027-03-01', kind: 'holiday', name: '本地调休', source: 'staff' });
    expect((await staff.get('/api/v1/calendar/working-days?from=2027-02-26&n=1')).json().date).toBe(
      '2027-03-02',
    );
    // Over a notice day: 2027-01-01 worked by local arrangement, the notice's row kept beneath it.
    await staff.put('/api/v1/calendar/days/2027-01-01', { kind: 'workday', name: '值班' });
    const y = (await staff.get('/api/v1/calendar?year=2027')).json();
    expect(y.items.find((e: { date: string }) => e.date === '2027-01-01')).toMatchObject({
      kind: 'workday',
      source: 'staff',
    });
    expect((await staff.delete('/api/v1/calendar/days/2027-01-01')).json()).toMatchObject({
      kind: 'holiday',
      source: 'notice',
    });
    expect((await staff.delete('/api/v1/calendar/days/2027-03-01')).json()).toBeNull();
    expect((await staff.delete('/api/v1/calendar/days/2027-03-01')).statusCode).toBe(404);
    expect((await staff.get('/api/v1/calendar/working-days?from=2027-02-26&n=1')).json().date).toBe(
      '2027-03-01',
    );
    expect(await auditsOf('calendar.setDay')).toHaveLength(2);
    expect(await auditsOf('calendar.removeDay')).toHaveLength(2);
  });

  it('refuses a bad date, kind or name, changing nothing', async () => {
    const before = await rows();
    expect(
      (await staff.put('/api/v1/calendar/days/2027-02-30', { kind: 'holiday', name: 'x' })).statusCode,
    ).toBe(400);
    const bad = await staff.put('/api/v1/calendar/days/2027-03-01', { kind: 'party', name: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['kind', 'name']),
    );
    expect(
      (await staff.put('/api/v1/calendar/days/2027-03-01', { kind: 'holiday', name: 'x', extra: 1 }))
        .statusCode,
    ).toBe(400);
    expect(await rows()).toBe(before);
  });
});

describe('the November reminder', () => {
  const job = {
    id: 'test',
    attempts: 1,
    congressId: null,
    once: async (_key: string, send: () => Promise<void>) => (await send(), true),
  };
  const reminders = async () =>
    t.services.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, NOTICE_REMINDER_KIND), eq(notifications.accountId, sys.accountId)));

  it('reminds the system administrator weekly from November while next year is provisional', async () => {
    await calendarNoticeReminderJob.handle(t.services, { today: '2028-10-31' }, job);
    expect(await reminders()).toHaveLength(0);
    // 2029 has no notice: reminded, once for the week.
    await calendarNoticeReminderJob.handle(
      t.services,
      {
        today: '2028-11-02',
      },
      job,
    );
    const year = 2029;
    const first = await reminders();
    expect(first).toHaveLength(1);
    expect(first[0].title.zh).toContain(String(year));
    expect(first[0].link).toBe(`/admin/calendar?year=${year}`);
    await calendarNoticeReminderJob.handle(
      t.services,
      {
        today: '2028-11-03',
      },
      job,
    );
    expect(await reminders()).toHaveLength(1);
    expect(await auditsOf('calendar.noticeReminder')).toHaveLength(1);
  });

  it('stays quiet once next year’s notice is entered', async () => {
    await staff.post('/api/v1/calendar/import', {
      days: [{ date: '2031-01-01', kind: 'holiday', name: '元旦' }],
      reference: '国办发明电〔2030〕1号',
    });
    const before = (
      await t.services.db.select().from(notifications).where(eq(notifications.kind, NOTICE_REMINDER_KIND))
    ).length;
    await calendarNoticeReminderJob.handle(t.services, { today: '2030-12-20' }, job);
    const after = (
      await t.services.db.select().from(notifications).where(eq(notifications.kind, NOTICE_REMINDER_KIND))
    ).length;
    expect(after).toBe(before);
  });
});

describe('who may read and change the calendar', () => {
  it('refuses every other role with 403 and the public with 401, changing nothing', async () => {
    const clients = await clientsByRole(t, 'cal');
    const before = await rows();
    const readers = ['congressStaff', 'leader', 'liaisonStaff', 'handlingUnitStaff', 'systemAdmin'] as const;
    const keepers = ['congressStaff', 'systemAdmin'] as const;
    await expectRefusals(t, clients, [
      { method: 'GET', url: '/api/v1/calendar?year=2026', allowed: [...readers] },
      { method: 'GET', url: '/api/v1/calendar/working-days?from=2026-01-05&n=5', allowed: [...readers] },
      {
        method: 'POST',
        url: '/api/v1/calendar/import',
        body: { days: [{ date: '2030-01-01', kind: 'holiday', name: 'x' }] },
        allowed: [...keepers],
      },
      { method: 'DELETE', url: '/api/v1/calendar/notices/2027', allowed: [...keepers] },
      {
        method: 'PUT',
        url: '/api/v1/calendar/days/2030-03-01',
        body: { kind: 'holiday', name: 'x' },
        allowed: [...keepers],
      },
      { method: 'DELETE', url: '/api/v1/calendar/days/2030-03-01', allowed: [...keepers] },
    ]);
    expect(await rows()).toBe(before);
  });
});
