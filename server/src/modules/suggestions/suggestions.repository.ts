// The module's SQL: loading a suggestion with its people and units, the workflow step of a suggestion,
// numbering, segmentation for similarity.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  formatSuggestionNumber,
  nextStatus,
  suggestionSettingsSchema,
  SUGGESTION_SETTINGS_KEY,
  type SuggestionEvent,
  type SuggestionSettings,
  type SuggestionStatus,
} from '@minyi/domain/suggestions';
import type { Db } from '../../db/client';
import { transact, type Actor, type Ctx, type Work } from '../../platform/context';
import { notFound, unauthorized } from '../../platform/errors';
import { runStep, type Loaded, type Step, type StepWrite } from '../../platform/step';
import { defineSettings, readSettings } from '../../platform/settings';
import { accounts } from '../../platform/platform.table';
import { deputies, handlingUnits, sittings, terms } from '../registry';
import {
  suggestionAssignments,
  suggestionCosigners,
  suggestionCounters,
  suggestions,
  type SuggestionRow,
} from './suggestions.table';
import { isHiddenFrom, suggestionPolicy, type SuggestionResource } from './suggestions.policy';

export const SUGGESTION = { zh: '建议', en: 'suggestion' };

/**
 * A suggestion's item in the lists, built from its row and the names of its proposer and lead unit: the one
 * source of the `list_item` stored with every suggestion (ADR 0006), less the field that depends on the hour
 * ("overdue") and the closing brace, which the lists add (queries/find-suggestions.ts).
 */
export function suggestionListItem(
  s: Pick<
    SuggestionRow,
    | 'id'
    | 'number'
    | 'title'
    | 'category'
    | 'status'
    | 'submittedAt'
    | 'deadline'
    | 'assignDueAt'
    | 'replyCategory'
    | 'rating'
    | 'isKey'
    | 'extended'
    | 'handlingCaseId'
    | 'leadUnitId'
  >,
  names: { proposerName: string | null; leadUnitName: string | null },
): string {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const item = {
    id: s.id,
    number: s.number,
    title: s.title,
    category: s.category,
    status: s.status,
    submittedAt: iso(s.submittedAt),
    deadline: iso(s.deadline),
    assignDueAt: iso(s.assignDueAt),
    replyCategory: s.replyCategory,
    rating: s.rating,
    isKey: s.isKey,
    extended: s.extended,
    handlingCaseId: s.handlingCaseId,
    proposerName: names.proposerName,
    leadUnitName: names.leadUnitName,
    leadUnitId: s.leadUnitId,
  };
  return JSON.stringify(item).slice(0, -1);
}

/**
 * Stores the list items of these suggestions as their rows and the registry's names make them now. Every
 * write of a suggestion row calls it in its transaction (the step, creation, merging, the demo), and the jobs
 * that follow a renamed deputy or unit; an item that did not change is not written again.
 */
export async function storeSuggestionItems(db: Db, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const rows = await db
    .select({ s: suggestions, proposerName: deputies.name, leadUnitName: handlingUnits.name })
    .from(suggestions)
    .leftJoin(deputies, eq(deputies.id, suggestions.proposerDeputyId))
    .leftJoin(handlingUnits, eq(handlingUnits.id, suggestions.leadUnitId))
    .where(inArray(suggestions.id, ids));
  for (const { s, proposerName, leadUnitName } of rows) {
    const listItem = suggestionListItem(s, { proposerName, leadUnitName });
    if (listItem !== s.listItem)
      await db.update(suggestions).set({ listItem }).where(eq(suggestions.id, s.id));
  }
}

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
    leaderAccountIds: row.isKey ? row.keyLeaderAccountIds : [],
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

/** A suggestion loaded for a step: the row and what the policy judges. */
export type LoadedSuggestion = Loaded<SuggestionRow, SuggestionResource>;

/** Loads and locks a suggestion for a step: 404 outside the actor's congress, and for a draft hidden from them. */
export async function loadSuggestion(w: Work, actor: Actor, id: string): Promise<LoadedSuggestion> {
  const row = await lockSuggestion(w.db, actor.congressId, id);
  const resource = await resourceOf(w.db, row);
  if (isHiddenFrom(actor, resource)) throw notFound(SUGGESTION);
  return { row, resource };
}

