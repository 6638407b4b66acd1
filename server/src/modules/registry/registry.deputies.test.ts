// Deputies and mandates: registration audited without personal data in clear, masked for every role, bad input,
// edits, the mandate steps, and the staff roll.
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { type TestClient, type TestEnv } from '../../../test/harness';
import { deputies } from './registry.table';
import { useRegistryDemo } from '../../../test/registry.fixture';

const env = useRegistryDemo();
const { count, auditsOf, firstStreet } = env;
let t: TestEnv;
let c: string;
let as: Record<string, TestClient>;
beforeAll(() => {
  ({ t, c, as } = env);
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
      phone: '138****8000',
      idNumber: '4403**********002X',
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

  it('masks personal data for every role by default, on the record and in the list', async () => {
    for (const role of ['leader', 'liaison', 'staff']) {
      const d = (await as[role].get(`/api/v1/deputies/${deputyId}`)).json();
      expect(d.phone, role).toBe('138****8000');
      expect(d.idNumber, role).toBe('4403**********002X');
      expect(d.address, role).toMatch(/\*{4}$/);
      const list = (await as[role].get(`/api/v1/deputies?q=13800138000`)).json();
      expect(list.items, role).toHaveLength(1);
      expect(list.items[0].phone, role).toBe('138****8000');
    }
    expect((await as.leader.get(`/api/v1/deputies/${deputyId}`)).json().abilities).toMatchObject({
      read: true,
      edit: false,
      revealPhone: true,
      revealIdNumber: false,
    });
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
    expect(r.json()).toMatchObject({ occupation: '校长', phone: '139****9000' });
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
