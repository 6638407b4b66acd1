// The registry's public lookups without personal data, and the lookups other modules use through index.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestEnv } from '../../../test/harness';
import {
  findAccountIdForDeputy,
  findAccountIdsForUnit,
  findActiveDeputyIds,
  findStandingCommitteeDeputyIds,
  getDeputy,
  getHandlingUnit,
  getLiaisonPlace,
  getStreet,
} from '.';
import { useRegistryDemo } from '../../../test/registry.fixture';

const env = useRegistryDemo();
const { count, firstStreet } = env;
let t: TestEnv;
let c: string;
beforeAll(() => {
  ({ t, c } = env);
});

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
