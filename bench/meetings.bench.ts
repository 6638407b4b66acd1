// Meetings (issue 17): two figures against the primary-key read of the same run.
//
// 1. A standing-committee vote: 45 members, each with their own session (cookie and CSRF token, as the
//    browser sends them), cast their named ballots at the same instant (45 connections, one request each).
//    Every ballot must be answered exactly once: 45 × 201, 45 rows of 45 distinct members, the same 45 sent
//    again all 409 and nothing added, the count at close 45. The p95 of the burst is compared with the p95 of
//    a burst of 45 primary-key reads sent the same way just before it; the figure is the median over rounds
//    (each round a new meeting and vote of the same members).
// 2. The office-holder register over 20 years (10,000 appointment cases, 500 posts each held in turn):
//    "who held post P on date D" (GET /office-holders?post=&date=) under load, interleaved with the pk read
//    (throughput and p95 ratios, median of rounds).
//
//   node server/bin/minyi.mjs bench/meetings.bench.ts [--pg] [--connections=10] [--duration=5] [--rounds=5]
//
// The members are signed in through the platform's own session step (createSession, what the login route
// does after checking the password), as bench/livelihood.bench.ts does: the login route's per-address limit
// and argon2 are not what is measured here.
import { Worker } from 'node:worker_threads';
import type { FastifyRequest } from 'fastify';
import { shanghaiDate } from '@minyi/domain/calendar';
import {
  createBenchAccount,
  createBenchCongress,
  interleave,
  login,
  median,
  settle,
  startServer,
  writeResults,
  numberArg,
} from './lib';
import { newId } from '../server/src/platform/ids';
import { hashPassword } from '../server/src/platform/auth/passwords';
import { createSession, loadAccount } from '../server/src/platform/auth/session';
import { accountRoles, accounts } from '../server/src/platform/platform.table';
import { committeeMembers, deputies, mandates, terms } from '../server/src/modules/registry/registry.table';
import { appointmentCases, officeHoldings } from '../server/src/modules/meetings/meetings.table';

const arg = numberArg;
const MEMBERS = 45;
const ROUNDS = arg('rounds', 5);
const POSTS = 500;
const CASES = 10_000;
const YEARS = 20;

interface Job {
  url: string;
  method: 'GET' | 'POST';
  body?: string;
  headers: Record<string, string>;
}

