// The demo district: deterministic, fictional, modelled on the Longgang report; refused in production.
// The platform lays what is its own (the congresses, the demo accounts and their roles, the marker) and
// gathers the modules' parts without importing a module: the module that keeps the district (the registry,
// `Module.seedDemoDistrict`) lays it out in the same transaction as the congresses and the accounts, then
// each module's `seedDemo` adds its part, in registration order, with a generator of its own.
import { sql } from 'drizzle-orm';
import type { Role } from '@minyi/domain';
import { shanghaiDate } from '@minyi/domain/calendar';
import { systemCtx, transact, type AppServices } from './context';
import { newId } from './ids';
import { hashPassword } from './auth/passwords';
import type { Module } from './module';
import { accountRoles, accounts, congresses } from './platform.table';

export type { DemoAccount, DemoBase, DemoContext, DemoDistrict, DemoSummary } from './demo-types';
import type { DemoContext, DemoSummary } from './demo-types';

export const DEMO_PASSWORD = 'minyi-demo';

/** The demo accounts as the start banner lists them (server/src/demo.test.ts checks them against the loader's). */
export const DEMO_ACCOUNTS: readonly { username: string; role: string }[] = [
  { username: 'citizen', role: '群众 citizen' },
  { username: 'deputy', role: '人大代表 deputy' },
  { username: 'member', role: '常委会组成人员 standing-committee member (a deputy)' },
  { username: 'liaison', role: '联络站工作人员 liaison staff' },
  { username: 'unit', role: '承办单位 handling unit (区交通运输局)' },
  { username: 'unit2', role: '承办单位 handling unit (区住房和建设局)' },
  { username: 'unit3', role: '承办单位 handling unit (区教育局)' },
  { username: 'unit4', role: '承办单位 handling unit (区城市管理和综合执法局)' },
  { username: 'unit5', role: '承办单位 handling unit (a street office)' },
  {
    username: 'finance',
    role: '承办单位 handling unit (区财政局, the finance department: budget execution)',
  },
  { username: 'staff', role: '人大机关工作人员 congress staff' },
  {
    username: 'teller1',
    role: '计票人 teller of the demo vote (congress staff; key share in data/tellers/)',
  },
  {
    username: 'teller2',
    role: '计票人 teller of the demo vote (congress staff; key share in data/tellers/)',
  },
  {
    username: 'teller3',
    role: '计票人 teller of the demo vote (congress staff; key share in data/tellers/)',
  },
  { username: 'leader', role: '常委会主任 leader (chair of the standing committee)' },
  { username: 'sysadmin', role: '系统管理员 system administrator (TOTP at first sign-in)' },
  { username: 'secadmin', role: '安全管理员 security administrator (TOTP at first sign-in)' },
  { username: 'auditor', role: '安全审计员 auditor (TOTP at first sign-in)' },
];
const DEMO_SEED = 20220701;
/** The settings key that marks a congress as the demo's (and as the default congress for the public). */
export const DEMO_MARKER = 'demo';
/** The demo's congresses (the district's jurisdictions are the registry's, registry.demo-data.ts). */
const DISTRICT_CONGRESS = {
  name: '鹏城市东岭区人民代表大会',
  nameEn: "Dongling District People's Congress",
};
const CITY_CONGRESS = { name: '鹏城市人民代表大会', nameEn: "Pengcheng Municipal People's Congress" };

