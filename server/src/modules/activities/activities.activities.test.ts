// Deputies' activities: staff create them (kinds from the settings, a liaison place of the registry or an
// address), invite deputies who answer or ask for leave with a reason, keep the sign-in sheet (again changes
// nothing); a deputy checks in during the window (with the QR token when the settings ask), once, recorded as
// not invited when they were not; the record's findings become opinions forwarded to the unit, linked back.
// Every change is audited; every role that must be refused is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { verifyAudit } from '../../platform/audit';
import { auditEvents } from '../../platform/platform.table';
import { opinions } from '../../../test/tables';
import { createTestEnv, type TestEnv } from '../../../test/harness';
import { clientsByRole, expectRefusals, signIn } from '../../../test/platform-fixtures';
import { buildActivitiesWorld, fromNow, type ActivitiesWorld } from '../../../test/activities.fixture';
import { memberClient } from '../../../test/meetings.fixture';
import { activities, activityParticipants } from './activities.table';

let t: TestEnv;
let w: ActivitiesWorld;

beforeAll(async () => {
  t = await createTestEnv();
  w = await buildActivitiesWorld(t);
});
afterAll(async () => t?.close());

async function newActivity(extra: Record<string, unknown> = {}) {
  const res = await w.staff.post('/api/v1/activities', {
    kind: 'inspection',
    title: '视察东湖片区道路交通安全整治',
    startsAt: fromNow(-30),
    endsAt: fromNow(90),
    placeId: w.placeId,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
const actions = async (id: string) =>
  (
    await t.services.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, id))
      .orderBy(asc(auditEvents.createdAt), asc(auditEvents.id))
  ).map((a) => a.action);

describe('creating an activity', () => {
  it('answers 201 with its id, keeps the place’s street, invites and audits', async () => {
    const id = await newActivity({
      deputyIds: [w.deputyIds[0], w.deputyIds[1]],
      organiserKind: 'liaisonPlace',
    });
    const a = (await w.staff.get(`/api/v1/activities/${id}`)).json();
    expect(a).toMatchObject({
      kind: 'inspection',
      streetId: t.streetId,
      place: { id: w.placeId, name: '东湖社区代表联络站' },
      invited: 2,
      attended: 0,
      organiserKind: 'liaisonPlace',
    });
    expect(a.checkInToken).toEqual(expect.any(String));
    expect(await actions(id)).toEqual(['activity.create']);
  });

  it('refuses a kind the congress does not use, naming the field; a new kind in the settings is accepted', async () => {
    const before = await t.services.db.$count(activities);
    const bad = await w.staff.post('/api/v1/activities', {
      kind: 'picnic',
      title: '游园',
      startsAt: fromNow(60),
      endsAt: fromNow(120),
      placeId: w.placeId,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(JSON.stringify(bad.json())).toContain('kind');
    expect(await t.services.db.$count(activities)).toBe(before);
    const admin = await signIn(t, 'act_sysadmin', ['systemAdmin']);
    const kinds = (await admin.get('/api/v1/settings/activities')).json().values.kinds as string[];
    const put = await admin.put('/api/v1/settings/activities', { kinds: [...kinds, 'picnic'] });
    expect(put.statusCode, put.body).toBe(200);
    await newActivity({ kind: 'picnic' });
  });

  it('refuses bad input with the fields named and writes nothing', async () => {
    const before = await t.services.db.$count(activities);
    const cases: [Record<string, unknown>, string][] = [
      [{ placeId: '5c1b1b3e-0000-4000-8000-000000000000' }, 'placeId'],
      [{ placeId: undefined }, 'placeId'],
      [{ endsAt: fromNow(-60) }, 'endsAt'],
      [{ campaignId: '5c1b1b3e-0000-4000-8000-000000000000' }, 'campaignId'],
      [{ deputyIds: ['5c1b1b3e-0000-4000-8000-000000000000'] }, 'deputyIds'],
      [{ title: '' }, 'title'],
    ];
    for (const [extra, field] of cases) {
      const res = await w.staff.post('/api/v1/activities', {
        kind: 'inspection',
        title: '调研',
        startsAt: fromNow(-30),
        endsAt: fromNow(30),
        placeId: w.placeId,
        ...extra,
      });
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(JSON.stringify(res.json().errors ?? res.json()), field).toContain(field);
    }
    expect(await t.services.db.$count(activities)).toBe(before);
  });
});

describe('taking part', () => {
  it('the sign-in sheet records each deputy once; again changes nothing; the not invited are recorded as such', async () => {
    const id = await newActivity({ deputyIds: [w.deputyIds[0]] });
    const first = await w.staff.post(`/api/v1/activities/${id}/attendance`, {
      deputyIds: [w.deputyIds[0], w.deputyIds[3]],
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ recorded: 2, alreadyRecorded: 0, attendances: 2 });
    const again = await w.staff.post(`/api/v1/activities/${id}/attendance`, {
      deputyIds: [w.deputyIds[0], w.deputyIds[3]],
    });
    expect(again.json()).toMatchObject({ recorded: 0, alreadyRecorded: 2, attendances: 2 });
    const lines = await t.services.db
      .select()
      .from(activityParticipants)
      .where(eq(activityParticipants.activityId, id));
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.deputyId === w.deputyIds[3])).toMatchObject({
      invited: false,
      attendedVia: 'sheet',
    });
    expect(lines.find((l) => l.deputyId === w.deputyIds[0])).toMatchObject({ invited: true });
  });

  it('refuses the sheet before the activity begins and for unknown deputies', async () => {
    const later = await newActivity({ startsAt: fromNow(180), endsAt: fromNow(240) });
    const early = await w.staff.post(`/api/v1/activities/${later}/attendance`, {
      deputyIds: [w.deputyIds[0]],
    });
    expect(early.statusCode).toBe(409);
    const now = await newActivity();
    const unknown = await w.staff.post(`/api/v1/activities/${now}/attendance`, {
      deputyIds: ['5c1b1b3e-0000-4000-8000-000000000000'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json())).toContain('deputyIds');
  });

  it('a deputy checks in during the window; twice is one attendance; not invited is recorded as such', async () => {
    const id = await newActivity({ deputyIds: [w.deputyIds[0]] });
    const r1 = await w.deputy[0].post(`/api/v1/activities/${id}/check-in`, {});
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json()).toMatchObject({ invited: true, alreadyCheckedIn: false });
    const r2 = await w.deputy[0].post(`/api/v1/activities/${id}/check-in`, {});
    expect(r2.json()).toMatchObject({ alreadyCheckedIn: true, attendedAt: r1.json().attendedAt });
    const uninvited = await w.deputy[1].post(`/api/v1/activities/${id}/check-in`, {});
    expect(uninvited.json()).toMatchObject({ invited: false, alreadyCheckedIn: false });
    // The sheet afterwards changes nothing for them.
    const sheet = await w.staff.post(`/api/v1/activities/${id}/attendance`, { deputyIds: [w.deputyIds[0]] });
    expect(sheet.json()).toMatchObject({ recorded: 0, attendances: 2 });
    const a = (await w.staff.get(`/api/v1/activities/${id}`)).json();
    expect(a.attended).toBe(2);
    expect(a.participants.find((p: { deputyId: string }) => p.deputyId === w.deputyIds[1])).toMatchObject({
      invited: false,
      attendedVia: 'checkIn',
    });
    expect(await actions(id)).toEqual([
      'activity.create',
      'activity.checkIn',
      'activity.checkIn',
      'activity.checkIn',
      'activity.recordAttendance',
    ]);
  });

  it("writes the check-in's audit row for what happened (invited, checked in before), its hash intact", async () => {
    const id = await newActivity({ deputyIds: [w.deputyIds[0]] });
    await w.deputy[0].post(`/api/v1/activities/${id}/check-in`, {});
    await w.deputy[0].post(`/api/v1/activities/${id}/check-in`, {});
    await w.deputy[1].post(`/api/v1/activities/${id}/check-in`, {});
    const rows = await t.services.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'activity.checkIn')))
      .orderBy(asc(auditEvents.createdAt), asc(auditEvents.id));
    expect(rows.map((r) => r.after)).toEqual([
      { deputyId: w.deputyIds[0], invited: true, alreadyCheckedIn: false },
      { deputyId: w.deputyIds[0], invited: true, alreadyCheckedIn: true },
      { deputyId: w.deputyIds[1], invited: false, alreadyCheckedIn: false },
    ]);
    expect(rows.every((r) => r.role === 'deputy')).toBe(true);
    const verified = await verifyAudit(t.services.db, t.services.config.keys.audit, [t.congressId]);
    expect(verified.problems).toEqual([]);
  });

  it('refuses a check-in outside the window (settings: 30 minutes before the start to the end)', async () => {
    const later = await newActivity({ startsAt: fromNow(45), endsAt: fromNow(120) });
    const early = await w.deputy[0].post(`/api/v1/activities/${later}/check-in`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('outside_window');
    const soon = await newActivity({ startsAt: fromNow(20), endsAt: fromNow(120) });
    expect((await w.deputy[0].post(`/api/v1/activities/${soon}/check-in`, {})).statusCode).toBe(200);
    const over = await newActivity({ startsAt: fromNow(-120), endsAt: fromNow(-5) });
    expect((await w.deputy[0].post(`/api/v1/activities/${over}/check-in`, {})).statusCode).toBe(409);
  });

  it('asks for the QR token when the settings require one', async () => {
    const admin = await signIn(t, 'act_sysadmin2', ['systemAdmin']);
    expect((await admin.put('/api/v1/settings/activities', { requireCheckInToken: true })).statusCode).toBe(
      200,
    );
    try {
      const id = await newActivity();
      const none = await w.deputy[2].post(`/api/v1/activities/${id}/check-in`, {});
      expect(none.statusCode).toBe(400);
      expect(JSON.stringify(none.json())).toContain('token');
      const wrong = await w.deputy[2].post(`/api/v1/activities/${id}/check-in`, { token: 'not-the-token' });
      expect(wrong.statusCode).toBe(400);
      const { checkInToken } = (await w.staff.get(`/api/v1/activities/${id}`)).json();
      const ok = await w.deputy[2].post(`/api/v1/activities/${id}/check-in`, { token: checkInToken });
      expect(ok.statusCode, ok.body).toBe(200);
      // The deputy's own view never carries the token.
      expect((await w.deputy[2].get(`/api/v1/activities/${id}`)).json().checkInToken).toBeUndefined();
    } finally {
      await admin.put('/api/v1/settings/activities', { requireCheckInToken: false });
    }
  });

  it('an invited deputy answers, or asks for leave with the reason; the uninvited cannot answer', async () => {
    const id = await newActivity({
      startsAt: fromNow(600),
      endsAt: fromNow(700),
      deputyIds: [w.deputyIds[0], w.deputyIds[1]],
    });
    const noReason = await w.deputy[0].post(`/api/v1/activities/${id}/rsvp`, { answer: 'onLeave' });
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json())).toContain('reason');
    expect(
      (await w.deputy[0].post(`/api/v1/activities/${id}/rsvp`, { answer: 'onLeave', reason: '外地出差' }))
        .statusCode,
    ).toBe(200);
    expect((await w.deputy[1].post(`/api/v1/activities/${id}/rsvp`, { answer: 'accepted' })).statusCode).toBe(
      200,
    );
    expect((await w.deputy[2].post(`/api/v1/activities/${id}/rsvp`, { answer: 'accepted' })).statusCode).toBe(
      403,
    );
    const a = (await w.staff.get(`/api/v1/activities/${id}`)).json();
    expect(a.participants.find((p: { deputyId: string }) => p.deputyId === w.deputyIds[0])).toMatchObject({
      rsvp: 'onLeave',
      leaveReason: '外地出差',
    });
    expect(await actions(id)).toEqual(['activity.create', 'activity.requestLeave', 'activity.accept']);
  });

  it('invites more deputies once each, with a notice in their inbox', async () => {
    const id = await newActivity({ startsAt: fromNow(600), endsAt: fromNow(700) });
    const r = await w.staff.post(`/api/v1/activities/${id}/invitations`, {
      deputyIds: [w.deputyIds[2], w.deputyIds[2]],
    });
    expect(r.json()).toEqual({ invited: 1, alreadyInvited: 0 });
    expect(
      (await w.staff.post(`/api/v1/activities/${id}/invitations`, { deputyIds: [w.deputyIds[2]] })).json(),
    ).toEqual({
      invited: 0,
      alreadyInvited: 1,
    });
    await t.services.jobs.drain();
    const inbox = JSON.stringify((await w.deputy[2].get('/api/v1/notifications')).json());
    expect(inbox).toContain('视察东湖片区道路交通安全整治');
  });

  it('a deputy lists and reads only their own activities', async () => {
    const id = await newActivity({
      title: '只邀请代表一',
      startsAt: fromNow(600),
      endsAt: fromNow(700),
      deputyIds: [w.deputyIds[0]],
    });
    const other = await memberClient(t, w.deputyIds[4]);
    const mine = (await w.deputy[0].get('/api/v1/activities')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(
      (await other.get('/api/v1/activities')).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(id);
    expect((await other.get(`/api/v1/activities/${id}`)).statusCode).toBe(403);
    expect((await w.leader.get(`/api/v1/activities/${id}`)).statusCode).toBe(200);
  });
});

