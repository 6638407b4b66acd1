// The audit log as an auditor reads it (issue 23 point 9): filters by person, action, object and period on
// the server with the list's cursor paging; the filtered log exported as .xlsx with actions and object types
// in words, the export itself audited; every other role refused. Every action a real run writes has words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@minyi/domain/audit';
import { auditEvents } from '../src/platform/platform.table';
import { createTestEnv, type TestClient, type TestEnv } from './harness';
import { clientsByRole, expectRefusals, signIn } from './platform-fixtures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Item = {
  id: string;
  action: string;
  username: string | null;
  entityType: string;
  entityId: string | null;
  createdAt: string;
};

let t: TestEnv;
let auditor: TestClient & { accountId: string };
let sys: TestClient & { accountId: string };
let staff: TestClient & { accountId: string };
let started: Date;
let created: string[];
let deputyId: string;

beforeAll(async () => {
  t = await createTestEnv();
  started = new Date(Date.now() - 1000);
  auditor = await signIn(t, 'log_aud', ['auditor']);
  sys = await signIn(t, 'log_sys', ['systemAdmin']);
  staff = await signIn(t, 'log_staff', ['congressStaff']);
  created = [];
  for (const name of ['log_a', 'log_b', 'log_c']) {
    const res = await sys.post('/api/v1/admin/accounts', { username: name, displayName: name });
    created.push(res.json().account.id as string);
  }
  const d = await staff.post('/api/v1/deputies', { name: '审计甲', gender: 'male', phone: '13512345678' });
  expect(d.statusCode).toBe(201);
  deputyId = d.json().id;
  expect((await staff.post(`/api/v1/deputies/${deputyId}/reveal`, { field: 'phone' })).statusCode).toBe(200);
});
afterAll(async () => t?.close());

