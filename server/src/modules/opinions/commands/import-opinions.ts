// Imports a hotline or petition export (.xlsx): every row is checked first; one bad row imports nothing,
// and the answer lists each bad row and field.
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { OPINION_CATEGORIES, submitOpinionSchema, type SubmitOpinionInput } from '@minyi/domain/opinions';
import type { LocalizedText } from '@minyi/domain';
import { requireRole } from '../../../platform/access';
import { transact, type Ctx, type Work } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { jurisdictions } from '../../registry';
import { MANAGE_ROLES } from '../opinions.policy';
import { submitOpinion } from './submit-opinion';

export interface RowError {
  row: number;
  field: string;
  message: LocalizedText;
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return cellText(v.result);
  if (typeof v === 'object') return '';
  return String(v).trim();
};

/** Imports a hotline or petition export, all or nothing (staff who manage the opinions). */
export function importOpinions(ctx: Ctx, data: Buffer) {
  requireRole(ctx.actor, MANAGE_ROLES);
  return transact(ctx, (w) => importRows(ctx, w, data));
}

async function importRows(ctx: Ctx, w: Work, data: Buffer) {
  const congressId = ctx.actor!.congressId;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError(
      400,
      'validation_failed',
      { zh: '无法读取 Excel 文件', en: 'The file is not a readable .xlsx workbook' },
      {
        errors: [
          {
            field: 'file',
            in: 'body',
            code: 'invalid',
            message: { zh: '不是有效的 xlsx', en: 'not a valid xlsx' },
          },
        ],
      },
    );
  }
  const ws = wb.worksheets[0];
  const streets = await w.db
    .select({ id: jurisdictions.id, name: jurisdictions.name })
    .from(jurisdictions)
    .where(and(eq(jurisdictions.congressId, congressId), eq(jurisdictions.level, 'street')));
  const errors: RowError[] = [];
  const rows: { row: number; body: SubmitOpinionInput; receivedAt?: Date }[] = [];
  ws?.eachRow((r, n) => {
    if (n === 1) return;
    const v = (i: number) => cellText(r.getCell(i).value);
    if ([1, 2, 3, 4].every((i) => v(i) === '')) return;
    const category = OPINION_CATEGORIES.find((c) => c.zh === v(2) || c.code === v(2) || c.en === v(2))?.code;
    const street = streets.find((s) => s.name === v(3) || s.id === v(3));
    const channel = v(6) || 'hotline';
    const candidate = {
      content: v(1),
      category: category ?? v(2),
      streetId: street?.id ?? '',
      phone: v(4),
      isPublic: ['是', 'yes', 'true', '1'].includes(v(5).toLowerCase()),
      channel,
    };
    const parsed = submitOpinionSchema.safeParse(candidate);
    if (!street) errors.push({ row: n, field: '街道', message: { zh: '未知的街道', en: 'unknown street' } });
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const key = String(i.path[0]);
        if (key === 'streetId') continue;
        const col = { content: '内容', category: '类别', phone: '手机号', channel: '渠道' }[key] ?? key;
        errors.push({ row: n, field: col, message: { zh: '取值无效', en: i.message } });
      }
    } else if (!['hotline', 'petition', 'import'].includes(channel)) {
      errors.push({
        row: n,
        field: '渠道',
        message: { zh: '应为 hotline / petition / import', en: 'must be hotline, petition or import' },
      });
    }
    let receivedAt: Date | undefined;
    if (v(7)) {
      receivedAt = new Date(`${v(7).slice(0, 10)}T09:00:00+08:00`);
      if (Number.isNaN(receivedAt.getTime()) || receivedAt > new Date()) {
        errors.push({ row: n, field: '受理日期', message: { zh: '日期无效', en: 'invalid date' } });
      }
    }
    if (parsed.success && street) rows.push({ row: n, body: parsed.data, receivedAt });
  });
  if (errors.length || rows.length === 0) {
    throw new AppError(
      400,
      'import_failed',
      {
        zh: `导入失败，共 ${errors.length} 处错误，未导入任何记录`,
        en: `Import failed with ${errors.length} errors; nothing was imported`,
      },
      {
        errors: (errors.length
          ? errors
          : [{ row: 0, field: 'file', message: { zh: '没有数据行', en: 'no data rows' } }]
        ).map((e) => ({
          ...e,
          in: 'body',
          code: 'invalid',
        })),
      },
    );
  }
  const created: { row: number; id: string; trackingCode: string }[] = [];
  for (const r of rows) {
    const o = await submitOpinion(ctx, w, { body: r.body, receivedAt: r.receivedAt, trusted: true });
    created.push({ row: r.row, id: o.id, trackingCode: o.trackingCode });
  }
  await w.audit({ action: 'opinion.import', entityType: 'opinion', after: { created: created.length } });
  return { created: created.length, items: created };
}
