// Livelihood projects (issues 5 and 21): 3,000 deputies on the roll (the size of the National People's Congress)
// cast encrypted ballots of 20 candidates in a burst. Every ballot must be stored exactly once and the tally
// must equal the ballots; the server's ballot throughput must be at least 0.5 of the throughput of the proof
// verification alone (`verifyBallot` on the same ballots, in this process, the same run), and the tally at
// close (the combine, two tellers' partial decryptions checked, the totals published) within 3x the time of
// combining the same stored ciphertexts alone. Rounds (--rounds), each a new vote of the same deputies: the
// deputies' phones encrypt their ballots (forked processes, one per core, with the browser's code), the
// verification alone of a sample of them (--verify-sample, a different part each round), then the burst of
// ballots, then close and tally; the figures are the medians of the rounds' ratios.
//
//   node server/bin/minyi.mjs bench/livelihood.bench.ts [--pg] [--connections=10] [--deputies=3000] [--rounds=3]
//        [--verify-sample=<deputies/3>]
//
// The deputies are signed in first through the platform's own session step (createSession, what the
// login route does after checking the password): 3,000 HTTP logins would hit the login route's per-address
// limit (30 a minute) and spend minutes on argon2. Everything else goes over HTTP as the browser sends it
// (its cookie, CSRF header, accept and accept-language headers; the browser sends no Idempotency-Key with a
// ballot: a second ballot is a 409), the ballots from a worker thread, `connections` at a time.
import { fork } from 'node:child_process';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import {
  createBenchAccount,
  createBenchCongress,
  createBenchDeputies,
  login,
  machineBusyMs,
  postgresBusyMs,
  profileIf,
  median,
  startServer,
  writeResults,
  numberArg,
} from './lib';
import { newId } from '../server/src/platform/ids';
import {
  combineBallots,
  partialDecrypt,
  verifyBallot,
  type BallotContext,
} from '@minyi/domain/ballots/crypto';
import { holdKeyCeremony, type CeremonyTeller } from '../server/src/modules/ballots';
import { loadEncryptedBallots, loadVote } from '../server/src/modules/ballots/ballots.repository';
import { createSession, loadAccount } from '../server/src/platform/auth/session';
import { handlingUnits, sittings, terms } from '../server/src/modules/registry/registry.table';
import { livelihoodCandidates } from '../server/src/modules/livelihood/livelihood.table';

const arg = numberArg;
const DEPUTIES = arg('deputies', 3000);
const CANDIDATES = 20;
const MAX_CHOICES = 10;
const ROUNDS = arg('rounds', 3);
const VERIFY_SAMPLE = Math.min(DEPUTIES, arg('verify-sample', Math.ceil(DEPUTIES / 3)));

