// What changes a budget year after the draft: stored transfers make transferLate hold (Art. 52, 30 / 60 days),
// stored carry-overs make carryOverIdle hold (Art. 42), urgent projects are released before approval on an
// Art. 54 ground and spending before approval is read against last year's same months, and adjustment plans
// (Art. 67–69) are put with their line changes and decided once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/platform.table';
import { createTestEnv, type TestEnv } from '../../../test/harness';
import { budgetActors, csv, uploadTo, type BudgetActors } from '../../../test/budget.fixture';
import { budgetAdjustments, budgetTransfers } from './budget.table';

let t: TestEnv;
let a: BudgetActors;

beforeAll(async () => {
  t = await createTestEnv();
  a = await budgetActors(t);
});
afterAll(async () => t?.close());

const auditOf = (entityId: string) =>
  t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));

async function budget(year: number, approvedOn?: string) {
  const id = (await a.staff.post('/api/v1/budgets', { year, sittingDate: `${year}-01-08` })).json()
    .id as string;
  await uploadTo(
    a.staff,
    `/api/v1/budgets/${id}/lines:import`,
    csv([
      ['212', '城乡社区支出', 'general', '5000000.00'],
      ['21203', '城乡社区公共设施', 'general', '5000000.00'],
      ['227', '预备费', 'general', '100000.00'],
    ]),
  );
  if (approvedOn) await a.staff.patch(`/api/v1/budgets/${id}`, { approvedOn, publishedOn: approvedOn });
  return id;
}

const warningsOf = async (id: string, rule: string) =>
  (await a.staff.get(`/api/v1/budgets/${id}/warnings`))
    .json()
    .items.filter((w: { rule: string }) => w.rule === rule);

