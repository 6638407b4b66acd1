// A campaign's exports, from the same figures as its report page: the report as .docx (docx) for the standing
// committee's paper, and an enterprise-visit campaign's questionnaire responses as .xlsx (exceljs): one row per
// visit, and the closed questions' tally with an in-cell bar per option (Excel data bars; exceljs draws no charts).
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
import { asc, eq } from 'drizzle-orm';
import { CLOSED_KINDS, type Answer } from '@minyi/domain/activities';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { deputies, jurisdictions } from '../../registry';
import { firms, firmVisits } from '../activities.table';
import { campaignPolicy } from '../activities.policy';
import { loadCampaignStep } from '../activities.repository';
import { getCampaignReport } from './get-campaign-report';

const SIZE_ZH: Record<string, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型' };
const KIND_ZH: Record<string, string> = {
  single: '单选',
  multiple: '多选',
  text: '填空',
  number: '数字',
  scale: '量表',
};
export const ACTIVITY_KIND_ZH: Record<string, string> = {
  inspection: '视察',
  investigation: '调研',
  lawEnforcementInspection: '执法检查',
  council: '代表议事会',
  lecture: '代表大讲堂',
  forum: '代表论坛',
  reception: '接待群众',
  jointActivity: '联合活动',
  voterRepresentativesMeeting: '选民代表会议',
  reportToVoters: '代表述职',
  other: '其他',
};
const LEVEL_ZH: Record<string, string> = {
  national: '全国',
  province: '省',
  city: '市',
  district: '区',
  township: '镇',
  none: '未登记',
};

const answerText = (a: Answer | undefined) => (a === undefined ? '' : Array.isArray(a) ? a.join('；') : a);

export async function exportResponsesXlsx(db: Db, actor: Actor, campaignId: string): Promise<Buffer> {
  const { row: c, resource } = await loadCampaignStep({ db }, actor, campaignId);
  campaignPolicy.authorize(actor, 'read', resource);
  if (c.kind !== 'enterpriseVisits')
    throw conflict('not_enterprise_visits', {
      zh: '只有企业走访专项活动才有问卷',
      en: 'Only an enterprise-visit campaign has a questionnaire',
    });
  const visits = await db
    .select({
      firm: firms.name,
      uscc: firms.uscc,
      industry: firms.industry,
      size: firms.size,
      street: jurisdictions.name,
      deputy: deputies.name,
      visitedOn: firmVisits.visitedOn,
      peopleMet: firmVisits.peopleMet,
      responses: firmVisits.responses,
    })
    .from(firmVisits)
    .innerJoin(firms, eq(firms.id, firmVisits.firmId))
    .leftJoin(jurisdictions, eq(jurisdictions.id, firms.streetId))
    .leftJoin(deputies, eq(deputies.id, firmVisits.deputyId))
    .where(eq(firmVisits.campaignId, c.id))
    .orderBy(asc(firmVisits.visitedOn), asc(firms.name));
  const questions = c.questionnaire;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('走访问卷');
  ws.columns = [
    { header: '企业名称', width: 28 },
    { header: '统一社会信用代码', width: 22 },
    { header: '行业', width: 14 },
    { header: '规模', width: 8 },
    { header: '街道', width: 12 },
    { header: '走访代表', width: 10 },
    { header: '走访日期', width: 12 },
    { header: '座谈对象', width: 20 },
    ...questions.map((q) => ({ header: q.label, width: q.kind === 'text' ? 30 : 14 })),
  ];
  for (const v of visits)
    ws.addRow([
      v.firm,
      v.uscc,
      v.industry,
      SIZE_ZH[v.size] ?? v.size,
      v.street ?? '',
      v.deputy ?? '',
      v.visitedOn,
      v.peopleMet,
      ...questions.map((q) => answerText(v.responses[q.id])),
    ]);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];

  const report = await getCampaignReport(db, actor, c.id);
  const tally = wb.addWorksheet('选择题统计');
  tally.columns = [
    { header: '题目', width: 40 },
    { header: '题型', width: 8 },
    { header: '选项', width: 24 },
    { header: '人数', width: 8 },
    { header: '占比', width: 30 },
  ];
  tally.getRow(1).font = { bold: true };
  const tallies = 'questions' in report ? report.questions : [];
  for (const t of tallies) {
    if (!CLOSED_KINDS.includes(t.kind)) continue;
    const first = tally.rowCount + 1;
    for (const o of t.options)
      tally.addRow([t.label, KIND_ZH[t.kind], o.option, o.count, t.answered ? o.count / t.answered : 0]);
    const last = tally.rowCount;
    if (last >= first) {
      for (let r = first; r <= last; r++) tally.getCell(`E${r}`).numFmt = '0.0%';
      tally.addConditionalFormatting({
        ref: `E${first}:E${last}`,
        rules: [
          {
            type: 'dataBar',
            priority: 1,
            minLength: 0,
            maxLength: 100,
            gradient: false,
            border: false,
            negativeBarColorSameAsPositive: true,
            negativeBarBorderColorSameAsPositive: true,
            axisPosition: 'none',
            direction: 'leftToRight',
            cfvo: [
              { type: 'num', value: 0 },
              { type: 'num', value: 1 },
            ],
            color: { argb: 'FF1677FF' },
          } as unknown as ExcelJS.ConditionalFormattingRule,
        ],
      });
    }
    tally.addRow([]);
  }
  const open = wb.addWorksheet('数字题统计');
  open.columns = [
    { header: '题目', width: 40 },
    { header: '题型', width: 8 },
    { header: '作答数', width: 10 },
    { header: '平均值', width: 10 },
  ];
  open.getRow(1).font = { bold: true };
  for (const t of tallies)
    if (!CLOSED_KINDS.includes(t.kind) || t.kind === 'scale')
      open.addRow([t.label, KIND_ZH[t.kind], t.answered, t.mean ?? '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// The report's paper, in the style of the standing committee's documents.
export const docCell = (text: string | number, bold = false) =>
  new TableCell({
    children: [
      new Paragraph({ children: [new TextRun({ text: String(text), bold, font: '仿宋_GB2312', size: 24 })] }),
    ],
  });
export const docTable = (head: string[], rows: (string | number)[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: head.map((h) => docCell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => docCell(c)) })),
    ],
  });
