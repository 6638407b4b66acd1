// Cross-module effects after commit (platform/events.ts): an event published in a transaction is one job per
// subscriber, written with the change; each subscriber reacts in its own job and is retried alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { z } from 'zod';
import { systemCtx, transact } from '../src/platform/context';
import { defineEvent, deliveryJobName, subscribe } from '../src/platform/events';
import { jobs } from '../src/platform/platform.table';
import { createTestEnv, type TestEnv } from './harness';

let t: TestEnv;
beforeAll(async () => {
  t = await createTestEnv();
});
afterAll(async () => t?.close());

const thingHappened = defineEvent('test.thingHappened', z.object({ n: z.number() }));
const seen: string[] = [];
let failuresLeft = 0;

describe('events', () => {
  beforeAll(() => {
    const subs = [
      subscribe({
        event: thingHappened,
        name: 'steady',
        handle: async (_app, e) => void seen.push(`steady:${e.n}`),
      }),
      subscribe({
        event: thingHappened,
        name: 'flaky',
        handle: async (_app, e) => {
          if (failuresLeft-- > 0) throw new Error('not now');
          seen.push(`flaky:${e.n}`);
        },
      }),
    ];
    for (const sub of subs) t.services.jobs.register(t.services.events.subscribe(sub));
  });

  it('delivers an event to each subscriber after commit, never one published in a rolled-back transaction', async () => {
    const ctx = systemCtx(t.services);
    await expect(
      transact(ctx, async (w) => {
        await w.publish(thingHappened, { n: 1 });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await transact(ctx, (w) => w.publish(thingHappened, { n: 2 }));
    // Written with the change, one job per subscriber; nothing has reacted before the jobs run.
    const queued = await t.services.db
      .select({ name: jobs.name })
      .from(jobs)
      .where(like(jobs.name, 'event:test.thingHappened:%'));
    expect(queued.map((j) => j.name).sort()).toEqual([
      deliveryJobName('test.thingHappened', 'flaky'),
      deliveryJobName('test.thingHappened', 'steady'),
    ]);
    expect(seen).toEqual([]);
    await t.services.jobs.drain();
    expect(seen.sort()).toEqual(['flaky:2', 'steady:2']);
  });

  it('retries only the subscriber that failed', async () => {
    seen.length = 0;
    failuresLeft = 1;
    await transact(systemCtx(t.services), (w) => w.publish(thingHappened, { n: 3 }));
    await t.services.jobs.drain();
    expect(seen).toEqual(['steady:3']);
    // Let the backoff pass: the flaky subscriber runs again, the steady one does not.
    await t.services.db
      .update(jobs)
      .set({ runAt: new Date(Date.now() - 1000) })
      .where(eq(jobs.status, 'pending'));
    await t.services.jobs.drain();
    expect(seen).toEqual(['steady:3', 'flaky:3']);
  });

  it('refuses a payload that does not match the event, in the publishing transaction', async () => {
    await expect(
      transact(systemCtx(t.services), (w) => w.publish(thingHappened, { n: 'four' } as never)),
    ).rejects.toThrow();
  });

  it('writes no delivery job for an announcement the subscriber does not want', async () => {
    const picked = defineEvent('test.picked', z.object({ n: z.number() }));
    const got: number[] = [];
    t.services.jobs.register(
      t.services.events.subscribe(
        subscribe({
          event: picked,
          name: 'evensOnly',
          wants: (e) => e.n % 2 === 0,
          handle: async (_app, e) => void got.push(e.n),
        }),
      ),
    );
    await transact(systemCtx(t.services), async (w) => {
      for (const n of [1, 2, 3, 4]) await w.publish(picked, { n });
    });
    const queued = await t.services.db.$count(jobs, like(jobs.name, 'event:test.picked:%'));
    expect(queued).toBe(2);
    await t.services.jobs.drain();
    expect(got.sort()).toEqual([2, 4]);
  });

  it('refuses a subscriber registered twice for the same event', () => {
    expect(() =>
      t.services.events.subscribe(
        subscribe({ event: thingHappened, name: 'steady', handle: async () => {} }),
      ),
    ).toThrow('subscribes twice');
  });
});
