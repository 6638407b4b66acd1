// The register as staff read it (ID numbers masked, never listed in clear) and proxy entrustments (选举法
// Art. 42): one voter accepts a third but not a fourth, a voter entrusts only once, both must be registered in
// the election; the roles that may not are refused and every refusal changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { idCheckChar } from '@minyi/domain/elections';
import { auditEvents } from '../../platform/platform.table';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { electionProxies } from './elections.table';

let t: TestEnv;
let staff: TestClient;
let electionId: string;
const ids: Record<string, string> = {};
const idNumbers: string[] = [];

const idNumber = (birth: string, seq: string) => {
  const f = `440305${birth.replaceAll('-', '')}${seq}`;
  return f + idCheckChar(f);
};

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  electionId = (
    await staff.post('/api/v1/elections', { title: '区人大代表选举', electionDay: '2021-11-26' })
  ).json().id;
  await staff.post(`/api/v1/elections/${electionId}/districts`, { name: '东岭街道第1选区', seats: 2 });
  const names = ['甲一', '乙二', '丙三', '丁四', '戊五', '己六'];
  const rows = names.map((n, i) => {
    const id = idNumber(`19${70 + i}-05-0${i + 1}`, `0${i}1`);
    idNumbers.push(id);
    return `${n},${id},东岭街道第1选区,第1选民小组,`;
  });
  const boundary = '----minyiproxies';
  const res = await staff.request({
    method: 'POST',
    url: `/api/v1/elections/${electionId}/voters:import`,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.from(['name,idNumber,district,group,address', ...rows].join('\n')),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  expect(res.json().imported).toBe(6);
  const list = (await staff.get(`/api/v1/elections/${electionId}/voters`)).json();
  for (const v of list.items) ids[v.name] = v.id;
});
afterAll(async () => t?.close());

describe('the register and proxies', () => {
  it('lists the voters by name with the ID number masked, never in clear', async () => {
    const res = await staff.get(`/api/v1/elections/${electionId}/voters?name=${encodeURIComponent('丙')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).toMatchObject({ name: '丙三', entrustmentsAccepted: 0 });
    const all = (await staff.get(`/api/v1/elections/${electionId}/voters`)).body;
    for (const id of idNumbers) expect(all).not.toContain(id);
  });

  it('a voter accepts a third entrustment; the fourth is refused with Art. 42', async () => {
    const url = `/api/v1/elections/${electionId}/proxies`;
    for (const [k, from] of ['乙二', '丙三', '丁四'].entries()) {
      const res = await staff.post(url, { voterId: ids[from], proxyVoterId: ids['甲一'] });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().accepted).toBe(k + 1);
    }
    const fourth = await staff.post(url, { voterId: ids['戊五'], proxyVoterId: ids['甲一'] });
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json()).toMatchObject({ code: 'proxy_limit', accepted: 3, max: 3 });
    expect(JSON.stringify(fourth.json())).toContain('第四十二条');
    const v = (
      await staff.get(`/api/v1/elections/${electionId}/voters?name=${encodeURIComponent('甲一')}`)
    ).json();
    expect(v.items[0].entrustmentsAccepted).toBe(3);
    const audit = await t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, electionId));
    expect(audit.filter((a) => a.action === 'election.approveProxy')).toHaveLength(3);
  });

  it('a voter entrusts only once (409); themselves or a stranger is a 400 naming the field', async () => {
    const url = `/api/v1/elections/${electionId}/proxies`;
    const again = await staff.post(url, { voterId: ids['乙二'], proxyVoterId: ids['己六'] });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_entrusted');
    const self = await staff.post(url, { voterId: ids['己六'], proxyVoterId: ids['己六'] });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0].field).toBe('proxyVoterId');
    const stranger = await staff.post(url, {
      voterId: ids['己六'],
      proxyVoterId: '0199a5d2-0000-7000-8000-000000000001',
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0].field).toBe('proxyVoterId');
    const rows = await t.services.db.select().from(electionProxies);
    expect(rows).toHaveLength(3);
  });

  it('refuses leaders, deputies and citizens the register and proxies (403), the anonymous (401)', async () => {
    for (const role of ['leader', 'deputy', 'citizen'] as const) {
      const c = await t.as(`p-${role}`, [role]);
      expect((await c.get(`/api/v1/elections/${electionId}/voters`)).statusCode, role).toBe(403);
      const res = await c.post(`/api/v1/elections/${electionId}/proxies`, {
        voterId: ids['己六'],
        proxyVoterId: ids['戊五'],
      });
      expect(res.statusCode, role).toBe(403);
    }
    expect((await t.anon.get(`/api/v1/elections/${electionId}/voters`)).statusCode).toBe(401);
    expect((await t.services.db.select().from(electionProxies)).length).toBe(3);
  });
});
