// Group commit (platform/batch.ts) and rows folded into one INSERT (insertFromJson in platform/statement.ts):
// who waits for whom, what each item is told, and that a folded INSERT stores what single INSERTs would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { createBatcher, type Settled } from '../src/platform/batch';
import { jobWrite } from '../src/platform/jobs';
import { jobs } from '../src/platform/platform.table';
import { asOne, insertFromJson, prepared } from '../src/platform/statement';
import { newId } from '../src/platform/ids';
import { opinionEvents, opinionRoutes } from '../src/modules/opinions/opinions.table';
import { createTestEnv, type TestEnv } from './harness';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('createBatcher', () => {
  it('writes a lone item at once and the items arriving meanwhile together, each told its own result', async () => {
    const seen: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const batcher = createBatcher<number, string>(
      async (items) => {
        seen.push(items);
        if (seen.length === 1) await gate;
        return items.map((n): Settled<string> =>
          n % 2 ? { ok: true, value: `odd ${n}` } : { ok: false, error: new Error(`even ${n}`) },
        );
      },
      { maxInFlight: 1, maxBatch: 3 },
    );
    const results = [1, 2, 3, 4, 5, 6].map((n) =>
      batcher.add(n).then(
        (v) => v,
        (e: Error) => e.message,
      ),
    );
    await tick();
    expect(seen).toEqual([[1]]);
    expect(batcher.pending).toBe(6);
    release();
    expect(await Promise.all(results)).toEqual(['odd 1', 'even 2', 'odd 3', 'even 4', 'odd 5', 'even 6']);
    // At most maxBatch at a time, in arrival order.
    expect(seen).toEqual([[1], [2, 3, 4], [5, 6]]);
    expect(batcher.stats).toEqual({ batches: 3, items: 6, largest: 3 });
    expect(batcher.pending).toBe(0);
  });

  it('starts a second batch beside the first only when enough wait', async () => {
    let running = 0;
    let most = 0;
    const batcher = createBatcher<number, number>(
      async (items) => {
        running++;
        most = Math.max(most, running);
        await tick();
        running--;
        return items.map((n) => ({ ok: true, value: n }));
      },
      { maxInFlight: 2, maxBatch: 100, minBatchBeside: 4 },
    );
    // Three wait behind the first: not enough for a second batch beside it.
    await Promise.all([1, 2, 3, 4].map((n) => batcher.add(n)));
    expect(most).toBe(1);
    // Four wait: a second batch starts.
    await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.add(n)));
    expect(most).toBe(2);
  });

  it('tells every item of a batch whose writer throws, and goes on with the next batch', async () => {
    let calls = 0;
    const batcher = createBatcher<number, number>(
      async (items) => {
        calls++;
        if (calls === 2) throw new Error('database gone');
        await tick();
        return items.map((n) => ({ ok: true, value: n * 10 }));
      },
      { maxInFlight: 1, maxBatch: 10 },
    );
    const first = [1, 2, 3].map((n) => batcher.add(n).catch((e: Error) => e.message));
    expect(await Promise.all(first)).toEqual([10, 'database gone', 'database gone']);
    expect(await batcher.add(4)).toBe(40);
  });
});

describe('insertFromJson', () => {
  let t: TestEnv;
  beforeAll(async () => {
    t = await createTestEnv();
  });
  afterAll(async () => t?.close());

  it('stores what the single INSERTs would, keeps only the chosen items, and keeps the suffix', async () => {
    const ids = [newId(), newId(), newId()];
    const dedupeKey = `fold-test-${newId()}`;
    const items = ids.map((id, i) => [
      jobWrite(
        'test.fold',
        { n: i, text: `引号 " 反斜杠 \\ 换行 \n 完` },
        { congressId: t.congressId, dedupeKey: i === 2 ? dedupeKey : undefined },
      ),
      {
        table: opinionEvents,
        rows: [
          {
            id,
            congressId: t.congressId,
            opinionId: newId(),
            kind: 'submitted',
            isPublic: i === 0,
            note: null,
            data: { i },
          },
        ],
      },
    ]);
    const folded = insertFromJson(items, '{item} <> 1');
    expect(folded).toHaveLength(2);
    // The events' opinions do not exist: only the jobs are written here, the events are checked by text.
    expect(folded[1].text).toContain('WHERE (e->>7)::int <> 1');
    await t.database.query(...prepared(folded[0]));
    const stored = await t.services.db
      .select()
      .from(jobs)
      .where(inArray(jobs.name, ['test.fold']));
    expect(stored.map((j) => (j.payload as { n: number }).n).sort()).toEqual([0, 2]);
    expect(stored.find((j) => (j.payload as { n: number }).n === 0)!.payload).toEqual({
      n: 0,
      text: '引号 " 反斜杠 \\ 换行 \n 完',
    });
    expect(stored.find((j) => (j.payload as { n: number }).n === 2)!.dedupeKey).toBe(dedupeKey);
    // ON CONFLICT DO NOTHING came along: the same dedupe key again is ignored, not an error.
    await t.database.query(
      ...prepared(asOne(insertFromJson([[jobWrite('test.fold', { n: 9 }, { dedupeKey })]]))),
    );
    expect(
      await t.services.db
        .select()
        .from(jobs)
        .where(inArray(jobs.name, ['test.fold'])),
    ).toHaveLength(2);
  });

  it('refuses what it cannot carry as JSON text (an array column)', () => {
    const rule = {
      id: newId(),
      congressId: newId(),
      category: 'x',
      leadUnitId: newId(),
      assistingUnitIds: [newId()],
    };
    expect(() => insertFromJson([[{ table: opinionRoutes, rows: [rule] }]])).toThrow(/array/);
  });
});
