// Nominations and the official list (选举法 Art. 30–32): a party or organisation nominates up to the seats; 10
// or more voters of the district jointly, each checked against the register (listed, in this district) and
// none joining more nominations than the seats; the nominees published close the nominations; too many are
// reduced by the voter groups' consultation or a primary (预选, a tie at the cut refused); the official list is
// confirmed within the ratio. Every refusal changes nothing; the roles that may not are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import { addDays, idCheckChar } from '@minyi/domain/elections';
import { auditEvents } from '../../platform/platform.table';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { electionCandidates, electionNominators } from './elections.table';

let t: TestEnv;
let staff: TestClient;
let base: string;
const district: Record<string, string> = {};
const voterIds: Record<string, string> = {};
const today = shanghaiDate(new Date());

const idNumber = (n: number) => {
  const f = `440305${1960 + (n % 40)}0${1 + (n % 9)}1${n % 10}${String(100 + n).slice(-3)}`;
  return f + idCheckChar(f);
};
// Voters 0–13 in 东岭街道第1选区 (1 seat), 20–24 in 第2选区 (2 seats).
const IN_FIRST = Array.from({ length: 14 }, (_, i) => i);
const IN_SECOND = [20, 21, 22, 23, 24];

async function importRegister() {
  const rows = [
    ...IN_FIRST.map((n) => `选民${n},${idNumber(n)},东岭街道第1选区,第1选民小组,`),
    ...IN_SECOND.map((n) => `选民${n},${idNumber(n)},东岭街道第2选区,第2选民小组,`),
  ];
  const boundary = '----minyinominations';
  const res = await staff.request({
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
  expect(res.json().imported, res.body).toBe(rows.length);
  const list = (await staff.get(`${base}/voters?limit=200`)).json();
  for (const v of list.items) voterIds[v.name] = v.id;
}

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  const id = (
    await staff.post('/api/v1/elections', {
      title: '东岭区人大代表换届选举',
      electionDay: addDays(today, 30),
    })
  ).json().id;
  base = `/api/v1/elections/${id}`;
  for (const [name, seats] of [
    ['东岭街道第1选区', 1],
    ['东岭街道第2选区', 2],
    ['东岭街道第3选区', 1],
  ] as const)
    district[name] = (await staff.post(`${base}/districts`, { name, seats })).json().id;
  await importRegister();
});
afterAll(async () => t?.close());

const url = (d: string, tail = '') => `${base}/districts/${district[d]}/candidates${tail}`;
const first = '东岭街道第1选区';
const second = '东岭街道第2选区';
const candidateCount = async (d: string) =>
  (
    await t.services.db
      .select()
      .from(electionCandidates)
      .where(eq(electionCandidates.districtId, district[d]))
  ).length;

