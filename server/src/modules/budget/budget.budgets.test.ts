// Budget years and their draft lines: creating one per year (a second is a 409), the roles that may not, the
// draft imported from .csv and .xlsx with each bad row reported (malformed code, unknown budget, negative or
// malformed amount, parent not the sum of its children) and fixed by a re-import, the drill-down by code prefix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/platform.table';
import { createTestEnv, type TestEnv } from '../../../test/harness';
import { budgetActors, csv, uploadTo, xlsx, type BudgetActors } from '../../../test/budget.fixture';
import { budgetLines, budgets } from './budget.table';

let t: TestEnv;
let a: BudgetActors;

beforeAll(async () => {
  t = await createTestEnv();
  a = await budgetActors(t);
});
afterAll(async () => t?.close());

const auditOf = (entityId: string) =>
  t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));

async function newBudget(year: number) {
  const res = await a.staff.post('/api/v1/budgets', { year, sittingDate: `${year}-01-08` });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('creating a budget year', () => {
  it('creates one per year with the finance department linked; a second for the same year is a 409', async () => {
    const res = await a.staff.post('/api/v1/budgets', { year: 2031, sittingDate: '2031-01-08' });
    expect(res.statusCode, res.body).toBe(201);
    expect(Object.keys(res.json())).toEqual(['id']);
    const b = (await a.staff.get(`/api/v1/budgets/${res.json().id}`)).json();
    expect(b).toMatchObject({
      year: 2031,
      sittingDate: '2031-01-08',
      draftDeadline: '2030-12-09',
      financeUnit: { id: a.financeUnitId, name: '区财政局' },
      total: '0.00',
      abilities: { importLines: true, importExecution: true, createInquiry: true },
    });
    expect((await auditOf(res.json().id)).map((x) => x.action)).toEqual(['budget.create']);
    const again = await a.staff.post('/api/v1/budgets', { year: 2031, sittingDate: '2031-01-15' });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json()).toMatchObject({ code: 'budget_exists', id: res.json().id });
    expect(await t.services.db.select().from(budgets).where(eq(budgets.year, 2031))).toHaveLength(1);
  });

  it('refuses bad input naming the fields, and a sitting after the budget year', async () => {
    const bad = await a.staff.post('/api/v1/budgets', { year: 'x', sittingDate: '2031-13-01' });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['year', 'sittingDate']));
    const late = await a.staff.post('/api/v1/budgets', { year: 2032, sittingDate: '2033-01-08' });
    expect(late.statusCode).toBe(400);
    expect(late.json().errors[0].field).toBe('sittingDate');
  });

  it('refuses every role but congress staff; the finance unit, leaders and deputies read, a citizen and another unit do not', async () => {
    for (const c of [a.finance, a.education, a.leader, a.deputy, a.citizen]) {
      const res = await c.post('/api/v1/budgets', { year: 2040, sittingDate: '2040-01-08' });
      expect(res.statusCode).toBe(403);
    }
    expect((await t.anon.post('/api/v1/budgets', { year: 2040, sittingDate: '2040-01-08' })).statusCode).toBe(
      401,
    );
    const id = await newBudget(2041);
    for (const c of [a.staff, a.finance, a.leader, a.deputy])
      expect((await c.get(`/api/v1/budgets/${id}`)).statusCode).toBe(200);
    for (const c of [a.education, a.citizen])
      expect((await c.get(`/api/v1/budgets/${id}`)).statusCode).toBe(403);
    expect((await a.finance.get('/api/v1/budgets')).json().items.map((b: { id: string }) => b.id)).toContain(
      id,
    );
    expect((await a.education.get('/api/v1/budgets')).json().items).toEqual([]);
    expect((await a.citizen.get('/api/v1/budgets')).statusCode).toBe(403);
  });

  it('records the draft’s submission, approval and publication; a late draft is flagged (Art. 44)', async () => {
    const id = await newBudget(2042);
    const res = await a.staff.patch(`/api/v1/budgets/${id}`, {
      draftSubmittedOn: '2041-12-10',
      approvedOn: '2042-01-10',
    });
    expect(res.statusCode, res.body).toBe(200);
    const b = (await a.staff.get(`/api/v1/budgets/${id}`)).json();
    expect(b).toMatchObject({ draftDeadline: '2041-12-09', draftLate: true, approvedOn: '2042-01-10' });
    expect(b.publicationDeadline >= '2042-01-30').toBe(true);
    expect((await a.finance.patch(`/api/v1/budgets/${id}`, { publishedOn: '2042-01-20' })).statusCode).toBe(
      403,
    );
    const bad = await a.staff.patch(`/api/v1/budgets/${id}`, {
      approvedOn: '2042-01-10',
      publishedOn: '2042-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('publishedOn');
    expect((await auditOf(id)).map((x) => x.action)).toEqual(['budget.create', 'budget.updateDates']);
  });
});