/** Sends every job at once (one connection each) with autocannon from its own thread; statuses and latencies. */
function burst(jobs: Job[]): Promise<{ statuses: Record<string, number>; latencies: number[] }> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const autocannon = require('autocannon');
    const { jobs } = workerData;
    const statuses = {}; const latencies = []; let next = 0;
    const instance = autocannon({
      url: new URL(jobs[0].url).origin,
      connections: jobs.length,
      amount: jobs.length,
      timeout: 120,
      requests: [{
        setupRequest: (req) => {
          const j = jobs[next++];
          const p = new URL(j.url);
          return { ...req, method: j.method, path: p.pathname + p.search, headers: j.headers, body: j.body };
        },
      }],
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statuses[statusCode] = (statuses[statusCode] || 0) + 1;
      latencies.push(responseTime);
    });
    instance.then(() => parentPort.postMessage({ statuses, latencies }));`;
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { jobs } });
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

/** The headers the browser's api.ts sends with a request (and its session cookie). */
const browserHeaders = (c: { cookie: string; csrf: string }, json = true): Record<string, string> => ({
  accept: 'application/json, application/problem+json',
  'accept-language': 'zh-CN',
  ...(json ? { 'content-type': 'application/json' } : {}),
  'x-csrf-token': c.csrf,
  cookie: c.cookie,
});

function check(cond: boolean, what: string) {
  if (!cond) throw new Error(`assertion failed: ${what}`);
}

const server = await startServer();
try {
  console.log(
    `meetings bench on ${server.kind}: ${MEMBERS} members, ${CASES} appointment cases, ${ROUNDS} rounds`,
  );
  const db = server.services.db;
  const { congressId, streetId } = await createBenchCongress(server);

  // ---- the standing committee: a current term, 45 deputies in office as members, their accounts ----
  const termId = newId();
  await db.insert(terms).values({
    id: termId,
    congressId,
    number: 7,
    startDate: '2026-01-10',
    endDate: '2031-01-09',
    isCurrent: true,
  });
  const deputyIds = Array.from({ length: MEMBERS }, () => newId());
  const accountIds = deputyIds.map(() => newId());
  const passwordHash = await hashPassword('bench-password-1');
  await db
    .insert(deputies)
    .values(deputyIds.map((id, i) => ({ id, congressId, name: `委员${i + 1}`, gender: 'female' as const })));
  await db.insert(mandates).values(
    deputyIds.map((deputyId) => ({
      id: newId(),
      congressId,
      deputyId,
      level: 'district' as const,
      termId,
      streetId,
      startedOn: '2026-01-10',
    })),
  );
  await db.insert(committeeMembers).values(
    deputyIds.map((deputyId, i) => ({
      id: newId(),
      congressId,
      body: 'standingCommittee' as const,
      deputyId,
      termId,
      position: i === 0 ? ('chair' as const) : i <= 2 ? ('viceChair' as const) : ('member' as const),
      startedOn: '2026-01-10',
    })),
  );
  await db.insert(accounts).values(
    deputyIds.map((deputyId, i) => ({
      id: accountIds[i],
      congressId,
      username: `bench-member-${i}`,
      displayName: `委员${i + 1}`,
      passwordHash,
      deputyId,
    })),
  );
  await db
    .insert(accountRoles)
    .values(accountIds.map((accountId) => ({ accountId, role: 'deputy' as const, congressId })));
  const creds: { cookie: string; csrf: string }[] = [];
  for (const accountId of accountIds) {
    const account = (await loadAccount(db, accountId))!;
    const s = await createSession(db, account, {
      ip: '127.0.0.1',
      headers: { 'user-agent': 'bench' },
    } as unknown as FastifyRequest);
    creds.push({ cookie: `minyi_sid=${s.token}`, csrf: s.csrfToken });
  }

  // ---- the register: 500 posts, each held in turn by 20 people over 20 years (10,000 cases) ----
  const orgs = Array.from({ length: POSTS / 5 }, (_, i) => `东岭区第${i + 1}工作部门`);
  const titles = ['局长', '副局长', '主任', '副主任', '审判员'];
  const posts = orgs.flatMap((o) => titles.map((t) => ({ organization: o, post: `${o}${t}` })));
  const perPost = CASES / POSTS;
  const start = Date.UTC(2006, 0, 10);
  const span = (YEARS * 365.25 * 86_400_000) / perPost;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const tSeed = performance.now();
  const rows = posts.flatMap((p, pi) =>
    Array.from({ length: perPost }, (_, k) => {
      const from = start + k * span + (pi % 30) * 86_400_000;
      const last = k === perPost - 1;
      return {
        caseId: newId(),
        ...p,
        name: `任职人${pi}-${k}`,
        startedOn: day(from),
        endedOn: last ? null : day(from + span),
      };
    }),
  );
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await db.insert(appointmentCases).values(
      chunk.map((r) => ({
        id: r.caseId,
        congressId,
        kind: 'appoint' as const,
        post: r.post,
        organization: r.organization,
        nomineeName: r.name,
        nominatingOrgan: 'districtHead' as const,
        status: 'appointed' as const,
        filedOn: r.startedOn,
        decidedOn: r.startedOn,
      })),
    );
    await db.insert(officeHoldings).values(
      chunk.map((r) => ({
        id: newId(),
        congressId,
        post: r.post,
        organization: r.organization,
        holderName: r.name,
        startedOn: r.startedOn,
        endedOn: r.endedOn,
        endReason: r.endedOn ? ('termEnded' as const) : null,
        appointmentId: r.caseId,
      })),
    );
  }
  const seedMs = Math.round(performance.now() - tSeed);
  await server.database.query('ANALYZE office_holdings', []);
  await settle(server);
  console.log(`register seeded: ${rows.length} cases in ${seedMs} ms`);

  await createBenchAccount(server, { congressId, username: 'bench-staff', roles: ['congressStaff'] });
  const staff = await login(server, 'bench-staff');
  const staffCreds = { cookie: staff.cookie, csrf: staff['x-csrf-token'] };
  const staffPost = async (path: string, body?: unknown) => {
    const r = await fetch(`${server.url}/api/v1${path}`, {
      method: 'POST',
      headers: browserHeaders(staffCreds, body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<Record<string, string>>;
  };

  const seeded = await fetch(`${server.url}/api/v1/bench/raw-insert`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ payload: 'the row pk-read reads' }),
  });
  const { id: pkId } = (await seeded.json()) as { id: string };
  const pkPath = `/api/v1/bench/pk-read/${pkId}`;

  // ---- 1. the vote: a burst of 45 pk reads, then the 45 members' ballots at the same instant ----
  const today = shanghaiDate(new Date());
  const choices = ['yes', 'yes', 'no', 'abstain', 'yes'] as const;
  const pkJobs: Job[] = deputyIds.map(() => ({ url: `${server.url}${pkPath}`, method: 'GET', headers: {} }));
  const voteRounds = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const meeting = await staffPost('/meetings', {
      body: 'standingCommittee',
      date: today,
      title: `常委会会议（基准 ${round}）`,
    });
    const item = await staffPost(`/meetings/${meeting.id}/agenda-items`, {
      kind: 'motion',
      title: `关于基准议案${round}的决议（草案）`,
    });
    await staffPost(`/meetings/${meeting.id}/attendance`, { memberIds: 'all' });
    const { voteId } = (await staffPost(`/meetings/${meeting.id}/agenda-items/${item.id}/vote`)) as {
      voteId: string;
    };
    const ballotJobs: Job[] = creds.map((c, i) => ({
      url: `${server.url}/api/v1/meeting-votes/${voteId}/ballots`,
      method: 'POST',
      body: JSON.stringify({ choice: choices[(i + round) % choices.length] }),
      headers: browserHeaders(c),
    }));
    const pk = await burst(pkJobs);
    const ballots = await burst(ballotJobs);
    // Exactly once: every ballot stored, each member once; the same ballots again all refused, none added.
    check(pk.statuses['200'] === MEMBERS, `pk reads ${JSON.stringify(pk.statuses)}`);
    check(ballots.statuses['201'] === MEMBERS, `ballots ${JSON.stringify(ballots.statuses)}`);
    const stored = async () =>
      (
        await server.database.query<{ n: string; d: string }>(
          'SELECT count(*)::text AS n, count(DISTINCT deputy_id)::text AS d FROM meeting_ballots WHERE vote_id = $1',
          [voteId],
        )
      )[0];
    const first = await stored();
    check(first.n === String(MEMBERS) && first.d === String(MEMBERS), `stored ${JSON.stringify(first)}`);
    const again = await burst(ballotJobs);
    check(again.statuses['409'] === MEMBERS, `replayed ballots ${JSON.stringify(again.statuses)}`);
    check((await stored()).n === String(MEMBERS), 'replay added ballots');
    const closed = (await staffPost(`/meeting-votes/${voteId}/close`)) as unknown as Record<string, number>;
    check(
      closed.yes + closed.no + closed.abstain === MEMBERS &&
        closed.notVoting === 0 &&
        closed.members === MEMBERS,
      `close ${JSON.stringify(closed)}`,
    );
    const r = {
      round,
      pkP95: pct(pk.latencies, 95),
      pkP50: pct(pk.latencies, 50),
      ballotP95: pct(ballots.latencies, 95),
      ballotP50: pct(ballots.latencies, 50),
      ballotMax: pct(ballots.latencies, 100),
      p95Ratio: Math.round((pct(ballots.latencies, 95) / Math.max(pct(pk.latencies, 95), 0.1)) * 100) / 100,
      count: closed,
    };
    console.log(
      `vote round ${round}${round === 0 ? ' (warm-up, not counted)' : ''}: pk p50 ${r.pkP50} p95 ${r.pkP95} ms; ballots p50 ${r.ballotP50} p95 ${r.ballotP95} max ${r.ballotMax} ms; p95 ratio ${r.p95Ratio}; ${JSON.stringify(closed)}`,
    );
    if (round > 0) voteRounds.push(r);
  }

  // ---- 2. the register: who held post P on date D ----
  const probe = posts[137];
  const register = await interleave(
    server,
    {
      title: 'GET /office-holders?post=&date=',
      path: `/api/v1/office-holders?post=${encodeURIComponent(probe.post)}&date=2015-06-30`,
      headers: { cookie: staff.cookie },
    },
    { title: 'pk read (read baseline)', path: pkPath },
    Math.max(3, Math.min(ROUNDS, 5)),
  );
  const answer = (await (
    await fetch(
      `${server.url}/api/v1/office-holders?post=${encodeURIComponent(probe.post)}&date=2015-06-30`,
      {
        headers: { cookie: staff.cookie },
      },
    )
  ).json()) as { items: { post: string; startedOn: string; endedOn: string | null }[] };
  check(
    answer.items.length === 1 &&
      answer.items[0].post === probe.post &&
      answer.items[0].startedOn <= '2015-06-30' &&
      (answer.items[0].endedOn ?? '9999') > '2015-06-30',
    `register answer ${JSON.stringify(answer)}`,
  );
  const plan = await server.database.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN SELECT id FROM office_holdings WHERE congress_id = $1 AND started_on <= '2015-06-30'
       AND (ended_on IS NULL OR ended_on > '2015-06-30') AND post ILIKE $2 ORDER BY post, id LIMIT 51`,
    [congressId, `%${probe.post}%`],
  );

  const summary = {
    members: MEMBERS,
    rounds: ROUNDS,
    ballotsExactlyOnce: true,
    ballotP95Ms: median(voteRounds.map((r) => r.ballotP95)),
    pkBurstP95Ms: median(voteRounds.map((r) => r.pkP95)),
    ballotVsPkP95Ratio: median(voteRounds.map((r) => r.p95Ratio)),
    registerCases: rows.length,
    registerVsPkThroughput: register.medianRatio,
    registerVsPkP95Ratio: register.medianP95Ratio,
    registerPlan: plan.map((p) => p['QUERY PLAN']),
  };
  console.log(summary);
  console.log('results:', writeResults('meetings', { summary, voteRounds, register }, server));
} finally {
  await server.stop();
}
