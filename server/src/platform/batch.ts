// Group commit for a hot write path: requests that arrive while the database is busy with earlier ones are
// written together, in one statement, when it is free. Nothing waits on a timer: with fewer than
// `maxInFlight` batches running, an item is written at once (alone, at low load); otherwise it queues, and the
// next free slot takes everything queued (up to `maxBatch`). Each item still gets its own answer.

export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface BatcherOptions {
  /** Batches written at the same time (a database with N cores gains little beyond N). */
  maxInFlight: number;
  /** Items per batch at most. */
  maxBatch: number;
  /**
   * Items that must be waiting before a batch starts beside one already running (default 1): a higher
   * number lets batches grow while the database is busy, instead of splitting the waiting into small ones.
   */
  minBatchBeside?: number;
}

export interface Batcher<I, R> {
  /** Resolves with the item's own result, or rejects with its own error, once its batch is written. */
  add(item: I): Promise<R>;
  /** Items queued or being written. */
  readonly pending: number;
  /** Batches written so far, the items in them, and the largest (for tests and the benchmark). */
  readonly stats: { batches: number; items: number; largest: number };
}

/**
 * `write` receives the batch's items in arrival order and settles each of them (a result per item, in the
 * same order); a throw settles every item of the batch with that error.
 */
export function createBatcher<I, R>(
  write: (items: I[]) => Promise<Settled<R>[]>,
  opts: BatcherOptions,
): Batcher<I, R> {
  type Entry = { item: I; resolve: (r: R) => void; reject: (e: unknown) => void };
  const queue: Entry[] = [];
  let inFlight = 0;
  let writing = 0;
  const stats = { batches: 0, items: 0, largest: 0 };

  function pump() {
    while (
      inFlight < opts.maxInFlight &&
      queue.length > 0 &&
      (inFlight === 0 || queue.length >= (opts.minBatchBeside ?? 1))
    ) {
      const batch = queue.splice(0, opts.maxBatch);
      inFlight++;
      writing += batch.length;
      stats.batches++;
      stats.items += batch.length;
      stats.largest = Math.max(stats.largest, batch.length);
      void run(batch);
    }
  }

  async function run(batch: Entry[]) {
    try {
      const settled = await write(batch.map((e) => e.item));
      batch.forEach((e, i) => {
        const s = settled[i];
        if (!s) e.reject(new Error('batch writer returned no result for an item'));
        else if (s.ok) e.resolve(s.value);
        else e.reject(s.error);
      });
    } catch (err) {
      for (const e of batch) e.reject(err);
    } finally {
      inFlight--;
      writing -= batch.length;
      pump();
    }
  }

  return {
    add(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        pump();
      });
    },
    get pending() {
      return queue.length + writing;
    },
    stats,
  };
}