/** What a step changes besides the status: columns, extra audit data, and a result for the use case. */
export interface SuggestionChange<Out> {
  set?: Partial<SuggestionRow>;
  audit?: Record<string, unknown>;
  result?: Out;
}

export interface SuggestionStepSpec<Out> {
  /** The policy's action. */
  action: string;
  /** The workflow event, or a choice of event by the row (e.g. submit vs. resubmit). */
  event: SuggestionEvent | ((row: SuggestionRow, resource: SuggestionResource) => SuggestionEvent);
  /** The step's own writes, once the actor is authorized and the transition allowed. */
  apply?: (
    s: StepWrite<SuggestionRow, SuggestionResource> & { next: SuggestionStatus },
  ) => Promise<SuggestionChange<Out> | void>;
}

/** What a suggestion step returns: the row after it, its resource, and the use case's result. */
export interface SuggestionStepped<Out> extends LoadedSuggestion {
  result: Out | undefined;
}

/**
 * The platform Step (server/src/platform/step.ts) of one workflow event on a suggestion: load and lock
 * (hidden drafts 404), authorize against `suggestionPolicy`, the transition from the status machine of
 * @minyi/domain/suggestions (409 with the current status), the step's writes and the new status, and the
 * audit row `suggestion.<event>` with the status before and after. `from` is the suggestion's id, or, for a
 * follow-on step in the same transaction, the suggestion already loaded and locked there.
 */
export function suggestionStep<Out = undefined>(
  from: string | LoadedSuggestion,
  spec: SuggestionStepSpec<Out>,
): Step<SuggestionRow, SuggestionResource, SuggestionStepped<Out>> {
  const eventOf = ({ row, resource }: LoadedSuggestion) =>
    typeof spec.event === 'function' ? spec.event(row, resource) : spec.event;
  return {
    policy: suggestionPolicy,
    action: spec.action,
    load: (w, actor) => (typeof from === 'string' ? loadSuggestion(w, actor, from) : Promise.resolve(from)),
    transition: (l) => ({ from: l.row.status, to: nextStatus(l.row.status, eventOf(l)) }),
    async write(s) {
      const event = eventOf(s);
      const next = s.to as SuggestionStatus;
      const out = (await spec.apply?.({ ...s, next })) ?? {};
      const [row] = await s.w.db
        .update(suggestions)
        .set({ ...(out.set ?? {}), status: next, updatedAt: new Date() })
        .where(eq(suggestions.id, s.row.id))
        .returning();
      await storeSuggestionItems(s.w.db, [row.id]);
      return {
        result: { row, resource: { ...s.resource, status: row.status }, result: out.result },
        audit: {
          action: `suggestion.${event}`,
          entityType: 'suggestion',
          entityId: s.row.id,
          after: out.audit,
        },
      };
    },
  };
}

/**
 * A use case of a step and follow-on steps in one transaction (a last rating that closes the record): the
 * first step, then `then` with its outcome, which runs the follow-ons with `runStep`/`followOn`.
 */
export function stepThen<Out>(
  ctx: Ctx,
  first: Step<SuggestionRow, SuggestionResource, SuggestionStepped<Out>>,
  then: (w: Work, actor: Actor, done: SuggestionStepped<Out>) => Promise<SuggestionRow>,
): Promise<SuggestionStepped<Out>> {
  const actor = ctx.actor;
  if (!actor) return Promise.reject(unauthorized());
  return transact(ctx, async (w) => {
    const done = await runStep(w, actor, first);
    return { ...done, row: await then(w, actor, done) };
  });
}

/** A follow-on event on a suggestion already loaded in this transaction, as the same actor and action. */
export async function followOn(
  w: Work,
  actor: Actor,
  loaded: LoadedSuggestion,
  action: string,
  event: SuggestionEvent,
  set: Partial<SuggestionRow> = {},
): Promise<SuggestionRow> {
  const done = await runStep(
    w,
    actor,
    suggestionStep(loaded, { action, event, apply: async () => ({ set }) }),
  );
  return done.row;
}
