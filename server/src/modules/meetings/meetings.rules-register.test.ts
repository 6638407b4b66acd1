// The rules register (议事规则与工作制度): staff record a rule with its first version, revise it (the new version
// becomes current, the old stays as history), publish it; the public reads published rules only; every other role
// is refused; bad input names its field in zh and en and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import { auditEvents } from '../../platform/platform.table';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { buildCommittee, memberClient, type Committee } from '../../../test/meetings.fixture';
import { proceduralRules, proceduralRuleVersions } from './meetings.table';

let t: TestEnv;
let staff: TestClient;
let meetingId: string;
let itemId: string;
let c: Committee;
const today = shanghaiDate(new Date());

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  c = await buildCommittee(t, { members: 29, others: 0 });
  meetingId = (
    await staff.post('/api/v1/meetings', {
      body: 'standingCommittee',
      date: today,
      title: '常委会第三次会议',
    })
  ).json().id;
  itemId = (
    await staff.post(`/api/v1/meetings/${meetingId}/agenda-items`, {
      kind: 'motion',
      title: '审议《常委会议事规则（修订草案）》',
    })
  ).json().id;
}, 120_000);
afterAll(async () => t?.close());

const rule = {
  title: '东岭区人民代表大会常务委员会议事规则',
  body: 'standingCommittee',
  kind: 'rulesOfProcedure',
  adoptedOn: '2017-03-28',
  content: '第一条 为了规范常务委员会的议事程序，根据地方组织法，结合本区实际，制定本规则。',
};

describe('the rules register (议事规则与工作制度)', () => {
  let id: string;

  it('refuses bad input naming the field in zh and en, and changes nothing', async () => {
    const empty = await staff.post('/api/v1/procedural-rules', { ...rule, title: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('title');
    const kind = await staff.post('/api/v1/procedural-rules', { ...rule, kind: 'decree' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().errors[0].field).toBe('kind');
    const day = await staff.post('/api/v1/procedural-rules', { ...rule, adoptedOn: '2017-02-30' });
    expect(day.statusCode).toBe(400);
    expect(day.json().errors[0].field).toBe('adoptedOn');
    // The adopting meeting must be of the adopting body.
    const wrongBody = await staff.post('/api/v1/procedural-rules', { ...rule, body: 'congress', meetingId });
    expect(wrongBody.statusCode).toBe(400);
    expect(wrongBody.json().errors[0]).toMatchObject({ field: 'meetingId', code: 'wrong_body' });
    expect(wrongBody.json().errors[0].message).toMatchObject({
      zh: expect.stringMatching(/会议/),
      en: expect.stringMatching(/body/),
    });
    const itemAlone = await staff.post('/api/v1/procedural-rules', { ...rule, agendaItemId: itemId });
    expect(itemAlone.json().errors[0]).toMatchObject({ field: 'agendaItemId', code: 'needs_meeting' });
    expect(await t.services.db.$count(proceduralRules)).toBe(0);
  });

  it('records, revises at a meeting, and publishes; the history keeps every version; audit rows', async () => {
    const made = await staff.post('/api/v1/procedural-rules', rule);
    expect(made.statusCode, made.body).toBe(201);
    id = made.json().id;
    const again = await staff.post('/api/v1/procedural-rules', rule);
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0]).toMatchObject({ field: 'title', code: 'taken' });

    const early = await staff.post(`/api/v1/procedural-rules/${id}/versions`, {
      adoptedOn: '2017-03-28',
      content: '同日修订',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: 'adoptedOn', code: 'not_after_current' });

    const revised = await staff.post(`/api/v1/procedural-rules/${id}/versions`, {
      adoptedOn: today,
      content: '第一条 为了规范常务委员会的议事程序，保障常务委员会依法行使职权，制定本规则。',
      note: '增加表决以全体组成人员过半数通过的规定',
      meetingId,
      agendaItemId: itemId,
    });
    expect(revised.statusCode, revised.body).toBe(201);
    expect(revised.json()).toEqual({ version: 2 });

    // Not yet published: the public does not see it, staff do.
    expect((await t.anon.get('/api/v1/public/procedural-rules')).json().items).toEqual([]);
    expect((await t.anon.get(`/api/v1/public/procedural-rules/${id}`)).statusCode).toBe(404);
    const mine = (await staff.get('/api/v1/procedural-rules')).json().items;
    expect(mine).toMatchObject([{ id, currentVersion: 2, adoptedOn: today, published: false }]);

    const pub = await staff.post(`/api/v1/procedural-rules/${id}/publish`, { published: true });
    expect(pub.statusCode, pub.body).toBe(200);
    expect((await staff.post(`/api/v1/procedural-rules/${id}/publish`, { published: true })).statusCode).toBe(
      409,
    );

    const list = (await t.anon.get('/api/v1/public/procedural-rules')).json().items;
    expect(list).toMatchObject([{ id, title: rule.title, kind: 'rulesOfProcedure', currentVersion: 2 }]);
    const one = (await t.anon.get(`/api/v1/public/procedural-rules/${id}`)).json();
    expect(one.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(one.versions[0]).toMatchObject({
      meetingTitle: '常委会第三次会议',
      agendaItemTitle: '审议《常委会议事规则（修订草案）》',
      note: '增加表决以全体组成人员过半数通过的规定',
    });
    expect(one.versions[1]).toMatchObject({ adoptedOn: '2017-03-28', meetingId: null });

    const rows = await t.services.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), like(auditEvents.action, 'proceduralRule.%')));
    expect(rows.map((r) => r.action).sort()).toEqual([
      'proceduralRule.create',
      'proceduralRule.publish',
      'proceduralRule.revise',
    ]);

    const withdrawn = await staff.post(`/api/v1/procedural-rules/${id}/publish`, { published: false });
    expect(withdrawn.statusCode).toBe(200);
    expect((await t.anon.get(`/api/v1/public/procedural-rules/${id}`)).statusCode).toBe(404);
    await staff.post(`/api/v1/procedural-rules/${id}/publish`, { published: true });
  });

  it('refuses every other role, and changes nothing', async () => {
    const before = await t.services.db.$count(proceduralRuleVersions);
    const leader = await t.as('leader', ['leader']);
    expect((await leader.get('/api/v1/procedural-rules')).statusCode).toBe(200);
    expect((await leader.get(`/api/v1/procedural-rules/${id}`)).statusCode).toBe(200);
    const roles = [
      ['leader', 'leader'],
      ['cit', 'citizen'],
      ['dep', 'deputy'],
      ['unit', 'handlingUnitStaff'],
      ['liaison', 'liaisonStaff'],
      ['admin', 'systemAdmin'],
      ['auditor', 'auditor'],
    ] as const;
    for (const [name, role] of roles) {
      const who = await t.as(name, [role]);
      const msg = role;
      expect(
        (await who.post('/api/v1/procedural-rules', { ...rule, title: `${msg}的制度` })).statusCode,
        msg,
      ).toBe(403);
      expect(
        (await who.post(`/api/v1/procedural-rules/${id}/versions`, { adoptedOn: '2030-01-01', content: 'x' }))
          .statusCode,
        msg,
      ).toBe(403);
      expect(
        (await who.post(`/api/v1/procedural-rules/${id}/publish`, { published: false })).statusCode,
        msg,
      ).toBe(403);
      if (role !== 'leader') expect((await who.get('/api/v1/procedural-rules')).statusCode, msg).toBe(403);
    }
    expect((await t.anon.post('/api/v1/procedural-rules', rule)).statusCode).toBe(401);
    expect((await t.anon.get('/api/v1/procedural-rules')).statusCode).toBe(401);
    expect(await t.services.db.$count(proceduralRuleVersions)).toBe(before);
    // Another congress's staff do not see or touch it.
    const other = await t.createCongress('西岭区人民代表大会');
    const far = await t.as('farStaff', ['congressStaff'], { congressId: other.congressId });
    expect((await far.get(`/api/v1/procedural-rules/${id}`)).statusCode).toBe(404);
    expect((await far.post(`/api/v1/procedural-rules/${id}/publish`, { published: false })).statusCode).toBe(
      404,
    );
    expect(
      (await t.anon.get(`/api/v1/public/procedural-rules/${id}?congressId=${other.congressId}`)).statusCode,
    ).toBe(404);
  });
});

