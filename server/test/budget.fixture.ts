// Test fixtures of the budget module (used by its tests only): the finance department and a spending unit as
// handling units, signed-in clients for staff, the finance unit, another unit, a leader and a deputy, and a sheet
// upload as multipart.
import ExcelJS from 'exceljs';
import { newId } from '../src/platform/ids';
import { handlingUnits } from './tables';
import type { TestClient, TestEnv } from './harness';

export interface BudgetActors {
  financeUnitId: string;
  educationUnitId: string;
  staff: TestClient;
  finance: TestClient;
  education: TestClient;
  leader: TestClient;
  deputy: TestClient;
  citizen: TestClient;
}

export async function budgetActors(t: TestEnv): Promise<BudgetActors> {
  const financeUnitId = newId();
  const educationUnitId = newId();
  await t.services.db.insert(handlingUnits).values([
    {
      id: financeUnitId,
      congressId: t.congressId,
      name: '区财政局',
      kind: 'governmentDepartment',
      categories: ['finance'],
    },
    {
      id: educationUnitId,
      congressId: t.congressId,
      name: '区教育局',
      kind: 'governmentDepartment',
      categories: ['education'],
    },
  ]);
  return {
    financeUnitId,
    educationUnitId,
    staff: await t.as('b-staff', ['congressStaff']),
    finance: await t.as('b-finance', ['handlingUnitStaff'], { handlingUnitId: financeUnitId }),
    education: await t.as('b-education', ['handlingUnitStaff'], { handlingUnitId: educationUnitId }),
    leader: await t.as('b-leader', ['leader']),
    deputy: await t.as('b-deputy', ['deputy']),
    citizen: await t.as('b-citizen', ['citizen']),
  };
}

/** A multipart body with one file field. */
export function uploadTo(client: TestClient, url: string, data: Buffer, filename = 'lines.csv') {
  const boundary = '----minyibudget';
  return client.request({
    method: 'POST',
    url,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

export const csv = (rows: (string | number)[][]) =>
  Buffer.from(['code,name,budget,amount', ...rows.map((r) => r.join(','))].join('\n') + '\n');

export async function xlsx(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('预算草案');
  ws.addRow(['code', 'name', 'budget', 'amount']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
