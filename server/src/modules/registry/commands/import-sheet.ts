// The registry's import sheets (.xlsx): the column layout of deputies and handling units (the export writes
// the same layout), reading a sheet back into plain rows keyed by column (headers in Chinese or English), and
// the per-row refusal of an import.
import ExcelJS from 'exceljs';
import type { LocalizedText } from '@minyi/domain';
import { IMPORT_MAX_ROWS } from '@minyi/domain/registry';
import { badRequest } from '../../../platform/errors';

export interface Column {
  key: string;
  zh: string;
  en: string;
  width?: number;
  /** What the template's notes sheet says about the column. */
  note?: string;
}

export const DEPUTY_COLUMNS: Column[] = [
  { key: 'name', zh: '姓名', en: 'Name', width: 10, note: '必填' },
  { key: 'gender', zh: '性别', en: 'Gender', width: 6, note: '必填：男 / 女' },
  { key: 'birthDate', zh: '出生日期', en: 'Birth date', width: 12, note: 'YYYY-MM-DD' },
  { key: 'ethnicity', zh: '民族', en: 'Ethnicity', width: 8, note: '默认 汉族' },
  { key: 'party', zh: '政治面貌', en: 'Party', width: 10 },
  { key: 'occupation', zh: '职业', en: 'Occupation', width: 14 },
  { key: 'organization', zh: '工作单位', en: 'Organization', width: 28 },
  { key: 'phone', zh: '手机号码', en: 'Phone', width: 14, note: '11 位手机号码或座机' },
  { key: 'idNumber', zh: '身份证号码', en: 'ID number', width: 20, note: '18 位，在本级人大内唯一' },
  { key: 'address', zh: '住址', en: 'Address', width: 30 },
  { key: 'level', zh: '代表层级', en: 'Level', width: 8, note: '区级 / 市级（默认区级）' },
  { key: 'street', zh: '街道', en: 'Street', width: 10, note: '本区街道名称' },
  { key: 'electoralDistrict', zh: '选区', en: 'Electoral district', width: 18, note: '已登记的选区名称' },
  { key: 'delegation', zh: '代表团', en: 'Delegation', width: 12 },
  { key: 'deputyGroup', zh: '代表小组', en: 'Deputy group', width: 14 },
  { key: 'liaisonPlace', zh: '联络站点', en: 'Liaison place', width: 22, note: '已登记的家、站、点名称' },
  { key: 'bio', zh: '简介', en: 'Biography', width: 30 },
];

export const UNIT_COLUMNS: Column[] = [
  { key: 'name', zh: '单位名称', en: 'Name', width: 28, note: '必填，在本级人大内唯一' },
  { key: 'nameEn', zh: '英文名称', en: 'English name', width: 28 },
  {
    key: 'kind',
    zh: '单位类型',
    en: 'Kind',
    width: 12,
    note: '政府部门 / 街道办事处 / 法院 / 检察院 / 监察委员会 / 其他',
  },
  {
    key: 'categories',
    zh: '职责类别',
    en: 'Categories',
    width: 30,
    note: '多个用顿号或逗号分隔，如 交通出行、城市管理',
  },
  { key: 'street', zh: '所在街道', en: 'Street', width: 10, note: '街道办事处填写' },
  { key: 'contactName', zh: '联系人', en: 'Contact', width: 10 },
  { key: 'contactPhone', zh: '联系电话', en: 'Contact phone', width: 16 },
  { key: 'active', zh: '是否启用', en: 'Active', width: 8, note: '是 / 否（默认是）' },
];

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result);
    return '';
  }
  return String(v).trim();
}

export interface SheetRows {
  /** Excel row number (header is row 1) and its cells by column key. */
  rows: { row: number; values: Record<string, string> }[];
}

const fileError = (zh: string, en: string) =>
  badRequest([{ field: 'file', in: 'body', code: 'invalid_file', message: { zh, en } }], { zh, en });

/** Reads the first sheet; the header row names the columns (Chinese header, English header or key). */
export async function readSheet(data: Buffer, columns: Column[]): Promise<SheetRows> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw fileError('文件不是有效的 Excel（.xlsx）文件', 'The file is not a valid Excel (.xlsx) workbook');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw fileError('工作簿中没有工作表', 'The workbook has no sheet');
  const byHeader = new Map<string, string>();
  for (const c of columns) for (const h of [c.zh, c.en, c.key]) byHeader.set(h.toLowerCase(), c.key);
  const keyAt = new Map<number, string>();
  ws.getRow(1).eachCell((cell, col) => {
    const key = byHeader.get(cellText(cell.value).toLowerCase());
    if (key) keyAt.set(col, key);
  });
  if (![...keyAt.values()].includes('name')) {
    throw fileError(
      `第 1 行应为表头，至少包含“${columns[0].zh}”列`,
      `Row 1 must be the header row with at least the "${columns[0].en}" column`,
    );
  }
  const rows: SheetRows['rows'] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values: Record<string, string> = {};
    for (const [col, key] of keyAt) values[key] = cellText(row.getCell(col).value);
    if (Object.values(values).some((v) => v !== '')) rows.push({ row: n, values });
  });
  if (rows.length === 0) throw fileError('文件中没有数据行', 'The file has no data rows');
  if (rows.length > IMPORT_MAX_ROWS)
    throw fileError(`一次最多导入 ${IMPORT_MAX_ROWS} 行`, `At most ${IMPORT_MAX_ROWS} rows per import`);
  return { rows };
}

export interface RowError {
  row: number;
  field: string;
  message: LocalizedText;
}

/** The import refused: 400 with every bad row named, and nothing stored. */
export function importRefused(errors: RowError[]) {
  const err = badRequest(
    errors.map((e) => ({ field: e.field, in: 'file', code: 'invalid_row', message: e.message })),
    {
      zh: `导入失败：${errors.length} 处错误，未导入任何数据`,
      en: `Import refused: ${errors.length} problem(s); nothing was imported`,
    },
  );
  // The per-row report of the contract: [{ row, field, message }].
  err.extra.errors = errors.map((e) => ({
    row: e.row,
    field: e.field,
    in: 'file',
    code: 'invalid_row',
    message: e.message,
  }));
  return err;
}

export const columnLabel = (columns: Column[], key: string) =>
  columns.find((c) => c.key === key) ?? { zh: key, en: key };
