// The public opinion form's use case (also staff entering an opinion on the same endpoint): the checks
// that name fields, then the submission written with the others arriving at the same time.
//
// Its writes, with group commit (platform/batch.ts): submissions that arrive while the
// database is busy are written together, in one statement, whatever their number:
//   - every submission's rate counters in one upsert, in key order (concurrent writers lock counters in the
//     same order, so they never deadlock);
//   - the refused: a submission whose phone or address is on the block list (403), or one that takes a
//     counter over its limit (429);
//   - the rows of the others (opinions, events, audit rows), one INSERT per table from a JSON parameter;
//   - their texts to the citizens, one SMS job for the batch (per congress): the worker claims and closes
//     one job, not one per submission.
// Every attempt counts in its windows, stored or refused, as it arrived: the n-th attempt on a counter in a
// window is refused when n exceeds the limit. A lone submission is a batch of one. When a batch's statement
// fails, nothing of it was written, and each of its submissions is tried again alone, so only one with a
// fault of its own fails.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { SubmitOpinionInput } from '@minyi/domain/opinions';
import { AppError } from '../../../platform/errors';
import { collectWrites, type AppServices, type Ctx, type QueuedJob } from '../../../platform/context';
import { createBatcher, type Batcher, type Settled } from '../../../platform/batch';
import { newId } from '../../../platform/ids';
import { jobWrite } from '../../../platform/jobs';
import { sendSmsJob, type SmsMessage } from '../../../platform/notifications';
import {
  asCtes,
  insertFromJson,
  prepared,
  stmt,
  type RowWrite,
  type Statement,
} from '../../../platform/statement';
import { readOpinionSettingsCached } from '../opinions.repository';
import { opinionSubmissionKeys, opinions } from '../opinions.table';
import { checkSubmission, ipIndexOf, recordSubmission, type Checked } from './submit-opinion';

/**
 * Takes in one submission of the form; answers its id and tracking code (403, 429 when refused). With an
 * Idempotency-Key (the web form sends one per form filled in), the key is recorded in the statement that
 * writes the opinion: a retry with the same key and body answers the same, and writes nothing new; the
 * same key with another body is a 422.
 */
export async function submitPublicOpinion(
  ctx: Ctx,
  body: SubmitOpinionInput,
  idempotencyKey?: string,
): Promise<{ id: string; trackingCode: string }> {
  const key = idempotencyKey
    ? {
        scope: ctx.actor?.accountId ?? 'public',
        key: idempotencyKey,
        requestHash: createHash('sha256').update(JSON.stringify(body)).digest('hex'),
      }
    : null;
  let admitted: Admitted;
  try {
    admitted = await admitSubmission(ctx, { body });
  } catch (err) {
    // A retry of a stored submission may no longer pass the checks (its photos are now used): its answer.
    const prior = key && (await storedAnswer(ctx, key));
    if (prior) return prior;
    throw err;
  }
  const collected = await collectWrites(ctx, (w) =>
    recordSubmission(ctx, w, { body, checked: admitted, phoneIndex: admitted.phoneIndex }),
  );
  const { id, trackingCode, congressId } = collected.out;
  const written = await writeSubmission({
    ctx,
    rows: collected.rows,
    jobs: collected.jobs,
    guard: admitted.guard,
    key: key && { ...key, opinionId: id, congressId },
  });
  if (written === 'written') return { id, trackingCode };
  const prior = await storedAnswer(ctx, key!);
  if (!prior) throw new Error('opinion submission: a key refused as taken is not stored');
  return prior;
}

/** The answer given to the key's first submission (null when the key is new); 422 for another body. */
async function storedAnswer(
  ctx: Ctx,
  key: SubmissionKey,
): Promise<{ id: string; trackingCode: string } | null> {
  const [row] = await ctx.app.db
    .select({
      requestHash: opinionSubmissionKeys.requestHash,
      id: opinions.id,
      trackingCode: opinions.trackingCode,
    })
    .from(opinionSubmissionKeys)
    .innerJoin(opinions, eq(opinions.id, opinionSubmissionKeys.opinionId))
    .where(and(eq(opinionSubmissionKeys.scope, key.scope), eq(opinionSubmissionKeys.key, key.key)));
  if (!row) return null;
  if (row.requestHash !== key.requestHash) {
    throw new AppError(422, 'idempotency_key_reused', {
      zh: '该 Idempotency-Key 已用于另一个请求',
      en: 'This Idempotency-Key was used for a different request',
    });
  }
  return { id: row.id, trackingCode: row.trackingCode };
}

