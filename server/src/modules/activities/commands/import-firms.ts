// Imports the firms an enterprise-visit campaign plans to visit (.xlsx, or .csv; header in English or Chinese:
// name 企业名称, uscc 统一社会信用代码, industry 行业, street 街道, size 规模, deputy 走访代表, plannedOn
// 计划走访日期). Each row is checked: the name, the unified social credit code (form and GB 32100 check
// character), the street by name, the size, the deputy by name when given, the same code twice in the file.
// A firm already on file (same code) is updated; every good row is planned in the campaign, given to its deputy
// when one is named. The answer is the row-level report the staff fix and re-import.
import ExcelJS from 'exceljs';
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  FIRM_IMPORT_MAX_ROWS,
  FIRM_SIZE_WORDS,
  normalizeUscc,
  usccProblem,
  type FirmSize,
} from '@minyi/domain/activities';
import type { LocalizedText } from '@minyi/domain';
import type { Ctx } from '../../../platform/context';
import { badRequest, conflict } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { deputies, jurisdictions } from '../../registry';
import { campaignFirms, firms } from '../activities.table';
import { campaignPolicy } from '../activities.policy';
import { loadCampaignStep } from '../activities.repository';

type Column = 'name' | 'uscc' | 'industry' | 'street' | 'size' | 'deputy' | 'plannedOn';
const HEADERS: Record<string, Column> = {
  name: 'name',
  企业名称: 'name',
  名称: 'name',
  uscc: 'uscc',
  统一社会信用代码: 'uscc',
  信用代码: 'uscc',
  industry: 'industry',
  行业: 'industry',
  所属行业: 'industry',
  street: 'street',
  街道: 'street',
  所在街道: 'street',
  size: 'size',
  规模: 'size',
  企业规模: 'size',
  deputy: 'deputy',
  走访代表: 'deputy',
  代表: 'deputy',
  plannedon: 'plannedOn',
  计划走访日期: 'plannedOn',
  计划日期: 'plannedOn',
};

export type FirmRejectReason =
  | 'nameMissing'
  | 'usccFormat'
  | 'usccChecksum'
  | 'unknownStreet'
  | 'unknownSize'
  | 'unknownDeputy'
  | 'badDate'
  | 'duplicateInFile';

const REASONS: Record<FirmRejectReason, LocalizedText> = {
  nameMissing: { zh: '缺少企业名称', en: 'the name is missing' },
  usccFormat: {
    zh: '统一社会信用代码应为 18 位数字或大写字母',
    en: 'the unified social credit code must be 18 digits or capitals',
  },
  usccChecksum: {
    zh: '统一社会信用代码校验位错误',
    en: "the unified social credit code's check character is wrong",
  },
  unknownStreet: { zh: '本区没有该街道', en: 'the district has no such street' },
  unknownSize: {
    zh: '规模应为 大型、中型、小型 或 微型',
    en: 'the size must be large, medium, small or micro',
  },
  unknownDeputy: { zh: '没有该姓名的代表（或重名）', en: 'no deputy of that name (or more than one)' },
  badDate: { zh: '计划走访日期应为 YYYY-MM-DD', en: 'the planned day must be YYYY-MM-DD' },
  duplicateInFile: { zh: '与文件中另一行的信用代码相同', en: 'the same code as another row of the file' },
};

const fileError = (zh: string, en: string) =>
  badRequest([{ field: 'file', in: 'body', code: 'invalid_file', message: { zh, en } }], { zh, en });

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return cellText(v.result);
  if (typeof v === 'object') return '';
  return String(v);
};

/** The first sheet of an .xlsx workbook, or CSV text (simple cells, no quoted commas), as rows of cells. */
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
      for (let c = 1; c <= Math.max(7, r.cellCount); c++) cells.push(cellText(r.getCell(c).value));
      rows.push(cells);
    });
    return rows;
  }
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD'))
    throw fileError('CSV 文件应为 UTF-8 编码', 'The CSV file must be UTF-8 encoded');
  return text.split(/\r?\n/).map((l) => l.split(','));
}

export interface RejectedFirmRow {
  row: number;
  reason: FirmRejectReason;
  message: LocalizedText;
}

