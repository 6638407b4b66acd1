// Imports a voter register (.xlsx or .csv, header name,idNumber,district,group,address; Chinese headers too):
// every row is checked — the name, the ID number (GB 11643 form, birth date, check character), age 18 on
// ELECTION day (not import day), the district by name, the same person twice in the file or already registered
// in this election in any district (the SM3 blind index) — and the good rows are registered with the ID number
// and address SM4-encrypted. The answer is the row-level report the staff fix and re-import.
import ExcelJS from 'exceljs';
import { and, eq, inArray } from 'drizzle-orm';
import {
  idBirthDate,
  idNumberProblem,
  idSex,
  isOfVotingAge,
  VOTER_IMPORT_MAX_ROWS,
  type VoterRejectReason,
} from '@minyi/domain/elections';
import type { LocalizedText } from '@minyi/domain';
import type { Ctx } from '../../../platform/context';
import { badRequest } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { electionDistricts, electionVoters } from '../elections.table';
import { electionPolicy } from '../elections.policy';
import { loadElectionStep } from '../elections.repository';

type Column = 'name' | 'idNumber' | 'district' | 'group' | 'address';
const HEADERS: Record<string, Column> = {
  name: 'name',
  姓名: 'name',
  idnumber: 'idNumber',
  身份证号码: 'idNumber',
  身份证号: 'idNumber',
  公民身份号码: 'idNumber',
  district: 'district',
  选区: 'district',
  group: 'group',
  选民小组: 'group',
  address: 'address',
  住址: 'address',
  地址: 'address',
};

const fileError = (zh: string, en: string) =>
  badRequest([{ field: 'file', in: 'body', code: 'invalid_file', message: { zh, en } }], { zh, en });

/** Splits CSV text into rows of cells (quoted cells with commas, doubled quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return cellText(v.result);
  if (v instanceof Date || typeof v === 'object') return '';
  return String(v);
};

/** The file's rows as cells: an .xlsx workbook's first sheet, or CSV text. */
async function readTable(data: Buffer, filename: string): Promise<string[][]> {
  const isZip = data.length > 3 && data[0] === 0x50 && data[1] === 0x4b;
  if (isZip || /\.xlsx$/i.test(filename)) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(data as unknown as ArrayBuffer);
    } catch {
      throw fileError('文件不是有效的 Excel（.xlsx）文件', 'The file is not a valid Excel (.xlsx) workbook');
    }
    const ws = wb.worksheets[0];
    if (!ws) throw fileError('工作簿中没有工作表', 'The workbook has no sheet');
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (r) => {
      const cells: string[] = [];
      for (let c = 1; c <= Math.max(5, r.cellCount); c++) cells.push(cellText(r.getCell(c).value));
      rows.push(cells);
    });
    return rows;
  }
  const text = data.toString('utf8');
  if (text.includes('\uFFFD'))
    throw fileError('CSV 文件应为 UTF-8 编码', 'The CSV file must be UTF-8 encoded');
  return parseCsv(text);
}

const REASONS: Record<VoterRejectReason, LocalizedText> = {
  nameMissing: { zh: '缺少姓名', en: 'the name is missing' },
  idFormat: { zh: '身份证号码应为 18 位', en: 'the ID number must have 18 characters' },
  idBirthDate: { zh: '身份证号码中的出生日期无效', en: 'the birth date in the ID number is not a date' },
  idChecksum: { zh: '身份证号码校验位错误', en: "the ID number's check character is wrong" },
  underAge: { zh: '选举日未满十八周岁', en: 'under 18 on election day' },
  unknownDistrict: { zh: '本次选举没有该选区', en: 'the election has no such district' },
  duplicateInFile: { zh: '与文件中另一行重复', en: 'the same person as another row of the file' },
  duplicateRegistered: { zh: '已在本次选举中登记', en: 'already registered in this election' },
};

export interface RejectedRow {
  row: number;
  reason: VoterRejectReason;
  message: LocalizedText;
}

