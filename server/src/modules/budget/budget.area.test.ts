// A deputy's own area (片区): the rounds held in the streets of their mandate (or that invited them) with the
// warnings that concern the area — the lines its opinions were on and the late transfers to its streets; another
// area is refused. And the audit's findings listed for the unit they are addressed to (审计整改, 监督法 Art. 27).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { budgetActors, csv, uploadTo, type BudgetActors } from '../../../test/budget.fixture';
import { deputies, jurisdictions, mandates } from '../../../test/tables';

let t: TestEnv;
let a: BudgetActors;
let budgetId: string;
const street = { pinggang: newId(), xitou: newId() };
const dep = { zhou: newId(), huang: newId(), lin: newId() };
let zhou: TestClient;
let huang: TestClient;
let lin: TestClient;

beforeAll(async () => {
  t = await createTestEnv();
  a = await budgetActors(t);
  const db = t.services.db;
  await db.insert(jurisdictions).values([
    { id: street.pinggang, congressId: t.congressId, name: '平岗街道', level: 'street' },
    { id: street.xitou, congressId: t.congressId, name: '溪头街道', level: 'street' },
  ]);
  await db.insert(deputies).values([
    { id: dep.zhou, congressId: t.congressId, name: '周丽华', gender: 'female' },
    { id: dep.huang, congressId: t.congressId, name: '黄卫东', gender: 'male' },
    { id: dep.lin, congressId: t.congressId, name: '林志强', gender: 'male' },
  ]);
  await db.insert(mandates).values([
    {
      id: newId(),
      congressId: t.congressId,
      deputyId: dep.zhou,
      level: 'district',
      streetId: street.pinggang,
    },
    { id: newId(), congressId: t.congressId, deputyId: dep.huang, level: 'district', streetId: street.xitou },
  ]);
  zhou = await t.as('area-zhou', ['deputy'], { deputyId: dep.zhou });
  huang = await t.as('area-huang', ['deputy'], { deputyId: dep.huang });
  lin = await t.as('area-lin', ['deputy'], { deputyId: dep.lin });

  budgetId = (await a.staff.post('/api/v1/budgets', { year: 2032, sittingDate: '2032-01-08' })).json().id;
  await uploadTo(
    a.staff,
    `/api/v1/budgets/${budgetId}/lines:import`,
    csv([
      ['205', '教育支出', 'general', '9000000.00'],
      ['20502', '普通教育', 'general', '9000000.00'],
      ['212', '城乡社区支出', 'general', '5000000.00'],
      ['21203', '城乡社区公共设施', 'general', '5000000.00'],
      ['227', '预备费', 'general', '280000.00'],
    ]),
  );
  await a.staff.patch(`/api/v1/budgets/${budgetId}`, { approvedOn: '2032-01-10', publishedOn: '2032-01-20' });
  const round = async (area: string, streetId: string, deputyId: string, code: string, content: string) => {
    const res = await a.staff.post(`/api/v1/budgets/${budgetId}/consultation-rounds`, {
      area,
      streetIds: [streetId],
      heldOn: '2031-12-10',
      place: `${area}代表之家`,
      material: '2032年预算草案座谈材料。',
      invitees: [{ kind: 'deputy', deputyId }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const rid = res.json().id as string;
    const c = (await a.staff.get(`/api/v1/budgets/${budgetId}/consultation`)).json();
    const inviteeId = c.items.find((r: { id: string }) => r.id === rid).invitees[0].id;
    const op = await a.staff.post(`/api/v1/budget-consultation-rounds/${rid}/opinions`, {
      inviteeId,
      code,
      content,
    });
    expect(op.statusCode, op.body).toBe(201);
  };
  await round('平岗片区', street.pinggang, dep.lin, '20502', '片区学校扩班，普通教育经费应优先保障。');
  await round('溪头片区', street.xitou, dep.huang, '21203', '溪头老旧管网改造资金安排偏少。');
  const exec = await a.staff.post(`/api/v1/budgets/${budgetId}/execution:import`, {
    month: '2032-09',
    rows: [
      { code: '20502', amount: '9500000.00' },
      { code: '21203', amount: '5200000.00' },
    ],
  });
  expect(exec.statusCode, exec.body).toBe(201);
  for (const recipient of ['平岗街道', '溪头街道'])
    await a.staff.post(`/api/v1/budgets/${budgetId}/transfers`, {
      code: '2300201',
      recipient,
      kind: 'general',
      amount: '800000.00',
      issuedOn: '2032-03-01',
    });
});
afterAll(async () => t?.close());

const view = (c: TestClient, area?: string) =>
  c.get(`/api/v1/budgets/${budgetId}/area${area ? `?area=${encodeURIComponent(area)}` : ''}`);
const ruleCodes = (body: { warnings: { rule: string; code: string; name: string }[] }) =>
  body.warnings.map((w) => `${w.rule}:${w.code}:${w.name}`).sort();

describe('a deputy’s own area', () => {
  it('a deputy sees the rounds of their mandate’s streets and the warnings that concern the area only', async () => {
    const res = await view(zhou);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ areas: ['平岗片区'], area: '平岗片区', codes: ['20502'] });
    expect(body.streets.map((s: { name: string }) => s.name)).toEqual(['平岗街道']);
    expect(body.rounds).toHaveLength(1);
    expect(body.rounds[0].opinions[0].content).toContain('普通教育');
    expect(ruleCodes(body)).toEqual(['overBudget:20502:普通教育', 'transferLate:2300201:平岗街道']);
    const other = (await view(huang)).json();
    expect(other.area).toBe('溪头片区');
    expect(ruleCodes(other)).toEqual(['overBudget:21203:城乡社区公共设施', 'transferLate:2300201:溪头街道']);
    // Invited to a round without a mandate in its streets: that round's area is theirs too.
    expect((await view(lin)).json().areas).toEqual(['平岗片区']);
  });

  it('refuses a deputy another area, and roles with no area view; staff and leaders see any area', async () => {
    expect((await view(zhou, '溪头片区')).statusCode).toBe(403);
    expect((await view(huang, '平岗片区')).statusCode).toBe(403);
    // A deputy's account with no deputy record has no area.
    expect((await view(a.deputy)).statusCode).toBe(403);
    for (const c of [a.education, a.finance, a.citizen]) expect((await view(c)).statusCode).toBe(403);
    for (const c of [a.staff, a.leader]) {
      const res = await view(c, '溪头片区');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().areas).toEqual(['平岗片区', '溪头片区']);
      expect(ruleCodes(res.json())).toContain('overBudget:21203:城乡社区公共设施');
    }
    expect((await view(a.staff, '不存在片区')).json()).toMatchObject({ area: '不存在片区', warnings: [] });
  });
});

