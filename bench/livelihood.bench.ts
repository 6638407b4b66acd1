// Livelihood projects (issue 5): 3,000 deputies on the roll (the size of the National People's Congress)
// cast secret ballots concurrently. Afterwards every ballot must be stored exactly once and the tally must
// equal the ballots; ballot throughput must be at least 0.5 of the raw-insert baseline of the same run.
// Five rounds (--rounds), each a new vote of the same deputies: a burst of 3,000 raw inserts, then the
// 3,000 ballots, from the same client at the same concurrency; the figure is the median of the rounds' ratios.
//
//   node server/bin/minyi.mjs bench/livelihood.bench.ts [--pg] [--connections=50] [--duration=5] [--deputies=3000] [--rounds=3]
//
// The deputies are signed in first through the platform's own session step (createSession, what the
// login route does after checking the password): 3,000 HTTP logins would hit the login route's per-address
// limit (30 a minute) and spend minutes on argon2. The ballots themselves go over HTTP from a worker
// thread, each with its own deputy's cookie and CSRF token, `connections` at a time.
import { Worker } from 'node:worker_threads';
import type { FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import {
  createBenchAccount,
  createBenchCongress,
  login,
  measureBaselines,
  machineBusyMs,
  postgresBusyMs,
  profileIf,
  median,
  startServer,
  writeResults,
} from './lib';
import { newId } from '../server/src/platform/ids';
import { encryptBallot, partialDecrypt } from '@minyi/domain/ballots/crypto';
import { holdKeyCeremony, type CeremonyTeller } from '../server/src/modules/ballots';
import { loadVote } from '../server/src/modules/ballots/ballots.repository';
import { hashPassword } from '../server/src/platform/auth/passwords';
import { createSession, loadAccount } from '../server/src/platform/auth/session';
import { accountRoles, accounts } from '../server/src/platform/platform.table';
import {
  deputies,
  handlingUnits,
  mandates,
  sittings,
  terms,
} from '../server/src/modules/registry/registry.table';
import { livelihoodCandidates } from '../server/src/modules/livelihood/livelihood.table';

const arg = (name: string, dflt: number) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.slice(name.length + 3)) : dflt;
};
const DEPUTIES = arg('deputies', 3000);
const CANDIDATES = 20;
const MAX_CHOICES = 10;
const ROUNDS = arg('rounds', 5);

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
      connections: concurrency,
      amount: jobs.length,
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
  const deputyIds = Array.from({ length: DEPUTIES }, () => newId());
  const passwordHash = await hashPassword('bench-password-1');
  const accountIds = deputyIds.map(() => newId());
  for (let i = 0; i < DEPUTIES; i += 1000) {
    const ids = deputyIds.slice(i, i + 1000);
    await db
      .insert(deputies)
      .values(ids.map((id, k) => ({ id, congressId, name: `代表${i + k}`, gender: 'female' as const })));
    await db
      .insert(mandates)
      .values(
        ids.map((id) => ({ id: newId(), congressId, deputyId: id, level: 'district' as const, streetId })),
      );
    await db.insert(accounts).values(
      ids.map((id, k) => ({
        id: accountIds[i + k],
        congressId,
        username: `bench-deputy-${i + k}`,
        displayName: `代表${i + k}`,
        passwordHash,
        deputyId: id,
      })),
    );
    await db
      .insert(accountRoles)
      .values(ids.map((_, k) => ({ accountId: accountIds[i + k], role: 'deputy' as const, congressId })));
  }
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
  const staffPost = async (path: string, body?: unknown) => {
    const r = await fetch(`${server.url}/api/v1${path}`, {
      method: 'POST',
      headers: { ...staff, 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
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
      headers: { ...staff, 'content-type': 'application/json' },
      body: JSON.stringify({ accountIds: tellers.map((t) => t.accountId) }),
    });
    if (put.status !== 200) throw new Error(`tellers: ${put.status} ${await put.text()}`);
    const shares = await holdKeyCeremony(server.services, congressId, vote.id, tellers);
    const attendance = await fire(
      creds.map((c) => ({
        url: `${server.url}/api/v1/project-votes/${vote.id}/attendance`,
        body: '{}',
        headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json' },
      })),
      connections,
    );
    if ((attendance.statuses['200'] ?? 0) !== DEPUTIES)
      throw new Error(`attendance: ${JSON.stringify(attendance.statuses)}`);
    await staffPost(`/project-votes/${vote.id}/open`);
    return { id: vote.id, attendanceMs: attendance.ms, shares };
  }

  // ---- the baseline: raw inserts by autocannon (measureBaselines), for reference ----
  const baselines = await measureBaselines(server, { connections });

  // ---- rounds: a raw-insert burst and a ballot burst from the same client, 3,000 requests each ----
  // Every round is a new vote of the same 3,000 deputies; the median of the rounds' ratios is the figure
  // (the first round also carries the server's cold start: JIT, the pool's first statements).
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
  const rounds = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const vote = await openVote(`基准票决 ${round}`);
    const raw = await fire(rawJobs, connections);
    const expected: Record<string, number> = Object.fromEntries(candidateIds.map((c) => [c, 0]));
    // The deputies' phones encrypt before the burst (the burst measures the server, not the phones).
    const ballotCtx = {
      voteId: vote.id,
      curve: 'p256' as const,
      publicKey: (await loadVote(db, congressId, vote.id)).publicKey!,
      candidates: CANDIDATES,
      maxChoices: MAX_CHOICES,
    };
    const ballotJobs = creds.map((c, i) => {
      const choices = choicesOf(i + round);
      for (const x of choices) expected[candidateIds[x]]++;
      return {
        url: `${server.url}/api/v1/project-votes/${vote.id}/ballots`,
        body: JSON.stringify(encryptBallot(ballotCtx, choices)),
        headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json' },
      };
    });
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
    const rawRps = (DEPUTIES / raw.ms) * 1000;
    console.log(
      `round ${round}: raw insert ${rawRps.toFixed(0)}/s, ballots ${ballotRps.toFixed(0)}/s (${DEPUTIES} in ${(ballots.ms / 1000).toFixed(2)} s)`,
      ballots.statuses,
      'cpu µs per ballot',
      cpuPerBallotUs,
    );

    // A second ballot from a tenth of the deputies must change nothing (409 each).
    const again = await fire(ballotJobs.slice(0, DEPUTIES / 10), connections);
    // Each ballot stored once, the tally equal to the ballots.
    const stored = await count(
      sql`SELECT count(*)::int AS n FROM project_vote_encrypted_ballots WHERE vote_id = ${vote.id}`,
    );
    const voters = await count(
      sql`SELECT count(*)::int AS n FROM project_vote_voters WHERE vote_id = ${vote.id}`,
    );
    const tClose = performance.now();
    const closeRes = await fetch(`${server.url}/api/v1/project-votes/${vote.id}/close`, {
      method: 'POST',
      headers: { ...staff, 'content-type': 'application/json' },
      body: '{}',
    });
    if (closeRes.status !== 200) throw new Error(`close: ${closeRes.status} ${await closeRes.text()}`);
    // Two tellers decrypt the totals (their partial decryptions over HTTP, as their browsers would).
    for (const n of [0, 1]) {
      const session = await createSession(db, (await loadAccount(db, tellers[n].accountId))!, {
        ip: '127.0.0.1',
        headers: { 'user-agent': 'bench' },
      } as unknown as FastifyRequest);
      const combined = (await loadVote(db, congressId, vote.id)).combined!;
      const partialDecryption = partialDecrypt(ballotCtx, vote.shares[n], combined);
      const r = await fetch(`${server.url}/api/v1/project-votes/${vote.id}/partial-decryptions`, {
        method: 'POST',
        headers: {
          cookie: `minyi_sid=${session.token}`,
          'x-csrf-token': session.csrfToken,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ partialDecryption }),
      });
      if (r.status !== 201) throw new Error(`partial decryption: ${r.status} ${await r.text()}`);
    }
    const closeMs = performance.now() - tClose;
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
      tallyEqualsBallots: result.candidates.every((c) => c.votes === expected[c.id]),
      valid: result.valid,
      everyBallotStoredOnce:
        stored === DEPUTIES && voters === DEPUTIES && (ballots.statuses['201'] ?? 0) === DEPUTIES,
    };
    console.log(`round ${round} checks`, checks);
    rounds.push({
      ratio: Math.round((ballotRps / rawRps) * 1000) / 1000,
      rawInsert: { perSec: Math.round(rawRps), ms: Math.round(raw.ms), statuses: raw.statuses },
      ballots: {
        perSec: Math.round(ballotRps),
        ms: Math.round(ballots.ms),
        statuses: ballots.statuses,
        p50: pct(ballots.latencies, 50),
        p95: pct(ballots.latencies, 95),
        p99: pct(ballots.latencies, 99),
        cpuPerBallotUs,
      },
      attendanceMs: Math.round(vote.attendanceMs),
      closeMs: Math.round(closeMs),
      checks,
    });
  }

  const last = rounds[rounds.length - 1];
  const ratios = {
    ballotsOverRawInsert: median(rounds.map((r) => r.ratio)),
    ballotsOverRawInsertPerRound: rounds.map((r) => r.ratio),
    // For reference: the last round's ballots against autocannon's 5-second raw-insert run (a steady load,
    // not a burst of 3,000: no ramp at either end).
    lastBallotsOverAutocannonRawInsert:
      Math.round((last.ballots.perSec / baselines.rawInsert.requestsPerSec) * 1000) / 1000,
  };
  const everyRoundCorrect = rounds.every(
    (r) =>
      r.checks.everyBallotStoredOnce &&
      r.checks.tallyEqualsBallots &&
      r.checks.valid &&
      r.checks.secondBallotsRefused === DEPUTIES / 10,
  );
  const target = {
    ballotsOverRawInsert: 0.5,
    met: ratios.ballotsOverRawInsert >= 0.5 && everyRoundCorrect,
  };
  console.log('ratios', ratios, target.met ? 'target met' : 'TARGET MISSED');
  writeResults(
    'livelihood',
    {
      deputies: DEPUTIES,
      concurrency: connections,
      baselines,
      sessionsMs: Math.round(sessionsMs),
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
