// Enterprise visits: staff import the firms (.xlsx; the credit code's check character, the street, the size,
// the deputy by name; a row-level report; again updates, never doubles), build the questionnaire (fixed once
// answered), give firms to deputies; a deputy sees only their firms and records a visit on the phone with the
// responses checked against the questions and the firm's problems sent to units as opinions; the campaign
// report counts firms planned and visited, questionnaires, problems and the solved ones, per street and
// industry, with the responses tallied; the responses export as .xlsx and the report as .docx. Every change is
// audited; every role that must be refused is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { usccCheckChar } from '@minyi/domain/activities';
import { shanghaiDate } from '@minyi/domain/calendar';
import { auditEvents } from '../../platform/platform.table';
import { opinions } from '../../../test/tables';
import { newId } from '../../platform/ids';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { clientsByRole, expectRefusals } from '../../../test/platform-fixtures';
import { buildActivitiesWorld, type ActivitiesWorld } from '../../../test/activities.fixture';
import { campaignFirms, firms, firmVisitIssues, firmVisits } from './activities.table';

let t: TestEnv;
let w: ActivitiesWorld;
let campaignId: string;

/** A valid code from 17 characters (the 18th computed). */
const code = (n: number) => {
  const first = `91440300MA5${String(n).padStart(6, '0')}`;
  return first + usccCheckChar(first)!;
};
const day = (offset: number) => {
  const d = new Date(Date.now() + offset * 86_400_000);
  return shanghaiDate(d);
};

const boundary = '----minyi-visits';
const upload = (client: TestClient, url: string, name: string, data: Buffer) =>
  client.request({
    method: 'POST',
    url,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });

async function sheet(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const QUESTIONS = [
  { id: 'q1', kind: 'single', label: '企业经营状况', options: ['良好', '一般', '困难'], required: true },
  {
    id: 'q2',
    kind: 'multiple',
    label: '主要困难',
    options: ['融资', '用工', '用地', '审批'],
    required: true,
    showIf: { questionId: 'q1', option: '困难' },
  },
  { id: 'q3', kind: 'number', label: '职工人数' },
  { id: 'q4', kind: 'scale', label: '营商环境满意度（1–5）', max: 5, required: true },
  { id: 'q5', kind: 'text', label: '其他意见建议' },
];

beforeAll(async () => {
  t = await createTestEnv();
  w = await buildActivitiesWorld(t);
  const res = await w.staff.post('/api/v1/campaigns', {
    kind: 'enterpriseVisits',
    title: '走访调研企业、保经济增长',
    from: day(-20),
    to: day(40),
  });
  expect(res.statusCode, res.body).toBe(201);
  campaignId = res.json().id;
});
afterAll(async () => t?.close());

const firmIdOf = async (uscc: string) =>
  (await t.services.db.select({ id: firms.id }).from(firms).where(eq(firms.uscc, uscc)))[0]?.id;

describe('importing the firms', () => {
  it('imports the good rows into the plan, gives them to the deputy named, and reports each bad row with its reason', async () => {
    const bad = code(3).slice(0, 17) + (code(3)[17] === '0' ? '1' : '0');
    const data = await sheet([
      ['企业名称', '统一社会信用代码', '行业', '街道', '规模', '走访代表', '计划走访日期'],
      ['东岭精密制造有限公司', code(1), '制造业', '测试街道', '中型', '代表01', day(1)],
      ['东岭云图科技有限公司', code(2).toLowerCase(), '信息技术', 'Test Street', '小型', '代表02', ''],
      ['校验错误的公司', bad, '制造业', '测试街道', '小型', '', ''],
      ['没有的街道公司', code(4), '批发零售', '西山街道', '小型', '', ''],
      ['重复的公司', code(1), '制造业', '测试街道', '小型', '', ''],
      ['不认识的代表公司', code(5), '制造业', '测试街道', '小型', '张三丰', ''],
      ['规模不明公司', code(6), '制造业', '测试街道', '超大', '', ''],
      ['', code(7), '制造业', '测试街道', '小型', '', ''],
      ['东岭绿源食品有限公司', code(8), '食品加工', '测试街道', '微型', '', ''],
    ]);
    const res = await upload(w.staff, `/api/v1/campaigns/${campaignId}/firms:import`, '企业名单.xlsx', data);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ imported: 3, created: 3, updated: 0, planned: 3 });
    expect(body.rejected.map((r: { row: number; reason: string }) => [r.row, r.reason])).toEqual([
      [4, 'usccChecksum'],
      [5, 'unknownStreet'],
      [6, 'duplicateInFile'],
      [7, 'unknownDeputy'],
      [8, 'unknownSize'],
      [9, 'nameMissing'],
    ]);
    const plan = await t.services.db
      .select()
      .from(campaignFirms)
      .where(eq(campaignFirms.campaignId, campaignId));
    expect(plan).toHaveLength(3);
    const one = await firmIdOf(code(1));
    expect(plan.find((p) => p.firmId === one)).toMatchObject({ deputyId: w.deputyIds[0], plannedOn: day(1) });
    const audit = await t.services.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, campaignId), eq(auditEvents.action, 'campaign.importFirms')));
    expect(audit).toHaveLength(1);
  });

  it('a second import updates the firm of the same code, keeps its deputy, and never doubles it', async () => {
    const data = await sheet([
      ['name', 'uscc', 'industry', 'street', 'size'],
      ['东岭精密制造股份有限公司', code(1), '装备制造', '测试街道', 'large'],
    ]);
    const res = await upload(w.staff, `/api/v1/campaigns/${campaignId}/firms:import`, 'firms.xlsx', data);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ imported: 1, created: 0, updated: 1 });
    const rows = await t.services.db
      .select()
      .from(firms)
      .where(eq(firms.uscc, code(1)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: '东岭精密制造股份有限公司', industry: '装备制造', size: 'large' });
    const [line] = await t.services.db
      .select()
      .from(campaignFirms)
      .where(and(eq(campaignFirms.campaignId, campaignId), eq(campaignFirms.firmId, rows[0].id)));
    expect(line.deputyId).toBe(w.deputyIds[0]);
  });

  it('refuses a file that is not a workbook, or without the header, naming the field; writes nothing', async () => {
    const before = await t.services.db.$count(firms);
    const broken = await upload(
      w.staff,
      `/api/v1/campaigns/${campaignId}/firms:import`,
      'x.xlsx',
      Buffer.from('PK\u0003\u0004 no'),
    );
    expect(broken.statusCode).toBe(400);
    expect(JSON.stringify(broken.json())).toContain('file');
    const header = await upload(
      w.staff,
      `/api/v1/campaigns/${campaignId}/firms:import`,
      'x.xlsx',
      await sheet([
        ['a', 'b'],
        ['1', '2'],
      ]),
    );
    expect(header.statusCode).toBe(400);
    expect(await t.services.db.$count(firms)).toBe(before);
  });
});

