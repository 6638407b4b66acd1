// No double texts (issue 15, point 5): a job worker that dies mid-batch leaves done the jobs it finished and,
// for the job under way, a delivery row for each text it sent; the worker that takes over sends only the rest.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { createJobQueue, enqueueJob } from '../src/platform/jobs';
import { deliverNotificationsJob, sendSmsJob, type MailSender } from '../src/platform/notifications';
import {
  accounts,
  jobDeliveries,
  jobs,
  notificationPreferences,
  notifications,
} from '../src/platform/platform.table';
import { createTestEnv, type TestEnv } from './harness';

const PG_URL = process.env.TEST_DATABASE_URL;
const onPostgres = PG_URL ? it : it.skip;
const ROOT = path.resolve(import.meta.dirname, '../..');

let t: TestEnv;
beforeAll(async () => {
  t = await createTestEnv();
});
afterAll(async () => t?.close());

/**
 * Three text jobs due in this order: A with 2 texts, B with 5, C with 2 (texts named after their job and
 * place: 'A1', 'B3' …), claimed together as one batch. Returns their ids in that order.
 */
async function enqueueThreeJobs(tag: string): Promise<string[]> {
  const texts = { A: 2, B: 5, C: 2 };
  const ids: string[] = [];
  let offset = 3;
  for (const [job, n] of Object.entries(texts)) {
    const messages = Array.from({ length: n }, (_, i) => ({
      phoneEnc: t.services.pii.encrypt(`1380000${String(ids.length * 10 + i).padStart(4, '0')}`),
      text: `${tag}${job}${i + 1}`,
    }));
    await enqueueJob(
      t.services.db,
      sendSmsJob.name,
      { messages },
      { congressId: t.congressId, runAt: new Date(Date.now() - 1000 * offset--) },
    );
    const [row] = await t.services.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(sql`${jobs.payload}::text LIKE ${`%"${tag}${job}1"%`}`);
    ids.push(row.id);
  }
  return ids;
}

const allTexts = (tag: string) =>
  [...['A1', 'A2'], ...['B1', 'B2', 'B3', 'B4', 'B5'], ...['C1', 'C2']].map((x) => `${tag}${x}`);

const jobStates = async (ids: string[]) => {
  const rows = await t.services.db
    .select({ id: jobs.id, status: jobs.status, attempts: jobs.attempts })
    .from(jobs)
    .where(inArray(jobs.id, ids));
  return ids.map((id) => {
    const r = rows.find((x) => x.id === id)!;
    return { status: r.status, attempts: r.attempts };
  });
};

/** What a dead worker's lock comes to once LOCK_SECONDS have passed: the jobs it held are due again. */
const letLocksRunOut = (ids: string[]) =>
  t.services.db
    .update(jobs)
    .set({ lockedUntil: new Date(Date.now() - 1000) })
    .where(inArray(jobs.id, ids));

/** Replaces the gateway for one test; `send` gets each text. */
function gatewayFor(send: (text: string) => Promise<void>) {
  const gateway = t.services.notifier.smsGateway;
  const original = gateway.send.bind(gateway);
  gateway.send = (_phone, text) => send(text);
  onTestFinished(() => void (gateway.send = original));
}

const deliveriesOf = async (ids: string[]) => {
  const [row] = await t.services.db
    .select({ n: sql<number>`count(*)::int` })
    .from(jobDeliveries)
    .where(inArray(jobDeliveries.jobId, ids));
  return row.n;
};

const tally = (texts: string[]) => {
  const counts = new Map<string, number>();
  for (const x of texts) counts.set(x, (counts.get(x) ?? 0) + 1);
  return counts;
};

