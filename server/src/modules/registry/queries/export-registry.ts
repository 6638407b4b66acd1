// The registry as Excel: deputies (personal data masked, or clear for an audited export: commands/export-deputies.ts) and handling units, plus the
// empty import templates with their notes sheet, in the import's column layout (commands/import-sheet.ts).
import ExcelJS from 'exceljs';
import { and, asc, eq } from 'drizzle-orm';
import {
  CONGRESS_LEVEL_LABELS,
  HANDLING_UNIT_KIND_LABELS,
  MATTER_CATEGORY_LABELS,
  type MatterCategory,
  type CongressLevel,
} from '@minyi/domain/registry';
import type { Db } from '../../../db/client';
import type { Pii } from '../../../platform/pii';
import { deputies, handlingUnits, jurisdictions } from '../registry.table';
import { DEPUTY_COLUMNS, UNIT_COLUMNS, type Column } from '../commands/import-sheet';
import { findMandatesOf } from './find-deputies';

/** A workbook of one sheet, every cell text, with an optional notes sheet (the templates). */
export async function buildWorkbook(
  sheetName: string,
  columns: Column[],
  rows: Record<string, string>[],
  notes?: string[][],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Minyi';
  const ws = wb.addWorksheet(sheetName);
  ws.columns = columns.map((c) => ({ header: c.zh, key: c.key, width: c.width ?? 14 }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) ws.addRow(r);
  // Every cell is text, so that ID numbers and phone numbers keep their digits.
  ws.eachRow((row) => row.eachCell((cell) => (cell.numFmt = '@')));
  for (let i = 1; i <= columns.length; i++) ws.getColumn(i).numFmt = '@';
  if (notes) {
    const info = wb.addWorksheet('填写说明');
    info.columns = [
      { header: '列', key: 'a', width: 16 },
      { header: '说明', key: 'b', width: 60 },
    ];
    for (const n of notes) info.addRow(n);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const notesOf = (columns: Column[]) => columns.map((c) => [`${c.zh}（${c.en}）`, c.note ?? '']);

/** The deputies' workbook, personal data in clear only when `clear` (the caller has audited it). */
export async function deputiesWorkbook(
  db: Db,
  pii: Pii,
  congressId: string,
  clear: boolean,
): Promise<Buffer> {
  const shown = (kind: 'phone' | 'idNumber' | 'address', sealed: string | null) =>
    (clear ? sealed && pii.decrypt(sealed) : pii.masked(kind, sealed)) ?? '';
  const list = await db
    .select()
    .from(deputies)
    .where(eq(deputies.congressId, congressId))
    .orderBy(asc(deputies.name), asc(deputies.id));
  const mandates = await findMandatesOf(
    db,
    list.map((d) => d.id),
  );
  const rows = list.map((d) => {
    const ms = mandates.get(d.id) ?? [];
    // The row carries the mandate held in this congress, else the first one (a city deputy living here).
    const m =
      ms.find((x) => x.congressId === congressId && x.status !== 'terminated') ??
      ms.find((x) => x.status !== 'terminated') ??
      ms[0];
    return {
      name: d.name,
      gender: d.gender === 'male' ? '男' : '女',
      birthDate: d.birthDate ?? '',
      ethnicity: d.ethnicity,
      party: d.party,
      occupation: d.occupation,
      organization: d.organization,
      phone: shown('phone', d.phoneEnc),
      idNumber: shown('idNumber', d.idNumberEnc),
      address: shown('address', d.addressEnc),
      level: m ? (CONGRESS_LEVEL_LABELS[m.level as CongressLevel]?.zh ?? m.level) : '',
      street: m?.street?.name ?? '',
      electoralDistrict: m?.electoralDistrict?.name ?? '',
      delegation: m?.delegation ?? '',
      deputyGroup: m?.deputyGroup ?? '',
      liaisonPlace: m?.liaisonPlace?.name ?? '',
      bio: d.bio,
    };
  });
  return buildWorkbook('代表', DEPUTY_COLUMNS, rows);
}

export async function exportHandlingUnits(db: Db, congressId: string): Promise<Buffer> {
  const units = await db
    .select()
    .from(handlingUnits)
    .where(eq(handlingUnits.congressId, congressId))
    .orderBy(asc(handlingUnits.name), asc(handlingUnits.id));
  const streets = new Map(
    (
      await db
        .select({ id: jurisdictions.id, name: jurisdictions.name })
        .from(jurisdictions)
        .where(and(eq(jurisdictions.congressId, congressId), eq(jurisdictions.level, 'street')))
    ).map((s) => [s.id, s.name]),
  );
  const rows = units.map((u) => ({
    name: u.name,
    nameEn: u.nameEn,
    kind: HANDLING_UNIT_KIND_LABELS[u.kind].zh,
    categories: u.categories.map((c) => MATTER_CATEGORY_LABELS[c as MatterCategory]?.zh ?? c).join('、'),
    street: u.streetId ? (streets.get(u.streetId) ?? '') : '',
    contactName: u.contactName,
    contactPhone: u.contactPhone,
    active: u.active ? '是' : '否',
  }));
  return buildWorkbook('承办单位', UNIT_COLUMNS, rows);
}

export const deputyTemplate = () => buildWorkbook('代表', DEPUTY_COLUMNS, [], notesOf(DEPUTY_COLUMNS));
export const handlingUnitTemplate = () =>
  buildWorkbook(
    '承办单位',
    UNIT_COLUMNS,
    [],
    [
      ...notesOf(UNIT_COLUMNS),
      [
        '职责类别可选值',
        Object.values(MATTER_CATEGORY_LABELS)
          .map((l) => l.zh)
          .join('、'),
      ],
    ],
  );