interface SubmissionKey {
  /** 'public', or the account of staff entering an opinion. */
  scope: string;
  key: string;
  /** SHA-256 of the body as parsed. */
  requestHash: string;
}

/**
 * The public form's gate: the checks that name fields, then the block list and the per-IP/per-phone
 * limits as a guard for the writing statement.
 */
async function admitSubmission(ctx: Ctx, input: { body: SubmitOpinionInput }): Promise<Admitted> {
  const db = ctx.app.db;
  const checked = await checkSubmission(ctx, db, input);
  const phoneIndex = ctx.app.pii.index('phone', input.body.phone);
  let guard: SubmissionGuard | null = null;
  if (!checked.staff) {
    const ipIndex = ipIndexOf(ctx, ctx.meta.ip);
    const settings = await readOpinionSettingsCached(db, checked.congressId);
    guard = submissionGuard(
      checked.congressId,
      [
        { key: `ip:${ipIndex}`, windowMs: 3_600_000, limit: settings.maxSubmissionsPerIpPerHour },
        { key: `phone:${phoneIndex}`, windowMs: 86_400_000, limit: settings.maxSubmissionsPerPhonePerDay },
      ],
      [phoneIndex, ipIndex],
    );
  }
  return { ...checked, phoneIndex, guard };
}

interface Admitted extends Checked {
  phoneIndex: string;
  /** The block list and rate limits, checked in the statement that writes (null for staff and imports). */
  guard: SubmissionGuard | null;
}

/**
 * The public form's limits for one submission: the counters it adds one to (a row per key and time window,
 * so the limits hold across instances), each with its limit, and the blind indexes (phone, IP) to look up in
 * the block list. The batch's statement checks them in the statement that writes the submission.
 */
interface SubmissionGuard {
  congressId: string;
  counted: { key: string; windowStart: Date; limit: number }[];
  blockIndexes: string[];
}

function submissionGuard(
  congressId: string,
  hits: { key: string; windowMs: number; limit: number }[],
  blockIndexes: string[],
): SubmissionGuard {
  const now = Date.now();
  const counted = hits.map((h) => ({
    key: `${congressId}:${h.key}`,
    windowStart: new Date(Math.floor(now / h.windowMs) * h.windowMs),
    limit: h.limit,
  }));
  return { congressId, counted, blockIndexes };
}

/** What a refused submission gets. */
const SUBMISSION_REFUSALS = {
  submitter_blocked: () =>
    new AppError(403, 'submitter_blocked', {
      zh: '该号码或网络已被限制提交，请到代表联络站当面反映',
      en: 'Submissions from this phone or network are blocked; please visit a liaison place',
    }),
  rate_limited: () =>
    new AppError(429, 'rate_limited', {
      zh: '提交过于频繁，请稍后再试',
      en: 'Too many submissions; please try again later',
    }),
} as const;

export interface SubmissionWrite {
  ctx: Ctx;
  /** The submission's rows and jobs, as data (collectWrites). */
  rows: RowWrite[];
  jobs: QueuedJob[];
  /** The block list and limits (null for staff and imports). */
  guard: SubmissionGuard | null;
  /** The Idempotency-Key, recorded with the rows (null without one). */
  key: (SubmissionKey & { opinionId: string; congressId: string }) | null;
}

/**
 * One batch at a time, as long as few wait: on two cores, a second batch beside the first halved the
 * batches and gained nothing (bench/opinions.bench.ts, docs/PERFORMANCE.md). When MIN_BATCH_BESIDE wait, a
 * second starts, for a database with cores to spare.
 */
const MAX_IN_FLIGHT = 2;
const MIN_BATCH_BESIDE = 16;
const MAX_BATCH = 64;

const writers = new WeakMap<AppServices, Batcher<SubmissionWrite, Written>>();

/** `replayed`: the key was taken (by an earlier submission, or another of the same batch), nothing written. */
type Written = 'written' | 'replayed';

