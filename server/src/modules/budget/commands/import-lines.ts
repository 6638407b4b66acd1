// Imports the draft's lines (.xlsx or .csv with the header `code,name,budget,amount`): every row is checked, the
// good ones are written (a line already there, same budget and code, takes the new name and amount), and each
// bad row is answered with its number and reason: a malformed classification code, an unknown budget, a missing
// name, a negative or malformed amount, a second row for the same line, or a parent whose amount is not the sum
// of its children in the file (预算法 Art. 46: by function down to 项).
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { LocalizedText } from '@minyi/domain';
import {
  BUDGET_KINDS,
  codeProblem,
  formatFen,
  parentTotalMismatches,
  parseYuan,
  type BudgetKind,
  type LineAmount,
} from '@minyi/domain/budget';
import type { Ctx } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { budgetLines } from '../budget.table';
import { budgetPolicy } from '../budget.policy';
import { loadBudgetStep } from '../budget.repository';

export type RejectReason =
  'malformedCode' | 'unknownBudget' | 'missingName' | 'malformedAmount' | 'duplicate' | 'parentTotal';

export interface Rejection {
  row: number;
  reason: RejectReason;
  field: 'code' | 'name' | 'budget' | 'amount';
  message: LocalizedText;
}

const HEADER = ['code', 'name', 'budget', 'amount'];

const fileError = (zh: string, en: string) =>
  new AppError(
    400,
    'validation_failed',
    { zh: `无法导入：${zh}`, en: `Cannot import: ${en}` },
    { errors: [{ field: 'file', in: 'body', code: 'invalid', message: { zh, en } }] },
  );

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (typeof v === 'object' && 'result' in v) return cellText(v.result);
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if (typeof v === 'object') return '';
  return String(v).trim();
};

/** RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  if (field !== '' || row.length) endRow();
  return rows;
}

/** The rows of the upload (header first), from an .xlsx workbook's first sheet or a UTF-8 .csv. */
export async function readSheet(data: Buffer): Promise<string[][]> {
  if (data.subarray(0, 2).toString('latin1') === 'PK') {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(data as unknown as ArrayBuffer);
    } catch {
      throw fileError('不是有效的 .xlsx 文件', 'not a readable .xlsx workbook');
    }
    const ws = wb.worksheets[0];
    const rows: string[][] = [];
    ws?.eachRow({ includeEmpty: true }, (r, n) => {
      rows[n - 1] = [1, 2, 3, 4].map((i) => cellText(r.getCell(i).value));
    });
    return Array.from(rows, (r) => r ?? ['', '', '', '']);
  }
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD') || text.includes('\0'))
    throw fileError('CSV 应为 UTF-8 编码', 'the CSV must be UTF-8');
  return parseCsv(text).map((r) => r.map((c) => c.trim()));
}

export function checkHeader(rows: string[][]) {
  const header = (rows[0] ?? []).slice(0, 4).map((h) => h.trim().toLowerCase());
  if (header.join(',') !== HEADER.join(','))
    throw fileError(`表头应为 ${HEADER.join(',')}`, `the header must be ${HEADER.join(',')}`);
}

const reject = (
  row: number,
  reason: RejectReason,
  field: Rejection['field'],
  zh: string,
  en: string,
): Rejection => ({
  row,
  reason,
  field,
  message: { zh, en },
});

export function importLines(ctx: Ctx, budgetId: string, data: Buffer) {
  return step(ctx, {
    policy: budgetPolicy,
    action: 'importLines',
    load: (w, actor) => loadBudgetStep(w, actor, budgetId),
    async write({ w, row: budget }) {
      const rows = await readSheet(data);
      checkHeader(rows);
      const rejected: Rejection[] = [];
      const good: (LineAmount & { name: string })[] = [];
      const seen = new Set<string>();
      rows.slice(1).forEach((cells, i) => {
        const n = i + 2;
        const [code = '', name = '', kind = '', amount = ''] = cells;
        if (cells.every((c) => c === '')) return;
        const problem = codeProblem(code);
        if (problem) return rejected.push(reject(n, 'malformedCode', 'code', problem.zh, problem.en));
        if (!(BUDGET_KINDS as readonly string[]).includes(kind))
          return rejected.push(
            reject(
              n,
              'unknownBudget',
              'budget',
              `未知的预算“${kind}”`,
              `unknown budget "${kind}" (${BUDGET_KINDS.join(' | ')})`,
            ),
          );
        if (!name || name.length > 200)
          return rejected.push(
            reject(n, 'missingName', 'name', '科目名称为空或过长', 'the name is missing or too long'),
          );
        const fen = parseYuan(amount);
        if (fen === null)
          return rejected.push(
            reject(
              n,
              'malformedAmount',
              'amount',
              `金额“${amount}”应为非负数，最多两位小数`,
              `amount "${amount}" must be non-negative with at most two decimals`,
            ),
          );
        const key = `${kind}:${code}`;
        if (seen.has(key))
          return rejected.push(
            reject(n, 'duplicate', 'code', `科目 ${code} 重复`, `code ${code} appears twice in this budget`),
          );
        seen.add(key);
        good.push({ row: n, budget: kind as BudgetKind, code, name, fen });
      });
      if (good.length + rejected.length === 0) throw fileError('没有数据行', 'no data rows');
      const mismatched = new Set<number>();
      for (const m of parentTotalMismatches(good)) {
        mismatched.add(m.row);
        rejected.push(
          reject(
            m.row,
            'parentTotal',
            'amount',
            `科目 ${m.code} 金额 ${formatFen(m.amount)} 与下级合计 ${formatFen(m.childrenSum)} 不符`,
            `code ${m.code}: ${formatFen(m.amount)} is not the sum of its children, ${formatFen(m.childrenSum)}`,
          ),
        );
      }
      const accepted = good.filter((g) => !mismatched.has(g.row));
      for (let i = 0; i < accepted.length; i += 1000)
        await w.db
          .insert(budgetLines)
          .values(
            accepted.slice(i, i + 1000).map((g) => ({
              id: newId(),
              congressId: budget.congressId,
              budgetId: budget.id,
              kind: g.budget,
              code: g.code,
              name: g.name,
              amountFen: g.fen,
            })),
          )
          .onConflictDoUpdate({
            target: [budgetLines.budgetId, budgetLines.kind, budgetLines.code],
            set: { name: sql`excluded.name`, amountFen: sql`excluded.amount_fen`, updatedAt: new Date() },
          });
      rejected.sort((a, b) => a.row - b.row);
      return {
        result: { imported: accepted.length, rejected },
        audit: {
          action: 'budget.importLines',
          entityType: 'budget',
          entityId: budget.id,
          after: {
            imported: accepted.length,
            rejected: rejected.map((r) => ({ row: r.row, reason: r.reason })),
            total: formatFen(accepted.reduce((a, g) => a + (g.code.length === 3 ? g.fen : 0n), 0n)),
          },
        },
      };
    },
  });
}
