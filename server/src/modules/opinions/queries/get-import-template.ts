// The workbook (.xlsx) to fill in for an import of hotline or petition exports: the columns and one example.
import ExcelJS from 'exceljs';
import { requireRole } from '../../../platform/access';
import type { Ctx } from '../../../platform/context';
import { MANAGE_ROLES } from '../opinions.policy';

export const IMPORT_COLUMNS = ['内容', '类别', '街道', '手机号', '是否公开', '渠道', '受理日期'] as const;

export async function getImportTemplate(ctx: Ctx): Promise<Buffer> {
  requireRole(ctx.actor, MANAGE_ROLES);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('意见');
  ws.addRow([...IMPORT_COLUMNS]);
  ws.addRow([
    '小区门口路灯损坏，夜间出行不便',
    '城市管理',
    '测试街道',
    '13800138000',
    '是',
    'hotline',
    '2026-11-01',
  ]);
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