/** Writes one submission, with whatever others are waiting; rejects with its own refusal (403, 429). */
function writeSubmission(item: SubmissionWrite): Promise<Written> {
  const app = item.ctx.app;
  let writer = writers.get(app);
  if (!writer) {
    writer = createBatcher((items) => writeBatch(app, items), {
      maxInFlight: MAX_IN_FLIGHT,
      maxBatch: MAX_BATCH,
      minBatchBeside: MIN_BATCH_BESIDE,
    });
    writers.set(app, writer);
  }
  return writer.add(item);
}

/** How this instance's submissions were batched (tests, the benchmark); null before the first. */
export const submissionBatchStats = (app: AppServices) => writers.get(app)?.stats ?? null;

async function writeBatch(app: AppServices, items: SubmissionWrite[]): Promise<Settled<Written>[]> {
  let refused: { item: number; code: keyof typeof SUBMISSION_REFUSALS | 'replayed' }[];
  try {
    refused = await app.database.query(...prepared(batchStatement(items)));
  } catch (error) {
    if (items.length === 1) return [{ ok: false, error }];
    return Promise.all(items.map(async (item) => (await writeBatch(app, [item]))[0]));
  }
  const outcome: Settled<Written>[] = items.map(() => ({ ok: true, value: 'written' }));
  for (const r of refused)
    outcome[r.item] =
      r.code === 'replayed'
        ? { ok: true, value: 'replayed' }
        : { ok: false, error: SUBMISSION_REFUSALS[r.code]() };
  if (items.some((item, i) => item.jobs.length > 0 && outcome[i].ok)) app.jobs.nudge();
  return outcome;
}

/**
 * The batch as one statement; its rows are the submissions refused (`item`: index in the batch, `code`) and
 * those whose key was taken (`replayed`). A key already stored spares its submission the limits' refusal
 * (the retry is answered as the first was); a key taken by a submission being written at the same time is
 * seen by the key's INSERT, which waits for that one to commit.
 */
