// Excel import and export of deputies and handling units: templates, all-or-nothing imports, round trips.
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { type TestClient, type TestEnv } from '../../../test/harness';
import { auditEvents } from '../../platform/platform.table';
import { useRegistryDemo, XLSX, sheet, readRows } from '../../../test/registry.fixture';

const env = useRegistryDemo();
const { count, auditCount, firstStreet, upload } = env;
let t: TestEnv;
let as: Record<string, TestClient>;
beforeAll(() => {
  ({ t, as } = env);
});

describe('Excel import and export', () => {
  const HEADER = ['姓名', '性别', '出生日期', '手机号码', '身份证号码', '街道', '代表团'];

  it('serves the import templates', async () => {
    for (const url of [
      '/api/v1/deputies/import-template.xlsx',
      '/api/v1/handling-units/import-template.xlsx',
    ]) {
      const r = await as.staff.get(url);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe(XLSX);
      const rows = await readRows(r.rawPayload);
      expect(rows).toHaveLength(1);
      expect(rows[0][0]).toMatch(/姓名|单位名称/);
    }
  });

  it('refuses a deputies file with any bad row, names each row and field, and imports nothing', async () => {
    const street = await firstStreet();
    const data = await sheet(HEADER, [
      ['好人一', '男', '1975-01-02', '13712345678', '440307197501020011', street.name, '东岭代表团'],
      ['坏人二', '未知', '1975-01-02', '123', '', '不存在街道', ''],
      ['好人三', '女', '', '', '440307197501020011', '', ''],
    ]);
    const before = await count(sql`SELECT count(*) AS n FROM deputies`);
    const audits = await auditCount();
    const r = await upload(as.staff, '/api/v1/deputies/import', data);
    expect(r.statusCode).toBe(400);
    const errors = r.json().errors as { row: number; field: string; message: { zh: string; en: string } }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, field: 'gender' }),
        expect.objectContaining({ row: 3, field: 'phone' }),
        expect.objectContaining({ row: 3, field: 'street' }),
        expect.objectContaining({ row: 4, field: 'idNumber' }),
      ]),
    );
    expect(errors.every((e) => e.message.zh && e.message.en)).toBe(true);
    expect(errors.some((e) => e.row === 2)).toBe(false);
    expect(await count(sql`SELECT count(*) AS n FROM deputies`)).toBe(before);
    expect(await auditCount()).toBe(audits);
  });

  it('refuses what is not a workbook, and a missing file field', async () => {
    const r = await upload(as.staff, '/api/v1/deputies/import', Buffer.from('not excel'));
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].field).toBe('file');
    expect(
      (await upload(as.staff, '/api/v1/deputies/import', await sheet(HEADER, [['a', '男']]), 'other'))
        .statusCode,
    ).toBe(400);
    expect((await as.staff.post('/api/v1/deputies/import', { file: 'x' })).statusCode).toBe(400);
  });

  it('imports a good deputies file with mandates, audited once', async () => {
    const street = await firstStreet();
    const data = await sheet(HEADER, [
      ['导入甲', '男', '1975-01-02', '13712345670', '440307197501020038', street.name, '东岭代表团'],
      ['导入乙', '女', '1982-03-04', '', '', street.name, ''],
    ]);
    const r = await upload(as.staff, '/api/v1/deputies/import', data);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ created: 2 });
    const list = (await as.staff.get('/api/v1/deputies?q=导入')).json().items;
    expect(list.map((d: { name: string }) => d.name).sort()).toEqual(['导入乙', '导入甲']);
    expect(list[0].mandates[0]).toMatchObject({
      level: 'district',
      status: 'active',
      street: { id: street.id },
    });
    const [audit] = await t.services.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'deputy.import'));
    expect(audit.after).toMatchObject({ created: 2 });
  });

  it('round-trips deputies and handling units through export and import', async () => {
    // A second congress with the same street name receives the first one's export.
    const other = await t.createCongress('往返测试区人民代表大会');
    const staff2 = await t.as('r_staff_other', ['congressStaff'], { congressId: other.congressId });
    const staff1 = await t.as('r_staff_small', ['congressStaff'], { congressId: t.congressId });
    for (const [i, name] of ['往返甲', '往返乙', '往返丙'].entries()) {
      const d = await staff1.post('/api/v1/deputies', {
        name,
        gender: i % 2 ? 'female' : 'male',
        birthDate: `19${70 + i}-01-0${i + 1}`,
        phone: `1360000000${i}`,
        idNumber: `44030719${70 + i}010${i + 1}001${i}`.slice(0, 17) + 'X',
        occupation: '工程师',
        organization: '某公司',
        address: '测试地址一二三四五六七',
      });
      expect(d.statusCode).toBe(201);
      expect(
        (
          await staff1.post(`/api/v1/deputies/${d.json().id}/mandates`, {
            level: 'district',
            streetId: t.streetId,
            delegation: '测试代表团',
            deputyGroup: `第${i + 1}组`,
          })
        ).statusCode,
      ).toBe(201);
    }
    expect(
      (
        await staff1.post('/api/v1/handling-units', {
          name: '测试区交通运输局',
          kind: 'governmentDepartment',
          categories: ['transport', 'urbanManagement'],
          contactName: '张三',
          contactPhone: '0755-12345678',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await staff1.post('/api/v1/handling-units', {
          name: '测试街道办事处',
          kind: 'streetOffice',
          categories: ['civilAffairs'],
          streetId: t.streetId,
          active: false,
        })
      ).statusCode,
    ).toBe(201);

    const exported = await staff1.get('/api/v1/deputies/export.xlsx');
    expect(exported.headers['content-type']).toBe(XLSX);
    const imported = await upload(staff2, '/api/v1/deputies/import', exported.rawPayload);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ created: 3 });
    const again = await staff2.get('/api/v1/deputies/export.xlsx');
    expect(await readRows(again.rawPayload)).toEqual(await readRows(exported.rawPayload));

    const units = await staff1.get('/api/v1/handling-units/export.xlsx');
    const unitsIn = await upload(staff2, '/api/v1/handling-units/import', units.rawPayload);
    expect(unitsIn.statusCode, unitsIn.body).toBe(200);
    expect(unitsIn.json()).toEqual({ created: 2 });
    expect(await readRows((await staff2.get('/api/v1/handling-units/export.xlsx')).rawPayload)).toEqual(
      await readRows(units.rawPayload),
    );
    // Importing the same units twice is refused as a whole.
    const twice = await upload(staff2, '/api/v1/handling-units/import', units.rawPayload);
    expect(twice.statusCode).toBe(400);
    expect(
      twice
        .json()
        .errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)
        .sort(),
    ).toEqual(['2:name', '3:name']);
  });

  it('refuses a handling-units file with bad kinds and categories', async () => {
    const data = await sheet(
      ['单位名称', '单位类型', '职责类别', '是否启用'],
      [
        ['某新局', '政府部门', '交通出行、教育', '是'],
        ['某坏局', '外星机构', '星际旅行', '也许'],
      ],
    );
    const before = await count(sql`SELECT count(*) AS n FROM handling_units`);
    const r = await upload(as.staff, '/api/v1/handling-units/import', data);
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)
        .sort(),
    ).toEqual(['3:active', '3:categories', '3:kind']);
    expect(await count(sql`SELECT count(*) AS n FROM handling_units`)).toBe(before);
  });
});
