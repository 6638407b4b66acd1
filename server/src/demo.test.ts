// The demo district: deterministic, of the promised size, with working demo accounts; never in production.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { createTestEnv, type TestEnv } from '../test/harness';
import { auditEvents } from './platform/platform.table';
import { deputies, mandates } from './modules/registry/registry.table';
import { DEMO_PASSWORD, isDemoLoaded, loadDemo, type DemoSummary } from './demo';

let a: TestEnv;
let b: TestEnv;
let first: DemoSummary;
let second: DemoSummary;
beforeAll(async () => {
  [a, b] = await Promise.all([createTestEnv(), createTestEnv()]);
  expect(await isDemoLoaded(a.services)).toBe(false);
  first = await loadDemo(a.services);
  second = await loadDemo(b.services);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

const count = async (t: TestEnv, query: ReturnType<typeof sql>) =>
  Number(((await t.services.db.execute(query)) as unknown as { rows: { n: number | string }[] }).rows[0].n);

describe('demo district', () => {
  it('marks itself loaded', async () => {
    expect(await isDemoLoaded(a.services)).toBe(true);
  });

  it('is the same district in two fresh databases', async () => {
    const names = async (t: TestEnv, congressId: string) =>
      (
        await t.services.db
          .select({ name: deputies.name, gender: deputies.gender, occupation: deputies.occupation })
          .from(deputies)
          .where(eq(deputies.congressId, congressId))
          .orderBy(asc(deputies.id))
      ).map((d) => `${d.name}/${d.gender}/${d.occupation}`);
    const na = await names(a, first.congressId);
    expect(na.length).toBeGreaterThan(400);
    expect(await names(b, second.congressId)).toEqual(na);
    expect(second.counts).toEqual(first.counts);
  });

  it('has the sizes of the brief', async () => {
    const c = first.congressId;
    const t = a;
    expect(
      await count(
        t,
        sql`SELECT count(*) AS n FROM jurisdictions WHERE congress_id = ${c} AND level = 'street'`,
      ),
    ).toBe(11);
    const perStreet = (
      (await t.services.db.execute(
        sql`SELECT count(*)::int AS n FROM jurisdictions WHERE congress_id = ${c} AND level = 'community' GROUP BY parent_id`,
      )) as unknown as { rows: { n: number }[] }
    ).rows.map((r) => Number(r.n));
    expect(Math.min(...perStreet)).toBeGreaterThanOrEqual(4);
    expect(Math.max(...perStreet)).toBeLessThanOrEqual(8);
    expect(await count(t, sql`SELECT count(*) AS n FROM electoral_districts WHERE congress_id = ${c}`)).toBe(
      160,
    );
    expect(
      await count(t, sql`SELECT sum(seats) AS n FROM electoral_districts WHERE congress_id = ${c}`),
    ).toBe(400);
    const district = await count(
      t,
      sql`SELECT count(*) AS n FROM mandates WHERE congress_id = ${c} AND level = 'district' AND status = 'active'`,
    );
    expect(district).toBeGreaterThanOrEqual(390);
    expect(
      await count(t, sql`SELECT count(*) AS n FROM mandates WHERE congress_id = ${c} AND status <> 'active'`),
    ).toBeGreaterThan(0);
    expect(
      await count(
        t,
        sql`SELECT count(*) AS n FROM mandates m JOIN congresses k ON k.id = m.congress_id WHERE k.parent_congress_id IS NULL AND k.level = 'city' AND m.level = 'city' AND m.deputy_id IN (SELECT id FROM deputies WHERE congress_id = ${c})`,
      ),
    ).toBe(40);
    // Some persons hold both a district and a city mandate.
    expect(
      await count(
        t,
        sql`SELECT count(*) AS n FROM (SELECT deputy_id FROM mandates WHERE deputy_id IN (SELECT id FROM deputies WHERE congress_id = ${c}) GROUP BY deputy_id HAVING count(DISTINCT level) = 2) x`,
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(
        t,
        sql`SELECT count(*) AS n FROM committee_members WHERE congress_id = ${c} AND body = 'standingCommittee'`,
      ),
    ).toBe(35);
    expect(
      await count(
        t,
        sql`SELECT count(*) AS n FROM committee_members WHERE congress_id = ${c} AND body = 'standingCommittee' AND position = 'chair'`,
      ),
    ).toBe(1);
    expect(
      await count(t, sql`SELECT count(*) AS n FROM handling_units WHERE congress_id = ${c}`),
    ).toBeGreaterThanOrEqual(55);
    expect(
      await count(
        t,
        sql`SELECT count(*) AS n FROM handling_units WHERE congress_id = ${c} AND kind = 'streetOffice'`,
      ),
    ).toBe(11);
    for (const kind of ['court', 'procuratorate', 'supervisionCommission']) {
      expect(
        await count(
          t,
          sql`SELECT count(*) AS n FROM handling_units WHERE congress_id = ${c} AND kind = ${kind}`,
        ),
      ).toBe(1);
    }
    expect(await count(t, sql`SELECT count(*) AS n FROM liaison_places WHERE congress_id = ${c}`)).toBe(30);
    expect(
      await count(
        t,
        sql`SELECT count(*) AS n FROM liaison_places WHERE congress_id = ${c} AND kind = 'point'`,
      ),
    ).toBe(11);
    expect(
      await count(
        t,
        sql`SELECT count(*) AS n FROM liaison_places WHERE congress_id = ${c} AND sector = '绿色环保'`,
      ),
    ).toBe(1);
    expect(
      await count(
        t,
        sql`SELECT count(*) AS n FROM working_committees WHERE congress_id = ${c} AND kind = 'streetWorkingCommittee'`,
      ),
    ).toBe(11);
    // The holidays come with the code, not the demo: the demo enters none of its own.
    expect(await count(t, sql`SELECT count(*) AS n FROM calendar_days WHERE congress_id = ${c}`)).toBe(0);
    expect((await t.services.calendar.year(c, 2026)).items.length).toBeGreaterThan(20);
    expect(
      await count(
        t,
        sql`SELECT count(*) AS n FROM sittings WHERE congress_id = ${c} AND status = 'inSession'`,
      ),
    ).toBe(1);
  });

  it('keeps personal data encrypted at rest and every non-active mandate explained', async () => {
    const [d] = await a.services.db
      .select()
      .from(deputies)
      .where(eq(deputies.congressId, first.congressId))
      .limit(1);
    expect(d.phoneEnc).not.toMatch(/^1\d{10}$/);
    expect(a.services.pii.decrypt(d.phoneEnc!)).toMatch(/^1[3-9]\d{9}$/);
    expect(a.services.pii.decrypt(d.idNumberEnc!)).toMatch(/^\d{17}[\dX]$/);
    const off = await a.services.db
      .select()
      .from(mandates)
      .where(and(eq(mandates.congressId, first.congressId), sql`${mandates.status} <> 'active'`));
    for (const m of off) {
      expect(m.statusReason).not.toBe('');
      expect(m.statusDate).toMatch(/^\d{4}-\d\d-\d\d$/);
    }
  });

  it('writes one demo.load audit row per congress', async () => {
    const rows = await a.services.db.select().from(auditEvents).where(eq(auditEvents.action, 'demo.load'));
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.congressId)).toContain(first.congressId);
  });

  it('lets every demo account sign in with the demo password', async () => {
    expect(first.accounts.map((x) => x.username)).toEqual(
      expect.arrayContaining([
        'citizen',
        'deputy',
        'liaison',
        'unit',
        'unit2',
        'staff',
        'leader',
        'sysadmin',
        'secadmin',
        'auditor',
      ]),
    );
    for (const { username } of first.accounts) {
      const r = await a.anon.post('/api/v1/auth/login', { username, password: DEMO_PASSWORD });
      expect(r.statusCode, username).toBe(200);
      expect(r.json().user.congressId).toBe(first.congressId);
    }
    const deputy = await a.anon.post('/api/v1/auth/login', { username: 'deputy', password: DEMO_PASSWORD });
    const deputyId = deputy.json().user.deputyId;
    expect(
      await count(a, sql`SELECT count(*) AS n FROM liaison_place_deputies WHERE deputy_id = ${deputyId}`),
    ).toBeGreaterThan(0);
  });

  it('refuses to load in production', async () => {
    await expect(
      loadDemo({ ...a.services, config: { ...a.services.config, env: 'production' } }),
    ).rejects.toThrow(/production/);
  });
});
