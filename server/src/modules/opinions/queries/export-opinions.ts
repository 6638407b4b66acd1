// The period report of opinions and receptions as a workbook (.xlsx), per street and in total.
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { periodQuerySchema } from '@minyi/domain/opinions';
import { requireRole } from '../../../platform/access';
import type { Ctx } from '../../../platform/context';
import { getStreet } from '../../registry';
import { periodReport } from './opinion-statistics';

const HEADER = [
  '街道',
  '接待场次',
  '接待群众（人次）',
  '收集意见（件）',
  '已解决',
  '办理中',
  '超期',
  '办结未解决',
  '不予受理',
  '并案',
  '转代表建议',
  '已评价',
  '满意/基本满意',
  '解决率',
  '满意率',
];

/** The workbook and its file name. */
export async function exportOpinionPeriodReport(
  ctx: Ctx,
  query: z.infer<typeof periodQuerySchema>,
): Promise<{ filename: string; data: Buffer }> {
  const actor = requireRole(ctx.actor, ['congressStaff', 'liaisonStaff', 'leader']);
  const rep = await periodReport(ctx.app.db, { congressId: actor.congressId, ...query });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('群众意见办理情况');
  ws.addRow([`统计期间 ${rep.from} 至 ${rep.to}`]);
  ws.addRow(HEADER);
  const streetName = new Map<string, string>();
  for (const s of rep.byStreet)
    streetName.set(
      s.streetId,
      (await getStreet(ctx.app.db, actor.congressId, s.streetId))?.name ?? s.streetId,
    );
  const line = (name: string, f: (typeof rep)['total'] & { receptions: number; peopleReceived: number }) => [
    name,
    f.receptions,
    f.peopleReceived,
    f.received,
    f.solved,
    f.inProgress,
    f.overdue,
    f.closedUnresolved,
    f.inadmissible,
    f.merged,
    f.raisedAsSuggestion,
    f.rated,
    f.satisfied,
    f.solvedRate,
    f.satisfactionRate,
  ];
  for (const s of rep.byStreet) ws.addRow(line(streetName.get(s.streetId)!, s));
  ws.addRow(line('合计', rep.total));
  ws.getRow(2).font = { bold: true };
  return {
    filename: `opinions-${rep.from}-${rep.to}.xlsx`,
    data: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
