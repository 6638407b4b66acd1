// The demo district: deterministic, of the promised size, with working demo accounts; never in production.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { createTestEnv, type TestEnv } from '../test/harness';
import { auditEvents } from './platform/platform.table';
import { deputies, mandates } from './modules/registry/registry.table';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isDemoLoaded, loadDemo, type DemoSummary } from './demo';

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
    const rows = await a.services.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'demo.load'), eq(auditEvents.entityType, 'congress')));
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.congressId)).toContain(first.congressId);
  });

  it('lists in the start banner exactly the accounts it makes', () => {
    expect(DEMO_ACCOUNTS.map((x) => x.username)).toEqual(first.accounts.map((x) => x.username));
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

  it('keeps the fictional district fictional: no real Shenzhen or Longgang name in any demo text', async () => {
    // Real places the demo once borrowed (roads, rivers, streets, communities) and the real province and district.
    const REAL_NAMES = [
      '深圳',
      '龙岗',
      '广东',
      '坂田',
      '布吉',
      '横岗',
      '平湖',
      '坪地',
      '龙城',
      '南湾',
      '宝龙',
      '园山',
      '吉华',
      '深惠路',
      '布澜路',
      '龙翔大道',
      '清林路',
      '黄阁路',
      '白泥坑',
      '山厦',
      '鹅公岭',
      '杨美',
      '马安堂',
      '象角塘',
      '大发埔',
      '水径',
      '南联',
      '爱联',
      '六约',
      '荷坳',
      '同乐',
      '南约',
      '坪东',
      '沙坣',
    ];
    const tables = (
      (await a.services.db.execute(
        sql`SELECT DISTINCT table_name AS t FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'congress_id' ORDER BY 1`,
      )) as unknown as { rows: { t: string }[] }
    ).rows.map((r) => r.t);
    expect(tables).toEqual(
      expect.arrayContaining(['suggestions', 'opinions', 'livelihood_progress_reports']),
    );
    for (const table of tables) {
      const text = (
        (await a.services.db.execute(
          sql`SELECT coalesce(string_agg(row_to_json(x)::text, ' '), '') AS s FROM ${sql.identifier(table)} x WHERE congress_id IN (SELECT id FROM congresses WHERE id = ${first.congressId} OR id = (SELECT parent_congress_id FROM congresses WHERE id = ${first.congressId}))`,
        )) as unknown as { rows: { s: string }[] }
      ).rows[0].s;
      // The scan sees the demo's texts (its own names are there).
      if (table === 'jurisdictions') expect(text).toContain('东岭区');
      if (table === 'suggestions') expect(text).toContain('坂湖');
      for (const name of REAL_NAMES) expect(text.includes(name), `${table} names ${name}`).toBe(false);
    }
  });

  it('gives every suggestion of the sitting a title of its own', async () => {
    const c = first.congressId;
    const titles = (
      (await a.services.db.execute(
        sql`SELECT s.title FROM suggestions s JOIN sittings t ON t.id = s.sitting_id WHERE s.congress_id = ${c} AND t.status = 'inSession'`,
      )) as unknown as { rows: { title: string }[] }
    ).rows.map((r) => r.title);
    expect(titles).toHaveLength(91);
    expect(new Set(titles).size).toBe(91);
    for (const title of titles) expect(title).not.toMatch(/（\d+）/);
  });

  it('routes each demo item to the unit that handles such a thing', async () => {
    const c = first.congressId;
    const leads = async (query: ReturnType<typeof sql>) =>
      ((await a.services.db.execute(query)) as unknown as { rows: { title: string; unit: string }[] }).rows;
    const suggestions = await leads(
      sql`SELECT s.title, s.category, u.name AS unit FROM suggestions s JOIN handling_units u ON u.id = s.lead_unit_id WHERE s.congress_id = ${c}`,
    );
    const lead = (pattern: RegExp) => suggestions.filter((s) => pattern.test(s.title)).map((s) => s.unit);
    expect(lead(/充电桩/)).not.toContain('区信访局');
    expect(lead(/充电桩进小区/)).toEqual(['区住房和建设局']);
    expect(lead(/学位|课后服务|新建中学|心理健康教育/).length).toBeGreaterThan(0);
    expect(new Set(lead(/学位|课后服务|新建中学|心理健康教育/))).toEqual(new Set(['区教育局']));
    expect(new Set(lead(/口袋公园|路灯/))).toEqual(new Set(['区城市管理和综合执法局']));
    expect(new Set(lead(/长者饭堂|养老机构|适老化改造/))).toEqual(new Set(['区民政局']));
    expect(new Set(lead(/水环境|内涝/))).toEqual(new Set(['区水务局']));
    // The demo `unit` account (区交通运输局) leads many, some of them overdue.
    expect(suggestions.filter((s) => s.unit === '区交通运输局').length).toBeGreaterThanOrEqual(10);
    expect(
      await count(
        a,
        sql`SELECT count(*) AS n FROM suggestions s JOIN handling_units u ON u.id = s.lead_unit_id WHERE s.congress_id = ${c} AND u.name = '区交通运输局' AND s.status = 'assigned' AND s.deadline < now()`,
      ),
    ).toBeGreaterThan(0);

    const projects = await leads(
      sql`SELECT p.title, u.name AS unit FROM livelihood_projects p JOIN handling_units u ON u.id = p.lead_unit_id WHERE p.congress_id = ${c} UNION SELECT p.title, u.name AS unit FROM livelihood_candidates p JOIN handling_units u ON u.id = p.lead_unit_id WHERE p.congress_id = ${c}`,
    );
    const project = (prefix: string) =>
      new Set(projects.filter((p) => p.title.startsWith(prefix)).map((p) => p.unit));
    expect(project('充电桩进小区')).toEqual(new Set(['区住房和建设局']));
    expect(project('口袋公园')).toEqual(new Set(['区城市管理和综合执法局']));
    expect(project('夜间照明')).toEqual(new Set(['区城市管理和综合执法局']));
    expect(project('新建公办幼儿园')).toEqual(new Set(['区教育局']));

    const opinions = await leads(
      sql`SELECT o.content AS title, o.category, u.name AS unit FROM opinions o JOIN handling_units u ON u.id = o.lead_unit_id WHERE o.congress_id = ${c}`,
    );
    const opinionUnits = (pattern: RegExp) =>
      new Set(opinions.filter((o) => pattern.test(o.title)).map((o) => o.unit));
    expect(opinionUnits(/公交/)).toEqual(new Set(['区交通运输局']));
    expect(opinionUnits(/幼儿园|操场/)).toEqual(new Set(['区教育局']));
    expect(opinionUnits(/长者饭堂/)).toEqual(new Set(['区民政局']));
  });

  it('writes varied texts: replies, contacts and monthly progress notes of their own', async () => {
    const c = first.congressId;
    const distinct = async (column: string, table: string) =>
      count(
        a,
        sql`SELECT count(DISTINCT ${sql.identifier(column)}) AS n FROM ${sql.identifier(table)} WHERE congress_id = ${c}`,
      );
    const all = async (table: string) =>
      count(a, sql`SELECT count(*) AS n FROM ${sql.identifier(table)} WHERE congress_id = ${c}`);
    expect(await distinct('content', 'suggestion_replies')).toBe(await all('suggestion_replies'));
    expect(await distinct('summary', 'suggestion_contacts')).toBeGreaterThan(
      (await all('suggestion_contacts')) * 0.8,
    );
    const reports = await all('livelihood_progress_reports');
    expect(await distinct('narrative', 'livelihood_progress_reports')).toBeGreaterThan(reports * 0.8);
    expect(
      await count(
        a,
        sql`SELECT count(*) AS n FROM livelihood_progress_reports WHERE congress_id = ${c} AND narrative LIKE '%按计划推进，完成阶段性任务%'`,
      ),
    ).toBe(0);
    expect(await distinct('content', 'livelihood_ideas')).toBe(await all('livelihood_ideas'));
  });

  it('refuses to load in production', async () => {
    await expect(
      loadDemo({ ...a.services, config: { ...a.services.config, env: 'production' } }),
    ).rejects.toThrow(/production/);
  });
});
