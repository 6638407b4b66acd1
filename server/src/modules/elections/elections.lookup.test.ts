// The public look-up of one's own registration: by the full name and the full ID number, the answer is only
// whether the person is on the list and where they vote. A wrong name, an unregistered number and a voter taken
// off the list get the same answer; bad input is a 400 naming the field; an address gets 10 look-ups a minute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '@minyi/domain/calendar';
import { addDays, idCheckChar, REGISTRATION_LOOKUPS_PER_MINUTE } from '@minyi/domain/elections';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';

let t: TestEnv;
let staff: TestClient;
const today = shanghaiDate(new Date());
const idNumber = (birth: string, seq: string) => {
  const f = `440305${birth}${seq}`;
  return f + idCheckChar(f);
};
const ZHANG = idNumber('19850312', '041');
const LI = idNumber('19920704', '062');
const HUANG = idNumber('19580101', '013');
const NOBODY = idNumber('19790909', '999');
let n = 0;
const address = () => `10.18.${Math.floor(++n / 250)}.${n % 250}`;

const check = (body: unknown, remoteAddress = address()) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/elections/registration:check',
    payload: body as object,
    remoteAddress,
  });

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  const id = (
    await staff.post('/api/v1/elections', {
      title: '东岭区第八届人大代表选举',
      electionDay: addDays(today, 40),
    })
  ).json().id;
  const base = `/api/v1/elections/${id}`;
  const districtId = (await staff.post(`${base}/districts`, { name: '东岭街道第4选区', seats: 2 })).json().id;
  await staff.post(`${base}/districts/${districtId}/stations`, { name: '东岭社区党群服务中心投票站' });
  const rows = [
    `张秀英,${ZHANG},东岭街道第4选区,第2选民小组,东岭街道翠湖路18号`,
    `李俊,${LI},东岭街道第4选区,第3选民小组,东岭街道翠湖路20号`,
    `黄志勇,${HUANG},东岭街道第4选区,第3选民小组,东岭街道翠湖路22号`,
  ];
  const boundary = '----minyilookup';
  const imported = await staff.request({
    method: 'POST',
    url: `${base}/voters:import`,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.from(['name,idNumber,district,group,address', ...rows].join('\n')),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  expect(imported.json().imported, imported.body).toBe(3);
  const voters = (await staff.get(`${base}/voters`)).json().items as { id: string; name: string }[];
  const huang = voters.find((v) => v.name === '黄志勇')!;
  const excluded = await staff.post(`${base}/voters/${huang.id}/exclusion`, {
    kind: 'deprivedOfRights',
    reason: '被判处剥夺政治权利',
    decision: '东岭区选举委员会第2次会议决定',
    confirmedOn: today,
  });
  expect(excluded.statusCode, excluded.body).toBe(200);
});
afterAll(async () => t?.close());

describe('the public registration look-up', () => {
  it('tells a registered voter where they vote, and nothing else', async () => {
    const res = await check({ name: '张秀英', idNumber: ZHANG });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      registered: true,
      election: { title: '东岭区第八届人大代表选举', electionDay: addDays(today, 40) },
      district: '东岭街道第4选区',
      group: '第2选民小组',
      stations: [{ name: '东岭社区党群服务中心投票站', kind: 'station' }],
    });
    for (const secret of [ZHANG, '翠湖路', '1985', '李俊', '黄志勇']) expect(res.body).not.toContain(secret);
  });

  it('accepts spaces around the number', async () => {
    const res = await check({ name: '张秀英', idNumber: ` ${ZHANG} ` });
    expect(res.json().registered).toBe(true);
  });

  it('answers a wrong name, an unregistered number and an excluded voter alike', async () => {
    const answers = await Promise.all([
      check({ name: '张秀', idNumber: ZHANG }),
      check({ name: '李俊', idNumber: ZHANG }),
      check({ name: '无此人', idNumber: NOBODY }),
      check({ name: '黄志勇', idNumber: HUANG }),
    ]);
    const bodies = answers.map((a) => {
      expect(a.statusCode).toBe(200);
      return a.body;
    });
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0])).toEqual({
      registered: false,
      election: { title: '东岭区第八届人大代表选举', electionDay: addDays(today, 40) },
    });
    for (const b of bodies)
      for (const secret of ['剥夺', 'deprived', '李俊', 'district']) expect(b).not.toContain(secret);
  });

  it('refuses bad input with a 400 naming the field, in Chinese and English', async () => {
    const cases: [unknown, string][] = [
      [{ name: '张秀英', idNumber: ZHANG.slice(0, 17) + (ZHANG[17] === '0' ? '1' : '0') }, 'idNumber'],
      [{ name: '张秀英', idNumber: '4403051985031204' }, 'idNumber'],
      [{ name: '张秀英' }, 'idNumber'],
      [{ name: '', idNumber: ZHANG }, 'name'],
      [{ name: '张'.repeat(61), idNumber: ZHANG }, 'name'],
      [{ name: '张秀英', idNumber: ZHANG, districtId: '0' }, 'districtId'],
    ];
    for (const [body, field] of cases) {
      const res = await check(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const errors = res.json().errors as { field: string; message: { zh: string; en: string } }[];
      expect(errors.map((e) => e.field)).toContain(field);
      expect(errors[0].message.zh && errors[0].message.en).toBeTruthy();
      expect(res.body).not.toContain('东岭区第八届');
    }
    expect((await check('not json at all')).statusCode).toBeLessThan(500);
  });

  it(`allows ${REGISTRATION_LOOKUPS_PER_MINUTE} look-ups a minute from one address, then 429; another address goes on`, async () => {
    const from = '10.99.0.1';
    const statuses: number[] = [];
    for (let i = 0; i < REGISTRATION_LOOKUPS_PER_MINUTE + 3; i++)
      statuses.push((await check({ name: '无此人', idNumber: NOBODY }, from)).statusCode);
    expect(statuses.slice(0, REGISTRATION_LOOKUPS_PER_MINUTE)).toEqual(
      Array(REGISTRATION_LOOKUPS_PER_MINUTE).fill(200),
    );
    expect(new Set(statuses.slice(REGISTRATION_LOOKUPS_PER_MINUTE))).toEqual(new Set([429]));
    expect((await check({ name: '张秀英', idNumber: ZHANG }, from)).statusCode).toBe(429);
    expect((await check({ name: '张秀英', idNumber: ZHANG }, '10.99.0.2')).json().registered).toBe(true);
  });
});
