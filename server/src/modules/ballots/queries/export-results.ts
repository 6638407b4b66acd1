// The published result as a spreadsheet (.xlsx) and a document (.docx) for the congress's records.
import ExcelJS from 'exceljs';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { PublishedResult } from '../ballots.repository';

interface Named {
  title: string;
  year: number;
}

const validity = (r: PublishedResult) =>
  r.valid ? '有效' : r.invalidReason === 'noQuorum' ? '无效（未达法定人数）' : '无效（收回票数多于签到人数）';

const summaryLines = (v: Named, r: PublishedResult): string[] => [
  `应到 ${r.quorum.rollSize} 人，实到 ${r.quorum.present} 人，法定人数 ${r.quorum.needed} 人（${r.quorum.reached ? '已达到' : '未达到'}）`,
  `收回选票 ${r.turnout.ballotsCast} 张（电子 ${r.electronicBallots}，纸质 ${r.paperBallots}）；票决${validity(r)}`,
  ...(r.paperStatement
    ? [
        `纸质选票：发出 ${r.paperStatement.issued ?? '—'}，收回 ${r.paperStatement.returned}，有效 ${r.paperStatement.valid ?? '—'}，作废 ${r.paperStatement.void}，空白 ${r.paperStatement.blank ?? '—'}（作废票不计入任何项目）`,
      ]
    : []),
  r.threshold.rule === 'mostVotes'
    ? `并列项目另行票决，以得票多者当选；应选 ${r.maxChoices} 项，当选 ${r.chosen.length} 项`
    : `当选须获${r.threshold.base === 'roll' ? '全体代表' : '出席代表'}（${r.threshold.baseSize} 人）过半数，即至少 ${r.threshold.votesNeeded} 票；应选 ${r.maxChoices} 项，当选 ${r.chosen.length} 项`,
  ...(r.runoff
    ? [`并列 ${r.runoff.candidateIds.length} 项争夺剩余 ${r.runoff.seats} 个名额，须另行票决`]
    : []),
  ...(r.shortfall > 0 ? [`差额不足：${r.shortfall} 个名额未选出`] : []),
  ...(r.advisory ? ['（街道票选结果为建议性意见）'] : []),
  `${v.year} 年度`,
];

export async function resultsXlsx(v: Named, r: PublishedResult): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('票决结果');
  ws.addRow([v.title]).font = { bold: true, size: 14 };
  for (const line of summaryLines(v, r)) ws.addRow([line]);
  ws.addRow([]);
  const header = ws.addRow(['名次', '候选项目', '得票', '电子票', '纸质票', '过半数', '当选']);
  header.font = { bold: true };
  r.candidates.forEach((c, i) =>
    ws.addRow([
      i + 1,
      c.title,
      c.votes,
      c.electronicVotes,
      c.paperVotes,
      c.passed ? '是' : '否',
      c.chosen ? '当选' : '',
    ]),
  );
  ws.getColumn(2).width = 48;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function resultsDocx(v: Named, r: PublishedResult): Promise<Buffer> {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: v.title, heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER }),
          ...summaryLines(v, r).map((line) => new Paragraph({ text: line })),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ children: ['名次', '候选项目', '得票', '当选'].map((h) => cell(h, true)) }),
              ...r.candidates.map(
                (c, i) =>
                  new TableRow({
                    children: [
                      cell(String(i + 1)),
                      cell(c.title),
                      cell(String(c.votes)),
                      cell(c.chosen ? '当选' : ''),
                    ],
                  }),
              ),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
