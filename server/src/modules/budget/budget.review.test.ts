// The budget's review before the sitting: a consultation round in one area with its invited deputies and voter
// representatives (预先见代表, Art. 45), opinions on a line or a topic noted by staff or given by an invited
// deputy, the finance department's feedback once (Art. 22 ¶6) and the .docx printed for the sitting (¶7); the
// preliminary review's findings per Art. 48 point and the Art. 49 conclusion, drafted into the review report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/platform.table';
import { newId } from '../../platform/ids';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { budgetActors, csv, uploadTo, type BudgetActors } from '../../../test/budget.fixture';
import { docxText } from '../../../test/meetings.fixture';
import { deputies, jurisdictions } from '../../../test/tables';
import { budgetConsultationOpinions, budgetConsultationRounds } from './budget.table';

let t: TestEnv;
let a: BudgetActors;
let budgetId: string;
let streetId: string;
const dep = { zhou: newId(), lin: newId(), other: newId() };
let zhou: TestClient;
let other: TestClient;

beforeAll(async () => {
  t = await createTestEnv();
  a = await budgetActors(t);
  const db = t.services.db;
  streetId = newId();
  await db.insert(jurisdictions).values({
    id: streetId,
    congressId: t.congressId,
    name: '平岗街道',
    level: 'street',
  });
  await db.insert(deputies).values([
    { id: dep.zhou, congressId: t.congressId, name: '周丽华', gender: 'female', organization: '平岗社区' },
    { id: dep.lin, congressId: t.congressId, name: '林志强', gender: 'male' },
    { id: dep.other, congressId: t.congressId, name: '黄卫东', gender: 'male' },
  ]);
  zhou = await t.as('r-zhou', ['deputy'], { deputyId: dep.zhou });
  other = await t.as('r-other', ['deputy'], { deputyId: dep.other });
  budgetId = (await a.staff.post('/api/v1/budgets', { year: 2031, sittingDate: '2031-01-08' })).json().id;
  await uploadTo(
    a.staff,
    `/api/v1/budgets/${budgetId}/lines:import`,
    csv([
      ['205', '教育支出', 'general', '9000000.00'],
      ['20502', '普通教育', 'general', '9000000.00'],
      ['212', '城乡社区支出', 'general', '5000000.00'],
      ['227', '预备费', 'general', '280000.00'],
    ]),
  );
});
afterAll(async () => t?.close());

const auditOf = (entityId: string) =>
  t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));

const round = {
  area: '平岗片区',
  heldOn: '2030-12-12',
  place: '平岗街道代表之家',
  material: '2031年一般公共预算支出安排1.43亿元，其中教育0.9亿元。',
  invitees: [
    { kind: 'deputy', deputyId: dep.zhou },
    { kind: 'deputy', deputyId: dep.lin },
    { kind: 'voterRepresentative', name: '陈桂芳', organization: '平岗社区居民' },
  ],
};

