// The handling report as .xlsx (exceljs) and .docx (docx), from the same figures as the report page.
import ExcelJS from 'exceljs';
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Ctx } from '../../../platform/context';
import { getHandlingReport, type ReportFilter } from './get-handling-report';

const RATING_ZH: Record<string, string> = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
};
const fmt = (v: number | null) => (v === null ? '—' : `${v}%`);

export async function exportHandlingReportXlsx(ctx: Ctx, f: ReportFilter): Promise<Buffer> {
  const r = await getHandlingReport(ctx, f);
  const wb = new ExcelJS.Workbook();
  const sum = wb.addWorksheet('总体情况');
  sum.columns = [
    { header: '指标', width: 28 },
    { header: '数值', width: 14 },
  ];
  sum.addRows([
    ['建议总数', r.totals.total],
    ['已交办', r.totals.assigned],
    ['已答复', r.totals.replied],
    ['逾期未答复', r.totals.overdue],
    ['重点督办', r.totals.key],
    ['批准延期', r.totals.extended],
    ['重新办理', r.totals.rehandled],
    ['跟踪办理中', r.totals.followUp],
    ['解决率（A类/已答复）', fmt(r.solvedRate)],
    ['满意率（满意+基本满意/已测评）', fmt(r.satisfactionRate)],
    ['初次答复满意率', fmt(r.firstReplySatisfactionRate)],
    ['审查：退回修改', r.review.returned],
    ['审查：转为一般意见', r.review.referred],
  ]);
  const units = wb.addWorksheet('按承办单位');
  units.columns = [
    { header: '承办单位', width: 30 },
    { header: '主办件数', width: 10 },
    { header: '已答复', width: 10 },
    { header: '逾期', width: 8 },
    { header: 'A类', width: 8 },
    { header: '解决率', width: 10 },
    { header: '满意率', width: 10 },
  ];
  for (const u of r.byUnit)
    units.addRow([
      u.name,
      u.assigned,
      u.replied,
      u.overdue,
      u.solved,
      fmt(u.solvedRate),
      fmt(u.satisfactionRate),
    ]);
  const cats = wb.addWorksheet('按类别');
  cats.columns = [
    { header: '类别', width: 24 },
    { header: '件数', width: 10 },
  ];
  for (const c of r.byCategory) cats.addRow([c.label, c.count]);
  const res = wb.addWorksheet('按办理结果');
  res.columns = [
    { header: '类别', width: 8 },
    { header: '含义', width: 40 },
    { header: '件数', width: 10 },
  ];
  for (const c of r.byResult) res.addRow([c.key, c.label, c.count]);
  const rat = wb.addWorksheet('满意度');
  rat.columns = [
    { header: '测评', width: 14 },
    { header: '全部', width: 10 },
    { header: '初次答复', width: 10 },
  ];
  for (const c of r.byRating) rat.addRow([RATING_ZH[c.key], c.count, c.firstRound]);
  for (const ws of wb.worksheets) ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cell = (text: string | number, bold = false) =>
  new TableCell({
    children: [
      new Paragraph({ children: [new TextRun({ text: String(text), bold, font: '仿宋_GB2312', size: 24 })] }),
    ],
  });
const table = (head: string[], rows: (string | number)[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: head.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
const para = (text: string) =>
  new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
    children: [new TextRun({ text, font: '仿宋_GB2312', size: 32 })],
  });
const heading = (text: string) =>
  new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text, font: '黑体', size: 32 })] });

export async function exportHandlingReportDocx(ctx: Ctx, f: ReportFilter): Promise<Buffer> {
  const r = await getHandlingReport(ctx, f);
  const doc = new Document({
    title: '代表建议办理情况报告',
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400 },
            children: [
              new TextRun({
                text: '关于代表建议、批评和意见办理情况的报告',
                font: '方正小标宋简体',
                size: 44,
              }),
            ],
          }),
          para(
            `本次统计代表建议${r.totals.total}件，已交办${r.totals.assigned}件，已答复${r.totals.replied}件，其中重点督办${r.totals.key}件。` +
              `所提问题已经解决或者基本解决（A类）${r.totals.solved}件，解决率${fmt(r.solvedRate)}；代表满意率${fmt(r.satisfactionRate)}，初次答复满意率${fmt(r.firstReplySatisfactionRate)}。` +
              `逾期未答复${r.totals.overdue}件，重新办理${r.totals.rehandled}件，跟踪办理中${r.totals.followUp}件。`,
          ),
          heading('一、按办理结果'),
          table(
            ['类别', '含义', '件数'],
            r.byResult.map((c) => [c.key, c.label, c.count]),
          ),
          heading('二、按承办单位'),
          table(
            ['承办单位', '主办', '已答复', '逾期', '解决率', '满意率'],
            r.byUnit.map((u) => [
              u.name,
              u.assigned,
              u.replied,
              u.overdue,
              fmt(u.solvedRate),
              fmt(u.satisfactionRate),
            ]),
          ),
          heading('三、按类别'),
          table(
            ['类别', '件数'],
            r.byCategory.map((c) => [c.label, c.count]),
          ),
          heading('四、满意度测评'),
          table(
            ['测评', '全部', '初次答复'],
            r.byRating.map((c) => [RATING_ZH[c.key], c.count, c.firstRound]),
          ),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
