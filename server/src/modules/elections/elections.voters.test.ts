// The voter register's import (.csv and .xlsx): the row-level report of every planted error (under 18 on
// ELECTION day, the same person twice in the file or already registered in another district, a wrong GB 11643
// check character, an unknown district, no name), the good rows registered with the ID number and address
// SM4-encrypted and found by the blind index; a bad file, a wrong header and the roles that may not are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { idCheckChar } from '@minyi/domain/elections';
import { auditEvents } from '../../platform/platform.table';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { electionVoters } from './elections.table';

let t: TestEnv;
let staff: TestClient;
let electionId: string;

const id = (birth: string, seq: string) => {
  const f = `440305${birth.replaceAll('-', '')}${seq}`;
  return f + idCheckChar(f);
};
const boundary = '----minyivoters';
const multipart = (name: string, data: Buffer, field = 'file') =>
  Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
const upload = (client: TestClient, name: string, data: Buffer, field = 'file') =>
  client.request({
    method: 'POST',
    url: `/api/v1/elections/${electionId}/voters:import`,
    payload: multipart(name, data, field),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  electionId = (
    await staff.post('/api/v1/elections', { title: '区人大代表选举', electionDay: '2021-11-26' })
  ).json().id;
  for (const name of ['东岭街道第1选区', '平岗街道第2选区'])
    expect(
      (await staff.post(`/api/v1/elections/${electionId}/districts`, { name, seats: 2 })).statusCode,
    ).toBe(201);
});
afterAll(async () => t?.close());

describe('importing a voter register', () => {
  it('registers the good rows and reports each planted error by row', async () => {
    const good = id('1980-03-14', '021');
    const exactly18 = id('2003-11-26', '042'); // 18 on election day itself
    const under = id('2003-11-27', '051'); // 18 the day after
    const twice = id('1975-07-02', '063');
    const badSum = id('1990-01-09', '074').slice(0, 17) + (id('1990-01-09', '074')[17] === '1' ? '2' : '1');
    const csv = [
      'name,idNumber,district,group,address',
      `陈晓峰,${good},东岭街道第1选区,第3选民小组,"东岭街道翠岭社区 12 栋, 302"`,
      `林惠珍,${exactly18.toLowerCase()},东岭街道第1选区,第3选民小组,`,
      `黄小宇,${under},东岭街道第1选区,第4选民小组,`,
      `郑秀兰,${twice},东岭街道第1选区,第1选民小组,`,
      `郑秀兰,${twice},平岗街道第2选区,第2选民小组,`,
      `吴建华,${badSum},平岗街道第2选区,第2选民小组,`,
      `刘永强,${id('1966-05-30', '085')},不存在的选区,,`,
      `,${id('1970-02-02', '096')},平岗街道第2选区,,`,
    ].join('\r\n');
    const res = await upload(staff, 'register.csv', Buffer.from(`\uFEFF${csv}\r\n`));
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.imported).toBe(3);
    expect(report.rejected.map((r: { row: number; reason: string }) => [r.row, r.reason])).toEqual([
      [4, 'underAge'],
      [6, 'duplicateInFile'],
      [7, 'idChecksum'],
      [8, 'unknownDistrict'],
      [9, 'nameMissing'],
    ]);
    expect(report.rejected[0].message.zh).toBe('选举日未满十八周岁');

    // Encrypted at rest, found by the blind index, decrypts to the ID number.
    const rows = await t.services.db
      .select()
      .from(electionVoters)
      .where(eq(electionVoters.electionId, electionId));
    const chen = rows.find((r) => r.name === '陈晓峰')!;
    expect(chen.idNumberEnc).not.toContain(good);
    expect(t.services.pii.decrypt(chen.idNumberEnc)).toBe(good);
    expect(chen.idNumberIndex).toBe(t.services.pii.index('idNumber', good));
    expect(t.services.pii.decrypt(chen.addressEnc!)).toBe('东岭街道翠岭社区 12 栋, 302');
    expect(chen).toMatchObject({ birthDate: '1980-03-14', sex: 'male', groupName: '第3选民小组' });
    const audit = await t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, electionId));
    expect(audit.map((a) => a.action)).toContain('election.importVoters');
    expect(JSON.stringify(audit)).not.toContain(good);
    const e = (await staff.get(`/api/v1/elections/${electionId}`)).json();
    expect(e.voters).toBe(3);
  });

  it('an .xlsx with Chinese headers: someone already registered in another district is refused', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('选民名册');
    ws.addRow(['姓名', '身份证号码', '选区', '选民小组', '住址']);
    ws.addRow(['郑秀兰', id('1975-07-02', '063'), '平岗街道第2选区', '第2选民小组', '']);
    ws.addRow(['许国栋', id('1958-12-01', '117'), '平岗街道第2选区', '第2选民小组', '平岗街道新围社区']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(staff, '选民名册.xlsx', data);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ imported: 1, rejected: [{ row: 2, reason: 'duplicateRegistered' }] });
  });

  it('refuses a file that is not a register (400 naming file), a wrong header, a missing field, and changes nothing', async () => {
    const before = (await t.services.db.select().from(electionVoters)).length;
    const notXlsx = await upload(staff, 'x.xlsx', Buffer.from('PK\u0003\u0004 broken'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().errors[0].field).toBe('file');
    const header = await upload(staff, 'x.csv', Buffer.from('a,b,c\n1,2,3\n'));
    expect(header.statusCode).toBe(400);
    expect(header.json().errors[0].field).toBe('file');
    const empty = await upload(staff, 'x.csv', Buffer.from('name,idNumber,district\n'));
    expect(empty.statusCode).toBe(400);
    const wrongField = await upload(staff, 'x.csv', Buffer.from('name,idNumber,district\n'), 'other');
    expect(wrongField.statusCode).toBe(400);
    const json = await staff.post(`/api/v1/elections/${electionId}/voters:import`, { file: 'x' });
    expect(json.statusCode).toBe(400);
    expect((await t.services.db.select().from(electionVoters)).length).toBe(before);
  });

  it('refuses leaders, deputies and citizens (403) and the anonymous (401)', async () => {
    const csv = Buffer.from(`name,idNumber,district\n某人,${id('1960-01-01', '128')},东岭街道第1选区\n`);
    for (const role of ['leader', 'deputy', 'citizen'] as const) {
      const c = await t.as(`v-${role}`, [role]);
      expect((await upload(c, 'r.csv', csv)).statusCode, role).toBe(403);
    }
    expect((await upload(t.anon, 'r.csv', csv)).statusCode).toBe(401);
  });
});
