// Execution and what follows from it: monthly figures from staff or the finance department (re-importing a month
// replaces its codes), the drill-down's executed and rate, the curve, the warnings evaluated from the data with
// their evidence, a warning put as an inquiry that the unit answers from its own account, and the investment list
// with its summary; every refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/platform.table';
import { createTestEnv, type TestEnv } from '../../../test/harness';
import { budgetActors, csv, uploadTo, type BudgetActors } from '../../../test/budget.fixture';
import { budgetExecution, budgetInquiries } from './budget.table';

let t: TestEnv;
let a: BudgetActors;
let id: string;

const lines = [
  ['205', '教育支出', 'general', '1200000.00'],
  ['20502', '普通教育', 'general', '1200000.00'],
  ['213', '农林水支出', 'general', '600000.00'],
  ['227', '预备费', 'general', '36000.00'],
  ['30215', '公务接待费', 'general', '80000.00'],
];

beforeAll(async () => {
  t = await createTestEnv();
  a = await budgetActors(t);
  id = (await a.staff.post('/api/v1/budgets', { year: 2030, sittingDate: '2030-01-08' })).json().id;
  const res = await uploadTo(a.staff, `/api/v1/budgets/${id}/lines:import`, csv(lines));
  expect(res.json().rejected).toEqual([]);
});
afterAll(async () => t?.close());

const execution = (month: string, rows: { code: string; amount: string }[]) => ({ month, rows });
const warnings = async () =>
  (await a.staff.get(`/api/v1/budgets/${id}/warnings`)).json().items as {
    rule: string;
    code: string;
    severity: string;
    evidence: Record<string, unknown>;
  }[];

describe('monthly execution', () => {
  it('staff and the finance department import a month; re-importing it replaces the codes listed, keeps the rest', async () => {
    const jan = await a.staff.post(
      `/api/v1/budgets/${id}/execution:import`,
      execution('2030-01', [
        { code: '2050201', amount: '100000.00' },
        { code: '213', amount: '50000.00' },
      ]),
    );
    expect(jan.statusCode, jan.body).toBe(201);
    const again = await a.finance.post(
      `/api/v1/budgets/${id}/execution:import`,
      execution('2030-01', [
        { code: '2050201', amount: '0.10' },
        { code: '2050201', amount: '0.10' },
        { code: '2050201', amount: '0.10' },
      ]),
    );
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ month: '2030-01', codes: 1, total: '0.30' });
    const rows = await t.services.db.select().from(budgetExecution).where(eq(budgetExecution.budgetId, id));
    expect(rows.map((r) => [r.code, r.month, r.amountFen]).sort()).toEqual([
      ['2050201', 1, 30n],
      ['213', 1, 5000000n],
    ]);
    const audit = await t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audit.filter((x) => x.action === 'budget.importExecution')).toHaveLength(2);
  });

  it('refuses another unit, leaders, deputies and citizens; a month outside the year, bad codes and amounts name their fields', async () => {
    const body = execution('2030-02', [{ code: '205', amount: '1.00' }]);
    for (const c of [a.education, a.leader, a.deputy, a.citizen])
      expect((await c.post(`/api/v1/budgets/${id}/execution:import`, body)).statusCode).toBe(403);
    const outside = await a.staff.post(
      `/api/v1/budgets/${id}/execution:import`,
      execution('2029-12', body.rows),
    );
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].field).toBe('month');
    const bad = await a.staff.post(`/api/v1/budgets/${id}/execution:import`, {
      month: '2030-13',
      rows: [{ code: '20A', amount: '-1' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['month', 'rows.0.code', 'rows.0.amount']),
    );
  });

  it('the drill-down shows what was spent on a line or below it, and the curve against the elapsed year', async () => {
    for (let m = 2; m <= 11; m++)
      await a.staff.post(
        `/api/v1/budgets/${id}/execution:import`,
        execution(`2030-${String(m).padStart(2, '0')}`, [
          { code: '2050201', amount: '30000.00' },
          { code: '213', amount: '50000.00' },
          ...(m === 6
            ? [
                { code: '30215', amount: '80000.50' },
                { code: '2240101', amount: '150000.00' },
              ]
            : []),
        ]),
      );
    const edu = (await a.staff.get(`/api/v1/budgets/${id}/lines?code=205`)).json().items;
    expect(edu[0]).toMatchObject({ code: '205', amount: '1200000.00', executed: '300000.30', rate: '25.0' });
    const curve = (await a.staff.get(`/api/v1/budgets/${id}/execution?code=205`)).json();
    expect(curve).toMatchObject({ budget: '1200000.00', executed: '300000.30' });
    expect(curve.items).toHaveLength(11);
    expect(curve.items[5]).toMatchObject({
      month: 6,
      spent: '30000.00',
      cumulative: '150000.30',
      rate: '12.5',
      elapsed: '50.0',
    });
  });
});

