// Imports handling units from an .xlsx sheet. All or nothing: any bad row refuses the whole file.
import { and, eq } from 'drizzle-orm';
import {
  HANDLING_UNIT_KINDS,
  HANDLING_UNIT_KIND_LABELS,
  MATTER_CATEGORIES,
  MATTER_CATEGORY_LABELS,
  type HandlingUnitKind,
  type MatterCategory,
} from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { newId } from '../../../platform/ids';
import { handlingUnits, jurisdictions } from '../registry.table';
import { registryPolicy } from '../registry.policy';
import { columnLabel, importRefused, readSheet, UNIT_COLUMNS, type RowError } from './import-sheet';

const kindOf = (s: string): HandlingUnitKind | null =>
  HANDLING_UNIT_KINDS.find(
    (k) =>
      k.toLowerCase() === s.toLowerCase() ||
      HANDLING_UNIT_KIND_LABELS[k].zh === s ||
      HANDLING_UNIT_KIND_LABELS[k].en.toLowerCase() === s.toLowerCase(),
  ) ?? null;
const categoryOf = (s: string): MatterCategory | null =>
  MATTER_CATEGORIES.find(
    (c) =>
      c.toLowerCase() === s.toLowerCase() ||
      MATTER_CATEGORY_LABELS[c].zh === s ||
      MATTER_CATEGORY_LABELS[c].en.toLowerCase() === s.toLowerCase(),
  ) ?? null;
const YES: Record<string, boolean> = {
  '': true,
  是: true,
  否: false,
  yes: true,
  no: false,
  true: true,
  false: false,
  y: true,
  n: false,
  '1': true,
  '0': false,
};

export async function importHandlingUnits(
  ctx: Ctx,
  congressId: string,
  file: Buffer,
): Promise<{ created: number }> {
  const { rows } = await readSheet(file, UNIT_COLUMNS);
  const { db } = ctx.app;
  const errors: RowError[] = [];
  const fail = (row: number, field: string, zh: string, en: string) => {
    const l = columnLabel(UNIT_COLUMNS, field);
    errors.push({
      row,
      field,
      message: { zh: `第 ${row} 行“${l.zh}”：${zh}`, en: `Row ${row}, ${l.en}: ${en}` },
    });
  };
  const streets = new Map(
    (
      await db
        .select({ id: jurisdictions.id, name: jurisdictions.name })
        .from(jurisdictions)
        .where(and(eq(jurisdictions.congressId, congressId), eq(jurisdictions.level, 'street')))
    ).map((s) => [s.name, s.id]),
  );
  const existing = new Set(
    (
      await db
        .select({ name: handlingUnits.name })
        .from(handlingUnits)
        .where(eq(handlingUnits.congressId, congressId))
    ).map((u) => u.name),
  );
  const seen = new Map<string, number>();
  const ready: (typeof handlingUnits.$inferInsert)[] = [];
  for (const { row, values: v } of rows) {
    const before = errors.length;
    const name = (v.name ?? '').trim();
    if (!name) fail(row, 'name', '此项必填', 'is required');
    else if (name.length > 100) fail(row, 'name', '超出上限（100）', 'must be at most 100 characters');
    else if (existing.has(name))
      fail(row, 'name', '已有同名的承办单位', 'a handling unit with this name already exists');
    else if (seen.has(name))
      fail(row, 'name', `与第 ${seen.get(name)} 行重复`, `duplicates row ${seen.get(name)}`);
    else seen.set(name, row);
    const kind = kindOf(v.kind ?? '');
    if (!kind)
      fail(
        row,
        'kind',
        '应为 政府部门、街道办事处、法院、检察院、监察委员会 或 其他',
        'must be one of: ' + HANDLING_UNIT_KINDS.join(', '),
      );
    const categories: MatterCategory[] = [];
    for (const part of (v.categories ?? '').split(/[,，、;；\s]+/).filter(Boolean)) {
      const c = categoryOf(part);
      if (!c) fail(row, 'categories', `不认识的类别“${part}”`, `unknown category "${part}"`);
      else if (!categories.includes(c)) categories.push(c);
    }
    const streetId = v.street ? (streets.get(v.street) ?? null) : null;
    if (v.street && !streetId)
      fail(row, 'street', `没有名为“${v.street}”的街道`, `no street named "${v.street}"`);
    const active = YES[(v.active ?? '').toLowerCase()];
    if (active === undefined) fail(row, 'active', '应为“是”或“否”', 'must be 是 (yes) or 否 (no)');
    if ((v.contactPhone ?? '').length > 30)
      fail(row, 'contactPhone', '超出上限（30）', 'must be at most 30 characters');
    if (errors.length === before) {
      ready.push({
        id: newId(),
        congressId,
        name,
        nameEn: v.nameEn ?? '',
        kind: kind!,
        categories,
        streetId,
        contactName: v.contactName ?? '',
        contactPhone: v.contactPhone ?? '',
        active,
      });
    }
  }
  if (errors.length) throw importRefused(errors);
  return transact(ctx, async (w) => {
    registryPolicy.authorize(ctx.actor, 'edit', { congressId });
    for (let i = 0; i < ready.length; i += 200)
      await w.db.insert(handlingUnits).values(ready.slice(i, i + 200));
    await w.audit({
      action: 'handlingUnit.import',
      entityType: 'handlingUnit',
      entityId: null,
      after: { created: ready.length, handlingUnitIds: ready.map((u) => u.id) },
    });
    return { created: ready.length };
  });
}
