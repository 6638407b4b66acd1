// The register's operations (选举法 Art. 27–29): a voter taken off the list as the election committee confirmed,
// with the reason and who recorded it, and restored; a voter moved to another district; a district's list
// published, its complaints filed within 5 days and decided within 3; voter cards numbered per voter and
// printed; the printed notice by voter group. Each refusal names its field or reason and changes nothing;
// the roles that may not are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import { addDays, idCheckChar } from '@minyi/domain/elections';
import { accounts, auditEvents } from '../../platform/platform.table';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { electionVoters } from './elections.table';

let t: TestEnv;
let staff: TestClient;
let leader: TestClient;
let electionId: string;
let base: string;
const districts: Record<string, string> = {};
const voters: Record<string, string> = {};
const today = shanghaiDate(new Date());

const id = (birth: string, seq: string) => {
  const f = `440305${birth.replaceAll('-', '')}${seq}`;
  return f + idCheckChar(f);
};
const boundary = '----minyiregister';

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  leader = await t.as('leader', ['leader']);
  electionId = (
    await staff.post('/api/v1/elections', { title: '区人大代表选举', electionDay: addDays(today, 40) })
  ).json().id;
  base = `/api/v1/elections/${electionId}`;
  for (const name of ['荷山街道第1选区', '荷山街道第2选区', '荷山街道第3选区'])
    districts[name] = (await staff.post(`${base}/districts`, { name, seats: 2 })).json().id;
  const csv = [
    'name,idNumber,district,group,address',
    `陈晓峰,${id('1980-03-14', '021')},荷山街道第1选区,第2选民小组,`,
    `林惠珍,${id('1972-06-01', '042')},荷山街道第1选区,第1选民小组,`,
    `黄志勇,${id('1991-09-09', '051')},荷山街道第1选区,第1选民小组,`,
    `郑秀兰,${id('1966-01-20', '062')},荷山街道第2选区,第1选民小组,`,
  ].join('\n');
  const res = await staff.request({
    method: 'POST',
    url: `${base}/voters:import`,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.from(csv),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  expect(res.json().imported).toBe(4);
  for (const v of (await staff.get(`${base}/voters`)).json().items) voters[v.name] = v.id;
});
afterAll(async () => t?.close());

const exclusion = {
  kind: 'unableToExercise',
  reason: '经医院诊断为精神病患者，不能行使选举权利',
  decision: '东岭区选举委员会第3次会议决定',
  confirmedOn: today,
};