describe('nominations (Art. 30)', () => {
  it('a party nominates up to the seats; one more is refused with Art. 30', async () => {
    const party = { nominatedBy: 'party', nominator: '中国共产党东岭区委员会' };
    const ok = await staff.post(url(first), {
      name: '林晓梅',
      ...party,
      profile: '女，1978年生，社区党委书记',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const more = await staff.post(url(first), { name: '郑国强', ...party });
    expect(more.statusCode).toBe(409);
    expect(more.json()).toMatchObject({ code: 'nominator_limit', seats: 1 });
    expect(JSON.stringify(more.json())).toContain('第三十条');
    expect(await candidateCount(first)).toBe(1);
  });

  it('refuses a malformed nomination with 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '甲', nominatedBy: 'organisation' }, 'nominator'],
      [
        {
          name: '甲',
          nominatedBy: 'voters',
          nominator: '东岭区总工会',
          nominatorIdNumbers: IN_FIRST.slice(0, 10).map(idNumber),
        },
        'nominator',
      ],
      [
        { name: '甲', nominatedBy: 'voters', nominatorIdNumbers: IN_FIRST.slice(0, 9).map(idNumber) },
        'nominatorIdNumbers',
      ],
      [
        {
          name: '甲',
          nominatedBy: 'voters',
          nominatorIdNumbers: [...IN_FIRST.slice(0, 9).map(idNumber), idNumber(0)],
        },
        'nominatorIdNumbers',
      ],
      [
        {
          name: '甲',
          nominatedBy: 'voters',
          nominatorIdNumbers: [...IN_FIRST.slice(0, 9).map(idNumber), '440305199001011234'],
        },
        'nominatorIdNumbers',
      ],
      [
        { name: '甲', nominatedBy: 'party', nominator: '某党', nominatorIdNumbers: [idNumber(1)] },
        'nominatorIdNumbers',
      ],
      [{ name: '甲', nominator: '某党' }, 'nominatedBy'],
      [{ name: '甲', nominatedBy: 'neighbours' }, 'nominatedBy'],
    ];
    for (const [body, field] of cases) {
      const res = await staff.post(url(first), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(res.json().errors[0].message.zh).toBeTruthy();
    }
    expect(await candidateCount(first)).toBe(1);
  });

  it('refuses a joint nomination with a voter of another district (not this register)', async () => {
    const ids = [...IN_FIRST.slice(0, 9), 20].map(idNumber);
    const res = await staff.post(url(first), {
      name: '王建华',
      nominatedBy: 'voters',
      nominatorIdNumbers: ids,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'nominatorIdNumbers', code: 'not_registered' });
    expect(res.json().errors[0].message.en).toContain('10');
  });

  it('10 voters of the district nominate jointly; their nominators are recorded; they cannot nominate again past the seats', async () => {
    const ids = IN_FIRST.slice(0, 10).map(idNumber);
    const res = await staff.post(url(first), {
      name: '王建华',
      nominatedBy: 'voters',
      nominatorIdNumbers: ids,
    });
    expect(res.statusCode, res.body).toBe(201);
    const rows = await t.services.db
      .select()
      .from(electionNominators)
      .where(eq(electionNominators.candidateId, res.json().id));
    expect(rows).toHaveLength(10);
    // Voter 0 already joined one nomination in a 1-seat district: one more is refused, naming them.
    const again = IN_FIRST.slice(3, 14).map(idNumber);
    const over = await staff.post(url(first), {
      name: '陈丽',
      nominatedBy: 'voters',
      nominatorIdNumbers: again,
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe('nominator_limit');
    expect(over.json().voters).toContain('选民3');
    expect(await candidateCount(first)).toBe(2);
  });

  it('an organisation nominates a third', async () => {
    const res = await staff.post(url(first), {
      name: '赵敏',
      nominatedBy: 'organisation',
      nominator: '东岭区总工会',
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('a candidate entered with a name alone still works (the contract)', async () => {
    const res = await staff.post(url('东岭街道第3选区'), { name: '周文' });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('the nominees published, consultation and the primary (Art. 31–32)', () => {
  it('does not publish too few nominees (2 seats need 3)', async () => {
    for (const name of ['刘洋', '孙悦'])
      expect(
        (await staff.post(url(second), { name, nominatedBy: 'party', nominator: '中国民主同盟东岭区委员会' }))
          .statusCode,
      ).toBe(201);
    const res = await staff.post(`${base}/districts/${district[second]}/nominees:publish`, {
      publishedOn: today,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'too_few_nominees', min: 3 });
  });

  it('publishes 3 nominees for 1 seat (too many); nominations then close; the list cannot be confirmed yet', async () => {
    const pub = await staff.post(`${base}/districts/${district[first]}/nominees:publish`, {
      publishedOn: today,
    });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ nominees: 3, stage: 'tooMany', min: 2, max: 2 });
    const late = await staff.post(url(first), {
      name: '迟到',
      nominatedBy: 'party',
      nominator: '九三学社东岭区委员会',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('nominees_published');
    expect((await staff.post(url(first, ':confirm'))).statusCode).toBe(409);
    const again = await staff.post(`${base}/districts/${district[first]}/nominees:publish`, {
      publishedOn: today,
    });
    expect(again.json().code).toBe('nominees_published');
  });

  it('refuses a primary before publication, with votes not matching the list, or with a tie at the cut', async () => {
    const list = (await staff.get(base))
      .json()
      .districts.find((d: { id: string }) => d.id === district[first]);
    const [a, b, c] = list.candidates.map((x: { id: string }) => x.id);
    const early = await staff.post(url(second, ':primary'), { votes: {}, heldOn: today });
    expect(early.json().code).toBe('nominees_not_published');
    const missing = await staff.post(url(first, ':primary'), { votes: { [a]: 10, [b]: 5 }, heldOn: today });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('votes');
    const tie = await staff.post(url(first, ':primary'), {
      votes: { [a]: 300, [b]: 120, [c]: 120 },
      heldOn: today,
    });
    expect(tie.statusCode).toBe(409);
    expect(tie.json()).toMatchObject({ code: 'primary_tie' });
    expect(tie.json().tied.sort()).toEqual([b, c].sort());
    const badSize = await staff.post(url(first, ':primary'), {
      votes: { [a]: 3, [b]: 2, [c]: 1 },
      size: 3,
      heldOn: today,
    });
    expect(badSize.statusCode).toBe(400);
    expect(badSize.json().errors[0].field).toBe('size');
    const rows = await t.services.db
      .select()
      .from(electionCandidates)
      .where(eq(electionCandidates.districtId, district[first]));
    expect(rows.every((r) => r.dropped === null && r.primaryVotes === null)).toBe(true);
  });

  it('a primary keeps the two highest; the list is then confirmed and shown with the one left off', async () => {
    const d0 = (await staff.get(base)).json().districts.find((d: { id: string }) => d.id === district[first]);
    const [a, b, c] = d0.candidates.map((x: { id: string }) => x.id);
    const res = await staff.post(url(first, ':primary'), {
      votes: { [a]: 310, [b]: 95, [c]: 96 },
      heldOn: today,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kept: [a, c], dropped: [b], size: 2 });
    const confirm = await staff.post(url(first, ':confirm'));
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json().candidates).toBe(2);
    const d = (await staff.get(base)).json().districts.find((x: { id: string }) => x.id === district[first]);
    expect(d.candidates.map((x: { id: string }) => x.id)).toEqual([a, c]);
    expect(d.candidates[0]).toMatchObject({
      nominatedBy: 'party',
      nominator: '中国共产党东岭区委员会',
      primaryVotes: 310,
    });
    expect(d.leftOff).toMatchObject([
      { id: b, name: '王建华', dropped: 'primary', primaryVotes: 95, nominators: 10 },
    ]);
    expect(d.nomineesPublishedOn).toBe(today);
  });

  it('consultation leaves nominees off while they exceed the maximum, never within the ratio', async () => {
    for (const [name, nominator] of [
      ['钱进', '东岭区妇女联合会'],
      ['何平', '共青团东岭区委员会'],
      ['吴桐', '东岭区工商业联合会'],
    ])
      await staff.post(url(second), { name, nominatedBy: 'organisation', nominator });
    const publish = await staff.post(`${base}/districts/${district[second]}/nominees:publish`, {
      publishedOn: today,
    });
    expect(publish.json()).toMatchObject({ nominees: 5, stage: 'tooMany', min: 3, max: 4 });
    const d = (await staff.get(base)).json().districts.find((x: { id: string }) => x.id === district[second]);
    const [x, y] = d.candidates.map((c: { id: string }) => c.id);
    const note = { note: '第2选民小组讨论协商，多数选民意见不列入正式候选人' };
    const res = await staff.post(url(second, `/${x}/drop`), note);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ nominees: 4, max: 4 });
    const within = await staff.post(url(second, `/${y}/drop`), note);
    expect(within.statusCode).toBe(409);
    expect(within.json().code).toBe('within_ratio');
    const noPrimary = await staff.post(url(second, ':primary'), { votes: {}, heldOn: today });
    expect(noPrimary.json().code).toBe('within_ratio');
    expect((await staff.post(url(second, ':confirm'))).json().candidates).toBe(4);
    const unknown = await staff.post(url(second, `/${district[first]}/drop`), note);
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses leaders and deputies (403) and the anonymous (401), changing nothing', async () => {
    const leader = await t.as('leader', ['leader']);
    const deputy = await t.as('deputy', ['deputy']);
    const d3 = `${base}/districts/${district['东岭街道第3选区']}`;
    for (const c of [leader, deputy]) {
      expect((await c.post(`${d3}/nominees:publish`, { publishedOn: today })).statusCode).toBe(403);
      expect((await c.post(`${d3}/candidates:primary`, { votes: {}, heldOn: today })).statusCode).toBe(403);
      expect((await c.post(`${d3}/candidates/${district[first]}/drop`, { note: '协商' })).statusCode).toBe(
        403,
      );
      expect(
        (await c.post(`${d3}/candidates`, { name: '某', nominatedBy: 'party', nominator: '某党' }))
          .statusCode,
      ).toBe(403);
    }
    const anon = await t.app.inject({
      method: 'POST',
      url: `${d3}/nominees:publish`,
      payload: { publishedOn: today },
    });
    expect(anon.statusCode).toBe(401);
    const d = (await staff.get(base))
      .json()
      .districts.find((x: { id: string }) => x.id === district['东岭街道第3选区']);
    expect(d.nomineesPublishedOn).toBeNull();
    expect(d.candidates).toHaveLength(1);
  });

  it('writes an audit row for each change', async () => {
    const rows = await t.services.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, district[first])))
      .orderBy(auditEvents.createdAt, auditEvents.id);
    expect(rows.map((r) => r.action)).toEqual([
      'election.addDistrict',
      'election.addCandidate',
      'election.addCandidate',
      'election.addCandidate',
      'election.publishNominees',
      'election.holdPrimary',
      'election.confirmCandidates',
    ]);
  });
});