describe('transfers and carry-overs', () => {
  it('a transfer issued after its 30 or 60 days, or not issued past them, is a transferLate warning', async () => {
    const id = await budget(2024, '2024-01-10');
    const base = { code: '2300201', recipient: '坂湖镇', purpose: '基层运转保障', amount: '3000000.00' };
    const rec = async (body: object) => {
      const res = await a.finance.post(`/api/v1/budgets/${id}/transfers`, { ...base, ...body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    await rec({ kind: 'general', issuedOn: '2024-02-09' }); // day 30: on time
    await rec({ kind: 'general', issuedOn: '2024-02-10', recipient: '溪头镇' }); // day 31: late
    await rec({ kind: 'special', issuedOn: '2024-03-10', recipient: '平岗镇' }); // day 60: on time
    const pending = await rec({ kind: 'special', issuedOn: null, recipient: '南岗镇' }); // never issued: late now
    const late = await warningsOf(id, 'transferLate');
    expect(late.map((w: { name: string }) => w.name)).toEqual(['溪头镇', '南岗镇']);
    expect(late[0].evidence).toMatchObject({
      kind: 'general',
      deadline: '2024-02-09',
      issuedOn: '2024-02-10',
    });
    const list = (await a.deputy.get(`/api/v1/budgets/${id}/transfers`)).json().items;
    expect(list.map((x: { late: boolean }) => x.late)).toEqual([false, true, false, true]);
    // Issued once; a second issue is a 409, a day before approval a 400.
    const early = await a.finance.post(`/api/v1/budget-transfers/${pending}/issue`, {
      issuedOn: '2024-01-02',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('issuedOn');
    expect(
      (await a.finance.post(`/api/v1/budget-transfers/${pending}/issue`, { issuedOn: '2024-04-01' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await a.finance.post(`/api/v1/budget-transfers/${pending}/issue`, { issuedOn: '2024-04-02' }))
        .statusCode,
    ).toBe(409);
    expect((await auditOf(pending)).map((x) => x.action)).toEqual([
      'budget.recordTransfer',
      'budget.issueTransfer',
    ]);
    for (const c of [a.education, a.leader, a.deputy, a.citizen])
      expect((await c.post(`/api/v1/budgets/${id}/transfers`, { ...base, kind: 'general' })).statusCode).toBe(
        403,
      );
    const bad = await a.staff.post(`/api/v1/budgets/${id}/transfers`, {
      ...base,
      kind: 'block',
      amount: '-1',
    });
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['kind', 'amount']),
    );
    expect(
      await t.services.db.select().from(budgetTransfers).where(eq(budgetTransfers.budgetId, id)),
    ).toHaveLength(4);
  });

  it('a carry-over unused for two years is carryOverIdle; one from last year, or spent, is not', async () => {
    const id = await budget(2025, '2025-01-10');
    const rec = (body: object) =>
      a.staff.post(`/api/v1/budgets/${id}/carry-overs`, { code: '21203', name: '社区公园提升结转', ...body });
    const old = await rec({ fromYear: 2023, amount: '800000.00', unused: '800000.00' });
    expect(old.statusCode, old.body).toBe(201);
    expect((await rec({ fromYear: 2024, amount: '500000.00', unused: '500000.00' })).statusCode).toBe(201);
    const idle = await warningsOf(id, 'carryOverIdle');
    expect(idle).toEqual([
      expect.objectContaining({
        code: '21203',
        name: '社区公园提升结转',
        evidence: { fromYear: 2023, unused: '800000.00' },
      }),
    ]);
    const spent = await a.finance.patch(`/api/v1/budget-carry-overs/${old.json().id}`, { unused: '0.00' });
    expect(spent.statusCode, spent.body).toBe(200);
    expect(await warningsOf(id, 'carryOverIdle')).toEqual([]);
    const over = await a.finance.patch(`/api/v1/budget-carry-overs/${old.json().id}`, {
      unused: '900000.00',
    });
    expect(over.json().errors[0].field).toBe('unused');
    expect((await rec({ fromYear: 2025, amount: '1.00', unused: '1.00' })).json().errors[0].field).toBe(
      'fromYear',
    );
    for (const c of [a.education, a.leader, a.deputy, a.citizen])
      expect(
        (
          await c.post(`/api/v1/budgets/${id}/carry-overs`, {
            code: '21203',
            name: 'x',
            fromYear: 2023,
            amount: '1.00',
            unused: '1.00',
          })
        ).statusCode,
      ).toBe(403);
  });
});

describe('spending before approval and urgent projects released early (Art. 54)', () => {
  it('releases an urgent project once on a ground, refuses a project not urgent, and reads January against last year', async () => {
    const last = await budget(2026, '2026-01-09');
    const id = await budget(2027, '2027-01-12');
    await a.staff.post(`/api/v1/budgets/${last}/execution:import`, {
      month: '2026-01',
      rows: [{ code: '21203', amount: '300000.00' }],
    });
    await a.staff.post(`/api/v1/budgets/${id}/execution:import`, {
      month: '2027-01',
      rows: [{ code: '21203', amount: '300000.01' }],
    });
    const add = async (urgent: boolean) =>
      (
        await a.staff.post(`/api/v1/budgets/${id}/investment-projects`, {
          name: urgent ? '平岗片区雨污分流管网完善工程' : '平岗文体中心改造',
          unit: urgent ? '区水务局' : '区文化广电旅游体育局',
          amount: '12000000.00',
          urgent,
        })
      ).json().id as string;
    const urgent = await add(true);
    const plain = await add(false);
    const release = (pid: string, body: object) =>
      a.staff.post(`/api/v1/budget-investment-projects/${pid}/release`, {
        releasedOn: '2027-01-05',
        basis: 'necessaryPriorLevel',
        note: '汛期前须完工',
        ...body,
      });
    expect((await release(plain, {})).statusCode).toBe(409);
    expect((await release(urgent, { releasedOn: '2027-01-12' })).json().errors[0].field).toBe('releasedOn');
    expect((await release(urgent, { basis: 'friendship' })).json().errors[0].field).toBe('basis');
    for (const c of [a.finance, a.leader, a.deputy])
      expect(
        (
          await c.post(`/api/v1/budget-investment-projects/${urgent}/release`, {
            releasedOn: '2027-01-05',
            basis: 'necessaryPriorLevel',
          })
        ).statusCode,
      ).toBe(403);
    const ok = await release(urgent, {});
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await release(urgent, {})).statusCode).toBe(409);
    const summary = (await a.staff.get(`/api/v1/budgets/${id}/investment-projects/summary`)).json();
    expect(summary).toMatchObject({ urgentCount: 1, releasedCount: 1, releasedAmount: '12000000.00' });
    const pre = (await a.leader.get(`/api/v1/budgets/${id}/pre-approval`)).json();
    expect(pre).toMatchObject({ months: 1, thisYear: '300000.01', lastYear: '300000.00' });
    expect(pre.classes).toEqual([
      { code: '212', name: '城乡社区支出', thisYear: '300000.01', lastYear: '300000.00', above: true },
    ]);
    expect(pre.releases.byBasis.find((b: { basis: string }) => b.basis === 'necessaryPriorLevel')).toEqual({
      basis: 'necessaryPriorLevel',
      count: 1,
      amount: '12000000.00',
    });
  });
});

describe('budget adjustments (Art. 67–69)', () => {
  it('puts a plan with its line changes, flags a preliminary plan later than 30 days, and is decided once', async () => {
    const id = await budget(2028, '2028-01-10');
    const plan = {
      title: '关于2028年区本级预算调整方案',
      grounds: ['expenditureIncrease', 'borrowingIncrease'],
      reason: '新增专项债券用于老旧小区改造。',
      meetingDate: '2028-08-28',
      planSubmittedOn: '2028-08-01',
      lines: [
        { budget: 'general', code: '21203', change: '1500000.50' },
        { budget: 'general', code: '227', change: '-20000.00' },
      ],
    };
    const res = await a.finance.post(`/api/v1/budgets/${id}/adjustments`, plan);
    expect(res.statusCode, res.body).toBe(201);
    const list = (await a.deputy.get(`/api/v1/budgets/${id}/adjustments`)).json().items;
    expect(list[0]).toMatchObject({
      status: 'submitted',
      planDeadline: '2028-07-29',
      planLate: true,
      net: '1480000.50',
      lines: [
        { budget: 'general', code: '21203', change: '1500000.50' },
        { budget: 'general', code: '227', change: '-20000.00' },
      ],
    });
    const cut = await a.staff.post(`/api/v1/budgets/${id}/adjustments`, {
      ...plan,
      lines: [{ budget: 'general', code: '227', change: '-100000.01' }],
    });
    expect(cut.json().errors[0].field).toBe('lines.0.change');
    const none = await a.staff.post(`/api/v1/budgets/${id}/adjustments`, { ...plan, grounds: [] });
    expect(none.json().errors[0].field).toBe('grounds');
    const url = `/api/v1/budget-adjustments/${res.json().id}/decision`;
    expect((await a.finance.post(url, { decision: 'approved', decidedOn: '2028-08-28' })).statusCode).toBe(
      403,
    );
    expect((await a.staff.post(url, { decision: 'approved', decidedOn: '2028-08-27' })).statusCode).toBe(400);
    expect((await a.staff.post(url, { decision: 'approved', decidedOn: '2028-08-28' })).statusCode).toBe(200);
    expect((await a.staff.post(url, { decision: 'rejected', decidedOn: '2028-08-29' })).statusCode).toBe(409);
    expect((await auditOf(res.json().id)).map((x) => x.action)).toEqual([
      'budget.submitAdjustment',
      'budget.decideAdjustment',
    ]);
    expect(
      await t.services.db.select().from(budgetAdjustments).where(eq(budgetAdjustments.budgetId, id)),
    ).toHaveLength(1);
    const unapproved = await budget(2029);
    expect(
      (await a.staff.post(`/api/v1/budgets/${unapproved}/adjustments`, plan)).json().errors[0].field,
    ).toBe('meetingDate');
  });

  it('after an approved adjustment the rules read the adjusted budget: the overspent line is no longer over, the new line no longer off-budget', async () => {
    const id = await budget(2030, '2030-01-10');
    const rows = [
      { code: '21203', amount: '5600000.00' },
      { code: '2130101', amount: '300000.00' },
    ];
    expect(
      (await a.staff.post(`/api/v1/budgets/${id}/execution:import`, { month: '2030-09', rows })).statusCode,
    ).toBe(201);
    const codesOf = async (rule: string) => (await warningsOf(id, rule)).map((w: { code: string }) => w.code);
    expect(await codesOf('overBudget')).toEqual(['21203']);
    expect(await codesOf('offBudget')).toEqual(['2130101']);
    const plan = {
      title: '关于2030年区本级预算调整方案',
      grounds: ['expenditureIncrease'],
      reason: '老旧小区改造和城乡社区环境卫生支出增加。',
      meetingDate: '2030-08-27',
      planSubmittedOn: '2030-07-20',
      lines: [
        { budget: 'general', code: '21203', change: '600000.00' },
        { budget: 'general', code: '2130101', change: '300000.00' },
      ],
    };
    const adj = await a.staff.post(`/api/v1/budgets/${id}/adjustments`, plan);
    expect(adj.statusCode, adj.body).toBe(201);
    // Submitted, not yet approved: the original budget still holds.
    expect(await codesOf('overBudget')).toEqual(['21203']);
    const url = `/api/v1/budget-adjustments/${adj.json().id}/decision`;
    expect((await a.staff.post(url, { decision: 'approved', decidedOn: '2030-08-27' })).statusCode).toBe(200);
    expect(await codesOf('overBudget')).toEqual([]);
    expect(await codesOf('offBudget')).toEqual([]);
    // One fen above the adjusted line is over again.
    await a.staff.post(`/api/v1/budgets/${id}/execution:import`, {
      month: '2030-10',
      rows: [{ code: '21203', amount: '0.01' }],
    });
    const over = await warningsOf(id, 'overBudget');
    expect(over.map((w: { code: string }) => w.code)).toEqual(['21203']);
    expect(over[0].evidence).toMatchObject({ budget: '5600000.00', excess: '0.01' });
  });

  it('a rejected adjustment leaves the original budget for the rules', async () => {
    const id = await budget(2031, '2031-01-10');
    await a.staff.post(`/api/v1/budgets/${id}/execution:import`, {
      month: '2031-09',
      rows: [{ code: '21203', amount: '5000000.01' }],
    });
    const adj = await a.staff.post(`/api/v1/budgets/${id}/adjustments`, {
      title: '关于2031年区本级预算调整方案',
      grounds: ['expenditureIncrease'],
      reason: '城乡社区公共设施维护支出增加。',
      meetingDate: '2031-08-26',
      planSubmittedOn: '2031-07-20',
      lines: [{ budget: 'general', code: '21203', change: '10000.00' }],
    });
    await a.staff.post(`/api/v1/budget-adjustments/${adj.json().id}/decision`, {
      decision: 'rejected',
      decidedOn: '2031-08-26',
    });
    expect((await warningsOf(id, 'overBudget')).map((w: { code: string }) => w.code)).toEqual(['21203']);
  });
});
