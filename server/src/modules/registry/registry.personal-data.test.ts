// A deputy's personal data on screen and in exports (issue 23 point 10): masked for every role by default;
// one value revealed in clear only by the roles the registry policy allows, each reveal one audit row (who
// revealed which field of whom), a refused reveal nothing; the roll exported masked, or in clear (audited)
// for congress staff alone.
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { type TestClient, type TestEnv } from '../../../test/harness';
import { auditEvents } from '../../platform/platform.table';
import { readRows, useRegistryDemo, XLSX } from '../../../test/registry.fixture';

const env = useRegistryDemo();
let t: TestEnv;
let as: Record<string, TestClient>;
let deputyId: string;

const PHONE = '13712345678';
const ID_NUMBER = '44030719750312123X';
const ADDRESS = '鹏城市东岭区东岭街道测试路8号';

const reveals = () =>
  t.services.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'deputy.revealPersonalData'), eq(auditEvents.entityId, deputyId)));

beforeAll(async () => {
  ({ t, as } = env);
  const r = await as.staff.post('/api/v1/deputies', {
    name: '隐私测试',
    gender: 'male',
    phone: PHONE,
    idNumber: ID_NUMBER,
    address: ADDRESS,
  });
  expect(r.statusCode).toBe(201);
  deputyId = r.json().id;
});

describe('personal data masked by default', () => {
  it('shows every reading role masked values on the record, in the list and on the page', async () => {
    for (const role of ['staff', 'liaison', 'leader', 'sysadmin']) {
      const list = (await as[role].get('/api/v1/deputies?q=隐私测试')).json();
      expect(list.items[0].phone, role).toBe('137****5678');
      if (role === 'sysadmin') continue;
      const d = (await as[role].get(`/api/v1/deputies/${deputyId}`)).json();
      expect(d, role).toMatchObject({
        phone: '137****5678',
        idNumber: '4403**********123X',
        address: '鹏城市东岭区****',
      });
      expect(JSON.stringify(d)).not.toMatch(new RegExp(`${PHONE}|${ID_NUMBER}|测试路`));
    }
  });

  it('sends each role what it may reveal, as abilities', async () => {
    const can = async (role: string) => (await as[role].get(`/api/v1/deputies/${deputyId}`)).json().abilities;
    expect(await can('staff')).toMatchObject({
      revealPhone: true,
      revealIdNumber: true,
      revealAddress: true,
      exportClear: true,
    });
    for (const role of ['liaison', 'leader'])
      expect(await can(role), role).toMatchObject({
        revealPhone: true,
        revealIdNumber: false,
        revealAddress: false,
        exportClear: false,
      });
  });
});

