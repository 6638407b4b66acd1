// The law on electoral districts and offices (选举法 Art. 25; 地方组织法 Art. 47, 54), and migration 0101.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, refusalOf, type TestClient, type TestEnv } from '../../../test/harness';
import { listMigrations, migrate } from '../../db/migrate';
import { newId } from '../../platform/ids';
import { findChairpersonsMeetingDeputyIds } from '.';
import { useRegistryDemo } from '../../../test/registry.fixture';

const env = useRegistryDemo();
const { count, auditCount, auditsOf, firstStreet } = env;
let t: TestEnv;
let c: string;
let as: Record<string, TestClient>;
beforeAll(() => {
  ({ t, c, as } = env);
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