describe('a job worker that dies mid-batch', () => {
  it('marks each job done as it finishes, so the jobs before the one under way do not run again', async () => {
    const ids = await enqueueThreeJobs('done-');
    const sent: string[] = [];
    let dying = true;
    let died!: () => void;
    const death = new Promise<void>((resolve) => (died = resolve));
    gatewayFor(async (text) => {
      if (dying && text === 'done-B1') {
        // The process is gone here: this send never returns, and nothing after it runs.
        died();
        return new Promise<never>(() => undefined);
      }
      sent.push(text);
    });
    const worker = createJobQueue(
      () => t.services,
      0,
      () => undefined,
    );
    worker.register(sendSmsJob);
    void worker.drain(Infinity, false);
    await death;
    dying = false;
    // A finished before the worker died and is done; B was under way; C was claimed but never started.
    expect(await jobStates(ids)).toEqual([
      { status: 'done', attempts: 1 },
      { status: 'running', attempts: 1 },
      { status: 'running', attempts: 1 },
    ]);
    await letLocksRunOut(ids);
    await t.services.jobs.drain();
    expect(await jobStates(ids)).toEqual([
      { status: 'done', attempts: 1 },
      { status: 'done', attempts: 2 },
      { status: 'done', attempts: 2 },
    ]);
    expect(sent.sort()).toEqual(allTexts('done-').sort());
  });

  it('texts every citizen exactly once when the worker dies after the 2nd of 5 texts of a job and another takes over', async () => {
    const ids = await enqueueThreeJobs('mid-');
    const sent: string[] = [];
    let dying = true;
    let died!: () => void;
    const death = new Promise<void>((resolve) => (died = resolve));
    gatewayFor(async (text) => {
      if (dying && text === 'mid-B3') {
        died();
        return new Promise<never>(() => undefined);
      }
      sent.push(text);
    });
    const worker = createJobQueue(
      () => t.services,
      0,
      () => undefined,
    );
    worker.register(sendSmsJob);
    void worker.drain(Infinity, false);
    await death;
    dying = false;
    expect(sent).toEqual(['mid-A1', 'mid-A2', 'mid-B1', 'mid-B2']);
    // B's first two texts are recorded as sent, each on its own.
    const recorded = await t.services.db
      .select({ key: jobDeliveries.key })
      .from(jobDeliveries)
      .where(inArray(jobDeliveries.jobId, [ids[1]]));
    expect(recorded.map((r) => r.key).sort()).toEqual(['text:0', 'text:1']);

    await letLocksRunOut(ids);
    await t.services.jobs.drain();
    const counts = tally(sent);
    for (const text of allTexts('mid-')) expect(counts.get(text), text).toBe(1);
    expect(sent).toHaveLength(9);
    expect((await jobStates(ids)).map((j) => j.status)).toEqual(['done', 'done', 'done']);
    // A job done takes its deliveries with it: they matter only while it may run again.
    expect(await deliveriesOf(ids)).toBe(0);
  });

  it('keeps the deliveries of a job that failed for good until the prune job', async () => {
    const ids = await enqueueThreeJobs('fail-');
    await t.services.db.update(jobs).set({ maxAttempts: 1 }).where(inArray(jobs.id, ids));
    const sent: string[] = [];
    gatewayFor(async (text) => {
      if (text === 'fail-B3') throw new Error('the number no longer exists');
      sent.push(text);
    });
    await t.services.jobs.drain();
    expect((await jobStates(ids)).map((j) => j.status)).toEqual(['done', 'failed', 'done']);
    expect(sent).toEqual(['fail-A1', 'fail-A2', 'fail-B1', 'fail-B2', 'fail-C1', 'fail-C2']);
    expect(await deliveriesOf(ids)).toBe(2);
    await enqueueJob(t.services.db, 'platform.prune', {});
    await t.services.jobs.drain();
    expect(await deliveriesOf(ids)).toBe(0);
  });

  onPostgres(
    'texts every citizen exactly once when a worker process is killed with SIGKILL mid-batch',
    { timeout: 120_000 },
    async () => {
      const ids = await enqueueThreeJobs('kill-');
      const dir = mkdtempSync(path.join(os.tmpdir(), 'minyi-kill-'));
      const sentFile = path.join(dir, 'sent.txt');
      writeFileSync(sentFile, '');
      const [{ name }] = await t.database.query<{ name: string }>('SELECT current_database() AS name', []);
      const url = new URL(PG_URL!);
      url.pathname = `/${name}`;
      const child = await new Promise<{ signal: NodeJS.Signals | null }>((resolve) => {
        execFile(
          'node',
          ['--import', 'tsx', 'server/test/job-deliveries.worker.ts'],
          {
            cwd: ROOT,
            env: {
              ...process.env,
              MINYI_TEST_DB_URL: url.toString(),
              MINYI_TEST_SENT: sentFile,
              MINYI_TEST_DIE_AT: 'kill-B3',
            },
          },
          (err) => resolve({ signal: (err as { signal?: NodeJS.Signals } | null)?.signal ?? null }),
        );
      });
      expect(child.signal).toBe('SIGKILL');
      const before = readFileSync(sentFile, 'utf8').split('\n').filter(Boolean);
      expect(before).toEqual(['kill-A1', 'kill-A2', 'kill-B1', 'kill-B2']);

      const after: string[] = [];
      gatewayFor(async (text) => void after.push(text));
      await letLocksRunOut(ids);
      await t.services.jobs.drain();
      expect(after).toEqual(['kill-B3', 'kill-B4', 'kill-B5', 'kill-C1', 'kill-C2']);
      const counts = tally([...before, ...after]);
      for (const text of allTexts('kill-')) expect(counts.get(text), text).toBe(1);
      expect((await jobStates(ids)).map((j) => j.status)).toEqual(['done', 'done', 'done']);
    },
  );
});

