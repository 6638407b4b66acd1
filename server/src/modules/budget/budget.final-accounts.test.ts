// The final accounts and the audit: compiled by the approved budget's headings with budgeted, adjusted (approved
// adjustments only) and actual amounts (监督法 Art. 19), a submission outside June–September flagged, the 12 points
// of 预算法 Art. 79, and audit findings tracked to rectification by their unit with the six-month report (Art. 27).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/platform.table';
import { createTestEnv, type TestEnv } from '../../../test/harness';
import { budgetActors, csv, uploadTo, type BudgetActors } from '../../../test/budget.fixture';

let t: TestEnv;
let a: BudgetActors;
let id: string;

beforeAll(async () => {
  t = await createTestEnv();
  a = await budgetActors(t);
  id = (await a.staff.post('/api/v1/budgets', { year: 2024, sittingDate: '2024-01-08' })).json().id;
  await uploadTo(
    a.staff,
    `/api/v1/budgets/${id}/lines:import`,
    csv([
      ['205', '教育支出', 'general', '9000000.00'],
      ['20502', '普通教育', 'general', '9000000.00'],
      ['2050201', '学前教育', 'general', '3000000.00'],
      ['2050202', '小学教育', 'general', '6000000.00'],
      ['224', '灾害防治及应急管理支出', 'general', '1000000.00'],
    ]),
  );
  await a.staff.patch(`/api/v1/budgets/${id}`, { approvedOn: '2024-01-10', publishedOn: '2024-01-20' });
  for (const [month, rows] of [
    [
      '2024-03',
      [
        { code: '2050201', amount: '1000000.10' },
        { code: '224', amount: '700000.00' },
      ],
    ],
    [
      '2024-09',
      [
        { code: '2050202', amount: '5500000.00' },
        { code: '224', amount: '600000.00' },
      ],
    ],
  ] as const)
    await a.staff.post(`/api/v1/budgets/${id}/execution:import`, { month, rows });
  const plan = (change: string) => ({
    title: '应急管理预算调整',
    grounds: ['expenditureIncrease'],
    meetingDate: '2024-06-28',
    planSubmittedOn: '2024-05-27',
    lines: [{ budget: 'general', code: '224', change }],
  });
  const approved = (await a.staff.post(`/api/v1/budgets/${id}/adjustments`, plan('400000.00'))).json().id;
  await a.staff.post(`/api/v1/budget-adjustments/${approved}/decision`, {
    decision: 'approved',
    decidedOn: '2024-06-28',
  });
  await a.staff.post(`/api/v1/budgets/${id}/adjustments`, plan('900000.00')); // never decided: not counted
});
afterAll(async () => t?.close());