function batchStatement(items: SubmissionWrite[]): Statement {
  // Each counter once, with the batch's attempts on it; each attempt with the number of later attempts of
  // the batch on the same counter (the counter's new value, less those, is the attempt's place in its window).
  const counters = new Map<string, { congressId: string; key: string; windowStart: string; hits: number }>();
  const attempts: [number, string, string, number, number][] = [];
  const blocks: [number, string, string[]][] = [];
  const keys: [number, string, string, string, string, string][] = [];
  items.forEach(({ guard, key }, item) => {
    if (key) keys.push([item, key.scope, key.key, key.requestHash, key.opinionId, key.congressId]);
    if (!guard) return;
    blocks.push([item, guard.congressId, guard.blockIndexes]);
    for (const c of guard.counted) {
      const windowStart = c.windowStart.toISOString();
      const id = `${c.key}|${windowStart}`;
      const counter = counters.get(id);
      if (counter) counter.hits++;
      else counters.set(id, { congressId: guard.congressId, key: c.key, windowStart, hits: 1 });
      attempts.push([item, c.key, windowStart, c.limit, counters.get(id)!.hits]);
    }
  });
  for (const a of attempts) a[4] = counters.get(`${a[1]}|${a[2]}`)!.hits - a[4];
  const sorted = [...counters.values()]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.windowStart < b.windowStart ? -1 : 1))
    .map((c) => [c.congressId, c.key, c.windowStart, c.hits]);
  const gate = stmt`c AS (
      INSERT INTO opinion_rate_counters (congress_id, key, window_start, hits)
      SELECT (e->>0)::uuid, e->>1, (e->>2)::timestamptz, (e->>3)::int
      FROM jsonb_array_elements(${JSON.stringify(sorted)}::jsonb) WITH ORDINALITY AS x(e, n) ORDER BY n
      ON CONFLICT (key, window_start) DO UPDATE SET hits = opinion_rate_counters.hits + excluded.hits
      RETURNING key, window_start, hits),
    keyed AS (SELECT (e->>0)::int AS item, e->>1 AS scope, e->>2 AS key, e->>3 AS request_hash,
        (e->>4)::uuid AS opinion_id, (e->>5)::uuid AS congress_id
      FROM jsonb_array_elements(${JSON.stringify(keys)}::jsonb) AS e),
    seen AS (SELECT item FROM keyed k
      WHERE EXISTS (SELECT 1 FROM opinion_submission_keys s WHERE s.scope = k.scope AND s.key = k.key)),
    refused AS (
      SELECT (e->>0)::int AS item, 'submitter_blocked' AS code
      FROM jsonb_array_elements(${JSON.stringify(blocks)}::jsonb) AS e
      WHERE EXISTS (SELECT 1 FROM opinion_blocks b WHERE b.congress_id = (e->>1)::uuid
        AND b.value_index IN (SELECT jsonb_array_elements_text(e->2)))
        AND (e->>0)::int NOT IN (SELECT item FROM seen)
      UNION ALL
      SELECT (e->>0)::int, 'rate_limited'
      FROM jsonb_array_elements(${JSON.stringify(attempts)}::jsonb) AS e
      JOIN c ON c.key = e->>1 AND c.window_start = (e->>2)::timestamptz
      WHERE c.hits - (e->>4)::int > (e->>3)::int AND (e->>0)::int NOT IN (SELECT item FROM seen)),
    stored_keys AS (
      INSERT INTO opinion_submission_keys (congress_id, scope, key, request_hash, opinion_id)
      SELECT congress_id, scope, key, request_hash, opinion_id FROM keyed
      WHERE item NOT IN (SELECT item FROM refused) AND item NOT IN (SELECT item FROM seen)
      ON CONFLICT DO NOTHING
      RETURNING scope, key, opinion_id),
    replayed AS (SELECT item FROM keyed k WHERE item NOT IN (SELECT item FROM refused)
      AND NOT EXISTS (SELECT 1 FROM stored_keys s WHERE s.opinion_id = k.opinion_id)),
    dropped AS (SELECT item FROM refused UNION ALL SELECT item FROM replayed)`;
  // Texts go in one job per congress (sendSmsJob takes a list); any other job is a row like the others.
  const texts = new Map<string | null, { id: string; messages: [number, SmsMessage][] }>();
  const itemRows = items.map(({ rows: own, jobs }, item) => {
    const rows = [...own];
    for (const job of jobs) {
      const messages = gatherable(job);
      if (!messages) {
        rows.push(jobWrite(job.name, job.payload, job.opts));
        continue;
      }
      let group = texts.get(job.opts.congressId);
      if (!group) texts.set(job.opts.congressId, (group = { id: newId(), messages: [] }));
      for (const m of messages) group.messages.push([item, m]);
    }
    return rows;
  });
  const writes = insertFromJson(itemRows, '{item} NOT IN (SELECT item FROM dropped)');
  if (texts.size > 0) {
    const groups = [...texts].map(([congressId, g]) => [g.id, congressId, g.messages]);
    writes.push(stmt`INSERT INTO jobs (id, congress_id, name, payload)
      SELECT (g->>0)::uuid, (g->>1)::uuid, ${sendSmsJob.name}, jsonb_build_object('messages', m.messages)
      FROM jsonb_array_elements(${JSON.stringify(groups)}::jsonb) AS g,
        LATERAL (SELECT jsonb_agg(e->1 ORDER BY n) AS messages
          FROM jsonb_array_elements(g->2) WITH ORDINALITY AS x(e, n)
          WHERE (e->>0)::int NOT IN (SELECT item FROM dropped)) AS m
      WHERE m.messages IS NOT NULL`);
  }
  const answer = stmt`SELECT item, max(code) AS code FROM refused GROUP BY item
    UNION ALL SELECT item, 'replayed' FROM replayed`;
  // `max`: 'submitter_blocked' > 'rate_limited', so a blocked submitter is told so.
  return writes.length === 0 ? stmt`WITH ${gate} ${answer}` : stmt`WITH ${gate}, ${asCtes(writes)} ${answer}`;
}

/** The texts of an SMS job that can share the batch's job (one with no key, time or attempts of its own). */
function gatherable(job: QueuedJob): SmsMessage[] | null {
  const { dedupeKey, runAt, maxAttempts } = job.opts;
  if (job.name !== sendSmsJob.name || dedupeKey || runAt || maxAttempts) return null;
  const parsed = sendSmsJob.payload.safeParse(job.payload);
  return parsed.success && 'messages' in parsed.data ? parsed.data.messages : null;
}
