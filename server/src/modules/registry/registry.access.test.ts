// Who may read and keep the registry: every refused role, and writes that change nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { type TestClient, type TestEnv } from '../../../test/harness';
import { handlingUnits, mandates } from './registry.table';
import { useRegistryDemo, REFUSED_WRITERS, sheet } from '../../../test/registry.fixture';

const env = useRegistryDemo();
const { count, auditCount, firstStreet, upload } = env;
let t: TestEnv;
let c: string;
let as: Record<string, TestClient>;
beforeAll(() => {
  ({ t, c, as } = env);
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