describe('importing the draft’s lines', () => {
  const draft = [
    ['201', '一般公共服务支出', 'general', '3000000.00'],
    ['20101', '人大事务', 'general', '1000000.00'],
    ['20103', '政府办公厅（室）及相关机构事务', 'general', '2000000.00'],
    ['205', '教育支出', 'general', '9000000.00'],
    ['20502', '普通教育', 'general', '9000000.00'],
    ['2050201', '学前教育', 'general', '2000000.00'],
    ['2050202', '小学教育', 'general', '4000000.00'],
    ['2050203', '初中教育', 'general', '3000000.00'],
    ['227', '预备费', 'general', '200000.00'],
    ['212', '城乡社区支出', 'governmentFund', '5000000.00'],
  ];

  it('imports a good .csv, then reads the lines under a code prefix with executed 0 and rate', async () => {
    const id = await newBudget(2033);
    const res = await uploadTo(a.staff, `/api/v1/budgets/${id}/lines:import`, csv(draft));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 10, rejected: [] });
    const lines = (await a.staff.get(`/api/v1/budgets/${id}/lines?code=205`)).json();
    expect(lines.items.map((l: { code: string }) => l.code)).toEqual([
      '205',
      '20502',
      '2050201',
      '2050202',
      '2050203',
    ]);
    expect(lines.items[0]).toEqual({
      code: '205',
      name: '教育支出',
      budget: 'general',
      amount: '9000000.00',
      executed: '0.00',
      rate: '0.0',
    });
    expect(lines.nextCursor).toBeNull();
    const classes = (await a.staff.get(`/api/v1/budgets/${id}/lines?level=class`)).json();
    expect(classes.items.map((l: { code: string }) => l.code)).toEqual(['201', '205', '212', '227']);
    const paged = (await a.staff.get(`/api/v1/budgets/${id}/lines?limit=3`)).json();
    expect(paged.items).toHaveLength(3);
    const rest = (
      await a.staff.get(`/api/v1/budgets/${id}/lines?limit=50&cursor=${paged.nextCursor}`)
    ).json();
    expect(rest.items[0].code).toBe('205');
    expect((await a.staff.get(`/api/v1/budgets/${id}`)).json().totals).toMatchObject({
      general: '12200000.00',
      governmentFund: '5000000.00',
    });
    expect((await auditOf(id)).map((x) => x.action)).toEqual(['budget.create', 'budget.importLines']);
  });

  it('reports each bad row of an .xlsx with its reason, imports the rest, and a fixed re-import completes it', async () => {
    const id = await newBudget(2034);
    const rows = draft.map((r) => [...r]);
    rows[2] = ['2010', '政府办公厅（室）及相关机构事务', 'general', '2000000.00']; // row 4: malformed code
    rows[6] = ['2050202', '小学教育', 'general', '-4000000.00']; // row 8: negative amount
    rows.push(['208', '社会保障和就业支出', 'pension', '100.00']); // row 12: unknown budget
    rows.push(['213', '农林水支出', 'general', '12.345']); // row 13: three decimals
    const res = await uploadTo(a.staff, `/api/v1/budgets/${id}/lines:import`, await xlsx(rows), 'draft.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.rejected.map((r: { row: number; reason: string }) => [r.row, r.reason])).toEqual([
      [2, 'parentTotal'], // 201 is 3,000,000 but its only child left in the file is 1,000,000
      [4, 'malformedCode'],
      [6, 'parentTotal'], // 20502 is 9,000,000 but its children left sum to 5,000,000
      [8, 'malformedAmount'],
      [12, 'unknownBudget'],
      [13, 'malformedAmount'],
    ]);
    expect(body.rejected[1]).toMatchObject({
      field: 'code',
      message: { zh: expect.any(String), en: expect.any(String) },
    });
    expect(body.imported).toBe(draft.length - 4);
    // Fixed and imported again: every line is in, none twice.
    const fixed = await uploadTo(a.staff, `/api/v1/budgets/${id}/lines:import`, csv(draft));
    expect(fixed.json()).toEqual({ imported: 10, rejected: [] });
    expect(await t.services.db.select().from(budgetLines).where(eq(budgetLines.budgetId, id))).toHaveLength(
      10,
    );
  });

  it('refuses a file with the wrong header, an empty file, a non-multipart body and a duplicate row', async () => {
    const id = await newBudget(2035);
    const wrong = await uploadTo(
      a.staff,
      `/api/v1/budgets/${id}/lines:import`,
      Buffer.from('科目,名称,预算,金额\n201,x,general,1\n'),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('file');
    const empty = await uploadTo(a.staff, `/api/v1/budgets/${id}/lines:import`, csv([]));
    expect(empty.statusCode).toBe(400);
    const json = await a.staff.post(`/api/v1/budgets/${id}/lines:import`, { rows: [] });
    expect([400, 415]).toContain(json.statusCode);
    const dup = await uploadTo(
      a.staff,
      `/api/v1/budgets/${id}/lines:import`,
      csv([
        ['201', '一般公共服务支出', 'general', '1.00'],
        ['201', '一般公共服务支出', 'general', '2.00'],
        ['"20101"', '"人大事务, 代表工作"', 'general', '1.00'],
      ]),
    );
    expect(dup.json().rejected).toEqual([expect.objectContaining({ row: 3, reason: 'duplicate' })]);
    expect((await a.staff.get(`/api/v1/budgets/${id}/lines?code=20101`)).json().items[0].name).toBe(
      '人大事务, 代表工作',
    );
  });

  it('refuses the import to every role but congress staff, and changes nothing', async () => {
    const id = await newBudget(2036);
    for (const c of [a.finance, a.education, a.leader, a.deputy, a.citizen]) {
      const res = await uploadTo(c, `/api/v1/budgets/${id}/lines:import`, csv(draft));
      expect(res.statusCode).toBe(403);
    }
    expect(await t.services.db.select().from(budgetLines).where(eq(budgetLines.budgetId, id))).toEqual([]);
    expect((await a.staff.get(`/api/v1/budgets/00000000-0000-4000-8000-000000000000/lines`)).statusCode).toBe(
      404,
    );
  });
});