describe('revealing one value', () => {
  it('answers congress staff each field in clear, with one audit row per reveal naming the field', async () => {
    const expected = { phone: PHONE, idNumber: ID_NUMBER, address: ADDRESS };
    for (const [field, value] of Object.entries(expected)) {
      const r = await as.staff.post(`/api/v1/deputies/${deputyId}/reveal`, { field });
      expect(r.statusCode, field).toBe(200);
      expect(r.json()).toEqual({ field, value });
    }
    const rows = await reveals();
    expect(rows.map((a) => (a.after as { field: string }).field).sort()).toEqual([
      'address',
      'idNumber',
      'phone',
    ]);
    expect(rows.every((a) => a.role === 'congressStaff' && a.entityType === 'deputy')).toBe(true);
    // The row records who and which field, never the value revealed.
    expect(JSON.stringify(rows)).not.toMatch(new RegExp(`${PHONE}|${ID_NUMBER}|测试路`));
  });

  it('lets liaison staff and leaders reveal the mobile number, audited as them', async () => {
    for (const [role, as_] of [
      ['liaisonStaff', as.liaison],
      ['leader', as.leader],
    ] as const) {
      const before = (await reveals()).length;
      const r = await as_.post(`/api/v1/deputies/${deputyId}/reveal`, { field: 'phone' });
      expect(r.statusCode, role).toBe(200);
      expect(r.json().value).toBe(PHONE);
      const rows = await reveals();
      expect(rows).toHaveLength(before + 1);
      expect(rows.filter((a) => a.role === role)).toHaveLength(1);
    }
  });

  it('refuses the ID number and address to liaison staff and leaders, and audits nothing', async () => {
    const before = (await reveals()).length;
    for (const client of [as.liaison, as.leader])
      for (const field of ['idNumber', 'address']) {
        const r = await client.post(`/api/v1/deputies/${deputyId}/reveal`, { field });
        expect(r.statusCode).toBe(403);
        expect(r.headers['content-type']).toMatch(/problem\+json/);
        expect(r.body).not.toContain(ID_NUMBER);
      }
    expect(await reveals()).toHaveLength(before);
  });

  it('refuses every other role (403) and the public (401), and audits nothing', async () => {
    const before = (await reveals()).length;
    for (const role of ['citizen', 'deputy', 'unit', 'sysadmin']) {
      const r = await as[role].post(`/api/v1/deputies/${deputyId}/reveal`, { field: 'phone' });
      expect(r.statusCode, role).toBe(403);
      expect(r.body).not.toContain(PHONE);
    }
    expect((await t.anon.post(`/api/v1/deputies/${deputyId}/reveal`, { field: 'phone' })).statusCode).toBe(
      401,
    );
    // A deputy may read their own record, masked, but reveals nothing through this act either.
    const self = await t.as('r_pii_self', ['deputy'], { congressId: env.c, deputyId });
    expect((await self.post(`/api/v1/deputies/${deputyId}/reveal`, { field: 'phone' })).statusCode).toBe(403);
    expect(await reveals()).toHaveLength(before);
  });

  it('answers a bad field 400 naming it, and an unknown deputy 404, auditing nothing', async () => {
    const count = async () =>
      Number(
        (
          (await t.services.db.execute(
            sql`SELECT count(*) AS n FROM audit_events WHERE action = 'deputy.revealPersonalData'`,
          )) as unknown as { rows: { n: string }[] }
        ).rows[0].n,
      );
    const before = await count();
    const bad = await as.staff.post(`/api/v1/deputies/${deputyId}/reveal`, { field: 'bio', extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['field', 'extra']),
    );
    const missing = await as.staff.post('/api/v1/deputies/00000000-0000-7000-8000-000000000000/reveal', {
      field: 'phone',
    });
    expect(missing.statusCode).toBe(404);
    expect(await count()).toBe(before);
  });
});

describe('the deputies workbook', () => {
  const rowOf = async (client: TestClient) => {
    const r = await client.get('/api/v1/deputies/export.xlsx');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe(XLSX);
    const rows = await readRows(r.rawPayload);
    const header = rows[0];
    const mine = rows.find((row) => row.includes('隐私测试'))!;
    return Object.fromEntries(header.map((h, i) => [h, mine[i]]));
  };
  const clearExports = async () =>
    (await t.services.db.select().from(auditEvents).where(eq(auditEvents.action, 'deputy.exportClear')))
      .length;

  it('carries masked values for liaison staff and leaders, and is not a clear export', async () => {
    const before = await clearExports();
    for (const client of [as.liaison, as.leader]) {
      const row = await rowOf(client);
      const text = JSON.stringify(row);
      expect(text).toContain('137****5678');
      expect(text).toContain('4403**********123X');
      expect(text).not.toMatch(new RegExp(`${PHONE}|${ID_NUMBER}|测试路`));
    }
    expect(await clearExports()).toBe(before);
  });

  it('carries clear values for congress staff, who may export in clear, and audits that export', async () => {
    const before = await clearExports();
    const text = JSON.stringify(await rowOf(as.staff));
    expect(text).toContain(PHONE);
    expect(text).toContain(ID_NUMBER);
    expect(text).toContain(ADDRESS);
    expect(await clearExports()).toBe(before + 1);
  });
});