async function newRound() {
  const res = await a.staff.post(`/api/v1/budgets/${budgetId}/consultation-rounds`, {
    ...round,
    streetIds: [streetId],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('the draft before deputies', () => {
  it('holds a round in one area naming deputies from the registry; opinions on a line or topic get the finance department’s feedback once', async () => {
    const id = await newRound();
    const c = (await a.staff.get(`/api/v1/budgets/${budgetId}/consultation`)).json();
    const r = c.items.find((x: { id: string }) => x.id === id);
    expect(r.invitees.map((i: { name: string }) => i.name)).toEqual(['周丽华', '林志强', '陈桂芳']);
    expect(r.invitees[0].organization).toBe('平岗社区');
    const voter = r.invitees[2].id;
    // Staff note a voter representative's opinion on a line; the invited deputy gives her own on a topic.
    const one = await a.staff.post(`/api/v1/budget-consultation-rounds/${id}/opinions`, {
      inviteeId: voter,
      code: '20502',
      content: '平岗片区学位紧张，建议普通教育支出向新建学校倾斜。',
    });
    expect(one.statusCode, one.body).toBe(201);
    const two = await zhou.post(`/api/v1/budget-consultation-rounds/${id}/opinions`, {
      topic: '老旧小区改造',
      content: '建议公开老旧小区改造项目清单和资金安排。',
    });
    expect(two.statusCode, two.body).toBe(201);
    // A deputy not invited may not; staff may not give feedback, the finance department does, once.
    const outsider = await other.post(`/api/v1/budget-consultation-rounds/${id}/opinions`, {
      topic: '交通',
      content: '建议增加公交站点。',
    });
    expect(outsider.statusCode).toBe(403);
    const fb = `/api/v1/budget-consultation-opinions/${one.json().id}/feedback`;
    for (const cl of [a.staff, a.education, zhou, a.leader])
      expect((await cl.post(fb, { feedback: '已研究。' })).statusCode).toBe(403);
    const ok = await a.finance.post(fb, { feedback: '已在普通教育项下安排新建学校开办经费2000万元。' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ id: one.json().id, status: 'answered' });
    const again = await a.finance.post(fb, { feedback: '再次反馈。' });
    expect(again.statusCode).toBe(409);
    const after = (await zhou.get(`/api/v1/budgets/${budgetId}/consultation`)).json();
    const ops = after.items.find((x: { id: string }) => x.id === id).opinions;
    expect(
      ops.map((o: { by: string; lineName: string; status: string }) => [o.by, o.lineName, o.status]),
    ).toEqual([
      ['陈桂芳', '普通教育', 'answered'],
      ['周丽华', '', 'open'],
    ]);
    expect(after.items.find((x: { id: string }) => x.id === id).abilities.recordOpinion).toBe(true);
    expect((await auditOf(one.json().id)).map((x) => x.action)).toEqual([
      'budgetConsultation.recordOpinion',
      'budgetConsultation.giveFeedback',
    ]);
    expect((await auditOf(id)).map((x) => x.action)).toEqual(['budget.createConsultationRound']);
    // Printed for the sitting: every opinion with its feedback, or that none has come yet.
    const doc = await a.deputy.get(`/api/v1/budgets/${budgetId}/consultation/opinions.docx`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toMatch(/wordprocessingml/);
    const text = docxText(doc.rawPayload);
    expect(text).toContain('平岗片区');
    expect(text).toContain('邀请区人大代表2名、选民代表1名');
    expect(text).toContain('【20502 普通教育】陈桂芳（选民代表）：平岗片区学位紧张');
    expect(text).toContain('财政部门反馈：已在普通教育项下安排新建学校开办经费2000万元。');
    expect(text).toContain('财政部门反馈：正在研究，尚未反馈。');
    expect((await a.citizen.get(`/api/v1/budgets/${budgetId}/consultation/opinions.docx`)).statusCode).toBe(
      403,
    );
  });

  it('refuses bad rounds and opinions naming the fields, and changes nothing', async () => {
    const before = await t.services.db.select().from(budgetConsultationRounds);
    const cases: [unknown, string][] = [
      [{ ...round, invitees: [] }, 'invitees'],
      [{ ...round, heldOn: '2030-13-01' }, 'heldOn'],
      [{ ...round, invitees: [{ kind: 'deputy' }] }, 'invitees.0.deputyId'],
      [{ ...round, invitees: [{ kind: 'deputy', deputyId: newId() }] }, 'invitees.0.deputyId'],
      [{ ...round, invitees: [{ kind: 'voterRepresentative' }] }, 'invitees.0.name'],
      [{ ...round, streetIds: [newId()] }, 'streetIds.0'],
      [{ ...round, invitees: [round.invitees[0], round.invitees[0]] }, 'invitees.1.deputyId'],
    ];
    for (const [body, field] of cases) {
      const res = await a.staff.post(`/api/v1/budgets/${budgetId}/consultation-rounds`, body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await t.services.db.select().from(budgetConsultationRounds)).toHaveLength(before.length);
    const id = await newRound();
    const url = `/api/v1/budget-consultation-rounds/${id}/opinions`;
    const n = (await t.services.db.select().from(budgetConsultationOpinions)).length;
    const bad: [unknown, string][] = [
      [{ content: '没有科目也没有主题' }, 'topic'],
      [{ code: '2059', content: '编码不对', topic: '教育' }, 'code'],
      [{ code: '208', content: '草案中没有该科目', inviteeId: newId() }, 'inviteeId'],
    ];
    for (const [body, field] of bad) {
      const res = await a.staff.post(url, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
    }
    const c = (await a.staff.get(`/api/v1/budgets/${budgetId}/consultation`)).json();
    const voter = c.items.find((x: { id: string }) => x.id === id).invitees[2].id;
    const noLine = await a.staff.post(url, { inviteeId: voter, code: '208', content: '草案中没有该科目' });
    expect(noLine.statusCode).toBe(400);
    expect(noLine.json().errors[0].field).toBe('code');
    expect(await t.services.db.select().from(budgetConsultationOpinions)).toHaveLength(n);
  });

  it('refuses a round to every role but congress staff', async () => {
    for (const c of [a.finance, a.education, a.leader, a.deputy, a.citizen])
      expect((await c.post(`/api/v1/budgets/${budgetId}/consultation-rounds`, round)).statusCode).toBe(403);
    expect((await t.anon.post(`/api/v1/budgets/${budgetId}/consultation-rounds`, round)).statusCode).toBe(
      401,
    );
    expect((await a.citizen.get(`/api/v1/budgets/${budgetId}/consultation`)).statusCode).toBe(403);
  });
});

describe('the preliminary review', () => {
  it('records findings per Art. 48 point and the conclusion; the report drafts from them, marking the gaps', async () => {
    await a.staff.patch(`/api/v1/budgets/${budgetId}`, { draftSubmittedOn: '2030-12-12' });
    const empty = (await a.leader.get(`/api/v1/budgets/${budgetId}/review`)).json();
    expect(empty.points).toHaveLength(8);
    expect(empty.points[0]).toEqual({ point: 'lastYearExecution', findings: null, updatedAt: null });
    expect(empty).toMatchObject({ draftDeadline: '2030-12-09', draftLate: true, conclusion: null });
    expect(empty.figures).toMatchObject({
      expenditure: { general: '14280000.00' },
      reserve: '280000.00',
      reserveShare: '2.0',
    });
    const put = (point: string, findings: string) =>
      a.staff.put(`/api/v1/budgets/${budgetId}/review/points/${point}`, { findings });
    expect((await put('keyExpenditure', '教育支出保持增长，重点保障新建学校。')).statusCode).toBe(200);
    expect((await put('keyExpenditure', '教育支出增长5.2%，重点保障新建学校开办。')).statusCode).toBe(200);
    expect((await put('borrowing', '新增一般债券有偿还计划。')).statusCode).toBe(200);
    const concl = await a.staff.put(`/api/v1/budgets/${budgetId}/review/conclusion`, {
      recommendation: 'approve',
      suggestions: '一、加强预算绩效管理。\n二、加快政府投资项目前期工作。',
    });
    expect(concl.statusCode, concl.body).toBe(200);
    const review = (await a.staff.get(`/api/v1/budgets/${budgetId}/review`)).json();
    expect(review.points.find((p: { point: string }) => p.point === 'keyExpenditure').findings).toBe(
      '教育支出增长5.2%，重点保障新建学校开办。',
    );
    expect(review.conclusion.recommendation).toBe('approve');
    const audit = (await auditOf(budgetId)).map((x) => x.action);
    expect(audit.filter((x) => x === 'budget.recordReviewFindings')).toHaveLength(3);
    expect(audit).toContain('budget.recordReviewConclusion');
    const doc = await a.deputy.get(`/api/v1/budgets/${budgetId}/review/report.docx`);
    expect(doc.statusCode).toBe(200);
    const text = docxText(doc.rawPayload);
    expect(text).toContain('关于2030年预算执行情况和2031年预算草案的审查结果报告');
    expect(text).toContain('晚于预算法第四十四条规定的2030年12月9日');
    expect(text).toContain('一般公共预算支出1428.00万元（其中预备费28.00万元，占2.0%）');
    expect(text).toContain('（三）重点支出和重大投资项目的预算安排是否适当。');
    expect(text).toContain('教育支出增长5.2%，重点保障新建学校开办。');
    expect(text).not.toContain('教育支出保持增长');
    expect(text).toContain('【本项审查意见待补充】');
    expect(text).toContain('建议本次大会批准区人民政府提出的2031年预算草案');
    expect(text).toContain('二、加快政府投资项目前期工作。');
  });

  it('refuses an unknown point, empty findings, an unknown recommendation, and every role but staff', async () => {
    const bad = await a.staff.put(`/api/v1/budgets/${budgetId}/review/points/weather`, { findings: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('point');
    const empty = await a.staff.put(`/api/v1/budgets/${budgetId}/review/points/legality`, { findings: ' ' });
    expect(empty.json().errors[0].field).toBe('findings');
    const rec = await a.staff.put(`/api/v1/budgets/${budgetId}/review/conclusion`, {
      recommendation: 'maybe',
    });
    expect(rec.json().errors[0].field).toBe('recommendation');
    for (const c of [a.finance, a.education, a.leader, a.deputy, a.citizen]) {
      expect(
        (await c.put(`/api/v1/budgets/${budgetId}/review/points/legality`, { findings: '合法。' }))
          .statusCode,
      ).toBe(403);
      expect(
        (await c.put(`/api/v1/budgets/${budgetId}/review/conclusion`, { recommendation: 'approve' }))
          .statusCode,
      ).toBe(403);
    }
    expect((await a.citizen.get(`/api/v1/budgets/${budgetId}/review/report.docx`)).statusCode).toBe(403);
    expect((await t.anon.get(`/api/v1/budgets/${budgetId}/review`)).statusCode).toBe(401);
  });
});