describe('exclusions confirmed by the election committee (Art. 27)', () => {
  it('takes a voter off the list with the kind, reason, decision and who recorded it; the list no longer has them', async () => {
    const res = await staff.post(`${base}/voters/${voters['黄志勇']}/exclusion`, exclusion);
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await t.services.db
      .select()
      .from(electionVoters)
      .where(eq(electionVoters.id, voters['黄志勇']));
    expect(row).toMatchObject({
      exclusion: 'unableToExercise',
      exclusionDecision: '东岭区选举委员会第3次会议决定',
      excludedOn: today,
    });
    const [who] = await t.services.db.select().from(accounts).where(eq(accounts.username, 'staff'));
    expect(row.excludedBy).toBe(who.id);
    const excluded = (await staff.get(`${base}/voters?status=excluded`)).json().items;
    expect(excluded.map((v: { name: string }) => v.name)).toEqual(['黄志勇']);
    expect(excluded[0].exclusionReason).toContain('精神病');
    const listed = (await staff.get(`${base}/voters?status=listed`)).json().items;
    expect(listed.map((v: { name: string }) => v.name)).not.toContain('黄志勇');
    const audit = await t.services.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, voters['黄志勇']));
    expect(audit.map((a) => a.action)).toEqual(['election.excludeVoter']);
  });

  it('refuses a second exclusion (409), a missing reason or unknown kind (400 naming the field), a future day', async () => {
    const again = await staff.post(`${base}/voters/${voters['黄志勇']}/exclusion`, exclusion);
    expect(again.statusCode).toBe(409);
    const noReason = await staff.post(`${base}/voters/${voters['陈晓峰']}/exclusion`, {
      ...exclusion,
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('reason');
    const kind = await staff.post(`${base}/voters/${voters['陈晓峰']}/exclusion`, {
      ...exclusion,
      kind: 'disliked',
    });
    expect(kind.json().errors[0].field).toBe('kind');
    const future = await staff.post(`${base}/voters/${voters['陈晓峰']}/exclusion`, {
      ...exclusion,
      confirmedOn: addDays(today, 1),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('confirmedOn');
    const [row] = await t.services.db
      .select()
      .from(electionVoters)
      .where(eq(electionVoters.id, voters['陈晓峰']));
    expect(row.exclusion).toBeNull();
  });

  it('restores an excluded voter once (409 the second time)', async () => {
    const other = await staff.post(`${base}/voters/${voters['林惠珍']}/exclusion`, {
      ...exclusion,
      kind: 'deprivedOfRights',
      reason: '被判处剥夺政治权利二年',
    });
    expect(other.statusCode).toBe(200);
    expect((await staff.delete(`${base}/voters/${voters['林惠珍']}/exclusion`)).statusCode).toBe(200);
    expect((await staff.delete(`${base}/voters/${voters['林惠珍']}/exclusion`)).statusCode).toBe(409);
    const listed = (await staff.get(`${base}/voters?status=listed`)).json().items;
    expect(listed.map((v: { name: string }) => v.name)).toContain('林惠珍');
  });
});

describe('transfers between districts (Art. 27)', () => {
  it('moves a voter to the district they moved to, keeping where they came from', async () => {
    const res = await staff.post(`${base}/voters/${voters['郑秀兰']}/transfer`, {
      districtId: districts['荷山街道第1选区'],
      group: '第3选民小组',
    });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await t.services.db
      .select()
      .from(electionVoters)
      .where(eq(electionVoters.id, voters['郑秀兰']));
    expect(row).toMatchObject({
      districtId: districts['荷山街道第1选区'],
      transferredFrom: districts['荷山街道第2选区'],
      groupName: '第3选民小组',
    });
  });

  it('refuses the same district and a district of another election (400 naming districtId)', async () => {
    const same = await staff.post(`${base}/voters/${voters['郑秀兰']}/transfer`, {
      districtId: districts['荷山街道第1选区'],
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0].field).toBe('districtId');
    const other = await staff.post(`${base}/voters/${voters['郑秀兰']}/transfer`, {
      districtId: '00000000-0000-4000-8000-000000000001',
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().errors[0].field).toBe('districtId');
  });
});

describe('publication and complaints (Art. 28–29)', () => {
  it('refuses to publish a list with no voter on it', async () => {
    const res = await staff.post(`${base}/districts/${districts['荷山街道第3选区']}/voter-list`, {
      publishedOn: today,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('no_voters');
  });

  it('publishes a list once, with its last day for complaints 5 days on', async () => {
    const url = `${base}/districts/${districts['荷山街道第1选区']}/voter-list`;
    const res = await staff.post(url, { publishedOn: addDays(today, -2) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ voters: 3, complaintsDue: addDays(today, 3) });
    expect((await staff.post(url, { publishedOn: today })).statusCode).toBe(409);
    const notice = (await staff.get(url)).json();
    expect(notice.publishedOn).toBe(addDays(today, -2));
    expect(notice.groups.map((g: { name: string }) => g.name)).toEqual([
      '第1选民小组',
      '第2选民小组',
      '第3选民小组',
    ]);
    expect(JSON.stringify(notice)).not.toMatch(/4403/);
  });

  it('records a complaint within the window with its 3-day limit, and refuses one after 5 days', async () => {
    const filed = await staff.post(`${base}/complaints`, {
      districtId: districts['荷山街道第1选区'],
      voterId: voters['黄志勇'],
      complainant: '黄志勇',
      subject: '本人已康复，要求列入选民名单',
      filedOn: today,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json().decisionDue).toBe(addDays(today, 3));

    const d2 = `${base}/districts/${districts['荷山街道第2选区']}/voter-list`;
    // 郑秀兰 moved away: 荷山街道第2选区 has no voter left; give it one and publish it 6 days ago.
    await staff.post(`${base}/voters/${voters['陈晓峰']}/transfer`, {
      districtId: districts['荷山街道第2选区'],
    });
    expect((await staff.post(d2, { publishedOn: addDays(today, -6) })).statusCode).toBe(200);
    const late = await staff.post(`${base}/complaints`, {
      districtId: districts['荷山街道第2选区'],
      complainant: '陈晓峰',
      subject: '名单中漏登本人家属',
      filedOn: today,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'complaint_late', complaintsDue: addDays(today, -1) });
    const unpublished = await staff.post(`${base}/complaints`, {
      districtId: districts['荷山街道第3选区'],
      complainant: '某选民',
      subject: '名单有误',
      filedOn: today,
    });
    expect(unpublished.json().code).toBe('list_not_published');
    const items = (await staff.get(`${base}/complaints`)).json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ voter: '黄志勇', decision: null, late: false });
  });

  it("records the committee's decision once; a voter of another district is refused", async () => {
    const [c] = (await staff.get(`${base}/complaints`)).json().items;
    const url = `${base}/complaints/${c.id}/decision`;
    const res = await staff.post(url, {
      decision: 'upheld',
      text: '经复查，申诉人已康复，恢复列入选民名单',
      decidedOn: today,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().late).toBe(false);
    expect(
      (await staff.post(url, { decision: 'dismissed', text: '维持', decidedOn: today })).statusCode,
    ).toBe(409);
    const wrongVoter = await staff.post(`${base}/complaints`, {
      districtId: districts['荷山街道第1选区'],
      voterId: voters['陈晓峰'],
      complainant: '陈晓峰',
      subject: '登记信息有误',
      filedOn: today,
    });
    expect(wrongVoter.statusCode).toBe(400);
    expect(wrongVoter.json().errors[0].field).toBe('voterId');
  });
});

describe('voter cards (选民证)', () => {
  it("numbers every listed voter of a district without one, none to the excluded, and prints a voter's card", async () => {
    const url = `${base}/districts/${districts['荷山街道第1选区']}/voter-cards`;
    const res = await staff.post(url, { issuedOn: today });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().issued).toBe(2); // 林惠珍 and 郑秀兰; 黄志勇 is off the list
    const rows = await t.services.db
      .select()
      .from(electionVoters)
      .where(eq(electionVoters.districtId, districts['荷山街道第1选区']));
    expect(rows.map((r) => r.voterCardNo).sort()).toEqual(['01-00001', '01-00002', null]);
    expect((await staff.post(url, { issuedOn: today })).json().issued).toBe(0);
    const card = await staff.get(`${base}/voters/${voters['郑秀兰']}/card`);
    expect(card.statusCode).toBe(200);
    expect(card.json()).toMatchObject({ voterCardNo: '01-00002', voter: { district: '荷山街道第1选区' } });
    expect(card.json().voter.idNumber).toMatch(/\*/);
    expect((await staff.get(`${base}/voters/${voters['黄志勇']}/card`)).statusCode).toBe(409);
  });
});

describe('who may', () => {
  it('refuses leaders (403) and the anonymous (401) every register operation', async () => {
    const calls = [
      ['post', `${base}/voters/${voters['陈晓峰']}/exclusion`, exclusion],
      ['delete', `${base}/voters/${voters['黄志勇']}/exclusion`, undefined],
      ['post', `${base}/voters/${voters['陈晓峰']}/transfer`, { districtId: districts['荷山街道第3选区'] }],
      ['post', `${base}/districts/${districts['荷山街道第3选区']}/voter-list`, { publishedOn: today }],
      ['post', `${base}/districts/${districts['荷山街道第1选区']}/voter-cards`, { issuedOn: today }],
      [
        'post',
        `${base}/complaints`,
        { districtId: districts['荷山街道第1选区'], complainant: 'x', subject: 'y', filedOn: today },
      ],
    ] as const;
    for (const [method, url, body] of calls) {
      expect((await leader[method](url, body as never)).statusCode, url).toBe(403);
      expect((await t.anon[method](url, body as never)).statusCode, url).toBe(401);
    }
    for (const url of [
      `${base}/complaints`,
      `${base}/voters/${voters['郑秀兰']}/card`,
      `${base}/districts/${districts['荷山街道第1选区']}/voter-list`,
    ])
      expect((await leader.get(url)).statusCode, url).toBe(403);
  });
});