export function importVoters(ctx: Ctx, electionId: string, data: Buffer, filename: string) {
  return step(ctx, {
    policy: electionPolicy,
    action: 'importVoters',
    load: (w, actor) => loadElectionStep(w, actor, electionId),
    async write({ w, row: election }) {
      const table = await readTable(data, filename);
      const header = (table[0] ?? []).map((h) => HEADERS[h.trim().toLowerCase()] ?? HEADERS[h.trim()]);
      if (!header.includes('name') || !header.includes('idNumber') || !header.includes('district'))
        throw fileError(
          '第 1 行应为表头：name,idNumber,district,group,address（或 姓名,身份证号码,选区,选民小组,住址）',
          'Row 1 must be the header: name,idNumber,district,group,address',
        );
      const at = (cells: string[], col: Column) => (cells[header.indexOf(col)] ?? '').trim();
      const body = table
        .map((cells, i) => ({ row: i + 1, cells }))
        .slice(1)
        .filter((r) => r.cells.some((c) => c.trim() !== ''));
      if (body.length === 0) throw fileError('文件中没有数据行', 'The file has no data rows');
      if (body.length > VOTER_IMPORT_MAX_ROWS)
        throw fileError(
          `一次最多导入 ${VOTER_IMPORT_MAX_ROWS} 行`,
          `At most ${VOTER_IMPORT_MAX_ROWS} rows per import`,
        );

      const districts = await w.db
        .select({ id: electionDistricts.id, name: electionDistricts.name })
        .from(electionDistricts)
        .where(eq(electionDistricts.electionId, election.id));
      const districtByName = new Map(districts.map((d) => [d.name, d.id]));
      const pii = ctx.app.pii;
      const rejected: RejectedRow[] = [];
      const reject = (row: number, reason: VoterRejectReason) =>
        rejected.push({ row, reason, message: REASONS[reason] });
      const seen = new Map<string, number>();
      const good: (typeof electionVoters.$inferInsert & { row: number })[] = [];
      for (const { row, cells } of body) {
        const name = at(cells, 'name');
        const idNumber = at(cells, 'idNumber').replace(/\s+/g, '').toUpperCase();
        if (!name) {
          reject(row, 'nameMissing');
          continue;
        }
        const problem = idNumberProblem(idNumber);
        if (problem) {
          reject(
            row,
            problem === 'format' ? 'idFormat' : problem === 'birthDate' ? 'idBirthDate' : 'idChecksum',
          );
          continue;
        }
        const birthDate = idBirthDate(idNumber)!;
        if (!isOfVotingAge(birthDate, election.electionDay)) {
          reject(row, 'underAge');
          continue;
        }
        const districtId = districtByName.get(at(cells, 'district'));
        if (!districtId) {
          reject(row, 'unknownDistrict');
          continue;
        }
        const index = pii.index('idNumber', idNumber);
        if (seen.has(index)) {
          reject(row, 'duplicateInFile');
          continue;
        }
        seen.set(index, row);
        const address = at(cells, 'address');
        good.push({
          row,
          id: newId(),
          congressId: election.congressId,
          electionId: election.id,
          districtId,
          name,
          idNumberEnc: pii.encrypt(idNumber),
          idNumberIndex: index,
          birthDate,
          sex: idSex(idNumber),
          groupName: at(cells, 'group'),
          addressEnc: address ? pii.encrypt(address) : null,
        });
      }
      // The same person already registered in this election, in whichever district.
      const registered = new Set<string>();
      for (let i = 0; i < good.length; i += 5000) {
        const found = await w.db
          .select({ index: electionVoters.idNumberIndex })
          .from(electionVoters)
          .where(
            and(
              eq(electionVoters.electionId, election.id),
              inArray(
                electionVoters.idNumberIndex,
                good.slice(i, i + 5000).map((g) => g.idNumberIndex),
              ),
            ),
          );
        for (const f of found) registered.add(f.index);
      }
      const fresh = good.filter((g) => {
        if (!registered.has(g.idNumberIndex)) return true;
        reject(g.row, 'duplicateRegistered');
        return false;
      });
      for (let i = 0; i < fresh.length; i += 2000)
        await w.db.insert(electionVoters).values(fresh.slice(i, i + 2000).map(({ row: _row, ...v }) => v));
      rejected.sort((a, b) => a.row - b.row);
      return {
        result: { imported: fresh.length, rejected },
        audit: {
          action: 'election.importVoters',
          entityType: 'election',
          entityId: election.id,
          congressId: election.congressId,
          after: {
            imported: fresh.length,
            rejected: rejected.map((r) => ({ row: r.row, reason: r.reason })),
          },
        },
      };
    },
  });
}