describe('the record and its findings', () => {
  it('each finding becomes an opinion forwarded to the unit with a deadline, linked back from the activity', async () => {
    const id = await newActivity({ deputyIds: [w.deputyIds[0]] });
    await w.deputy[0].post(`/api/v1/activities/${id}/check-in`, {});
    const before = await t.services.db.$count(opinions);
    const r = await w.staff.post(`/api/v1/activities/${id}/record`, {
      summary: '代表们察看了东湖路口、学校周边三处路段，听取交警大队汇报。',
      findings: [
        { content: '东湖小学门口上下学时段缺少护学岗，车辆随意停放', unitId: w.unitId },
        { content: '东湖路与新安路交叉口信号灯配时过短，行人过街困难', unitId: w.unitId },
      ],
    });
    expect(r.statusCode, r.body).toBe(200);
    const { findings } = r.json();
    expect(findings).toHaveLength(2);
    await t.services.jobs.drain();
    expect(await t.services.db.$count(opinions)).toBe(before + 2);
    const [o] = await t.services.db.select().from(opinions).where(eq(opinions.id, findings[0].opinionId));
    expect(o).toMatchObject({
      status: 'forwarded',
      leadUnitId: w.unitId,
      liaisonPlaceId: w.placeId,
      deputyId: w.deputyIds[0],
      streetId: t.streetId,
    });
    expect(o.deadlineAt).toBeInstanceOf(Date);
    expect(o.content).toContain('东湖小学门口');
    const a = (await w.staff.get(`/api/v1/activities/${id}`)).json();
    expect(a.summary).toContain('东湖路口');
    expect(a.findings.map((f: { opinionId: string }) => f.opinionId)).toEqual(
      findings.map((f: { opinionId: string }) => f.opinionId),
    );
    expect(a.findings[0]).toMatchObject({ unitName: '区交通运输局', opinion: { status: 'forwarded' } });
    expect(await actions(id)).toEqual(['activity.create', 'activity.checkIn', 'activity.record']);
  });

  it('refuses a record before the activity and a finding for an unknown unit, naming it', async () => {
    const later = await newActivity({ startsAt: fromNow(600), endsAt: fromNow(700) });
    expect((await w.staff.post(`/api/v1/activities/${later}/record`, { summary: '提前写' })).statusCode).toBe(
      409,
    );
    const id = await newActivity();
    const before = await t.services.db.$count(opinions);
    const bad = await w.staff.post(`/api/v1/activities/${id}/record`, {
      summary: '记录',
      findings: [{ content: '问题', unitId: '5c1b1b3e-0000-4000-8000-000000000000' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('findings.0.unitId');
    await t.services.jobs.drain();
    expect(await t.services.db.$count(opinions)).toBe(before);
    expect((await w.staff.get(`/api/v1/activities/${id}`)).json().summary).toBe('');
  });
});

describe('refusals', () => {
  it('refuses every role that may not call each endpoint', async () => {
    const id = await newActivity({ deputyIds: [w.deputyIds[0]] });
    const clients = await clientsByRole(t, 'refuse');
    await expectRefusals(t, clients, [
      {
        method: 'POST',
        url: '/api/v1/activities',
        body: {
          kind: 'inspection',
          title: 'x',
          startsAt: fromNow(0),
          endsAt: fromNow(60),
          placeId: w.placeId,
        },
        allowed: ['congressStaff'],
      },
      { method: 'GET', url: `/api/v1/activities/${id}`, allowed: ['congressStaff', 'leader'] },
      {
        method: 'POST',
        url: `/api/v1/activities/${id}/invitations`,
        body: { deputyIds: [w.deputyIds[1]] },
        allowed: ['congressStaff'],
      },
      {
        method: 'POST',
        url: `/api/v1/activities/${id}/attendance`,
        body: { deputyIds: [w.deputyIds[1]] },
        allowed: ['congressStaff'],
      },
      {
        method: 'POST',
        url: `/api/v1/activities/${id}/record`,
        body: { summary: 'x' },
        allowed: ['congressStaff'],
      },
      // The check-in and the answer are a deputy's own: an account with the role but no deputy is refused too.
      { method: 'POST', url: `/api/v1/activities/${id}/check-in`, body: {}, allowed: [] },
      { method: 'POST', url: `/api/v1/activities/${id}/rsvp`, body: { answer: 'accepted' }, allowed: [] },
      {
        method: 'POST',
        url: '/api/v1/campaigns',
        body: { kind: 'other', title: 'x', from: '2026-07-01', to: '2026-08-31' },
        allowed: ['congressStaff'],
      },
    ]);
    // Staff may not check themselves in (the check-in is a deputy's).
    expect((await w.staff.post(`/api/v1/activities/${id}/check-in`, {})).statusCode).toBe(403);
    // Another congress's staff do not see it.
    const other = await t.createCongress('另一区人民代表大会');
    const stranger = await t.as('act_other_staff', ['congressStaff'], { congressId: other.congressId });
    expect((await stranger.get(`/api/v1/activities/${id}`)).statusCode).toBe(404);
    expect(
      (await stranger.post(`/api/v1/activities/${id}/attendance`, { deputyIds: [w.deputyIds[0]] }))
        .statusCode,
    ).toBe(404);
  });
});