const list = async (query: string): Promise<Item[]> => {
  const res = await auditor.get(`/api/v1/audit-events?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};

async function sheetOf(data: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0].eachRow((row) =>
    out.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v as string)))),
  );
  return out;
}

describe('filtering the audit log', () => {
  it('filters by person: the account id or its username', async () => {
    const byName = await list('username=log_sys');
    expect(byName.length).toBeGreaterThanOrEqual(4); // sign-in and three accounts
    expect(byName.every((e) => e.username === 'log_sys')).toBe(true);
    const byId = await list(`accountId=${staff.accountId}`);
    expect(byId.map((e) => e.action)).toEqual(
      expect.arrayContaining(['auth.login', 'deputy.create', 'deputy.revealPersonalData']),
    );
    expect(byId.every((e) => e.username === 'log_staff')).toBe(true);
    expect(await list('username=nobody')).toEqual([]);
  });

  it('filters by action, exactly or every action of one entity', async () => {
    const reveals = await list('action=deputy.revealPersonalData');
    expect(reveals).toHaveLength(1);
    expect(reveals[0]).toMatchObject({ username: 'log_staff', entityId: deputyId });
    const deputy = await list('action=deputy.');
    expect(deputy.map((e) => e.action).sort()).toEqual(['deputy.create', 'deputy.revealPersonalData']);
  });

  it('filters by object: its type, and its id', async () => {
    const accounts = await list('entityType=account');
    expect(accounts.every((e) => e.entityType === 'account')).toBe(true);
    expect(accounts.map((e) => e.entityId)).toEqual(expect.arrayContaining(created));
    const one = await list(`entityType=deputy&entityId=${deputyId}`);
    expect(one.map((e) => e.action).sort()).toEqual(['deputy.create', 'deputy.revealPersonalData']);
  });

  it('filters by period, and pages a filtered list with its cursor', async () => {
    const now = new Date(Date.now() + 1000);
    const inside = await list(`from=${started.toISOString()}&to=${now.toISOString()}&entityType=account`);
    expect(inside.length).toBeGreaterThanOrEqual(3);
    expect(await list(`to=${started.toISOString()}&entityType=account`)).toEqual([]);
    expect(await list(`from=${now.toISOString()}`)).toEqual([]);
    const page1 = (
      await auditor.get('/api/v1/audit-events?action=account.create&username=log_sys&limit=2')
    ).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (
      await auditor.get(
        `/api/v1/audit-events?action=account.create&username=log_sys&limit=2&cursor=${page1.nextCursor}`,
      )
    ).json();
    expect([...page1.items, ...page2.items].map((e: Item) => e.entityId)).toEqual([...created].reverse());
    expect(page2.nextCursor).toBeNull();
  });

  it('has words in both languages for every action and object type this run wrote', async () => {
    const rows = await t.services.db
      .selectDistinct({ action: auditEvents.action, entityType: auditEvents.entityType })
      .from(auditEvents);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.filter((r) => !AUDIT_ACTIONS[r.action]).map((r) => r.action)).toEqual([]);
    expect(rows.filter((r) => !AUDIT_ENTITY_TYPES[r.entityType]).map((r) => r.entityType)).toEqual([]);
  });
});

describe('exporting the audit log', () => {
  const exports = () =>
    t.services.db.select().from(auditEvents).where(eq(auditEvents.action, 'audit.export'));

  it('exports the filtered log as .xlsx with actions and object types in words, and audits the export', async () => {
    const res = await auditor.get('/api/v1/audit-events/export.xlsx?action=account.create&username=log_sys');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(String(res.headers['content-disposition'])).toMatch(/attachment; filename=/);
    const rows = await sheetOf(res.rawPayload);
    expect(rows[0].slice(0, 6)).toEqual(['时间', '账号', '角色', '操作', '操作代码', '对象类型']);
    expect(rows.slice(1)).toHaveLength(3);
    for (const r of rows.slice(1)) {
      expect(r.slice(1, 6)).toEqual(['log_sys', '系统管理员', '创建账号', 'account.create', '账号']);
      expect(r[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    }
    expect(rows.slice(1).map((r) => r[6])).toEqual([...created].reverse());
    const [audit] = await exports();
    expect(audit).toMatchObject({ accountId: auditor.accountId, role: 'auditor', entityType: 'auditTrail' });
    expect(audit.after).toMatchObject({
      filters: { action: 'account.create', username: 'log_sys' },
      rows: 3,
    });
  });

  it('writes the words in English for an English reader', async () => {
    const res = await auditor.get(`/api/v1/audit-events/export.xlsx?entityType=deputy&entityId=${deputyId}`, {
      'accept-language': 'en',
    });
    expect(res.statusCode).toBe(200);
    const rows = await sheetOf(res.rawPayload);
    expect(rows[0].slice(0, 6)).toEqual(['Time', 'Account', 'Role', 'Action', 'Action code', 'Object type']);
    expect(
      rows
        .slice(1)
        .map((r) => r[3])
        .sort(),
    ).toEqual(['Registered a deputy', "Revealed a deputy's personal data"]);
    expect(rows.slice(1).every((r) => r[5] === 'Deputy' && r[2] === 'Congress staff')).toBe(true);
  });

  it('answers bad filters with 400 naming them, and exports nothing', async () => {
    const before = (await exports()).length;
    const res = await auditor.get('/api/v1/audit-events/export.xlsx?accountId=nope&from=yesterday');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['accountId', 'from']),
    );
    expect(await exports()).toHaveLength(before);
  });

  it('refuses the log and its export to every role but the auditor, and audits no refused export', async () => {
    const before = (await exports()).length;
    const clients = await clientsByRole(t, 'logr');
    await expectRefusals(t, clients, [
      { method: 'GET', url: '/api/v1/audit-events?action=deputy.', allowed: ['auditor'] },
      { method: 'GET', url: '/api/v1/audit-events/export.xlsx', allowed: ['auditor'] },
    ]);
    expect(await exports()).toHaveLength(before);
    const n = await t.services.db.execute(
      sql`SELECT count(*) AS n FROM audit_events WHERE action = 'audit.export'`,
    );
    expect(Number((n as unknown as { rows: { n: string }[] }).rows[0].n)).toBe(before);
  });
});
