// The platform's workflow step (platform/step.ts) on a real database: load and lock, authorize against the
// policy (403), the transition (409 naming the current status), write, audit, in one transaction. A refusal
// at any point changes nothing and writes no audit row; a step that succeeds writes the change and exactly
// one audit row, with the role the policy allowed and the status change; an error after the write rolls back
// both. A scratch table of the test's own stands for a module's record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { allow, definePolicy } from '../src/platform/access';
import { transact, type Actor, type Ctx } from '../src/platform/context';
import { AppError, notFound } from '../src/platform/errors';
import { newId } from '../src/platform/ids';
import { auditEvents } from '../src/platform/platform.table';
import { runStep, step, type Step } from '../src/platform/step';
import { createTestEnv, type TestEnv } from './harness';

let t: TestEnv;
let staff: Actor;
let owner: Actor;
let stranger: Actor;

interface ProbeRow {
  id: string;
  congress_id: string;
  owner_id: string;
  status: string;
  note: string | null;
}
interface ProbeResource {
  congressId: string;
  ownerId: string;
}

const probePolicy = definePolicy<ProbeResource>('probe', [
  allow('congressStaff', 'close'),
  allow('deputy', 'close', (a, r) => a.deputyId === r.ownerId),
]);
const NEXT: Record<string, Record<string, string>> = { open: { close: 'closed' } };

/** A step that closes a probe row with a note; `after` runs once the row is written (to fail there). */
function closeProbe(id: string, note: string, after?: () => void): Step<ProbeRow, ProbeResource, ProbeRow> {
  return {
    policy: probePolicy,
    action: 'close',
    async load(w) {
      const res = await w.db.execute(sql`SELECT * FROM step_probe WHERE id = ${id} FOR UPDATE`);
      const row = (res as unknown as { rows: ProbeRow[] }).rows[0];
      if (!row) throw notFound({ zh: '记录', en: 'probe' });
      return { row, resource: { congressId: row.congress_id, ownerId: row.owner_id } };
    },
    transition: ({ row }) => ({ from: row.status, to: NEXT[row.status]?.close ?? null }),
    async write({ w, row, to }) {
      await w.db.execute(sql`UPDATE step_probe SET status = ${to!}, note = ${note} WHERE id = ${row.id}`);
      after?.();
      return {
        result: { ...row, status: to!, note },
        audit: { action: 'probe.close', entityType: 'probe', entityId: row.id, after: { note } },
      };
    },
  };
}

const ctxOf = (actor: Actor | null): Ctx => ({
  app: t.services,
  actor,
  meta: { ip: '127.0.0.1', requestId: 'platform-step-test' },
});

async function probe(id: string): Promise<ProbeRow> {
  const res = await t.services.db.execute(sql`SELECT * FROM step_probe WHERE id = ${id}`);
  return (res as unknown as { rows: ProbeRow[] }).rows[0];
}
const auditsOf = (id: string) =>
  t.services.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'probe'), eq(auditEvents.entityId, id)));

