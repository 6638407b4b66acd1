// The registry API: public lookups without personal data, staff administration with every refused role,
// masking by role, mandate steps, all-or-nothing Excel imports and audited changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { generate } from 'otplib';
import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '@minyi/domain';
import {
  createTestDatabase,
  createTestEnv,
  refusalOf,
  type TestClient,
  type TestEnv,
} from '../../../test/harness';
import { auditEvents } from '../../platform/platform.table';
import { listMigrations, migrate } from '../../db/migrate';
import { newId } from '../../platform/ids';
import { loadDemo, type DemoSummary } from '../../db/seed';
import { deputies, handlingUnits, mandates } from './registry.table';
import {
  findChairpersonsMeetingDeputyIds,
  findAccountIdForDeputy,
  findAccountIdsForUnit,
  findActiveDeputyIds,
  findStandingCommitteeDeputyIds,
  getDeputy,
  getHandlingUnit,
  getLiaisonPlace,
  getStreet,
} from '.';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestEnv;
let demo: DemoSummary;
let c: string;
const as: Record<string, TestClient> = {};
const ROLE_OF: Record<string, Role[]> = {
  citizen: ['citizen'],
  deputy: ['deputy'],
  unit: ['handlingUnitStaff'],
  leader: ['leader'],
  liaison: ['liaisonStaff'],
  staff: ['congressStaff'],
  sysadmin: ['systemAdmin'],
};
const REFUSED_WRITERS = ['citizen', 'deputy', 'unit', 'leader', 'liaison', 'sysadmin'];

beforeAll(async () => {
  t = await createTestEnv();
  demo = await loadDemo(t.services);
  c = demo.congressId;
  for (const [name, roles] of Object.entries(ROLE_OF))
    as[name] = await t.as(`r_${name}`, roles, { congressId: c });
  // Administrators must enrol a second factor before their session may do anything else.
  const { secret } = (await as.sysadmin.post('/api/v1/auth/totp/setup')).json();
  const enabled = await as.sysadmin.post('/api/v1/auth/totp/enable', { code: await generate({ secret }) });
  expect(enabled.statusCode).toBe(204);
});
afterAll(async () => t?.close());

const count = async (q: ReturnType<typeof sql>) =>
  Number(((await t.services.db.execute(q)) as unknown as { rows: { n: string }[] }).rows[0].n);
const auditCount = () => count(sql`SELECT count(*) AS n FROM audit_events`);
const auditsOf = (entityId: string) =>
  t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));
const firstStreet = async () =>
  (await t.anon.get('/api/v1/public/congress')).json().streets[0] as { id: string; name: string };

