// One workflow step: lock the row, check the actor (403), check the transition table (409 with the current
// status), apply the change and write the audit row, all in one transaction, so a refusal changes nothing.
import { eq } from 'drizzle-orm';
import { nextStatus, type SuggestionEvent, type SuggestionStatus } from '@minyi/domain/suggestions';
import { transact, type Ctx, type Work } from '../../platform/context';
import { notFound, unauthorized, wrongState } from '../../platform/errors';
import { lockSuggestion, resourceOf, SUGGESTION } from './suggestions.repository';
import { isHiddenFrom, suggestionPolicy, type SuggestionResource } from './suggestions.policy';
import { suggestions, type SuggestionRow } from './suggestions.table';

export interface StepInput {
  action: string;
  /** The event, or a choice of event by the row (e.g. submit vs. resubmit). */
  event: SuggestionEvent | ((row: SuggestionRow, resource: SuggestionResource) => SuggestionEvent);
}

export interface StepContext {
  w: Work;
  row: SuggestionRow;
  resource: SuggestionResource;
  next: SuggestionStatus;
  role: string;
}

/** Runs a step; `apply` returns the columns to change besides the status, and extra audit data. */
export async function runStep<T>(
  ctx: Ctx,
  id: string,
  step: StepInput,
  apply: (s: StepContext) => Promise<{
    set?: Partial<SuggestionRow>;
    audit?: Record<string, unknown>;
    result?: T;
    /** Follow-on events after the step's own update (e.g. completeRatings, then close). */
    andThen?: (w: Work, row: SuggestionRow) => Promise<SuggestionRow>;
  } | void>,
): Promise<{ row: SuggestionRow; result: T | undefined }> {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  return transact(ctx, async (w) => {
    const row = await lockSuggestion(w.db, actor.congressId, id);
    const resource = await resourceOf(w.db, row);
    if (isHiddenFrom(actor, resource)) throw notFound(SUGGESTION);
    const role = suggestionPolicy.authorize(actor, step.action, resource);
    const event = typeof step.event === 'function' ? step.event(row, resource) : step.event;
    const next = nextStatus(row.status, event);
    if (!next) throw wrongState(row.status);
    const out = (await apply({ w, row, resource, next, role })) ?? {};
    const set = { ...(out.set ?? {}), status: next, updatedAt: new Date() };
    const [after] = await w.db.update(suggestions).set(set).where(eq(suggestions.id, row.id)).returning();
    await w.audit({
      action: `suggestion.${event}`,
      entityType: 'suggestion',
      entityId: row.id,
      role,
      before: { status: row.status },
      after: { status: next, ...(out.audit ?? {}) },
    });
    return { row: out.andThen ? await out.andThen(w, after) : after, result: out.result };
  });
}

/** Applies a follow-on event inside the same transaction (e.g. completeRatings then close). */
export async function chainEvent(
  w: Work,
  row: SuggestionRow,
  event: SuggestionEvent,
  set: Partial<SuggestionRow> = {},
) {
  const next = nextStatus(row.status, event);
  if (!next) throw wrongState(row.status);
  const [after] = await w.db
    .update(suggestions)
    .set({ ...set, status: next, updatedAt: new Date() })
    .where(eq(suggestions.id, row.id))
    .returning();
  await w.audit({
    action: `suggestion.${event}`,
    entityType: 'suggestion',
    entityId: row.id,
    before: { status: row.status },
    after: { status: next },
  });
  return after;
}