export function importFirms(ctx: Ctx, campaignId: string, data: Buffer, filename: string) {
  return step(ctx, {
    policy: campaignPolicy,
    action: 'manage',
    load: (w, a) => loadCampaignStep(w, a, campaignId, true),
    async write({ w, row: campaign }) {
      if (campaign.kind !== 'enterpriseVisits')
        throw conflict('not_enterprise_visits', {
          zh: '只有企业走访专项活动才有走访企业',
          en: 'Only an enterprise-visit campaign has firms to visit',
        });
      const congressId = campaign.congressId;
      const table = await readTable(data, filename);
      const header = (table[0] ?? []).map((h) => HEADERS[h.trim().toLowerCase()] ?? HEADERS[h.trim()]);
      if (!header.includes('name') || !header.includes('uscc') || !header.includes('street'))
        throw fileError(
          '第 1 行应为表头：企业名称,统一社会信用代码,行业,街道,规模,走访代表,计划走访日期（或 name,uscc,industry,street,size,deputy,plannedOn）',
          'Row 1 must be the header: name,uscc,industry,street,size,deputy,plannedOn',
        );
      const at = (cells: string[], col: Column) =>
        header.includes(col) ? (cells[header.indexOf(col)] ?? '').trim() : '';
      const body = table
        .map((cells, i) => ({ row: i + 1, cells }))
        .slice(1)
        .filter((r) => r.cells.some((c) => c.trim() !== ''));
      if (body.length === 0) throw fileError('文件中没有数据行', 'The file has no data rows');
      if (body.length > FIRM_IMPORT_MAX_ROWS)
        throw fileError(
          `一次最多导入 ${FIRM_IMPORT_MAX_ROWS} 行`,
          `At most ${FIRM_IMPORT_MAX_ROWS} rows per import`,
        );

      const streets = await w.db
        .select({ id: jurisdictions.id, name: jurisdictions.name, nameEn: jurisdictions.nameEn })
        .from(jurisdictions)
        .where(and(eq(jurisdictions.congressId, congressId), eq(jurisdictions.level, 'street')));
      const streetOf = (name: string) =>
        streets.find((s) => s.name === name || (s.nameEn && s.nameEn.toLowerCase() === name.toLowerCase()))
          ?.id;
      const deputyNames = [...new Set(body.map((r) => at(r.cells, 'deputy')).filter(Boolean))];
      const named = deputyNames.length
        ? await w.db
            .select({ id: deputies.id, name: deputies.name })
            .from(deputies)
            .where(and(eq(deputies.congressId, congressId), inArray(deputies.name, deputyNames)))
        : [];
      const deputyOf = (name: string) => {
        const hits = named.filter((d) => d.name === name);
        return hits.length === 1 ? hits[0].id : undefined;
      };

      const rejected: RejectedFirmRow[] = [];
      const reject = (row: number, reason: FirmRejectReason) =>
        rejected.push({ row, reason, message: REASONS[reason] });
      const seen = new Set<string>();
      const good: {
        name: string;
        uscc: string;
        industry: string;
        streetId: string;
        size: FirmSize;
        deputyId: string | null;
        plannedOn: string | null;
      }[] = [];
      for (const { row, cells } of body) {
        const name = at(cells, 'name');
        const uscc = normalizeUscc(at(cells, 'uscc'));
        if (!name) {
          reject(row, 'nameMissing');
          continue;
        }
        const problem = usccProblem(uscc);
        if (problem) {
          reject(row, problem === 'format' ? 'usccFormat' : 'usccChecksum');
          continue;
        }
        const streetId = streetOf(at(cells, 'street'));
        if (!streetId) {
          reject(row, 'unknownStreet');
          continue;
        }
        const sizeWord = at(cells, 'size');
        const size = sizeWord ? FIRM_SIZE_WORDS[sizeWord.toLowerCase()] : 'small';
        if (!size) {
          reject(row, 'unknownSize');
          continue;
        }
        const deputyName = at(cells, 'deputy');
        const deputyId = deputyName ? deputyOf(deputyName) : null;
        if (deputyId === undefined) {
          reject(row, 'unknownDeputy');
          continue;
        }
        const plannedOn = at(cells, 'plannedOn') || null;
        if (plannedOn && !/^\d{4}-\d{2}-\d{2}$/.test(plannedOn)) {
          reject(row, 'badDate');
          continue;
        }
        if (seen.has(uscc)) {
          reject(row, 'duplicateInFile');
          continue;
        }
        seen.add(uscc);
        good.push({ name, uscc, industry: at(cells, 'industry'), streetId, size, deputyId, plannedOn });
      }

      let created = 0;
      let planned = 0;
      for (let i = 0; i < good.length; i += 1000) {
        const chunk = good.slice(i, i + 1000);
        const saved = await w.db
          .insert(firms)
          .values(
            chunk.map((g) => ({
              id: newId(),
              congressId,
              name: g.name,
              uscc: g.uscc,
              industry: g.industry,
              streetId: g.streetId,
              size: g.size,
            })),
          )
          .onConflictDoUpdate({
            target: [firms.congressId, firms.uscc],
            set: {
              name: sql`excluded.name`,
              industry: sql`excluded.industry`,
              streetId: sql`excluded.street_id`,
              size: sql`excluded.size`,
            },
          })
          .returning({ id: firms.id, uscc: firms.uscc, fresh: sql<boolean>`(xmax = 0)` });
        created += saved.filter((s) => s.fresh).length;
        const idOf = new Map(saved.map((s) => [s.uscc, s.id]));
        const plan = await w.db
          .insert(campaignFirms)
          .values(
            chunk.map((g) => ({
              congressId,
              campaignId: campaign.id,
              firmId: idOf.get(g.uscc)!,
              deputyId: g.deputyId,
              plannedOn: g.plannedOn,
            })),
          )
          .onConflictDoUpdate({
            target: [campaignFirms.campaignId, campaignFirms.firmId],
            set: {
              deputyId: sql`coalesce(excluded.deputy_id, ${campaignFirms.deputyId})`,
              plannedOn: sql`coalesce(excluded.planned_on, ${campaignFirms.plannedOn})`,
            },
          })
          .returning({ firmId: campaignFirms.firmId });
        planned += plan.length;
      }
      rejected.sort((a, b) => a.row - b.row);
      return {
        result: { imported: good.length, created, updated: good.length - created, planned, rejected },
        audit: {
          action: 'campaign.importFirms',
          entityType: 'campaign',
          entityId: campaign.id,
          congressId,
          after: {
            imported: good.length,
            created,
            rejected: rejected.map((r) => ({ row: r.row, reason: r.reason })),
          },
        },
      };
    },
  });
}