/** Deterministic PRNG (mulberry32): the same seed gives the same district. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seedOf = (s: string) => {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
};

export async function isDemoLoaded(app: AppServices): Promise<boolean> {
  const res = (await app.db.execute(
    sql`SELECT 1 AS one FROM congresses WHERE settings ? ${DEMO_MARKER} LIMIT 1`,
  )) as unknown as { rows: unknown[] };
  return res.rows.length > 0;
}

interface DemoAccountSpec {
  username: string;
  displayName: string;
  roles: Role[];
  deputyId?: string;
  handlingUnitId?: string;
}

/** Loads the demo district with the modules given (server/src/demo.ts gives the registered ones). */
export async function loadDemo(app: AppServices, modules: readonly Module[]): Promise<DemoSummary> {
  if (app.config.env === 'production') throw new Error('The demo district is never loaded in production');
  const keeper = modules.find((m) => m.seedDemoDistrict);
  if (!keeper?.seedDemoDistrict)
    throw new Error('No module lays out the demo district (Module.seedDemoDistrict)');
  const seedDistrict = keeper.seedDemoDistrict;
  const random = mulberry32(DEMO_SEED);

  // "Now" of the demo: the start of today in Shanghai, so everything seeded lies in the past of real time.
  const today = shanghaiDate(new Date());
  const now = new Date(`${today}T00:00:00+08:00`);

  const congressId = newId();
  const cityCongressId = newId();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const ctx = systemCtx(app, { requestId: 'demo-seed' });
  const { district, specs, accountIds, counts } = await transact(ctx, async (w) => {
    const db = w.db;
    // Each congress points at its jurisdiction, which the district's module lays out next (the key is
    // checked at commit), and the jurisdictions point back at their congress.
    await db.insert(congresses).values([
      {
        id: cityCongressId,
        congressId: cityCongressId,
        name: CITY_CONGRESS.name,
        nameEn: CITY_CONGRESS.nameEn,
        level: 'city',
        settings: {},
      },
      {
        id: congressId,
        congressId,
        parentCongressId: cityCongressId,
        name: DISTRICT_CONGRESS.name,
        nameEn: DISTRICT_CONGRESS.nameEn,
        level: 'district',
        settings: {},
      },
    ]);
    const district = await seedDistrict(app, w, { congressId, cityCongressId, random, today });
    await db
      .update(congresses)
      .set({ jurisdictionId: district.cityJurisdictionId })
      .where(sql`${congresses.id} = ${cityCongressId}`);
    await db
      .update(congresses)
      .set({ jurisdictionId: district.districtId })
      .where(sql`${congresses.id} = ${congressId}`);

    // ----- demo accounts -----
    const unitByName = (name: string) => district.handlingUnits.find((u) => u.name === name)!;
    const specs: DemoAccountSpec[] = [
      { username: 'citizen', displayName: '市民王小明', roles: ['citizen'] },
      {
        username: 'deputy',
        displayName: district.accountDeputy.name,
        roles: ['deputy'],
        deputyId: district.accountDeputy.id,
      },
      // A member of the standing committee: the right to vote at its meetings comes from that membership.
      {
        username: 'member',
        displayName: district.memberDeputy.name,
        roles: ['deputy'],
        deputyId: district.memberDeputy.id,
      },
      { username: 'liaison', displayName: '联络员李晓燕', roles: ['liaisonStaff'] },
      {
        username: 'unit',
        displayName: '区交通运输局 陈建华',
        roles: ['handlingUnitStaff'],
        handlingUnitId: unitByName('区交通运输局').id,
      },
      {
        username: 'unit2',
        displayName: '区住房和建设局 黄志强',
        roles: ['handlingUnitStaff'],
        handlingUnitId: unitByName('区住房和建设局').id,
      },
      {
        username: 'unit3',
        displayName: '区教育局 林丽娟',
        roles: ['handlingUnitStaff'],
        handlingUnitId: unitByName('区教育局').id,
      },
      {
        username: 'unit4',
        displayName: '区城市管理和综合执法局 张伟',
        roles: ['handlingUnitStaff'],
        handlingUnitId: unitByName('区城市管理和综合执法局').id,
      },
      {
        username: 'unit5',
        displayName: `${district.streets[0].name}办事处 刘海东`,
        roles: ['handlingUnitStaff'],
        handlingUnitId: unitByName(`${district.streets[0].name}办事处`).id,
      },
      // The finance department: pushes the monthly budget execution and answers the inquiries put to it.
      {
        username: 'finance',
        displayName: '区财政局 何静',
        roles: ['handlingUnitStaff'],
        handlingUnitId: unitByName('区财政局').id,
      },
      { username: 'staff', displayName: '代表工委 周敏', roles: ['congressStaff'] },
      // The demo vote's three tellers (计票人): staff of the congress's offices, each holding one share of the
      // vote's key (written at load under <data dir>/tellers/, never in the database).
      { username: 'teller1', displayName: '人大办 计票人 郑晓燕', roles: ['congressStaff'] },
      { username: 'teller2', displayName: '代表工委 计票人 何志远', roles: ['congressStaff'] },
      { username: 'teller3', displayName: '法工委 计票人 罗丽萍', roles: ['congressStaff'] },
      // The standing committee's chair (linked to the deputy, so they vote at its meetings as a member).
      {
        username: 'leader',
        displayName: `常委会主任 ${district.chairDeputy.name}`,
        roles: ['leader'],
        deputyId: district.chairDeputy.id,
      },
      { username: 'sysadmin', displayName: '系统管理员', roles: ['systemAdmin'] },
      { username: 'secadmin', displayName: '安全管理员', roles: ['securityAdmin'] },
      { username: 'auditor', displayName: '安全审计员', roles: ['auditor'] },
    ];
    const accountIds = new Map(specs.map((s) => [s.username, newId()]));
    const counts: Record<string, number> = { ...district.counts, accounts: specs.length };
    await db.insert(accounts).values(
      specs.map((s) => ({
        id: accountIds.get(s.username)!,
        congressId,
        username: s.username,
        displayName: s.displayName,
        passwordHash,
        deputyId: s.deputyId ?? null,
        handlingUnitId: s.handlingUnitId ?? null,
      })),
    );
    await db
      .insert(accountRoles)
      .values(
        specs.flatMap((s) =>
          s.roles.map((role) => ({ accountId: accountIds.get(s.username)!, role, congressId })),
        ),
      );
    await w.audit({
      action: 'demo.load',
      entityType: 'congress',
      entityId: congressId,
      congressId,
      after: counts,
    });
    await w.audit({
      action: 'demo.load',
      entityType: 'congress',
      entityId: cityCongressId,
      congressId: cityCongressId,
      after: { cityMandates: counts.cityMandates },
    });
    return { district, specs, accountIds, counts };
  });
  app.calendar.invalidate();

  const {
    cityJurisdictionId: _c,
    accountDeputy: _d,
    chairDeputy: _h,
    memberDeputy: _m,
    counts: _n,
    ...shared
  } = district;
  const demo: DemoContext = {
    ...shared,
    congressId,
    cityCongressId,
    accounts: Object.fromEntries(
      specs.map((s) => [
        s.username,
        {
          accountId: accountIds.get(s.username)!,
          ...(s.deputyId ? { deputyId: s.deputyId } : {}),
          ...(s.handlingUnitId ? { handlingUnitId: s.handlingUnitId } : {}),
        },
      ]),
    ),
    random,
    now,
  };

  // Each module adds its part, with its own generator so one module's change does not reshuffle another's.
  for (const m of modules) {
    if (!m.seedDemo) continue;
    await m.seedDemo(app, { ...demo, random: mulberry32(DEMO_SEED ^ seedOf(m.name)) });
  }

  // Fresh statistics, so the planner does not take a 400-row table for an empty one (PGlite has no autovacuum).
  await app.db.execute(sql`ANALYZE`);

  // The marker last: a district whose module seeds failed is not reported as loaded.
  await app.db.execute(
    sql`UPDATE congresses SET settings = jsonb_set(settings, ${`{${DEMO_MARKER}}`}::text[], ${JSON.stringify({ role: 'default', loadedOn: today, seed: DEMO_SEED })}::jsonb) WHERE id = ${congressId}`,
  );
  await app.db.execute(
    sql`UPDATE congresses SET settings = jsonb_set(settings, ${`{${DEMO_MARKER}}`}::text[], ${JSON.stringify({ role: 'parent', loadedOn: today, seed: DEMO_SEED })}::jsonb) WHERE id = ${cityCongressId}`,
  );

  return {
    congressId,
    accounts: specs.map((s) => ({ username: s.username, role: s.roles.join(',') })),
    counts,
  };
}