async function newProbe(status = 'open'): Promise<string> {
  const id = newId();
  await t.services.db.execute(
    sql`INSERT INTO step_probe (id, congress_id, owner_id, status) VALUES (${id}, ${t.congressId}, ${owner.deputyId}, ${status})`,
  );
  return id;
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

beforeAll(async () => {
  t = await createTestEnv();
  await t.services.db.execute(
    sql`CREATE TABLE step_probe (id uuid PRIMARY KEY, congress_id uuid NOT NULL, owner_id uuid NOT NULL, status text NOT NULL, note text)`,
  );
  const actor = async (username: string, roles: Actor['roles'], deputyId: string | null): Promise<Actor> => {
    const { id } = await t.createAccount({ username, roles });
    return {
      accountId: id,
      username,
      displayName: username,
      roles,
      congressId: t.congressId,
      deputyId,
      handlingUnitId: null,
      via: 'session',
    };
  };
  staff = await actor('step-staff', ['leader', 'congressStaff'], null);
  owner = await actor('step-owner', ['deputy'], newId());
  stranger = await actor('step-stranger', ['deputy'], newId());
});
afterAll(async () => t?.close());

describe('platform step()', () => {
  it('refuses an actor the policy does not allow (403): nothing changes, no audit row', async () => {
    const id = await newProbe();
    const err = await refusal(step(ctxOf(stranger), closeProbe(id, 'not mine')));
    expect(err.status).toBe(403);
    expect(await probe(id)).toMatchObject({ status: 'open', note: null });
    expect(await auditsOf(id)).toHaveLength(0);
  });

  it('refuses a transition the workflow does not allow (409 naming the current status): nothing changes, no audit row', async () => {
    const id = await newProbe('closed');
    const err = await refusal(step(ctxOf(staff), closeProbe(id, 'again')));
    expect(err.status).toBe(409);
    expect(err.code).toBe('wrong_state');
    expect(err.extra.currentStatus).toBe('closed');
    expect(err.messages.en).toContain('closed');
    expect(await probe(id)).toMatchObject({ status: 'closed', note: null });
    expect(await auditsOf(id)).toHaveLength(0);
  });

  it('refuses without an actor (401) before it opens a transaction', async () => {
    const id = await newProbe();
    expect((await refusal(step(ctxOf(null), closeProbe(id, 'anyone')))).status).toBe(401);
    expect(await probe(id)).toMatchObject({ status: 'open' });
    expect(await auditsOf(id)).toHaveLength(0);
  });

  it('writes the change and exactly one audit row with the role that allowed it and the status change', async () => {
    const id = await newProbe();
    const out = await step(ctxOf(staff), closeProbe(id, 'done'));
    expect(out).toMatchObject({ id, status: 'closed', note: 'done' });
    expect(await probe(id)).toMatchObject({ status: 'closed', note: 'done' });
    const audits = await auditsOf(id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: 'probe.close',
      accountId: staff.accountId,
      // The role the policy allowed, not every role of the actor.
      role: 'congressStaff',
      before: { status: 'open' },
      after: { status: 'closed', note: 'done' },
    });
    // The owner may close their own, and the audit row names the deputy role.
    const mine = await newProbe();
    await step(ctxOf(owner), closeProbe(mine, 'mine'));
    expect((await auditsOf(mine)).map((a) => a.role)).toEqual(['deputy']);
  });

  it('rolls back the change and its audit row when the step fails after writing', async () => {
    const id = await newProbe();
    const boom = () => {
      throw new Error('after the write');
    };
    await expect(step(ctxOf(staff), closeProbe(id, 'half', boom))).rejects.toThrow('after the write');
    expect(await probe(id)).toMatchObject({ status: 'open', note: null });
    expect(await auditsOf(id)).toHaveLength(0);

    // A follow-on step (runStep) in the use case's transaction: an error after both steps undoes both.
    const a = await newProbe();
    const b = await newProbe();
    await expect(
      transact(ctxOf(staff), async (w) => {
        await runStep(w, staff, closeProbe(a, 'first'));
        await runStep(w, staff, closeProbe(b, 'second'));
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    expect(await probe(a)).toMatchObject({ status: 'open', note: null });
    expect(await probe(b)).toMatchObject({ status: 'open', note: null });
    expect([...(await auditsOf(a)), ...(await auditsOf(b))]).toHaveLength(0);

    // The same use case without the error commits both, one audit row each.
    await transact(ctxOf(staff), async (w) => {
      await runStep(w, staff, closeProbe(a, 'first'));
      await runStep(w, staff, closeProbe(b, 'second'));
    });
    expect(await probe(a)).toMatchObject({ status: 'closed' });
    expect(await probe(b)).toMatchObject({ status: 'closed' });
    expect(await auditsOf(a)).toHaveLength(1);
    expect(await auditsOf(b)).toHaveLength(1);
  });
});