describe('final accounts', () => {
  it('shows budgeted, adjusted (approved adjustments only) and actual by heading, exactly', async () => {
    const fa = (await a.deputy.get(`/api/v1/budgets/${id}/final-accounts`)).json();
    const row = (code: string) => fa.headings.find((h: { code: string }) => h.code === code);
    expect(row('224')).toMatchObject({
      budgeted: '1000000.00',
      adjusted: '1400000.00',
      actual: '1300000.00',
    });
    expect(row('205')).toMatchObject({
      budgeted: '9000000.00',
      adjusted: '9000000.00',
      actual: '6500000.10',
    });
    expect(row('2050201')).toMatchObject({ actual: '1000000.10', rate: '33.3' });
    expect(fa.points).toHaveLength(12);
    expect(fa).toMatchObject({ submittedOn: null, rectificationDeadline: null, auditFindings: [] });
  });

  it('flags a draft outside June–September and a rectification report later than six months; refuses other roles', async () => {
    const bad = await a.staff.patch(`/api/v1/budgets/${id}/final-accounts`, { submittedOn: '2024-12-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('submittedOn');
    const ok = await a.staff.patch(`/api/v1/budgets/${id}/final-accounts`, {
      submittedOn: '2025-10-08',
      auditReportOn: '2025-08-31',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    let fa = (await a.staff.get(`/api/v1/budgets/${id}/final-accounts`)).json();
    expect(fa).toMatchObject({ submittedOutOfWindow: true, rectificationDeadline: '2026-02-28' });
    const early = await a.staff.patch(`/api/v1/budgets/${id}/final-accounts`, {
      rectificationHeardOn: '2025-08-01',
    });
    expect(early.json().errors[0].field).toBe('rectificationHeardOn');
    await a.staff.patch(`/api/v1/budgets/${id}/final-accounts`, { rectificationHeardOn: '2026-03-02' });
    fa = (await a.staff.get(`/api/v1/budgets/${id}/final-accounts`)).json();
    expect(fa.rectificationReportLate).toBe(true);
    expect(
      (
        await a.staff.put(`/api/v1/budgets/${id}/final-accounts/points/reserveFund`, {
          findings: '预备费使用规范。',
        })
      ).statusCode,
    ).toBe(200);
    fa = (await a.staff.get(`/api/v1/budgets/${id}/final-accounts`)).json();
    expect(fa.points.find((p: { point: string }) => p.point === 'reserveFund').findings).toBe(
      '预备费使用规范。',
    );
    for (const c of [a.finance, a.education, a.leader, a.deputy]) {
      expect(
        (await c.patch(`/api/v1/budgets/${id}/final-accounts`, { approvedOn: '2025-10-20' })).statusCode,
      ).toBe(403);
      expect(
        (await c.put(`/api/v1/budgets/${id}/final-accounts/points/debt`, { findings: '债务。' })).statusCode,
      ).toBe(403);
    }
    expect((await a.citizen.get(`/api/v1/budgets/${id}/final-accounts`)).statusCode).toBe(403);
  });

  it('tracks an audit finding to rectification by its own unit, overdue past six months until rectified', async () => {
    const res = await a.staff.post(`/api/v1/budgets/${id}/audit-findings`, {
      unitId: a.educationUnitId,
      finding: '部分学校食堂采购未履行政府采购程序，涉及金额128.6万元。',
      amount: '1286000.00',
    });
    expect(res.statusCode, res.body).toBe(201);
    const fid = res.json().id;
    let f = (await a.staff.get(`/api/v1/budgets/${id}/final-accounts`)).json().auditFindings[0];
    expect(f).toMatchObject({ unit: { name: '区教育局' }, status: 'open', overdue: true });
    const url = `/api/v1/budget-audit-findings/${fid}/rectification`;
    const body = { measures: '已重新组织公开招标，并约谈相关学校负责人。', status: 'rectifying' };
    for (const c of [a.finance, a.leader, a.deputy]) expect((await c.post(url, body)).statusCode).toBe(403);
    expect((await a.education.post(url, body)).statusCode).toBe(200);
    const noDay = await a.education.post(url, { ...body, status: 'rectified' });
    expect(noDay.json().errors[0].field).toBe('rectifiedOn');
    expect(
      (await a.education.post(url, { ...body, status: 'rectified', rectifiedOn: '2026-01-15' })).statusCode,
    ).toBe(200);
    expect((await a.education.post(url, body)).statusCode).toBe(409);
    f = (await a.staff.get(`/api/v1/budgets/${id}/final-accounts`)).json().auditFindings[0];
    expect(f).toMatchObject({ status: 'rectified', overdue: false, rectifiedOn: '2026-01-15' });
    const audit = await t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, fid));
    expect(audit.map((x) => x.action)).toEqual([
      'budget.recordAuditFinding',
      'budget.rectifyAuditFinding',
      'budget.rectifyAuditFinding',
    ]);
    const unknown = await a.staff.post(`/api/v1/budgets/${id}/audit-findings`, {
      unitId: '00000000-0000-4000-8000-000000000000',
      finding: 'x',
    });
    expect(unknown.json().errors[0].field).toBe('unitId');
    expect(
      (
        await a.finance.post(`/api/v1/budgets/${id}/audit-findings`, {
          unitId: a.educationUnitId,
          finding: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });
});