describe('warnings and inquiries', () => {
  it('evaluates the rules from the data: behind schedule, off-budget and 三公 over budget, with evidence', async () => {
    const w = await warnings();
    expect(w.map((x) => [x.rule, x.code]).sort()).toEqual([
      ['behindSchedule', '20502'],
      ['offBudget', '2240101'],
      ['sanGongOverBudget', '30215'],
    ]);
    expect(w.find((x) => x.rule === 'behindSchedule')!.evidence).toMatchObject({
      budget: '1200000.00',
      executed: '300000.30',
      rate: '25.0',
      month: 11,
      elapsed: '91.7',
    });
    expect(w.find((x) => x.rule === 'sanGongOverBudget')).toMatchObject({
      severity: 'high',
      evidence: { excess: '0.50' },
    });
    expect(w.find((x) => x.rule === 'offBudget')!.evidence).toMatchObject({ spent: '150000.00' });
    // 213 ran at 91.7% after 11 months: on schedule, no warning; the reserve is 36,000 of 1,800,000 (2%).
    expect((await a.deputy.get(`/api/v1/budgets/${id}/warnings`)).statusCode).toBe(200);
    expect((await a.citizen.get(`/api/v1/budgets/${id}/warnings`)).statusCode).toBe(403);
  });

  it('a warning becomes an inquiry to the unit with a deadline; the unit answers from its account, once', async () => {
    const res = await a.staff.post(`/api/v1/budgets/${id}/inquiries`, {
      rule: 'behindSchedule',
      code: '20502',
      unitId: a.educationUnitId,
      question: '普通教育支出执行进度明显落后于序时进度，请说明原因及下一步措施。',
    });
    expect(res.statusCode, res.body).toBe(201);
    const inquiryId = res.json().id;
    const mine = (await a.education.get('/api/v1/budget-inquiries')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      rule: 'behindSchedule',
      code: '20502',
      status: 'open',
      evidence: { rate: '25.0', name: '普通教育' },
      abilities: { answer: true },
    });
    expect((await a.finance.get('/api/v1/budget-inquiries')).json().items).toEqual([]);
    // Another unit and staff may not answer it.
    for (const c of [a.finance, a.staff, a.leader])
      expect(
        (await c.post(`/api/v1/budget-inquiries/${inquiryId}/answer`, { answer: '说明' })).statusCode,
      ).toBe(403);
    const answer = await a.education.post(`/api/v1/budget-inquiries/${inquiryId}/answer`, {
      answer: '受校舍维修项目招标延期影响，预计12月完成支付。',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const seen = (await a.staff.get(`/api/v1/budget-inquiries?budgetId=${id}`)).json().items[0];
    expect(seen).toMatchObject({
      status: 'answered',
      answer: '受校舍维修项目招标延期影响，预计12月完成支付。',
    });
    const twice = await a.education.post(`/api/v1/budget-inquiries/${inquiryId}/answer`, { answer: '再次' });
    expect(twice.statusCode).toBe(409);
    const audit = await t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, inquiryId));
    expect(audit.map((x) => x.action)).toEqual(['budgetInquiry.create', 'budgetInquiry.answer']);
  });

  it('refuses an inquiry on a warning that does not hold, to an unknown unit, with a past deadline, or by another role', async () => {
    const base = { rule: 'overBudget', code: '213', unitId: a.financeUnitId, question: '请说明' };
    expect((await a.staff.post(`/api/v1/budgets/${id}/inquiries`, base)).statusCode).toBe(409);
    const unknown = await a.staff.post(`/api/v1/budgets/${id}/inquiries`, {
      ...base,
      rule: 'offBudget',
      code: '2240101',
      unitId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('unitId');
    const past = await a.staff.post(`/api/v1/budgets/${id}/inquiries`, {
      ...base,
      rule: 'offBudget',
      code: '2240101',
      deadline: '2020-01-01',
    });
    expect(past.json().errors[0].field).toBe('deadline');
    for (const c of [a.finance, a.education, a.leader, a.deputy])
      expect(
        (await c.post(`/api/v1/budgets/${id}/inquiries`, { ...base, rule: 'offBudget', code: '2240101' }))
          .statusCode,
      ).toBe(403);
    expect((await a.citizen.get('/api/v1/budget-inquiries')).statusCode).toBe(403);
    const rows = await t.services.db.select().from(budgetInquiries).where(eq(budgetInquiries.budgetId, id));
    expect(rows).toHaveLength(1);
  });
});

describe('the investment pre-arrangement list', () => {
  it('adds projects (staff only) and sums them, urgent ones apart, exactly', async () => {
    const add = (name: string, amount: string, urgent: boolean, category = '教育') =>
      a.staff.post(`/api/v1/budgets/${id}/investment-projects`, {
        name,
        unit: '区教育局',
        amount,
        urgent,
        category,
      });
    expect((await add('东岭第三小学扩建工程', '18500000.10', true)).statusCode).toBe(201);
    expect((await add('北岸片区雨污分流改造', '42000000.10', true, '水务')).statusCode).toBe(201);
    expect((await add('文体中心前期研究', '1200000.10', false, '文体')).statusCode).toBe(201);
    const s = (await a.leader.get(`/api/v1/budgets/${id}/investment-projects/summary`)).json();
    expect(s).toMatchObject({ count: 3, urgentCount: 2, urgentAmount: '60500000.20', amount: '61700000.30' });
    expect(s.byCategory[0]).toMatchObject({ key: '水务', count: 1, amount: '42000000.10' });
    const list = (await a.deputy.get(`/api/v1/budgets/${id}/investment-projects?urgent=true`)).json();
    expect(list.items.map((p: { name: string }) => p.name)).toEqual([
      '东岭第三小学扩建工程',
      '北岸片区雨污分流改造',
    ]);
    for (const c of [a.finance, a.education, a.leader, a.deputy]) {
      const res = await c.post(`/api/v1/budgets/${id}/investment-projects`, {
        name: 'x',
        unit: 'y',
        amount: '1.00',
        urgent: false,
      });
      expect(res.statusCode).toBe(403);
    }
    const bad = await a.staff.post(`/api/v1/budgets/${id}/investment-projects`, {
      name: '',
      unit: 'y',
      amount: '1.001',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['name', 'amount', 'urgent']),
    );
  });
});
