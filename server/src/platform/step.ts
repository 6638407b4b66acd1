// One workflow step, the shape of every command that changes a record: load (and lock) the record,
// authorize the actor against the module's policy, check the workflow transition, write, audit, all in
// one transaction that the step opens, so a refusal at any point changes nothing.
// A module's commands call `step`; the routes never open a transaction.
import type { Role } from '@minyi/domain';
import type { Policy } from './access';
import type { AuditEntry } from './audit';
import { transact, type Actor, type Ctx, type Work } from './context';
import { unauthorized, wrongState } from './errors';

export interface Loaded<Row, Res> {
  row: Row;
  /** What the policy judges: the row with what its rules need (the unit assigned, the deputy's mandate). */
  resource: Res;
}

export interface StepWrite<Row, Res> extends Loaded<Row, Res> {
  w: Work;
  actor: Actor;
  /** The role that the policy allowed the actor to act in, for the audit row. */
  role: Role;
  /** The status after the step, when the step has a transition. */
  to: string | undefined;
}

export interface Step<Row, Res, Out> {
  policy: Policy<Res>;
  /** The policy's action, e.g. `reply`. */
  action: string;
  /** Loads the record inside the transaction (locked FOR UPDATE when it is changed); 404 when absent or hidden. */
  load(w: Work, actor: Actor): Promise<Loaded<Row, Res>>;
  /**
   * The workflow transition from the record's status: `to` null means the status machine refuses the event
   * here (409 with the current status). Absent for steps that do not move the status.
   */
  transition?(loaded: Loaded<Row, Res>): { from: string; to: string | null };
  /**
   * Writes the change (the new status included) and returns the result with its audit entry; the step adds
   * the role and the status change to the entry and writes it in the same transaction.
   */
  write(s: StepWrite<Row, Res>): Promise<{ result: Out; audit: AuditEntry }>;
}

/** Runs one step in a transaction of its own: load, authorize, transition, write, audit. */
export function step<Row, Res, Out>(ctx: Ctx, s: Step<Row, Res, Out>): Promise<Out> {
  const actor = ctx.actor;
  if (!actor) return Promise.reject(unauthorized());
  return transact(ctx, (w) => runStep(w, actor, s));
}

/**
 * The same step inside a transaction that is already open: for a follow-on step of the same use case
 * (a last rating that closes the record), never to join another module's transaction.
 */
export async function runStep<Row, Res, Out>(w: Work, actor: Actor, s: Step<Row, Res, Out>): Promise<Out> {
  const loaded = await s.load(w, actor);
  const role = s.policy.authorize(actor, s.action, loaded.resource);
  const move = s.transition?.(loaded);
  if (move && move.to === null) throw wrongState(move.from);
  const to = move?.to ?? undefined;
  const { result, audit } = await s.write({ ...loaded, w, actor, role, to });
  await w.audit({
    ...audit,
    role: audit.role ?? role,
    ...(move && {
      before: { status: move.from, ...asRecord(audit.before) },
      after: { status: to, ...asRecord(audit.after) },
    }),
  });
  return result;
}

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
