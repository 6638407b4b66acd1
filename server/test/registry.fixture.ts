// Registry rows that module tests need before their own (a current term with its second sitting in session),
// and the demo district with a client per role that the registry's API tests share.
import { afterAll, beforeAll, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { generate } from 'otplib';
import { eq, sql } from 'drizzle-orm';
import type { Role } from '@minyi/domain';
import type { Db } from '../src/db/client';
import { newId } from '../src/platform/ids';
import { auditEvents } from '../src/platform/platform.table';
import { loadDemo, type DemoSummary } from '../src/demo';
import { createTestEnv, type TestClient, type TestEnv } from './harness';
import { sittings, terms } from './tables';

/** A current term (7th) and its 2nd sitting, in session from 2026-11-20 to 2026-12-31. */
export async function addSittingInSession(db: Db, congressId: string) {
  const termId = newId();
  const sittingId = newId();
  await db.insert(terms).values({
    id: termId,
    congressId,
    number: 7,
    startDate: '2021-10-01',
    endDate: '2026-09-30',
    isCurrent: true,
  });
  await db.insert(sittings).values({
    id: sittingId,
    congressId,
    termId,
    number: 2,
    startDate: '2026-11-20',
    endDate: '2026-12-31',
    status: 'inSession',
  });
  return { termId, sittingId };
}

// ----- the registry's API tests (server/src/modules/registry/registry.*.test.ts) -----

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ROLE_OF: Record<string, Role[]> = {
  citizen: ['citizen'],
  deputy: ['deputy'],
  unit: ['handlingUnitStaff'],
  leader: ['leader'],
  liaison: ['liaisonStaff'],
  staff: ['congressStaff'],
  sysadmin: ['systemAdmin'],
};
export const REFUSED_WRITERS = ['citizen', 'deputy', 'unit', 'leader', 'liaison', 'sysadmin'];

export interface RegistryDemo {
  t: TestEnv;
  demo: DemoSummary;
  /** The demo congress. */
  c: string;
  /** A signed-in client per role (the system administrator with a second factor enrolled). */
  as: Record<string, TestClient>;
  count: (q: ReturnType<typeof sql>) => Promise<number>;
  auditCount: () => Promise<number>;
  auditsOf: (entityId: string) => Promise<(typeof auditEvents.$inferSelect)[]>;
  firstStreet: () => Promise<{ id: string; name: string }>;
  upload: (
    client: TestClient,
    url: string,
    data: Buffer,
    field?: string,
  ) => ReturnType<TestClient['request']>;
}

/**
 * The demo district in a fresh database with a client per role, for one test file: call it at the top of
 * the file; the fields are set by its beforeAll, and the database is closed after the file.
 */
export function useRegistryDemo(): RegistryDemo {
  const r = { as: {} } as RegistryDemo;
  r.count = async (q) =>
    Number(((await r.t.services.db.execute(q)) as unknown as { rows: { n: string }[] }).rows[0].n);
  r.auditCount = () => r.count(sql`SELECT count(*) AS n FROM audit_events`);
  r.auditsOf = (entityId) =>
    r.t.services.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, entityId))
      // In the order written (ids are time-ordered): the sealing job's update moves rows in the heap.
      .orderBy(auditEvents.createdAt, auditEvents.id);
  r.firstStreet = async () =>
    (await r.t.anon.get('/api/v1/public/congress')).json().streets[0] as { id: string; name: string };
  r.upload = (client, url, data, field = 'file') =>
    client.request({ method: 'POST', url, ...multipart(data, field) });
  beforeAll(async () => {
    r.t = await createTestEnv();
    r.demo = await loadDemo(r.t.services);
    r.c = r.demo.congressId;
    for (const [name, roles] of Object.entries(ROLE_OF))
      r.as[name] = await r.t.as(`r_${name}`, roles, { congressId: r.c });
    // Administrators must enrol a second factor before their session may do anything else.
    const { secret } = (await r.as.sysadmin.post('/api/v1/auth/totp/setup')).json();
    const enabled = await r.as.sysadmin.post('/api/v1/auth/totp/enable', {
      code: await generate({ secret }),
    });
    expect(enabled.statusCode).toBe(204);
  });
  afterAll(async () => r.t?.close());
  return r;
}

export function multipart(data: Buffer, field = 'file') {
  const boundary = `----minyi${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="sheet.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function sheet(header: string[], rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
export async function readRows(data: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0].eachRow((row) =>
    out.push(
      (row.values as unknown[])
        .slice(1)
        .map((v) => (v === null || v === undefined ? '' : String(v as string))),
    ),
  );
  return out;
}