export const docPara = (text: string) =>
  new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
    children: [new TextRun({ text, font: '仿宋_GB2312', size: 32 })],
  });
export const docHeading = (text: string) =>
  new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text, font: '黑体', size: 32 })] });
export const docTitle = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 400 },
    children: [new TextRun({ text, font: '方正小标宋简体', size: 44 })],
  });

export async function exportCampaignReportDocx(db: Db, actor: Actor, campaignId: string): Promise<Buffer> {
  const r = await getCampaignReport(db, actor, campaignId);
  const children: (Paragraph | Table)[] = [
    docTitle(`关于${r.title}开展情况的报告`),
    docPara(`活动时间：${r.from}至${r.to}。`),
    docPara(`${r.sentence.zh}。`),
  ];
  if (r.kind === 'enterpriseVisits' && 'byIndustry' in r) {
    children.push(
      docHeading('一、总体情况'),
      docTable(
        [
          '计划走访企业',
          '已走访企业',
          '走访次数',
          '问卷',
          '问题和建议',
          '已解决',
          '办理中',
          '分片区座谈等活动',
        ],
        [
          [
            r.firmsPlanned,
            r.firmsVisited,
            r.visits,
            r.questionnaires,
            r.issues,
            r.issuesSolved,
            r.issuesInProgress,
            r.activities,
          ],
        ],
      ),
      docHeading('二、分街道'),
      docTable(
        ['街道', '计划', '已走访', '问题和建议', '已解决'],
        r.byStreet.map((s) => [s.name, s.planned, s.visited, s.issues, s.solved]),
      ),
      docHeading('三、分行业'),
      docTable(
        ['行业', '计划', '已走访', '问题和建议', '已解决'],
        r.byIndustry.map((s) => [s.industry || '未填', s.planned, s.visited, s.issues, s.solved]),
      ),
      docHeading('四、问卷选择题统计'),
      ...r.questions
        .filter((q) => CLOSED_KINDS.includes(q.kind))
        .flatMap((q) => [
          docPara(`${q.label}（作答${q.answered}份${q.mean !== null ? `，平均${q.mean}` : ''}）`),
          docTable(
            ['选项', '人数'],
            q.options.map((o) => [o.option, o.count]),
          ),
        ]),
    );
  } else if ('byKind' in r) {
    children.push(
      docHeading('一、总体情况'),
      docTable(
        ['开展活动（场）', '代表参加（人次）', '接待群众（人次）', '收集意见建议（件）', '已解决', '办理中'],
        [[r.activities, r.attendances, r.received, r.opinions, r.solved, r.inProgress]],
      ),
      docHeading('二、分街道'),
      docTable(
        ['街道', '活动', '代表参加', '接待群众', '意见建议', '已解决'],
        r.byStreet.map((s) => [s.name, s.activities, s.attendances, s.received, s.opinions, s.solved]),
      ),
      docHeading('三、分活动类型'),
      docTable(
        ['类型', '活动', '代表参加'],
        r.byKind.map((k) => [ACTIVITY_KIND_ZH[k.kind] ?? k.kind, k.activities, k.attendances]),
      ),
      docHeading('四、分代表层级'),
      docTable(
        ['层级', '参加人次'],
        r.byLevel.map((l) => [LEVEL_ZH[l.level] ?? l.level, l.attendances]),
      ),
    );
  }
  const doc = new Document({ title: r.title, sections: [{ children }] });
  return Buffer.from(await Packer.toBuffer(doc));
}
