// The module's SQL: loading a suggestion with its people and units, numbering, segmentation for similarity.
import { and, eq, isNull, sql } from 'drizzle-orm';
import {
  formatSuggestionNumber,
  suggestionSettingsSchema,
  SUGGESTION_SETTINGS_KEY,
  type SuggestionSettings,
} from '@minyi/domain/suggestions';
import type { Db } from '../../db/client';
import { notFound } from '../../platform/errors';
import { defineSettings, readSettings } from '../../platform/settings';
import { accounts } from '../../platform/platform.table';
import { sittings, terms } from '../registry';
import {
  suggestionAssignments,
  suggestionCosigners,
  suggestionCounters,
  suggestions,
  type SuggestionRow,
} from './suggestions.table';
import type { SuggestionResource } from './suggestions.policy';

export const SUGGESTION = { zh: '建议', en: 'suggestion' };

/** Declared, so /api/v1/settings/suggestions reads and writes them too (the module's own route stays). */
const settingsSchema = defineSettings(SUGGESTION_SETTINGS_KEY, suggestionSettingsSchema);

export const readSuggestionSettings = (db: Db, congressId: string): Promise<SuggestionSettings> =>
  readSettings(db, congressId, SUGGESTION_SETTINGS_KEY, settingsSchema);

/** Loads and locks the row for a workflow step (404 outside the congress). */
export async function lockSuggestion(db: Db, congressId: string, id: string): Promise<SuggestionRow> {
  const [row] = await db
    .select()
    .from(suggestions)
    .where(and(eq(suggestions.id, id), eq(suggestions.congressId, congressId)))
    .for('update');
  if (!row) throw notFound(SUGGESTION);
  return row;
}

export async function findSuggestion(db: Db, congressId: string, id: string): Promise<SuggestionRow> {
  const [row] = await db
    .select()
    .from(suggestions)
    .where(and(eq(suggestions.id, id), eq(suggestions.congressId, congressId)));
  if (!row) throw notFound(SUGGESTION);
  return row;
}

export async function resourceOf(db: Db, row: SuggestionRow): Promise<SuggestionResource> {
  const cos = await db.select().from(suggestionCosigners).where(eq(suggestionCosigners.suggestionId, row.id));
  const asg = await db
    .select()
    .from(suggestionAssignments)
    .where(eq(suggestionAssignments.suggestionId, row.id));
  const active = asg.filter((a) => !a.endedAt);
  return {
    congressId: row.congressId,
    status: row.status,
    proposerDeputyId: row.proposerDeputyId,
    pendingCosignerIds: cos.filter((c) => c.status === 'pending').map((c) => c.deputyId),
    raterDeputyIds: [
      row.proposerDeputyId,
      ...cos.filter((c) => c.status === 'confirmed').map((c) => c.deputyId),
    ],
    leadUnitId: active.find((a) => a.role === 'lead')?.unitId ?? null,
    assistingUnitIds: active.filter((a) => a.role === 'assisting').map((a) => a.unitId),
    everUnitIds: [...new Set(asg.map((a) => a.unitId))],
    leaderAccountId: row.isKey ? row.leaderAccountId : null,
  };
}

/** The sitting in session now (numbering scope), and the current term. */
export async function currentSitting(db: Db, congressId: string) {
  const [term] = await db
    .select()
    .from(terms)
    .where(and(eq(terms.congressId, congressId), eq(terms.isCurrent, true)));
  const [sitting] = await db
    .select()
    .from(sittings)
    .where(and(eq(sittings.congressId, congressId), eq(sittings.status, 'inSession')))
    .orderBy(sql`${sittings.startDate} DESC`)
    .limit(1);
  return { term: term ?? null, sitting: sitting ?? null };
}

/**
 * The next number in the sitting (or between sittings), in the caller's transaction: the counter row is
 * upserted and locked, so two concurrent submissions never get the same number.
 */
export async function nextNumber(db: Db, congressId: string, kind: 'suggestion' | 'motion') {
  const { term, sitting } = await currentSitting(db, congressId);
  const scope = `${kind}:${sitting ? `sitting:${sitting.id}` : `recess:${term?.id ?? 'none'}`}`;
  const [row] = await db
    .insert(suggestionCounters)
    .values({ congressId, scope, lastValue: 1 })
    .onConflictDoUpdate({
      target: [suggestionCounters.congressId, suggestionCounters.scope],
      set: { lastValue: sql`${suggestionCounters.lastValue} + 1` },
    })
    .returning({ value: suggestionCounters.lastValue });
  return {
    seq: row.value,
    number: formatSuggestionNumber(term?.number ?? null, sitting?.number ?? null, row.value, kind),
    termId: term?.id ?? null,
    sittingId: sitting?.id ?? null,
  };
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
/** Chinese text as space-separated words (Intl.Segmenter), so pg_trgm compares words rather than runs of characters. */
export function segmentWords(text: string): string {
  const words: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) words.push(s.segment.toLowerCase());
  return words.join(' ');
}
export const searchTextOf = (title: string, content: string) =>
  segmentWords(`${title} ${title} ${content.slice(0, 2000)}`);

export async function accountIdsForUnits(db: Db, congressId: string, unitIds: string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      and(
        eq(accounts.congressId, congressId),
        sql`${accounts.handlingUnitId} IN ${unitIds}`,
        eq(accounts.status, 'active'),
      ),
    );
  return rows.map((r) => r.id);
}

export async function accountIdsForDeputies(
  db: Db,
  congressId: string,
  deputyIds: string[],
): Promise<string[]> {
  if (deputyIds.length === 0) return [];
  const rows = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      and(
        eq(accounts.congressId, congressId),
        sql`${accounts.deputyId} IN ${deputyIds}`,
        eq(accounts.status, 'active'),
      ),
    );
  return rows.map((r) => r.id);
}

export const activeAssignments = (db: Db, suggestionId: string) =>
  db
    .select()
    .from(suggestionAssignments)
    .where(and(eq(suggestionAssignments.suggestionId, suggestionId), isNull(suggestionAssignments.endedAt)));