describe('the audit findings addressed to a unit', () => {
  it('a unit lists the findings addressed to it and rectifies them; staff and leaders list all; others are refused', async () => {
    const url = `/api/v1/budgets/${budgetId}/audit-findings`;
    const edu = await a.staff.post(url, {
      unitId: a.educationUnitId,
      finding: '部分学校课后服务经费未专账核算，涉及金额42.3万元。',
      amount: '423000.00',
    });
    expect(edu.statusCode, edu.body).toBe(201);
    await a.staff.post(url, { unitId: a.financeUnitId, finding: '部分转移支付资金未在规定时间内下达。' });
    await a.staff.patch(`/api/v1/budgets/${budgetId}/final-accounts`, { auditReportOn: '2033-08-28' });
    const mine = (await a.education.get('/api/v1/budget-audit-findings')).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      year: 2032,
      unit: { name: '区教育局' },
      amount: '423000.00',
      status: 'open',
      rectificationDeadline: '2034-02-28',
      abilities: { rectify: true },
    });
    const rect = await a.education.post(`/api/v1/budget-audit-findings/${mine.items[0].id}/rectification`, {
      measures: '已设立课后服务经费专账，并对2032年度经费重新核算。',
      status: 'rectifying',
    });
    expect(rect.statusCode, rect.body).toBe(200);
    const open = (await a.education.get('/api/v1/budget-audit-findings?status=open')).json();
    expect(open.items).toHaveLength(0);
    const finance = (await a.finance.get('/api/v1/budget-audit-findings')).json();
    expect(finance.items.map((f: { unit: { name: string } }) => f.unit.name)).toEqual(['区财政局']);
    for (const c of [a.staff, a.leader]) {
      const all = (await c.get(`/api/v1/budget-audit-findings?budgetId=${budgetId}`)).json();
      expect(all.items).toHaveLength(2);
    }
    expect((await a.leader.get('/api/v1/budget-audit-findings')).json().items[0].abilities.rectify).toBe(
      false,
    );
    for (const c of [a.deputy, a.citizen, zhou])
      expect((await c.get('/api/v1/budget-audit-findings')).statusCode).toBe(403);
    expect((await a.staff.get('/api/v1/budget-audit-findings?status=done')).statusCode).toBe(400);
  });
});