describe('a notification sent by email and text', () => {
  it('records each channel as soon as it is sent, so when the text fails the retry does not email again', async () => {
    const { id: accountId } = await t.createAccount({ roles: ['deputy'] });
    await t.services.db
      .update(accounts)
      .set({ email: 'deputy@example.org', phoneEnc: t.services.pii.encrypt('13900000001') })
      .where(eq(accounts.id, accountId));
    await t.services.db
      .insert(notificationPreferences)
      .values({ accountId, congressId: t.congressId, email: true, sms: true });
    const emails: string[] = [];
    const notifier = t.services.notifier as { mail: MailSender | null };
    const mail = notifier.mail;
    notifier.mail = { send: async (to, subject) => void emails.push(`${to} ${subject}`) };
    onTestFinished(() => void (notifier.mail = mail));
    const texts: string[] = [];
    let busy = true;
    gatewayFor(async (text) => {
      if (busy) {
        busy = false;
        throw new Error('the gateway is busy');
      }
      texts.push(text);
    });

    await t.services.db.transaction((tx) =>
      t.services.notifier.notify(tx, {
        congressId: t.congressId,
        accountIds: [accountId],
        kind: 'test',
        title: { zh: '开会通知', en: 'Meeting' },
        body: { zh: '周五上午', en: 'Friday morning' },
      }),
    );
    await t.services.jobs.drain();
    const [job] = await t.services.db
      .select()
      .from(jobs)
      .where(sql`${jobs.name} = ${deliverNotificationsJob.name} AND ${jobs.status} <> 'done'`);
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    const [row] = await t.services.db
      .select({ delivered: notifications.deliveredChannels })
      .from(notifications)
      .where(eq(notifications.accountId, accountId));
    expect(row.delivered).toEqual(['email']);

    await t.services.db
      .update(jobs)
      .set({ runAt: new Date(Date.now() - 1000) })
      .where(eq(jobs.id, job.id));
    await t.services.jobs.drain();
    expect(emails).toEqual(['deputy@example.org 开会通知']);
    expect(texts).toEqual(['开会通知：周五上午']);
  });
});