describe('the questionnaire and the plan', () => {
  it('saves the questionnaire built by staff; refuses a bad one naming the question', async () => {
    const bad = await w.staff.put(`/api/v1/campaigns/${campaignId}/questionnaire`, {
      questions: [{ id: 'q1', kind: 'single', label: '只有一个选项', options: ['是'] }],
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('questions.0.options');
    const ok = await w.staff.put(`/api/v1/campaigns/${campaignId}/questionnaire`, { questions: QUESTIONS });
    expect(ok.statusCode, ok.body).toBe(200);
    const c = (await w.leader.get(`/api/v1/campaigns/${campaignId}`)).json();
    expect(c.questionnaire.map((q: { id: string }) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
  });

  it('gives a firm to a deputy (again moves it); refuses an unknown firm or deputy naming the field', async () => {
    const three = await firmIdOf(code(8));
    const res = await w.staff.post(`/api/v1/campaigns/${campaignId}/assignments`, {
      items: [{ firmId: three, deputyId: w.deputyIds[2], plannedOn: day(3) }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const bad = await w.staff.post(`/api/v1/campaigns/${campaignId}/assignments`, {
      items: [{ firmId: '5c1b1b3e-0000-4000-8000-000000000000', deputyId: w.deputyIds[2] }],
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('items.0.firmId');
  });

  it('a deputy sees the campaign and only the firms given to them; a deputy with none is refused', async () => {
    const mine = (await w.deputy[0].get(`/api/v1/campaigns/${campaignId}/firms`)).json();
    expect(mine.items.map((f: { name: string }) => f.name)).toEqual(['东岭精密制造股份有限公司']);
    const all = (await w.staff.get(`/api/v1/campaigns/${campaignId}/firms`)).json();
    expect(all.items).toHaveLength(3);
    const c = await w.deputy[0].get(`/api/v1/campaigns/${campaignId}`);
    expect(c.statusCode).toBe(200);
    expect(c.json().abilities).toMatchObject({ recordVisit: true, manage: false });
    const { memberClient } = await import('../../../test/meetings.fixture');
    const none = await memberClient(t, w.deputyIds[4]);
    expect((await none.get(`/api/v1/campaigns/${campaignId}/firms`)).statusCode).toBe(403);
  });
});

describe('recording a visit', () => {
  it('records the responses and sends each problem to its unit as an opinion, linked back', async () => {
    const firmId = await firmIdOf(code(1));
    const res = await w.deputy[0].post(`/api/v1/campaigns/${campaignId}/visits`, {
      firmId,
      visitedOn: day(0),
      peopleMet: '总经理、人事主管',
      answers: { q1: '困难', q2: ['融资', '用工'], q3: 320, q4: 3, q5: '希望加快厂房验收' },
      issues: [
        { content: '企业门前道路货车通行限时，原料进出困难', unitId: w.unitId },
        { content: '周边公交班次少，职工通勤不便', unitId: w.unitId },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.issues).toHaveLength(2);
    await t.services.jobs.drain();
    for (const i of body.issues) {
      const [o] = await t.services.db.select().from(opinions).where(eq(opinions.id, i.opinionId));
      expect(o).toMatchObject({ status: 'forwarded', deputyId: w.deputyIds[0], streetId: t.streetId });
      expect(o.content).toMatch(/^【企业走访】东岭精密制造股份有限公司：/);
    }
    const audit = await t.services.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, body.id), eq(auditEvents.action, 'campaign.recordVisit')));
    expect(audit).toHaveLength(1);
  });

  it('refuses responses that do not fit the questions, naming each; a firm not given to the deputy; writes nothing', async () => {
    const before = await t.services.db.$count(firmVisits);
    const firmId = await firmIdOf(code(1));
    const bad = await w.deputy[0].post(`/api/v1/campaigns/${campaignId}/visits`, {
      firmId,
      visitedOn: day(0),
      answers: { q1: '困难', q4: 9 },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(['answers.q2', 'answers.q4']);
    const other = await w.deputy[1].post(`/api/v1/campaigns/${campaignId}/visits`, {
      firmId,
      visitedOn: day(0),
      answers: { q1: '良好', q4: 4 },
    });
    expect(other.statusCode).toBe(400);
    expect(JSON.stringify(other.json())).toContain('firmId');
    const future = await w.deputy[0].post(`/api/v1/campaigns/${campaignId}/visits`, {
      firmId,
      visitedOn: day(2),
      answers: { q1: '良好', q4: 4 },
    });
    expect(future.statusCode).toBe(400);
    expect(JSON.stringify(future.json())).toContain('visitedOn');
    expect(await t.services.db.$count(firmVisits)).toBe(before);
    expect(await t.services.db.$count(firmVisitIssues)).toBe(2);
  });

  it('fixes the questionnaire once a visit has answered it (409)', async () => {
    const res = await w.staff.put(`/api/v1/campaigns/${campaignId}/questionnaire`, { questions: QUESTIONS });
    expect(res.statusCode).toBe(409);
  });

  it('staff record a visit for the deputy named, from the paper form', async () => {
    const firmId = await firmIdOf(code(2));
    const res = await w.staff.post(`/api/v1/campaigns/${campaignId}/visits`, {
      firmId,
      deputyId: w.deputyIds[1],
      visitedOn: day(-1),
      answers: { q1: '良好', q4: 5, q3: 40 },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe("the enterprise visits' report and exports", () => {
  it('counts firms planned and visited, questionnaires, problems and the solved ones, per street and industry, and tallies the responses', async () => {
    const [issue] = await t.services.db.select().from(firmVisitIssues).limit(1);
    await t.services.db
      .update(opinions)
      .set({ status: 'closedResolved' })
      .where(eq(opinions.id, issue.opinionId));
    const r = (await w.leader.get(`/api/v1/campaigns/${campaignId}/report`)).json();
    expect(r).toMatchObject({
      kind: 'enterpriseVisits',
      firmsPlanned: 3,
      firmsVisited: 2,
      questionnaires: 2,
      issues: 2,
      issuesSolved: 1,
      issuesInProgress: 1,
    });
    expect(r.sentence.zh).toBe('走访企业2家，发放问卷2份，收集问题和建议2条，已解决1条');
    expect(r.byStreet).toEqual([
      {
        streetId: t.streetId,
        name: '测试街道',
        nameEn: 'Test Street',
        planned: 3,
        visited: 2,
        issues: 2,
        solved: 1,
      },
    ]);
    expect(r.byIndustry.find((i: { industry: string }) => i.industry === '装备制造')).toMatchObject({
      planned: 1,
      visited: 1,
      issues: 2,
    });
    const q1 = r.questions.find((q: { questionId: string }) => q.questionId === 'q1');
    expect(q1.options).toEqual([
      { option: '良好', count: 1 },
      { option: '一般', count: 0 },
      { option: '困难', count: 1 },
    ]);
    expect(r.questions.find((q: { questionId: string }) => q.questionId === 'q4').mean).toBe(4);
  });

  it('exports the responses as .xlsx (one row per visit, the tally) and the report as .docx', async () => {
    const x = await w.staff.get(`/api/v1/campaigns/${campaignId}/responses.xlsx`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0].getSheetValues().filter(Boolean);
    expect(rows).toHaveLength(3);
    expect(JSON.stringify(rows)).toContain('融资；用工');
    expect(wb.worksheets[1].name).toBe('选择题统计');
    const d = await w.leader.get(`/api/v1/campaigns/${campaignId}/report.docx`);
    expect(d.statusCode).toBe(200);
    expect(d.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('who may do what', () => {
  it('refuses every role that must not import, build, assign, record or export', async () => {
    const c = await clientsByRole(t, 'visits');
    const firmId = await firmIdOf(code(8));
    await expectRefusals(t, c, [
      {
        method: 'PUT',
        url: `/api/v1/campaigns/${campaignId}/questionnaire`,
        body: { questions: [] },
        allowed: ['congressStaff'],
      },
      {
        method: 'POST',
        url: `/api/v1/campaigns/${campaignId}/assignments`,
        body: { items: [{ firmId, deputyId: w.deputyIds[0] }] },
        allowed: ['congressStaff'],
      },
      {
        method: 'POST',
        url: `/api/v1/campaigns/${campaignId}/visits`,
        body: { firmId, visitedOn: day(0), deputyId: w.deputyIds[2], answers: { q1: '良好', q4: 3 } },
        allowed: ['congressStaff'],
      },
      { method: 'GET', url: `/api/v1/campaigns/${campaignId}`, allowed: ['congressStaff', 'leader'] },
      { method: 'GET', url: `/api/v1/campaigns/${campaignId}/firms`, allowed: ['congressStaff', 'leader'] },
      {
        method: 'GET',
        url: `/api/v1/campaigns/${campaignId}/responses.xlsx`,
        allowed: ['congressStaff', 'leader'],
      },
      {
        method: 'GET',
        url: `/api/v1/campaigns/${campaignId}/report.docx`,
        allowed: ['congressStaff', 'leader'],
      },
    ]);
    const imp = await upload(
      c.leader,
      `/api/v1/campaigns/${campaignId}/firms:import`,
      'x.xlsx',
      await sheet([['a']]),
    );
    expect(imp.statusCode).toBe(403);
  });
});

describe("the firm's rating of the answers", () => {
  it("records the firm's rating of the unit's answer through the opinions pipeline: satisfied closes, dissatisfied reopens", async () => {
    // A firm of its own in the plan (after the report's counts above), given to the first deputy.
    const firmId = newId();
    await t.services.db.insert(firms).values({
      id: firmId,
      congressId: t.congressId,
      name: '东岭恒昌电子有限公司',
      uscc: code(30),
      industry: '制造业',
      streetId: t.streetId,
    });
    await t.services.db
      .insert(campaignFirms)
      .values({ congressId: t.congressId, campaignId, firmId, deputyId: w.deputyIds[0] });
    const res = await w.deputy[0].post(`/api/v1/campaigns/${campaignId}/visits`, {
      firmId,
      visitedOn: day(-2),
      answers: { q1: '一般', q4: 4 },
      issues: [
        { content: '企业用电增容申请迟迟未批复', unitId: w.unitId },
        { content: '厂区旁排水沟雨季倒灌', unitId: w.unitId },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const [solved, open] = res.json().issues as { id: string; opinionId: string }[];
    await t.services.jobs.drain();
    // Not answered yet: nothing to rate (409), and nothing written.
    const early = await w.deputy[0].post(`/api/v1/firm-issues/${solved.id}/rating`, { rating: 'satisfied' });
    expect(early.statusCode, early.body).toBe(409);
    const unit = await t.as('visits-unit', ['handlingUnitStaff'], { handlingUnitId: w.unitId });
    for (const [i, outcome] of [
      [solved, 'resolved'],
      [open, 'partlyResolved'],
    ] as const) {
      const r = await unit.post(`/api/v1/opinions/${i.opinionId}/reply`, {
        outcome,
        content: '已协调供电部门，本月内完成增容。',
      });
      expect(r.statusCode, r.body).toBeLessThan(300);
    }
    const bad = await w.deputy[0].post(`/api/v1/firm-issues/${solved.id}/rating`, { rating: 'great' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('rating');
    // Another deputy (not the one who visited) may not record it.
    const other = await w.deputy[1].post(`/api/v1/firm-issues/${solved.id}/rating`, { rating: 'satisfied' });
    expect(other.statusCode).toBe(403);
    const ok = await w.deputy[0].post(`/api/v1/firm-issues/${solved.id}/rating`, {
      rating: 'satisfied',
      comment: '企业表示满意',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      opinionId: solved.opinionId,
      status: 'closedResolved',
      rating: 'satisfied',
    });
    const reopened = await w.staff.post(`/api/v1/firm-issues/${open.id}/rating`, { rating: 'dissatisfied' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const [o] = await t.services.db.select().from(opinions).where(eq(opinions.id, open.opinionId));
    expect(o).toMatchObject({ status: 'forwarded', rating: 'dissatisfied', reopenCount: 1 });
    expect(o.deadlineAt!.getTime()).toBeGreaterThan(Date.now());
    // Rated once: a second rating of the closed item is refused.
    const again = await w.deputy[0].post(`/api/v1/firm-issues/${solved.id}/rating`, {
      rating: 'dissatisfied',
    });
    expect(again.statusCode).toBe(409);
    const audit = await t.services.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'campaign.rateIssue')))
      .orderBy(auditEvents.createdAt, auditEvents.id);
    expect(audit.map((a) => a.entityId)).toEqual([solved.id, open.id]);
    const unknown = await w.staff.post(`/api/v1/firm-issues/${firmId}/rating`, { rating: 'satisfied' });
    expect(unknown.statusCode).toBe(404);
  });
});