function multipart(data: Buffer, field = 'file') {
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
const upload = (client: TestClient, url: string, data: Buffer, field = 'file') =>
  client.request({ method: 'POST', url, ...multipart(data, field) });

async function sheet(header: string[], rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function readRows(data: Buffer): Promise<string[][]> {
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

describe('public registry', () => {
  it('describes the default congress with its current term, sitting and streets', async () => {
    const r = await t.anon.get('/api/v1/public/congress');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({
      id: c,
      level: 'district',
      currentTerm: { number: 7 },
      currentSitting: { number: 2, status: 'inSession' },
    });
    expect(body.name).toMatch(/人民代表大会/);
    expect(body.streets).toHaveLength(11);
    const other = await t.anon.get(`/api/v1/public/congress?congressId=${t.congressId}`);
    expect(other.json()).toMatchObject({ id: t.congressId, currentTerm: null, currentSitting: null });
    expect((await t.anon.get('/api/v1/public/congress?congressId=not-a-uuid')).statusCode).toBe(400);
    expect(
      (await t.anon.get('/api/v1/public/congress?congressId=00000000-0000-7000-8000-000000000000'))
        .statusCode,
    ).toBe(404);
  });

  it('lists jurisdictions by level and parent', async () => {
    const streets = (await t.anon.get('/api/v1/jurisdictions?level=street')).json().items;
    expect(streets).toHaveLength(11);
    expect(streets[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        name: expect.any(String),
        nameEn: expect.any(String),
        level: 'street',
        parentId: expect.any(String),
      }),
    );
    const communities = (
      await t.anon.get(`/api/v1/jurisdictions?level=community&parentId=${streets[0].id}`)
    ).json().items;
    expect(communities.length).toBeGreaterThanOrEqual(4);
    expect(communities.every((x: { parentId: string }) => x.parentId === streets[0].id)).toBe(true);
    expect((await t.anon.get('/api/v1/jurisdictions?level=planet')).statusCode).toBe(400);
  });

  it('lists electoral districts of a street', async () => {
    const street = await firstStreet();
    const items = (await t.anon.get(`/api/v1/public/electoral-districts?streetId=${street.id}`)).json().items;
    expect(items.length).toBeGreaterThan(10);
    expect(
      items.every((e: { streetId: string; seats: number }) => e.streetId === street.id && e.seats > 0),
    ).toBe(true);
  });

  it('lists deputies page by page without any personal data', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await t.anon.get(`/api/v1/public/deputies?limit=150${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.statusCode).toBe(200);
      const body = r.json();
      for (const d of body.items) {
        expect(seen.has(d.id)).toBe(false);
        seen.add(d.id);
        expect(Object.keys(d).sort()).toEqual(
          [
            'electoralDistrict',
            'gender',
            'id',
            'level',
            'liaisonPlace',
            'name',
            'occupation',
            'party',
            'street',
          ].sort(),
        );
      }
      const withoutIds = JSON.stringify(body.items).replace(
        /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
        '',
      );
      expect(withoutIds).not.toMatch(/phone|idNumber|address|organization|1[3-9]\d{9}/);
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThan(2);
    // Active mandates only: 394 district deputies + 28 city-only deputies.
    expect(seen.size).toBe(
      await count(
        sql`SELECT count(DISTINCT deputy_id) AS n FROM mandates WHERE status = 'active' AND deputy_id IN (SELECT id FROM deputies WHERE congress_id = ${c})`,
      ),
    );
    const street = await firstStreet();
    const inStreet = (await t.anon.get(`/api/v1/public/deputies?streetId=${street.id}&limit=200`)).json()
      .items;
    expect(inStreet.length).toBeGreaterThan(10);
    expect(inStreet.every((d: { street: { id: string } }) => d.street.id === street.id)).toBe(true);
    const name = inStreet[0].name as string;
    const found = (await t.anon.get(`/api/v1/public/deputies?q=${encodeURIComponent(name)}`)).json().items;
    expect(found.map((d: { name: string }) => d.name)).toContain(name);
    expect((await t.anon.get('/api/v1/public/deputies?cursor=garbage')).statusCode).toBe(400);
  });

  it('lists liaison places with hours and deputies, including the green-industry point', async () => {
    const points = (await t.anon.get('/api/v1/public/liaison-places?kind=point')).json().items;
    expect(points).toHaveLength(11);
    const green = points.find((p: { sector: string }) => p.sector === '绿色环保');
    expect(green.name).toMatch(/绿色产业联系点/);
    expect(green.deputies.length).toBeGreaterThan(0);
    const one = await t.anon.get(`/api/v1/public/liaison-places/${green.id}`);
    expect(one.json()).toEqual(green);
    expect(one.json()).toEqual(
      expect.objectContaining({
        address: expect.any(String),
        openingHours: expect.any(String),
        street: { id: expect.any(String), name: expect.any(String) },
      }),
    );
    expect((await t.anon.get('/api/v1/public/liaison-places')).json().items).toHaveLength(30);
    expect(
      (await t.anon.get('/api/v1/public/liaison-places/00000000-0000-7000-8000-000000000000')).statusCode,
    ).toBe(404);
  });
});

describe('staff access', () => {
  const READS = [
    '/deputies',
    '/handling-units',
    '/liaison-places',
    '/terms',
    '/sittings',
    '/electoral-districts',
    '/working-committees',
    '/committee-members?body=standingCommittee',
    '/deputies/export.xlsx',
    '/handling-units/export.xlsx',
    '/deputies/import-template.xlsx',
  ];

  it('lets congress staff, leaders and liaison staff read, and refuses everyone else', async () => {
    for (const url of READS) {
      expect((await t.anon.get(`/api/v1${url}`)).statusCode, `anon ${url}`).toBe(401);
      const linkable = url === '/deputies' || url === '/handling-units';
      for (const who of ['citizen', 'deputy', 'unit', ...(linkable ? [] : ['sysadmin'])]) {
        expect((await as[who].get(`/api/v1${url}`)).statusCode, `${who} ${url}`).toBe(403);
      }
      // The system administrator looks deputies and units up to link accounts to them.
      if (linkable) expect((await as.sysadmin.get(`/api/v1${url}`)).statusCode, `sysadmin ${url}`).toBe(200);
      for (const who of ['staff', 'leader', 'liaison'])
        expect((await as[who].get(`/api/v1${url}`)).statusCode, `${who} ${url}`).toBe(200);
    }
  });

  it('refuses every write to anyone but congress staff, and changes nothing', async () => {
    const street = await firstStreet();
    const [unit] = await t.services.db
      .select()
      .from(handlingUnits)
      .where(eq(handlingUnits.congressId, c))
      .limit(1);
    const [m] = await t.services.db
      .select()
      .from(mandates)
      .where(and(eq(mandates.congressId, c), eq(mandates.status, 'active')))
      .limit(1);
    const place = (await t.anon.get('/api/v1/public/liaison-places')).json().items[0];
    const term = (await as.staff.get('/api/v1/terms')).json().items[0];
    const member = (await as.staff.get('/api/v1/committee-members?body=standingCommittee')).json().items[0];
    const writes: [string, string, unknown][] = [
      ['POST', '/deputies', { name: '测试代表', gender: 'male' }],
      ['PATCH', `/deputies/${m.deputyId}`, { occupation: '教师' }],
      ['POST', `/deputies/${m.deputyId}/mandates`, { level: 'district' }],
      ['POST', `/mandates/${m.id}/suspend`, { reason: '原因', date: '2026-01-05' }],
      ['POST', `/mandates/${m.id}/terminate`, { reason: '原因', date: '2026-01-05' }],
      ['POST', `/mandates/${m.id}/reinstate`, undefined],
      ['POST', '/handling-units', { name: '新单位', kind: 'other' }],
      ['PATCH', `/handling-units/${unit.id}`, { contactName: '某人' }],
      ['POST', '/liaison-places', { kind: 'station', name: '新站', streetId: street.id }],
      ['PATCH', `/liaison-places/${place.id}`, { openingHours: '全天' }],
      ['PUT', `/liaison-places/${place.id}/deputies`, { deputyIds: [] }],
      ['POST', '/jurisdictions', { parentId: street.id, level: 'community', name: '新社区' }],
      ['PATCH', `/jurisdictions/${street.id}`, { name: '改名街道' }],
      ['POST', '/terms', { number: 9, startDate: '2031-01-01', endDate: '2035-12-31' }],
      ['PATCH', `/terms/${term.id}`, { endDate: '2040-01-01' }],
      ['POST', '/sittings', { termId: term.id, number: 9, startDate: '2031-01-01', endDate: '2031-01-03' }],
      ['POST', '/electoral-districts', { streetId: street.id, name: '新选区', seats: 2 }],
      ['POST', '/working-committees', { kind: 'workingCommittee', name: '新工委' }],
      ['POST', '/committee-members', { body: 'standingCommittee', deputyId: m.deputyId }],
      ['POST', `/committee-members/${member.id}/end`, { endedOn: '2026-01-05' }],
    ];
    const before = await auditCount();
    for (const [method, url, body] of writes) {
      const anon = await t.anon.request({
        method: method,
        url: `/api/v1${url}`,
        payload: body as object,
      });
      expect(anon.statusCode, `anon ${method} ${url}`).toBe(401);
      for (const who of REFUSED_WRITERS) {
        const res = await as[who].request({
          method: method,
          url: `/api/v1${url}`,
          payload: body as object,
        });
        expect(res.statusCode, `${who} ${method} ${url}`).toBe(403);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
      }
    }
    const data = await sheet(['姓名', '性别'], [['某某', '男']]);
    for (const who of REFUSED_WRITERS) {
      expect((await upload(as[who], '/api/v1/deputies/import', data)).statusCode).toBe(403);
      expect((await upload(as[who], '/api/v1/handling-units/import', data)).statusCode).toBe(403);
    }
    expect(await auditCount()).toBe(before);
    expect(await count(sql`SELECT count(*) AS n FROM deputies WHERE name IN ('测试代表', '某某')`)).toBe(0);
    expect(
      await count(sql`SELECT count(*) AS n FROM mandates WHERE id = ${m.id} AND status = 'active'`),
    ).toBe(1);
  });

  it('lets a unit read its own handling unit but not another', async () => {
    const [mine, other] = await t.services.db
      .select()
      .from(handlingUnits)
      .where(eq(handlingUnits.congressId, c))
      .limit(2);
    const u = await t.as('r_unit_own', ['handlingUnitStaff'], { congressId: c, handlingUnitId: mine.id });
    const r = await u.get(`/api/v1/handling-units/${mine.id}`);
    expect(r.statusCode).toBe(200);
    expect(r.json().abilities).toEqual({
      read: false,
      edit: false,
      changeStatus: false,
      assignDeputies: false,
    });
    expect((await u.get(`/api/v1/handling-units/${other.id}`)).statusCode).toBe(403);
  });
});

describe('deputies', () => {
  let deputyId: string;

  it('registers a deputy, audited without personal data in clear', async () => {
    const body = {
      name: '测试甲',
      gender: 'female',
      birthDate: '1980-05-06',
      party: '群众',
      occupation: '教师',
      organization: '东岭区第一中学',
      phone: '13800138000',
      idNumber: '44030719800506002X',
      address: '鹏城市东岭区东岭街道某路1号',
    };
    const r = await as.staff.post('/api/v1/deputies', body);
    expect(r.statusCode).toBe(201);
    const d = r.json();
    deputyId = d.id;
    expect(d).toMatchObject({
      name: '测试甲',
      phone: '13800138000',
      idNumber: '44030719800506002X',
      mandates: [],
      abilities: { read: true, edit: true, changeStatus: true },
    });
    const [row] = await t.services.db.select().from(deputies).where(eq(deputies.id, deputyId));
    expect(row.phoneEnc).not.toContain('13800138000');
    const audits = await auditsOf(deputyId);
    expect(audits.map((a) => a.action)).toEqual(['deputy.create']);
    expect(JSON.stringify(audits[0].after)).not.toMatch(/13800138000|44030719800506002X/);
  });

  it('lets a deputy read their own record but no other', async () => {
    const self = await t.as('r_deputy_self', ['deputy'], { congressId: c, deputyId });
    const own = await self.get(`/api/v1/deputies/${deputyId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ id: deputyId, phone: '138****8000', abilities: { edit: false } });
    const other = (await t.anon.get('/api/v1/public/deputies?limit=1')).json().items[0].id;
    expect((await self.get(`/api/v1/deputies/${other}`)).statusCode).toBe(403);
  });

  it('creates once under a repeated Idempotency-Key', async () => {
    const body = { name: '幂等测试', gender: 'male' };
    const first = await as.staff.post('/api/v1/deputies', body, { 'idempotency-key': 'dep-1' });
    const again = await as.staff.post('/api/v1/deputies', body, { 'idempotency-key': 'dep-1' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(await count(sql`SELECT count(*) AS n FROM deputies WHERE name = '幂等测试'`)).toBe(1);
  });

  it('masks personal data for leaders and shows it to congress and liaison staff', async () => {
    const leader = (await as.leader.get(`/api/v1/deputies/${deputyId}`)).json();
    expect(leader.phone).toBe('138****8000');
    expect(leader.idNumber).toBe('4403**********002X');
    expect(leader.address).toMatch(/\*{4}$/);
    expect(leader.abilities).toMatchObject({ read: true, edit: false });
    expect((await as.liaison.get(`/api/v1/deputies/${deputyId}`)).json().phone).toBe('13800138000');
    const list = (await as.leader.get(`/api/v1/deputies?q=13800138000`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].phone).toBe('138****8000');
    expect((await as.staff.get(`/api/v1/deputies?q=测试甲`)).json().items[0].phone).toBe('13800138000');
  });

  it('answers bad input with 400 naming the fields, and stores nothing', async () => {
    const before = await count(sql`SELECT count(*) AS n FROM deputies`);
    const r = await as.staff.post('/api/v1/deputies', {
      name: '',
      gender: 'x',
      phone: '123',
      idNumber: 'abc',
      extra: 1,
    });
    expect(r.statusCode).toBe(400);
    const fields = r.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'gender', 'phone', 'idNumber', 'extra']));
    const dup = await as.staff.post('/api/v1/deputies', {
      name: '重复',
      gender: 'male',
      idNumber: '44030719800506002x',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('deputy_exists');
    expect(await count(sql`SELECT count(*) AS n FROM deputies`)).toBe(before);
    expect((await as.staff.patch(`/api/v1/deputies/${deputyId}`, { gender: 'other' })).statusCode).toBe(400);
    expect((await as.staff.get('/api/v1/deputies/00000000-0000-7000-8000-000000000000')).statusCode).toBe(
      404,
    );
  });

  it('edits particulars and audits before and after', async () => {
    const r = await as.staff.patch(`/api/v1/deputies/${deputyId}`, {
      occupation: '校长',
      phone: '13900139000',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ occupation: '校长', phone: '13900139000' });
    const edit = (await auditsOf(deputyId)).find((a) => a.action === 'deputy.edit')!;
    expect(edit.before).toEqual({ occupation: '教师' });
    expect(edit.after).toEqual({ occupation: '校长', phone: '(set)' });
  });

  it('gives mandates and moves them through suspend, reinstate and terminate with reason and date', async () => {
    const street = await firstStreet();
    const ed = (await t.anon.get(`/api/v1/public/electoral-districts?streetId=${street.id}`)).json().items[0];
    const r = await as.staff.post(`/api/v1/deputies/${deputyId}/mandates`, {
      level: 'district',
      electoralDistrictId: ed.id,
      streetId: street.id,
      delegation: '东岭代表团',
    });
    expect(r.statusCode).toBe(201);
    const mandate = r.json().mandates[0];
    expect(mandate).toMatchObject({
      level: 'district',
      status: 'active',
      termNumber: 7,
      electoralDistrict: { id: ed.id },
      congressId: c,
    });
    expect(
      (await as.staff.post(`/api/v1/deputies/${deputyId}/mandates`, { level: 'district' })).statusCode,
    ).toBe(409);
    expect(
      (await as.staff.post(`/api/v1/deputies/${deputyId}/mandates`, { level: 'city' })).json().errors[0]
        .field,
    ).toBe('level');

    const [{ parentCongressId }] = (
      (await t.services.db.execute(
        sql`SELECT parent_congress_id AS "parentCongressId" FROM congresses WHERE id = ${c}`,
      )) as unknown as { rows: { parentCongressId: string }[] }
    ).rows;
    const city = await as.staff.post(`/api/v1/deputies/${deputyId}/mandates`, {
      congressId: parentCongressId,
      level: 'city',
      streetId: street.id,
    });
    expect(city.statusCode).toBe(201);
    expect(
      city
        .json()
        .mandates.map((m: { level: string }) => m.level)
        .sort(),
    ).toEqual(['city', 'district']);

    const missing = await as.staff.post(`/api/v1/mandates/${mandate.id}/suspend`, {});
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['date', 'reason']);
    expect(
      (await as.staff.post(`/api/v1/mandates/${mandate.id}/suspend`, { reason: '  ', date: '2026-13-01' }))
        .statusCode,
    ).toBe(400);

    const s = await as.staff.post(`/api/v1/mandates/${mandate.id}/suspend`, {
      reason: '被依法采取强制措施',
      date: '2026-03-01',
    });
    expect(s.statusCode).toBe(200);
    expect(
      (await as.staff.post(`/api/v1/mandates/${mandate.id}/suspend`, { reason: 'again', date: '2026-03-02' }))
        .statusCode,
    ).toBe(409);
    expect((await as.staff.post(`/api/v1/mandates/${mandate.id}/reinstate`)).statusCode).toBe(200);
    expect((await as.staff.post(`/api/v1/mandates/${mandate.id}/reinstate`)).json().currentStatus).toBe(
      'active',
    );
    const term = await as.staff.post(`/api/v1/mandates/${mandate.id}/terminate`, {
      reason: '迁出本行政区域',
      date: '2026-04-01',
    });
    expect(term.statusCode).toBe(200);
    const again = await as.staff.post(`/api/v1/mandates/${mandate.id}/terminate`, {
      reason: '迁出本行政区域',
      date: '2026-04-02',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().currentStatus).toBe('terminated');
    const shown = (await as.staff.get(`/api/v1/deputies/${deputyId}`))
      .json()
      .mandates.find((m: { id: string }) => m.id === mandate.id);
    expect(shown).toMatchObject({
      status: 'terminated',
      statusReason: '迁出本行政区域',
      statusDate: '2026-04-01',
    });
    expect((await auditsOf(mandate.id)).map((a) => a.action)).toEqual([
      'mandate.add',
      'mandate.suspend',
      'mandate.reinstate',
      'mandate.terminate',
    ]);
    expect(
      (
        await as.staff.post('/api/v1/mandates/00000000-0000-7000-8000-000000000000/suspend', {
          reason: 'x',
          date: '2026-01-01',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('pages the staff roll with a cursor and filters by street, level and status', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const res = await as.staff.get(`/api/v1/deputies?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      const body = res.json<{ items: { id: string }[]; nextCursor: string | null }>();
      for (const d of body.items) seen.add(d.id);
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(await count(sql`SELECT count(*) AS n FROM deputies WHERE congress_id = ${c}`));
    const suspended = (await as.staff.get('/api/v1/deputies?status=suspended&limit=200')).json().items;
    expect(suspended.length).toBeGreaterThan(0);
    expect(
      suspended.every((d: { mandates: { status: string }[] }) =>
        d.mandates.some((m) => m.status === 'suspended'),
      ),
    ).toBe(true);
    const cityOnes = (await as.staff.get('/api/v1/deputies?level=city&limit=200')).json().items;
    expect(cityOnes.length).toBeGreaterThanOrEqual(40);
  });
});

describe('Excel import and export', () => {
  const HEADER = ['姓名', '性别', '出生日期', '手机号码', '身份证号码', '街道', '代表团'];

  it('serves the import templates', async () => {
    for (const url of [
      '/api/v1/deputies/import-template.xlsx',
      '/api/v1/handling-units/import-template.xlsx',
    ]) {
      const r = await as.staff.get(url);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe(XLSX);
      const rows = await readRows(r.rawPayload);
      expect(rows).toHaveLength(1);
      expect(rows[0][0]).toMatch(/姓名|单位名称/);
    }
  });

  it('refuses a deputies file with any bad row, names each row and field, and imports nothing', async () => {
    const street = await firstStreet();
    const data = await sheet(HEADER, [
      ['好人一', '男', '1975-01-02', '13712345678', '440307197501020011', street.name, '东岭代表团'],
      ['坏人二', '未知', '1975-01-02', '123', '', '不存在街道', ''],
      ['好人三', '女', '', '', '440307197501020011', '', ''],
    ]);
    const before = await count(sql`SELECT count(*) AS n FROM deputies`);
    const audits = await auditCount();
    const r = await upload(as.staff, '/api/v1/deputies/import', data);
    expect(r.statusCode).toBe(400);
    const errors = r.json().errors as { row: number; field: string; message: { zh: string; en: string } }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, field: 'gender' }),
        expect.objectContaining({ row: 3, field: 'phone' }),
        expect.objectContaining({ row: 3, field: 'street' }),
        expect.objectContaining({ row: 4, field: 'idNumber' }),
      ]),
    );
    expect(errors.every((e) => e.message.zh && e.message.en)).toBe(true);
    expect(errors.some((e) => e.row === 2)).toBe(false);
    expect(await count(sql`SELECT count(*) AS n FROM deputies`)).toBe(before);
    expect(await auditCount()).toBe(audits);
  });

  it('refuses what is not a workbook, and a missing file field', async () => {
    const r = await upload(as.staff, '/api/v1/deputies/import', Buffer.from('not excel'));
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].field).toBe('file');
    expect(
      (await upload(as.staff, '/api/v1/deputies/import', await sheet(HEADER, [['a', '男']]), 'other'))
        .statusCode,
    ).toBe(400);
    expect((await as.staff.post('/api/v1/deputies/import', { file: 'x' })).statusCode).toBe(400);
  });

  it('imports a good deputies file with mandates, audited once', async () => {
    const street = await firstStreet();
    const data = await sheet(HEADER, [
      ['导入甲', '男', '1975-01-02', '13712345670', '440307197501020038', street.name, '东岭代表团'],
      ['导入乙', '女', '1982-03-04', '', '', street.name, ''],
    ]);
    const r = await upload(as.staff, '/api/v1/deputies/import', data);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ created: 2 });
    const list = (await as.staff.get('/api/v1/deputies?q=导入')).json().items;
    expect(list.map((d: { name: string }) => d.name).sort()).toEqual(['导入乙', '导入甲']);
    expect(list[0].mandates[0]).toMatchObject({
      level: 'district',
      status: 'active',
      street: { id: street.id },
    });
    const [audit] = await t.services.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'deputy.import'));
    expect(audit.after).toMatchObject({ created: 2 });
  });

  it('round-trips deputies and handling units through export and import', async () => {
    // A second congress with the same street name receives the first one's export.
    const other = await t.createCongress('往返测试区人民代表大会');
    const staff2 = await t.as('r_staff_other', ['congressStaff'], { congressId: other.congressId });
    const staff1 = await t.as('r_staff_small', ['congressStaff'], { congressId: t.congressId });
    for (const [i, name] of ['往返甲', '往返乙', '往返丙'].entries()) {
      const d = await staff1.post('/api/v1/deputies', {
        name,
        gender: i % 2 ? 'female' : 'male',
        birthDate: `19${70 + i}-01-0${i + 1}`,
        phone: `1360000000${i}`,
        idNumber: `44030719${70 + i}010${i + 1}001${i}`.slice(0, 17) + 'X',
        occupation: '工程师',
        organization: '某公司',
        address: '测试地址一二三四五六七',
      });
      expect(d.statusCode).toBe(201);
      expect(
        (
          await staff1.post(`/api/v1/deputies/${d.json().id}/mandates`, {
            level: 'district',
            streetId: t.streetId,
            delegation: '测试代表团',
            deputyGroup: `第${i + 1}组`,
          })
        ).statusCode,
      ).toBe(201);
    }
    expect(
      (
        await staff1.post('/api/v1/handling-units', {
          name: '测试区交通运输局',
          kind: 'governmentDepartment',
          categories: ['transport', 'urbanManagement'],
          contactName: '张三',
          contactPhone: '0755-12345678',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await staff1.post('/api/v1/handling-units', {
          name: '测试街道办事处',
          kind: 'streetOffice',
          categories: ['civilAffairs'],
          streetId: t.streetId,
          active: false,
        })
      ).statusCode,
    ).toBe(201);

    const exported = await staff1.get('/api/v1/deputies/export.xlsx');
    expect(exported.headers['content-type']).toBe(XLSX);
    const imported = await upload(staff2, '/api/v1/deputies/import', exported.rawPayload);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ created: 3 });
    const again = await staff2.get('/api/v1/deputies/export.xlsx');
    expect(await readRows(again.rawPayload)).toEqual(await readRows(exported.rawPayload));

    const units = await staff1.get('/api/v1/handling-units/export.xlsx');
    const unitsIn = await upload(staff2, '/api/v1/handling-units/import', units.rawPayload);
    expect(unitsIn.statusCode, unitsIn.body).toBe(200);
    expect(unitsIn.json()).toEqual({ created: 2 });
    expect(await readRows((await staff2.get('/api/v1/handling-units/export.xlsx')).rawPayload)).toEqual(
      await readRows(units.rawPayload),
    );
    // Importing the same units twice is refused as a whole.
    const twice = await upload(staff2, '/api/v1/handling-units/import', units.rawPayload);
    expect(twice.statusCode).toBe(400);
    expect(
      twice
        .json()
        .errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)
        .sort(),
    ).toEqual(['2:name', '3:name']);
  });

  it('refuses a handling-units file with bad kinds and categories', async () => {
    const data = await sheet(
      ['单位名称', '单位类型', '职责类别', '是否启用'],
      [
        ['某新局', '政府部门', '交通出行、教育', '是'],
        ['某坏局', '外星机构', '星际旅行', '也许'],
      ],
    );
    const before = await count(sql`SELECT count(*) AS n FROM handling_units`);
    const r = await upload(as.staff, '/api/v1/handling-units/import', data);
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)
        .sort(),
    ).toEqual(['3:active', '3:categories', '3:kind']);
    expect(await count(sql`SELECT count(*) AS n FROM handling_units`)).toBe(before);
  });
});

describe('handling units, liaison places and the congress structure', () => {
  it('creates and edits a handling unit, audited', async () => {
    const r = await as.staff.post('/api/v1/handling-units', {
      name: '区数据局',
      kind: 'governmentDepartment',
      categories: ['science'],
    });
    expect(r.statusCode).toBe(201);
    const id = r.json().id;
    expect(r.json()).toMatchObject({
      name: '区数据局',
      categories: ['science'],
      active: true,
      abilities: { edit: true },
    });
    expect(
      (await as.staff.post('/api/v1/handling-units', { name: '区数据局', kind: 'other' })).statusCode,
    ).toBe(409);
    expect(
      (
        await as.staff.post('/api/v1/handling-units', { name: 'x', kind: 'other', categories: ['space'] })
      ).json().errors[0].field,
    ).toBe('categories.0');
    const p = await as.staff.patch(`/api/v1/handling-units/${id}`, { active: false, contactName: '李四' });
    expect(p.json()).toMatchObject({ active: false, contactName: '李四' });
    expect((await auditsOf(id)).map((a) => a.action)).toEqual(['handlingUnit.create', 'handlingUnit.edit']);
    const list = (await as.leader.get('/api/v1/handling-units?category=transport&limit=200')).json().items;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((u: { categories: string[] }) => u.categories.includes('transport'))).toBe(true);
  });

  it('creates a liaison place, assigns deputies and refuses unknown ones', async () => {
    const street = await firstStreet();
    expect(
      (
        await as.staff.post('/api/v1/liaison-places', {
          kind: 'station',
          name: '错站',
          streetId: street.id,
          sector: '绿色',
        })
      ).json().errors[0].field,
    ).toBe('sector');
    const r = await as.staff.post('/api/v1/liaison-places', {
      kind: 'point',
      name: '新产业联系点',
      sector: '人工智能',
      streetId: street.id,
      openingHours: '周四下午',
    });
    expect(r.statusCode).toBe(201);
    const id = r.json().id;
    const some = (await t.anon.get('/api/v1/public/deputies?limit=3'))
      .json()
      .items.map((d: { id: string }) => d.id);
    const put = await as.staff.put(`/api/v1/liaison-places/${id}/deputies`, { deputyIds: some });
    expect(put.statusCode).toBe(200);
    expect(put.json().deputies).toHaveLength(3);
    const bad = await as.staff.put(`/api/v1/liaison-places/${id}/deputies`, {
      deputyIds: [some[0], '00000000-0000-7000-8000-000000000000'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('deputyIds.1');
    expect((await as.staff.get(`/api/v1/liaison-places/${id}`)).json().deputies).toHaveLength(3);
    expect((await auditsOf(id)).map((a) => a.action)).toEqual([
      'liaisonPlace.create',
      'liaisonPlace.assignDeputies',
    ]);
  });

  it('adds a community under a street and refuses a level that skips', async () => {
    const street = await firstStreet();
    const r = await as.staff.post('/api/v1/jurisdictions', {
      parentId: street.id,
      level: 'community',
      name: '新建社区',
      nameEn: 'New Community',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ parentId: street.id, level: 'community' });
    expect(
      (
        await as.staff.post('/api/v1/jurisdictions', { parentId: street.id, level: 'street', name: 'x' })
      ).json().errors[0].field,
    ).toBe('level');
    expect(
      (await as.staff.patch(`/api/v1/jurisdictions/${r.json().id}`, { name: '新建二社区' })).json().name,
    ).toBe('新建二社区');
  });

  it('opens one sitting at a time and closes it once', async () => {
    const term = (await as.staff.get('/api/v1/terms'))
      .json()
      .items.find((x: { isCurrent: boolean }) => x.isCurrent);
    const current = (await as.staff.get('/api/v1/sittings'))
      .json()
      .items.find((s: { status: string }) => s.status === 'inSession');
    const created = await as.staff.post('/api/v1/sittings', {
      termId: term.id,
      number: 3,
      startDate: '2027-01-10',
      endDate: '2027-01-13',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(
      (
        await as.staff.post('/api/v1/sittings', {
          termId: term.id,
          number: 3,
          startDate: '2027-01-10',
          endDate: '2027-01-13',
        })
      ).statusCode,
    ).toBe(409);
    expect((await as.staff.post(`/api/v1/sittings/${id}/open`)).json().code).toBe('sitting_in_session');
    expect((await as.staff.post(`/api/v1/sittings/${current.id}/close`)).json().status).toBe('closed');
    expect((await as.staff.post(`/api/v1/sittings/${current.id}/close`)).statusCode).toBe(409);
    expect((await as.staff.post(`/api/v1/sittings/${id}/open`)).json().status).toBe('inSession');
    expect((await t.anon.get('/api/v1/public/congress')).json().currentSitting).toMatchObject({
      id,
      number: 3,
      status: 'inSession',
    });
    expect((await auditsOf(id)).map((a) => a.action)).toEqual(['sitting.create', 'sitting.open']);
  });

  it('keeps terms, electoral districts, working committees and committee members', async () => {
    const t9 = await as.staff.post('/api/v1/terms', {
      number: 8,
      startDate: '2031-01-10',
      endDate: '2036-01-09',
    });
    expect(t9.statusCode).toBe(201);
    expect(
      (await as.staff.post('/api/v1/terms', { number: 8, startDate: '2031-01-10', endDate: '2036-01-09' }))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await as.staff.post('/api/v1/terms', { number: 10, startDate: '2031-01-10', endDate: '2030-01-09' })
      ).json().errors[0].field,
    ).toBe('endDate');
    expect(
      (await as.staff.post(`/api/v1/terms/${t9.json().id}/edit`, { endDate: '2036-02-01' })).json().endDate,
    ).toBe('2036-02-01');

    const street = await firstStreet();
    const ed = await as.staff.post('/api/v1/electoral-districts', {
      streetId: street.id,
      name: '新设第1选区',
      seats: 3,
    });
    expect(ed.statusCode).toBe(201);
    expect(
      (await as.staff.patch(`/api/v1/electoral-districts/${ed.json().id}`, { seats: 2 })).json().seats,
    ).toBe(2);
    expect(
      (
        await as.staff.post('/api/v1/electoral-districts', { streetId: street.id, name: 'x', seats: 0 })
      ).json().errors[0].field,
    ).toBe('seats');

    const wc = await as.staff.post('/api/v1/working-committees', {
      kind: 'workingCommittee',
      name: '预算工作委员会',
    });
    expect(wc.statusCode).toBe(201);
    expect(
      (
        await as.staff.post('/api/v1/working-committees', { kind: 'streetWorkingCommittee', name: 'x' })
      ).json().errors[0].field,
    ).toBe('streetId');

    const sc = (await as.leader.get('/api/v1/committee-members?body=standingCommittee')).json().items;
    expect(sc).toHaveLength(35);
    expect(sc[0].position).toBe('chair');
    const deputyId = (await t.anon.get('/api/v1/public/deputies?limit=1')).json().items[0].id;
    const m = await as.staff.post('/api/v1/committee-members', {
      body: 'workingCommittee',
      workingCommitteeId: wc.json().id,
      deputyId,
      position: 'director',
      startedOn: '2026-01-01',
    });
    expect(m.statusCode).toBe(201);
    expect(m.json()).toMatchObject({ position: 'director', deputy: { id: deputyId } });
    expect(
      (
        await as.staff.post('/api/v1/committee-members', {
          body: 'workingCommittee',
          workingCommitteeId: wc.json().id,
          deputyId,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await as.staff.post(`/api/v1/committee-members/${m.json().id}/end`, { endedOn: '2025-01-01' })).json()
        .errors[0].field,
    ).toBe('endedOn');
    expect(
      (await as.staff.post(`/api/v1/committee-members/${m.json().id}/end`, { endedOn: '2026-06-01' })).json()
        .endedOn,
    ).toBe('2026-06-01');
    expect(
      (await as.staff.post(`/api/v1/committee-members/${m.json().id}/end`, { endedOn: '2026-06-02' }))
        .statusCode,
    ).toBe(409);
    expect((await auditsOf(m.json().id)).map((a) => a.action)).toEqual([
      'committeeMember.add',
      'committeeMember.end',
    ]);
  });
});

describe('the law on electoral districts and offices (选举法 Art. 25; 地方组织法 Art. 47, 54)', () => {
  const snapshot = async () => ({
    audit: await auditCount(),
    districts: await count(
      sql`SELECT count(*) AS n FROM electoral_districts WHERE congress_id = ${c} AND seats = 3`,
    ),
    members: await count(sql`SELECT count(*) AS n FROM committee_members`),
  });

  it('refuses an electoral district of four deputies, on creation and on edit, and changes nothing', async () => {
    const street = await firstStreet();
    const existing = (await as.staff.get(`/api/v1/electoral-districts?streetId=${street.id}&limit=1`)).json()
      .items[0] as { id: string; seats: number };
    const before = await snapshot();
    const created = await as.staff.post('/api/v1/electoral-districts', {
      streetId: street.id,
      name: '四名额选区',
      seats: 4,
    });
    expect(created.statusCode).toBe(400);
    expect(created.headers['content-type']).toMatch(/problem\+json/);
    expect(created.json().errors).toMatchObject([{ field: 'seats', in: 'body', code: 'too_big' }]);
    expect(created.json().errors[0].message.zh).toContain('3');
    expect(created.json().errors[0].message.en).toBe('must be at most 3');
    const edited = await as.staff.patch(`/api/v1/electoral-districts/${existing.id}`, { seats: 4 });
    expect(edited.statusCode).toBe(400);
    expect(edited.json().errors[0].field).toBe('seats');
    expect(await snapshot()).toEqual(before);
    expect(await count(sql`SELECT count(*) AS n FROM electoral_districts WHERE name = '四名额选区'`)).toBe(0);
    expect(
      await count(
        sql`SELECT count(*) AS n FROM electoral_districts WHERE id = ${existing.id} AND seats = ${existing.seats}`,
      ),
    ).toBe(1);
  });

  it('keeps a district of more than three deputies out of the database itself', async () => {
    const street = await firstStreet();
    expect(
      await refusalOf(
        t.services,
        sql`INSERT INTO electoral_districts (id, congress_id, street_id, name, seats) VALUES (${newId()}, ${c}, ${street.id}, '直写选区', 4)`,
      ),
    ).toMatch(/electoral_districts_seats_check/);
    expect(
      await refusalOf(
        t.services,
        sql`INSERT INTO committee_members (id, congress_id, body, deputy_id) SELECT ${newId()}, ${c}, 'chairpersonsMeeting', id FROM deputies WHERE congress_id = ${c} LIMIT 1`,
      ),
    ).toMatch(/committee_members_body_check/);
  });

  it('refuses a secretary-general for a district standing committee with a 400 naming the position, and changes nothing', async () => {
    const deputyId = (await t.anon.get('/api/v1/public/deputies?limit=1')).json().items[0].id as string;
    const before = await snapshot();
    const res = await as.staff.post('/api/v1/committee-members', {
      body: 'standingCommittee',
      deputyId,
      position: 'secretaryGeneral',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().errors).toMatchObject([
      {
        field: 'position',
        code: 'position_not_allowed',
        message: {
          zh: '区级人大常委会不设秘书长（地方组织法第四十七条），可任职务：主任、副主任、委员',
          en: 'a district standing committee has no secretary-general (Local Organic Law Art. 47); allowed: chair, vice-chair, member',
        },
      },
    ]);
    // A working committee's director is no office of the standing committee either.
    const director = await as.staff.post('/api/v1/committee-members', {
      body: 'standingCommittee',
      deputyId,
      position: 'director',
    });
    expect(director.statusCode).toBe(400);
    expect(director.json().errors[0].field).toBe('position');
    expect(await snapshot()).toEqual(before);
  });

  it('appoints nobody to the chairpersons meeting directly, and changes nothing', async () => {
    const deputyId = (await t.anon.get('/api/v1/public/deputies?limit=1')).json().items[0].id as string;
    const before = await snapshot();
    const res = await as.staff.post('/api/v1/committee-members', {
      body: 'chairpersonsMeeting',
      deputyId,
      position: 'viceChair',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toMatchObject([{ field: 'body', code: 'computed_body' }]);
    expect(res.json().errors[0].message.zh).toContain('地方组织法第五十四条');
    expect(await snapshot()).toEqual(before);
  });

  it('makes the district chairpersons meeting the chair and vice-chairs of the standing committee', async () => {
    const sc = (await as.leader.get('/api/v1/committee-members?body=standingCommittee&current=true')).json()
      .items as { deputy: { id: string }; position: string }[];
    expect(sc.map((m) => m.position)).not.toContain('secretaryGeneral');
    const officers = sc.filter((m) => m.position === 'chair' || m.position === 'viceChair');
    expect(officers.map((m) => m.position)).toEqual(['chair', ...Array(5).fill('viceChair')]);
    const meeting = (
      await as.leader.get('/api/v1/committee-members?body=chairpersonsMeeting&current=true')
    ).json().items as { body: string; deputy: { id: string }; position: string }[];
    expect(meeting.map((m) => m.deputy.id).sort()).toEqual(officers.map((m) => m.deputy.id).sort());
    expect(meeting.every((m) => m.body === 'chairpersonsMeeting')).toBe(true);
    expect(await findChairpersonsMeetingDeputyIds(t.services.db, c)).toEqual(
      officers.map((m) => m.deputy.id).sort(),
    );
  });

  it('accepts a secretary-general for a city standing committee, who then sits in its chairpersons meeting', async () => {
    const city = await t.createCongress('测试市人民代表大会');
    await t.services.db.execute(sql`UPDATE congresses SET level = 'city' WHERE id = ${city.congressId}`);
    const staff = await t.as('r_city_staff', ['congressStaff'], { congressId: city.congressId });
    const ids: string[] = [];
    for (const name of ['市主任', '市秘书长', '市委员']) {
      const d = await staff.post('/api/v1/deputies', { name, gender: 'female' });
      expect(d.statusCode).toBe(201);
      const id = d.json().id as string;
      expect((await staff.post(`/api/v1/deputies/${id}/mandates`, { level: 'city' })).statusCode).toBe(201);
      ids.push(id);
    }
    const positions = ['chair', 'secretaryGeneral', 'member'];
    for (const [i, deputyId] of ids.entries()) {
      const m = await staff.post('/api/v1/committee-members', {
        body: 'standingCommittee',
        deputyId,
        position: positions[i],
      });
      expect(m.statusCode).toBe(201);
      expect(m.json()).toMatchObject({ body: 'standingCommittee', position: positions[i] });
      expect((await auditsOf(m.json().id)).map((a) => a.action)).toEqual(['committeeMember.add']);
    }
    const meeting = (await staff.get('/api/v1/committee-members?body=chairpersonsMeeting')).json().items as {
      deputy: { id: string };
      position: string;
    }[];
    expect(meeting.map((m) => [m.deputy.id, m.position])).toEqual([
      [ids[0], 'chair'],
      [ids[1], 'secretaryGeneral'],
    ]);
    expect(await findChairpersonsMeetingDeputyIds(t.services.db, city.congressId)).toEqual(
      [ids[0], ids[1]].sort(),
    );
  });

  it('migration 0101 brings districts above three seats and district secretaries-general into line', async () => {
    const database = await createTestDatabase();
    try {
      await migrate(
        database,
        listMigrations().filter((m) => m.name < '0101'),
      );
      const db = database.db;
      const [district, city, street, deputy] = [newId(), newId(), newId(), newId()];
      await db.execute(sql`INSERT INTO congresses (id, congress_id, name, level) VALUES
        (${district}, ${district}, '旧区', 'district'), (${city}, ${city}, '旧市', 'city')`);
      await db.execute(
        sql`INSERT INTO jurisdictions (id, congress_id, level, name) VALUES (${street}, ${district}, 'street', '旧街道')`,
      );
      await db.execute(sql`INSERT INTO electoral_districts (id, congress_id, street_id, name, seats) VALUES
        (${newId()}, ${district}, ${street}, '五名额', 5), (${newId()}, ${district}, ${street}, '两名额', 2)`);
      await db.execute(
        sql`INSERT INTO deputies (id, congress_id, name, gender) VALUES (${deputy}, ${district}, '旧代表', 'male')`,
      );
      const cityDeputy = newId();
      await db.execute(
        sql`INSERT INTO deputies (id, congress_id, name, gender) VALUES (${cityDeputy}, ${city}, '市代表', 'male')`,
      );
      await db.execute(sql`INSERT INTO committee_members (id, congress_id, body, deputy_id, position) VALUES
        (${newId()}, ${district}, 'standingCommittee', ${deputy}, 'secretaryGeneral'),
        (${newId()}, ${district}, 'chairpersonsMeeting', ${deputy}, 'secretaryGeneral'),
        (${newId()}, ${city}, 'standingCommittee', ${cityDeputy}, 'secretaryGeneral')`);

      expect(await migrate(database)).toContain('0101_registry_offices_by_level.sql');
      const rows = async <T>(q: ReturnType<typeof sql>) =>
        ((await db.execute(q)) as unknown as { rows: T[] }).rows;
      expect(
        await rows<{ name: string; seats: number }>(
          sql`SELECT name, seats FROM electoral_districts ORDER BY name`,
        ),
      ).toEqual([
        { name: '两名额', seats: 2 },
        { name: '五名额', seats: 3 },
      ]);
      expect(
        await rows<{ congress: string; body: string; position: string }>(
          sql`SELECT c.level AS congress, m.body, m.position FROM committee_members m JOIN congresses c ON c.id = m.congress_id ORDER BY c.level`,
        ),
      ).toEqual([
        { congress: 'city', body: 'standingCommittee', position: 'secretaryGeneral' },
        { congress: 'district', body: 'standingCommittee', position: 'member' },
      ]);
    } finally {
      await database.close();
      await database.dropAfter();
    }
  });
});

describe('helpers for other modules', () => {
  it('finds rolls, accounts and single records within the congress only', async () => {
    const db = t.services.db;
    const active = await findActiveDeputyIds(db, c);
    expect(active.length).toBeGreaterThanOrEqual(390);
    const sc = await findStandingCommitteeDeputyIds(db, c);
    expect(sc.length).toBeGreaterThan(30);
    expect(sc.every((id) => active.includes(id))).toBe(true);
    const login = await t.anon.post('/api/v1/auth/login', { username: 'unit', password: 'minyi-demo' });
    const unitId = login.json().user.handlingUnitId;
    expect(await findAccountIdsForUnit(db, c, unitId)).toEqual([login.json().user.id]);
    expect(await findAccountIdsForUnit(db, t.congressId, unitId)).toEqual([]);
    const dep = (
      await t.anon.post('/api/v1/auth/login', { username: 'deputy', password: 'minyi-demo' })
    ).json().user;
    expect(await findAccountIdForDeputy(db, c, dep.deputyId)).toBe(dep.id);
    expect((await getDeputy(db, c, dep.deputyId))?.id).toBe(dep.deputyId);
    expect(await getDeputy(db, t.congressId, dep.deputyId)).toBeNull();
    expect((await getHandlingUnit(db, c, unitId))?.name).toBe('区交通运输局');
    const street = await firstStreet();
    expect((await getStreet(db, c, street.id))?.name).toBe(street.name);
    expect(await getStreet(db, t.congressId, street.id)).toBeNull();
    const place = (await t.anon.get('/api/v1/public/liaison-places')).json().items[0];
    expect((await getLiaisonPlace(db, c, place.id))?.name).toBe(place.name);
  });
});
