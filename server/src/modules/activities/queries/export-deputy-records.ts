// The deputy's record as paper and sheets: one deputy's yearly record as .docx for their report to voters
// (代表向选民述职), with the work by kind, the duty points beside their rules, and the pledges with what was
// done; and every deputy's yearly summary as .xlsx with the ranking, for staff and leaders.
import ExcelJS from 'exceljs';
import { Document, Packer, type Paragraph, type Table } from 'docx';
import type { Database } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { READERS } from '../activities.policy';
import { getDeputyRecord } from './get-deputy-record';
import { findPledges } from './find-pledges';
import { rankDeputies } from './get-points-ranking';
import { ACTIVITY_KIND_ZH, docHeading, docPara, docTable, docTitle } from './export-campaign';

const WORK_ZH: Record<string, string> = {
  suggestions: '领衔提出建议（件）',
  receptions: '进站接待群众（次）',
  activities: '参加代表活动（次）',
  meetingsAttended: '出席会议（次）',
  firmVisits: '走访企业（次）',
  pledgesFulfilled: '兑现承诺（项）',
};
const STATUS_ZH: Record<string, string> = { pledged: '已承诺', inProgress: '践诺中', fulfilled: '已兑现' };

export async function exportDeputyRecordDocx(
  database: Database,
  congressId: string,
  deputyId: string,
  year: number,
) {
  const [r, p] = await Promise.all([
    getDeputyRecord(database, congressId, deputyId, year),
    findPledges(database.db, congressId, deputyId, year),
  ]);
  const children: (Paragraph | Table)[] = [
    docTitle(`${r.deputy.name}代表${year}年度履职情况`),
    docPara(
      `${year}年，${r.deputy.name}代表领衔提出建议${r.suggestions}件、附议${r.suggestionsCosigned}件，` +
        `出席会议${r.meetingsAttended}次（请假${r.meetingsExcused}次），进站接待群众${r.receptions}次，` +
        `参加各类代表活动${r.activities}次，走访企业${r.firmsVisited}家，` +
        `年初作出承诺${r.pledgesMade}项、已兑现${r.pledgesFulfilled}项，履职积分${r.points}分。`,
    ),
    docHeading('一、履职积分'),
    docTable(
      ['履职事项', '数量', '每项积分', '积分'],
      [
        ...r.pointsRules.map((l) => [WORK_ZH[l.kind] ?? l.kind, l.count, l.perUnit, l.points]),
        ['合计', '', '', r.points],
      ],
    ),
    docHeading('二、参加代表活动'),
    r.activitiesByKind.length
      ? docTable(
          ['活动类型', '次数'],
          r.activitiesByKind.map((k) => [ACTIVITY_KIND_ZH[k.kind] ?? k.kind, k.count]),
        )
      : docPara('本年度未参加代表活动。'),
    docHeading('三、承诺践诺'),
    ...(p.items.length
      ? p.items.flatMap((item, i) => [
          docPara(`${i + 1}. ${item.content}（${STATUS_ZH[item.status]}）`),
          ...item.progress.map((n) => docPara(`${n.at.toISOString().slice(0, 10)}：${n.note}`)),
        ])
      : [docPara('本年度未作出公开承诺。')]),
  ];
  const doc = new Document({ title: `${r.deputy.name}代表${year}年度履职情况`, sections: [{ children }] });
  return Buffer.from(await Packer.toBuffer(doc));
}

export async function exportDeputyRecordsXlsx(database: Database, actor: Actor, year: number) {
  requireRole(actor, READERS);
  const { ranked } = await rankDeputies(database, actor.congressId, year);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${year}年度履职汇总`);
  ws.columns = [
    { header: '排名', width: 6 },
    { header: '代表', width: 12 },
    { header: '领衔建议', width: 10 },
    { header: '附议建议', width: 10 },
    { header: '进站接待', width: 10 },
    { header: '代表活动', width: 10 },
    { header: '出席会议', width: 10 },
    { header: '请假', width: 8 },
    { header: '走访企业', width: 10 },
    { header: '承诺', width: 8 },
    { header: '已兑现', width: 8 },
    { header: '履职积分', width: 10 },
  ];
  for (const l of ranked)
    ws.addRow([
      l.rank,
      l.name,
      l.suggestions,
      l.suggestionsCosigned,
      l.receptions,
      l.activities,
      l.meetingsAttended,
      l.meetingsExcused,
      l.firmsVisited,
      l.pledgesMade,
      l.pledgesFulfilled,
      l.points,
    ]);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