interface Job {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/**
 * Sends every request once, `concurrency` at a time, with autocannon (the load generator of the baselines, so
 * ballots and raw inserts are driven alike) from its own thread: each request takes the next job (its own
 * deputy's cookie and CSRF token). Answers status counts, time and latencies.
 */
function fire(
  jobs: Job[],
  concurrency: number,
): Promise<{ ms: number; statuses: Record<string, number>; latencies: number[] }> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const autocannon = require('autocannon');
    const { jobs, concurrency } = workerData;
    const statuses = {}; const latencies = []; let next = 0;
    const u = new URL(jobs[0].url);
    const t0 = performance.now();
    const instance = autocannon({
      url: u.origin,
      connections: Math.min(concurrency, jobs.length),
      amount: jobs.length,
      // A server busy verifying ballots answers slowly, never not at all: no request may time out and be resent.
      timeout: 600,
      requests: [{
        setupRequest: (req) => {
          const j = jobs[next++];
          const p = new URL(j.url);
          return { ...req, method: 'POST', path: p.pathname + p.search, headers: j.headers, body: j.body };
        },
      }],
    });
    let last = t0;
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statuses[statusCode] = (statuses[statusCode] || 0) + 1;
      latencies.push(responseTime);
      last = performance.now();
    });
    // Timed to the last response (autocannon may take a moment to wind down after it).
    instance.then(() => parentPort.postMessage({ ms: last - t0, statuses, latencies, endMs: performance.now() - t0 }));`;
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { jobs, concurrency } });
    w.once('message', (m) => {
      void w.terminate();
      resolve(m);
    });
    w.once('error', reject);
  });
}

/** The headers the browser's api.ts sends with a state-changing request (and its session cookie). */
const browserHeaders = (c: { cookie: string; csrf: string }, json = true): Record<string, string> => ({
  accept: 'application/json, application/problem+json',
  'accept-language': 'zh-CN',
  ...(json ? { 'content-type': 'application/json' } : {}),
  'x-csrf-token': c.csrf,
  cookie: c.cookie,
});

/** The deputies' phones: `choices` encrypted with the browser's code, split over one forked process per core. */
async function encryptAll(ctx: BallotContext, choices: number[][]): Promise<string[]> {
  const parts = Math.max(1, Math.min(os.availableParallelism(), choices.length));
  const size = Math.ceil(choices.length / parts);
  const chunks = await Promise.all(
    Array.from({ length: parts }, (_, k) => {
      const child = fork(new URL('./encrypt-worker.ts', import.meta.url), [], {
        execArgv: ['--import', 'tsx'],
      });
      return new Promise<string[]>((resolve, reject) => {
        child.once('message', (m) => resolve(m as string[]));
        child.once('error', reject);
        child.once('exit', (code) => code !== 0 && reject(new Error(`encrypt-worker exited ${code}`)));
        child.send({ ctx, choices: choices.slice(k * size, (k + 1) * size) });
      });
    }),
  );
  return chunks.flat();
}

const cpuMs = () => ((u) => (u.user + u.system) / 1000)(process.cpuUsage());

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] * 10) / 10 : 0;
};

const server = await startServer();
const connections = server.args.connections;
try {
  console.log(`livelihood bench on ${server.kind}: ${DEPUTIES} deputies, ${connections} concurrent`);
  const db = server.services.db;
  const { congressId, streetId } = await createBenchCongress(server);

  // ---- the district: deputies with active mandates, their accounts, candidates ----
  const { accountIds } = await createBenchDeputies(server, {
    congressId,
    streetId,
    count: DEPUTIES,
  });
  const unitId = newId();
  await db
    .insert(handlingUnits)
    .values({ id: unitId, congressId, name: '基准承办单位', kind: 'governmentDepartment' });
  // A binding vote is taken at a congress sitting (issue 16 §2): one in session.
  const termId = newId();
  await db
    .insert(terms)
    .values({ id: termId, congressId, number: 1, startDate: '2026-01-01', endDate: '2030-12-31' });
  await db.insert(sittings).values({
    id: newId(),
    congressId,
    termId,
    number: 1,
    startDate: '2026-12-01',
    endDate: '2026-12-31',
    status: 'inSession',
  });
  const candidateIds = Array.from({ length: CANDIDATES }, () => newId());
  await db.insert(livelihoodCandidates).values(
    candidateIds.map((id, i) => ({
      id,
      congressId,
      year: 2027,
      title: `候选项目${i + 1}`,
      leadUnitId: unitId,
      budget: 1_000_000,
    })),
  );

  await createBenchAccount(server, { congressId, username: 'bench-staff', roles: ['congressStaff'] });
  // The votes' three tellers (issue 21): their key ceremony runs in this process, each as itself.
  const tellers: CeremonyTeller[] = [];
  for (const n of [1, 2, 3]) {
    const username = `bench-teller${n}`;
    const { id } = await createBenchAccount(server, { congressId, username, roles: ['congressStaff'] });
    tellers.push({ accountId: id, username, roles: ['congressStaff'] });
  }
  const staff = await login(server, 'bench-staff');
  const staffCreds = { cookie: staff.cookie, csrf: staff['x-csrf-token'] };
  const staffPost = async (path: string, body?: unknown) => {
    const r = await fetch(`${server.url}/api/v1${path}`, {
      method: 'POST',
      headers: browserHeaders(staffCreds, body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<{ id: string }>;
  };

  // ---- sign the deputies in (sessions), and open the vote with everyone present ----
  const tSessions = performance.now();
  const creds: { cookie: string; csrf: string }[] = [];
  for (const accountId of accountIds) {
    const account = (await loadAccount(db, accountId))!;
    const s = await createSession(db, account, {
      ip: '127.0.0.1',
      headers: { 'user-agent': 'bench' },
    } as unknown as FastifyRequest);
    creds.push({ cookie: `minyi_sid=${s.token}`, csrf: s.csrfToken });
  }
  const sessionsMs = performance.now() - tSessions;

  // ---- a vote with everyone on the roll signed in (attendance over HTTP, by each deputy, concurrently) ----
  async function openVote(title: string) {
    const vote = await staffPost('/project-votes', {
      year: 2027,
      title,
      maxChoices: MAX_CHOICES,
      candidateIds,
    });
    await staffPost(`/project-votes/${vote.id}/roll`);
    const put = await fetch(`${server.url}/api/v1/project-votes/${vote.id}/tellers`, {
      method: 'PUT',
      headers: browserHeaders(staffCreds),
      body: JSON.stringify({ accountIds: tellers.map((t) => t.accountId) }),
    });
    if (put.status !== 200) throw new Error(`tellers: ${put.status} ${await put.text()}`);
    const shares = await holdKeyCeremony(server.services, congressId, vote.id, tellers);
    const attendance = await fire(
      creds.map((c) => ({
        url: `${server.url}/api/v1/project-votes/${vote.id}/attendance`,
        // As the browser's signInProjectVote sends it: a POST without a body.
        body: '',
        headers: browserHeaders(c, false),
      })),
      connections,
    );
    if ((attendance.statuses['200'] ?? 0) !== DEPUTIES)
      throw new Error(`attendance: ${JSON.stringify(attendance.statuses)}`);
    await staffPost(`/project-votes/${vote.id}/open`);
    return { id: vote.id, attendanceMs: attendance.ms, shares };
  }

  // ---- rounds: each a new vote of the same deputies ----
  // Positions on the ballot (candidate order), up to MAX_CHOICES of them, distinct.
  const choicesOf = (i: number) =>
    Array.from({ length: i % (MAX_CHOICES + 1) }, (_, k) => (i + k * 3) % CANDIDATES).filter(
      (c, k, a) => a.indexOf(c) === k,
    );
  const rawJobs = creds.map(() => ({
    url: `${server.url}/api/v1/bench/raw-insert`,
    body: JSON.stringify({ payload: 'benchmark row' }),
    headers: { 'content-type': 'application/json' },
  }));
  const count = async (q: ReturnType<typeof sql>) =>
    Number(((await db.execute(q)) as unknown as { rows: { n: number }[] }).rows[0].n);
  const timedPost = async (path: string, headers: Record<string, string>, body: unknown) => {
    const t0 = performance.now();
    const r = await fetch(`${server.url}/api/v1${path}`, {
      method: 'POST',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const ms = performance.now() - t0;
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return ms;
  };
  const rounds = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const vote = await openVote(`基准票决 ${round}`);
    const expected: Record<string, number> = Object.fromEntries(candidateIds.map((c) => [c, 0]));
    const ballotCtx: BallotContext = {
      voteId: vote.id,
      curve: 'p256',
      publicKey: (await loadVote(db, congressId, vote.id)).publicKey!,
      candidates: CANDIDATES,
      maxChoices: MAX_CHOICES,
    };
    // The deputies' phones encrypt before the burst (the burst measures the server, not the phones).
    const choices = creds.map((_, i) => choicesOf(i + round));
    for (const cs of choices) for (const x of cs) expected[candidateIds[x]]++;
    const tEncrypt = performance.now();
    const bodies = await encryptAll(ballotCtx, choices);
    const encryptMs = performance.now() - tEncrypt;
    const ballotJobs = creds.map((c, i) => ({
      url: `${server.url}/api/v1/project-votes/${vote.id}/ballots`,
      body: bodies[i],
      headers: browserHeaders(c),
    }));

    // The proof verification alone: a sample of the same ballots (a different part each round), from their
    // JSON bodies, in this process, one after another. Wall-clock, as the burst is timed (and CPU time).
    const from = ((round - 1) * VERIFY_SAMPLE) % DEPUTIES;
    const sample = Array.from({ length: VERIFY_SAMPLE }, (_, k) => bodies[(from + k) % DEPUTIES]);
    const tVerify = performance.now();
    const cVerify = cpuMs();
    for (const body of sample) {
      const v = verifyBallot(ballotCtx, JSON.parse(body));
      if (!v.ok) throw new Error(`bench ballot refused: ${v.field} ${v.reason}`);
    }
    const verifyMs = performance.now() - tVerify;
    const verifyCpuMs = cpuMs() - cVerify;
    const verifyRps = (VERIFY_SAMPLE / verifyMs) * 1000;

    // For reference: a burst of raw inserts from the same client (the issue-5 baseline).
    const raw = await fire(rawJobs, connections);
    const rawRps = (DEPUTIES / raw.ms) * 1000;

    const stopProfile = await profileIf(`ballots #${round}`);
    const cpu0 = { server: process.cpuUsage(), machine: machineBusyMs(), postgres: postgresBusyMs() };
    const ballots = await fire(ballotJobs, connections);
    // CPU per ballot: this process (server and the load thread), PostgreSQL, the whole machine.
    const cpuPerBallotUs = {
      process: Math.round(((s) => s.user + s.system)(process.cpuUsage(cpu0.server)) / DEPUTIES),
      postgres: Math.round(((postgresBusyMs() - cpu0.postgres) * 1000) / DEPUTIES),
      machine: Math.round(((machineBusyMs() - cpu0.machine) * 1000) / DEPUTIES),
    };
    await stopProfile();
    const ballotRps = (DEPUTIES / ballots.ms) * 1000;
    console.log(
      `round ${round}: verification alone ${verifyRps.toFixed(1)}/s (${VERIFY_SAMPLE} in ${(verifyMs / 1000).toFixed(1)} s, ` +
        `${(verifyCpuMs / VERIFY_SAMPLE).toFixed(0)} ms CPU each), ballots ${ballotRps.toFixed(1)}/s ` +
        `(${DEPUTIES} in ${(ballots.ms / 1000).toFixed(1)} s), raw insert ${rawRps.toFixed(0)}/s`,
      ballots.statuses,
      'cpu µs per ballot',
      cpuPerBallotUs,
    );

    // A second ballot from a tenth of the deputies must change nothing (409 each).
    const repeats = Math.floor(DEPUTIES / 10);
    const again = await fire(ballotJobs.slice(0, repeats), connections);
    // Each ballot stored once, the tally equal to the ballots.
    const stored = await count(
      sql`SELECT count(*)::int AS n FROM project_vote_encrypted_ballots WHERE vote_id = ${vote.id}`,
    );
    const voters = await count(
      sql`SELECT count(*)::int AS n FROM project_vote_voters WHERE vote_id = ${vote.id}`,
    );

    // Combining the stored ciphertexts alone (as the close reads them), then the server's tally: the close
    // (which combines them) and two tellers' partial decryptions over HTTP (each checked with its proofs; the
    // second gives the totals and publishes the count). The tellers' own computation, on their devices, is
    // timed apart and not counted as the server's.
    const storedBallots = await loadEncryptedBallots(db, vote.id);
    const tCombine = performance.now();
    const combinedAlone = combineBallots(
      ballotCtx,
      storedBallots.map((b) => b.ballot),
    );
    const combineMs = performance.now() - tCombine;
    let tallyMs = await timedPost(
      `/project-votes/${vote.id}/close`,
      browserHeaders(staffCreds, false),
      undefined,
    );
    const combined = (await loadVote(db, congressId, vote.id)).combined!;
    let tellersDeviceMs = 0;
    for (const n of [0, 1]) {
      const session = await createSession(db, (await loadAccount(db, tellers[n].accountId))!, {
        ip: '127.0.0.1',
        headers: { 'user-agent': 'bench' },
      } as unknown as FastifyRequest);
      const t0 = performance.now();
      const partialDecryption = partialDecrypt(ballotCtx, vote.shares[n], combined);
      tellersDeviceMs += performance.now() - t0;
      tallyMs += await timedPost(
        `/project-votes/${vote.id}/partial-decryptions`,
        browserHeaders({ cookie: `minyi_sid=${session.token}`, csrf: session.csrfToken }),
        { partialDecryption },
      );
    }
    const resultsRes = await fetch(
      `${server.url}/api/v1/project-votes/${vote.id}/results?congressId=${congressId}`,
    );
    const result = (await resultsRes.json()) as {
      turnout: { ballotsCast: number };
      candidates: { id: string; votes: number }[];
      valid: boolean;
    };
    const checks = {
      ballotsAccepted: ballots.statuses['201'] ?? 0,
      ballotsStored: stored,
      votersRecorded: voters,
      secondBallotsRefused: again.statuses['409'] ?? 0,
      ballotsCastInResult: result.turnout.ballotsCast,
      combineEqualsClose: JSON.stringify(combinedAlone) === JSON.stringify(combined),
      tallyEqualsBallots: result.candidates.every((c) => c.votes === expected[c.id]),
      valid: result.valid,
      everyBallotStoredOnce:
        stored === DEPUTIES && voters === DEPUTIES && (ballots.statuses['201'] ?? 0) === DEPUTIES,
    };
    const r3 = (x: number) => Math.round(x * 1000) / 1000;
    const round1 = {
      ballotsOverVerification: r3(ballotRps / verifyRps),
      // The same in CPU time, which the machine's other processes disturb less: the verification's CPU per
      // ballot over this process's per ballot of the burst (the server's, and the load thread's).
      ballotsOverVerificationCpu: r3(verifyCpuMs / VERIFY_SAMPLE / (cpuPerBallotUs.process / 1000)),
      tallyOverCombine: r3(tallyMs / combineMs),
    };
    console.log(
      `round ${round}`,
      round1,
      `combine ${Math.round(combineMs)} ms, tally ${Math.round(tallyMs)} ms`,
      checks,
    );
    rounds.push({
      ...round1,
      encryptMs: Math.round(encryptMs),
      verification: {
        perSec: r3(verifyRps),
        ballots: VERIFY_SAMPLE,
        ms: Math.round(verifyMs),
        cpuMsPerBallot: r3(verifyCpuMs / VERIFY_SAMPLE),
      },
      ballots: {
        perSec: r3(ballotRps),
        ms: Math.round(ballots.ms),
        statuses: ballots.statuses,
        p50: pct(ballots.latencies, 50),
        p95: pct(ballots.latencies, 95),
        p99: pct(ballots.latencies, 99),
        cpuPerBallotUs,
      },
      rawInsertSameClient: { perSec: Math.round(rawRps), ms: Math.round(raw.ms), statuses: raw.statuses },
      combineMs: Math.round(combineMs),
      tallyMs: Math.round(tallyMs),
      tellersDeviceMs: Math.round(tellersDeviceMs),
      attendanceMs: Math.round(vote.attendanceMs),
      checks,
    });
  }

  const ratios = {
    ballotsOverVerification: median(rounds.map((r) => r.ballotsOverVerification)),
    ballotsOverVerificationPerRound: rounds.map((r) => r.ballotsOverVerification),
    ballotsOverVerificationCpu: median(rounds.map((r) => r.ballotsOverVerificationCpu)),
    tallyOverCombine: median(rounds.map((r) => r.tallyOverCombine)),
    tallyOverCombinePerRound: rounds.map((r) => r.tallyOverCombine),
  };
  const everyRoundCorrect = rounds.every(
    (r) =>
      r.checks.everyBallotStoredOnce &&
      r.checks.tallyEqualsBallots &&
      r.checks.combineEqualsClose &&
      r.checks.valid &&
      r.checks.secondBallotsRefused === Math.floor(DEPUTIES / 10),
  );
  const target = {
    ballotsOverVerificationAtLeast: 0.5,
    tallyOverCombineAtMost: 3,
    met: ratios.ballotsOverVerification >= 0.5 && ratios.tallyOverCombine <= 3 && everyRoundCorrect,
  };
  console.log(
    'ratios',
    ratios,
    everyRoundCorrect ? 'every round correct' : 'A ROUND WAS WRONG',
    target.met ? 'targets met' : 'TARGET MISSED',
  );
  writeResults(
    'livelihood',
    {
      deputies: DEPUTIES,
      candidates: CANDIDATES,
      maxChoices: MAX_CHOICES,
      concurrency: connections,
      verifySample: VERIFY_SAMPLE,
      sessionsMs: Math.round(sessionsMs),
      loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
      rounds,
      everyRoundCorrect,
      ratios,
      target,
    },
    server,
  );
} finally {
  await server.stop();
}