describe('public resolutions of closed meetings', () => {
  it('lists a motion voted at a closed meeting with its totals and result, not one of a meeting still open', async () => {
    await staff.post(`/api/v1/meetings/${meetingId}/attendance`, { memberIds: 'all' });
    const opened = await staff.post(`/api/v1/meetings/${meetingId}/agenda-items/${itemId}/vote`);
    expect(opened.statusCode, opened.body).toBe(201);
    const voteId = opened.json().voteId as string;
    for (const [i, deputyId] of c.memberIds.slice(0, 17).entries()) {
      const member = await memberClient(t, deputyId);
      const cast = await member.post(`/api/v1/meeting-votes/${voteId}/ballots`, {
        choice: i < 16 ? 'yes' : 'no',
      });
      expect(cast.statusCode, cast.body).toBe(201);
    }
    expect((await staff.post(`/api/v1/meeting-votes/${voteId}/close`)).json()).toMatchObject({
      passed: true,
    });
    // Still in session: not public yet.
    expect((await t.anon.get('/api/v1/public/meeting-resolutions')).json().items).toEqual([]);
    const closed = await staff.post(`/api/v1/meetings/${meetingId}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    const items = (await t.anon.get('/api/v1/public/meeting-resolutions')).json().items;
    expect(items).toEqual([
      {
        id: itemId,
        title: '审议《常委会议事规则（修订草案）》',
        meetingTitle: '常委会第三次会议',
        meetingNumber: expect.any(Number),
        body: 'standingCommittee',
        date: today,
        members: 29,
        yes: 16,
        no: 1,
        abstain: 0,
        notVoting: 12,
        passed: true,
      },
    ]);
    // Nothing of who voted how.
    expect(JSON.stringify(items)).not.toMatch(/deputyId|name/i);
  });
});
