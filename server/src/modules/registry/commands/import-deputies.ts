// Imports deputies from an .xlsx sheet, each with a mandate in the current term. All or nothing: any bad row
// refuses the whole file with a per-row report.
import { and, eq } from 'drizzle-orm';
import { describeIssue } from '../../../platform/errors';
import { createDeputySchema, type CreateDeputy } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { newId } from '../../../platform/ids';
import { congresses } from '../../../platform/platform.table';
import {
  deputies,
  electoralDistricts,
  liaisonPlaceDeputies,
  liaisonPlaces,
  mandates,
  terms,
  jurisdictions,
} from '../registry.table';
import { registryPolicy } from '../registry.policy';
import { columnLabel, DEPUTY_COLUMNS, importRefused, readSheet, type RowError } from './import-sheet';
import { deputyValues } from '../registry.repository';

const GENDERS: Record<string, 'male' | 'female'> = {
  男: 'male',
  女: 'female',
  male: 'male',
  female: 'female',
  m: 'male',
  f: 'female',
};
const LEVELS: Record<string, 'district' | 'city'> = {
  '': 'district',
  区级: 'district',
  区: 'district',
  district: 'district',
  市级: 'city',
  市: 'city',
  city: 'city',
};

export async function importDeputies(
  ctx: Ctx,
  congressId: string,
  file: Buffer,
): Promise<{ created: number }> {
  const { rows } = await readSheet(file, DEPUTY_COLUMNS);
  const { db, pii } = ctx.app;
  const label = (k: string) => columnLabel(DEPUTY_COLUMNS, k);
  const errors: RowError[] = [];
  const fail = (row: number, field: string, zh: string, en: string) => {
    const l = label(field);
    errors.push({
      row,
      field,
      message: { zh: `第 ${row} 行“${l.zh}”：${zh}`, en: `Row ${row}, ${l.en}: ${en}` },
    });
  };

  const [own] = await db.select().from(congresses).where(eq(congresses.id, congressId));
  const streets = new Map(
    (
      await db
        .select({ id: jurisdictions.id, name: jurisdictions.name })
        .from(jurisdictions)
        .where(and(eq(jurisdictions.congressId, congressId), eq(jurisdictions.level, 'street')))
    ).map((s) => [s.name, s.id]),
  );
  const eds = new Map(
    (
      await db
        .select({ id: electoralDistricts.id, name: electoralDistricts.name })
        .from(electoralDistricts)
        .where(eq(electoralDistricts.congressId, congressId))
    ).map((e) => [e.name, e.id]),
  );
  const places = new Map(
    (
      await db
        .select({ id: liaisonPlaces.id, name: liaisonPlaces.name })
        .from(liaisonPlaces)
        .where(eq(liaisonPlaces.congressId, congressId))
    ).map((p) => [p.name, p.id]),
  );
  const currentTerm = async (cid: string | null) =>
    cid
      ? ((
          await db
            .select({ id: terms.id })
            .from(terms)
            .where(and(eq(terms.congressId, cid), eq(terms.isCurrent, true)))
        )[0]?.id ?? null)
      : null;
  const termOf = { district: await currentTerm(congressId), city: await currentTerm(own.parentCongressId) };

  const seenIds = new Map<string, number>();
  const ready: {
    deputy: CreateDeputy;
    level: 'district' | 'city';
    streetId: string | null;
    edId: string | null;
    placeId: string | null;
    delegation: string;
    deputyGroup: string;
  }[] = [];
  for (const { row, values: v } of rows) {
    const before = errors.length;
    const gender = GENDERS[(v.gender ?? '').toLowerCase()];
    if (!gender) fail(row, 'gender', '应为“男”或“女”', 'must be 男 (male) or 女 (female)');
    const level = LEVELS[(v.level ?? '').toLowerCase()];
    if (!level) fail(row, 'level', '应为“区级”或“市级”', 'must be 区级 (district) or 市级 (city)');
    if (level === 'city' && !own.parentCongressId)
      fail(row, 'level', '本级人大没有上一级人大', 'this congress has no parent congress');
    const candidate: Record<string, unknown> = { name: v.name ?? '', gender: gender ?? 'male' };
    for (const k of [
      'birthDate',
      'ethnicity',
      'party',
      'occupation',
      'organization',
      'phone',
      'idNumber',
      'address',
      'bio',
    ])
      if (v[k]) candidate[k] = v[k];
    const parsed = createDeputySchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'name');
        const m = describeIssue(
          issue.code === 'invalid_format' ? 'invalid_format' : issue.code,
          issue as unknown as Record<string, unknown>,
        );
        fail(row, field, m.zh, m.en);
      }
    }
    const streetId = v.street ? (streets.get(v.street) ?? null) : null;
    if (v.street && !streetId)
      fail(row, 'street', `没有名为“${v.street}”的街道`, `no street named "${v.street}"`);
    const edId = v.electoralDistrict ? (eds.get(v.electoralDistrict) ?? null) : null;
    if (v.electoralDistrict && !edId)
      fail(
        row,
        'electoralDistrict',
        `没有名为“${v.electoralDistrict}”的选区`,
        `no electoral district named "${v.electoralDistrict}"`,
      );
    const placeId = v.liaisonPlace ? (places.get(v.liaisonPlace) ?? null) : null;
    if (v.liaisonPlace && !placeId)
      fail(
        row,
        'liaisonPlace',
        `没有名为“${v.liaisonPlace}”的联络站点`,
        `no liaison place named "${v.liaisonPlace}"`,
      );
    if (parsed.success && parsed.data.idNumber) {
      const idNo = parsed.data.idNumber.toUpperCase();
      const first = seenIds.get(idNo);
      if (first) fail(row, 'idNumber', `与第 ${first} 行重复`, `duplicates row ${first}`);
      else seenIds.set(idNo, row);
      const [existing] = await db
        .select({ id: deputies.id })
        .from(deputies)
        .where(
          and(eq(deputies.congressId, congressId), eq(deputies.idNumberIndex, pii.index('idNumber', idNo))),
        );
      if (existing)
        fail(row, 'idNumber', '已有相同身份证号码的代表', 'a deputy with this ID number already exists');
    }
    if (errors.length === before && parsed.success) {
      ready.push({
        deputy: parsed.data,
        level: level,
        streetId,
        edId,
        placeId,
        delegation: v.delegation ?? '',
        deputyGroup: v.deputyGroup ?? '',
      });
    }
  }
  if (errors.length) throw importRefused(errors);

  return transact(ctx, async (w) => {
    registryPolicy.authorize(ctx.actor, 'edit', { congressId });
    const deputyRows: (typeof deputies.$inferInsert)[] = [];
    const mandateRows: (typeof mandates.$inferInsert)[] = [];
    const placeRows: (typeof liaisonPlaceDeputies.$inferInsert)[] = [];
    for (const r of ready) {
      const id = newId();
      deputyRows.push({ id, congressId, ...deputyValues(pii, r.deputy) });
      mandateRows.push({
        id: newId(),
        congressId: r.level === 'city' ? own.parentCongressId! : congressId,
        deputyId: id,
        level: r.level,
        termId: termOf[r.level],
        delegation: r.delegation,
        deputyGroup: r.deputyGroup,
        electoralDistrictId: r.level === 'district' ? r.edId : null,
        streetId: r.streetId,
        liaisonPlaceId: r.placeId,
      });
      if (r.placeId) placeRows.push({ congressId, liaisonPlaceId: r.placeId, deputyId: id });
    }
    for (let i = 0; i < deputyRows.length; i += 200)
      await w.db.insert(deputies).values(deputyRows.slice(i, i + 200));
    for (let i = 0; i < mandateRows.length; i += 200)
      await w.db.insert(mandates).values(mandateRows.slice(i, i + 200));
    if (placeRows.length) await w.db.insert(liaisonPlaceDeputies).values(placeRows).onConflictDoNothing();
    await w.audit({
      action: 'deputy.import',
      entityType: 'deputy',
      entityId: null,
      after: { created: deputyRows.length, deputyIds: deputyRows.map((d) => d.id) },
    });
    return { created: deputyRows.length };
  });
}
