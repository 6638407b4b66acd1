// Activities (issue 20), the issue's two benchmarks:
// (a) the public record page of one deputy — GET /api/v1/deputies/{id}/record?year=YYYY and the term record
//     GET /api/v1/deputies/{id}/term-record — in a district of 500 deputies with 5 years of history in every
//     module the record reads (suggestions led and co-signed, receptions, meetings, activities attended, firm
//     visits, pledges), at p95 within 3x a primary-key read in the same run (median of the rounds' p95 ratios);
// (b) 1,000 deputies checking in to activities in the same minute — POST /api/v1/activities/{id}/check-in, each
//     as themself with their session cookie and CSRF token, as the phone sends it — all recorded exactly once
//     (asserted: one attendance row and one audit row per deputy), throughput at least 0.5 of the raw-insert
//     baseline fired alike (1,000 requests, the same concurrency) in the same run; median of the rounds' ratios.
//
//   node server/bin/minyi.mjs bench/activities.bench.ts [--pg] [--duration=5] [--connections=10] [--rounds=3]
//        [--deputies=500] [--checkins=1000]
//
// The history is written by SQL (generate_series) in the setup; the deputies who check in are signed in
// through the platform's session step (createSession, what the login route does after the password), as in
// livelihood.bench.ts: 1,000 HTTP logins would hit the login route's per-address limit and spend minutes on argon2.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import {
  createBenchCongress,
  createBenchDeputies,
  interleave,
  measureBaselines,
  median,
  numberArg,
  startServer,
  writeResults,
} from './lib';
import { newId } from '../server/src/platform/ids';
import { createSession, loadAccount } from '../server/src/platform/auth/session';

const arg = numberArg;
const DEPUTIES = arg('deputies', 500);
const CHECKINS = arg('checkins', 1000);
const ROUNDS = arg('rounds', 3);
const YEARS = [2022, 2023, 2024, 2025, 2026];

interface Job {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/**
 * Sends every job once, `concurrency` at a time, with autocannon (the baselines' load generator) from its own
 * thread, each request the next job (its own deputy's cookie and CSRF token); timed to the last response.
 */
function fire(jobs: Job[], concurrency: number): Promise<{ ms: number; statuses: Record<string, number> }> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const autocannon = require('autocannon');
    const { jobs, concurrency } = workerData;
    const statuses = {}; let next = 0;
    const t0 = performance.now();
    const instance = autocannon({
      url: new URL(jobs[0].url).origin,
      connections: Math.min(concurrency, jobs.length),
      amount: jobs.length,
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
    instance.on('response', (_c, statusCode) => {
      statuses[statusCode] = (statuses[statusCode] || 0) + 1;
      last = performance.now();
    });
    instance.then(() => parentPort.postMessage({ ms: last - t0, statuses }));`;
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { jobs, concurrency } });
    w.once('message', (m) => {
      void w.terminate();
      resolve(m);
    });
    w.once('error', reject);
  });
}

/** The headers the browser's api.ts sends (a state-changing request carries the cookie and CSRF token). */
const browserHeaders = (c?: { cookie: string; csrf: string }): Record<string, string> => ({
  accept: 'application/json, application/problem+json',
  'accept-language': 'zh-CN',
  ...(c ? { 'content-type': 'application/json', 'x-csrf-token': c.csrf, cookie: c.cookie } : {}),
});

const server = await startServer();
const db = server.services.db;
const q = (text: ReturnType<typeof sql>) => db.execute(text);
try {
  const deputyCount = Math.max(DEPUTIES, CHECKINS);
  console.log(
    `activities bench on ${server.kind}: ${DEPUTIES} deputies with ${YEARS.length} years of history, ${CHECKINS} check-ins, ${ROUNDS} rounds`,
  );
  const { congressId, streetId } = await createBenchCongress(server);

  // ---- the district: deputies (the first DEPUTIES with history; CHECKINS of them check in) ----
  const t0 = performance.now();
  const { deputyIds, accountIds } = await createBenchDeputies(server, {
    congressId,
    streetId,
    count: deputyCount,
  });

  // ---- five years of history in every module the record reads, by SQL ----
  // The deputies with history, numbered 0..DEPUTIES-1 in a temporary table for the generators below.
  await q(sql`CREATE TEMP TABLE IF NOT EXISTS bench_deputies (n int PRIMARY KEY, id uuid NOT NULL)`);
  await q(sql`INSERT INTO bench_deputies (n, id)
    SELECT ord - 1, id::uuid FROM jsonb_array_elements_text(${JSON.stringify(deputyIds.slice(0, DEPUTIES))}::jsonb)
      WITH ORDINALITY AS t(id, ord)`);
  const D = DEPUTIES;
  const termId = newId();
  await q(sql`INSERT INTO terms (id, congress_id, number, start_date, end_date, is_current)
    VALUES (${termId}, ${congressId}, 18, '2022-01-01', '2026-12-31', true)`);
  await q(sql`INSERT INTO liaison_places (id, congress_id, kind, name, street_id)
    SELECT gen_random_uuid(), ${congressId}, 'station', '联络站' || i, ${streetId} FROM generate_series(1, 10) i`);
  for (const year of YEARS) {
    const y0 = `${year}-01-01`;
    // Suggestions: 3 led per deputy a year, each co-signed by 2 others (confirmed).
    await q(sql`INSERT INTO suggestions (id, congress_id, term_id, number, seq, proposer_deputy_id, title, content,
        category, status, submitted_at, list_item)
      SELECT gen_random_uuid(), ${congressId}, ${termId}, ${String(year)} || '-' || i, i, d.id, '建议' || i, '建议内容' || i,
        'urbanConstruction', 'closed', ${y0}::timestamptz + make_interval(days => (i * 7) % 360), ''
      FROM generate_series(0, ${3 * D - 1}) i JOIN bench_deputies d ON d.n = i % ${D}`);
    await q(sql`INSERT INTO suggestion_cosigners (congress_id, suggestion_id, deputy_id, status)
      SELECT ${congressId}, s.id, d.id, 'confirmed'
      FROM suggestions s JOIN bench_deputies p ON p.id = s.proposer_deputy_id
        CROSS JOIN generate_series(1, 2) k JOIN bench_deputies d ON d.n = (p.n + k * 7) % ${D}
      WHERE s.congress_id = ${congressId} AND s.number LIKE ${String(year) + '-%'}`);
    // Receptions: 40 a year at each of the 10 places, 3 deputies each (checked in).
    await q(sql`INSERT INTO receptions (id, congress_id, liaison_place_id, street_id, starts_at, ends_at, status, people_received)
      SELECT gen_random_uuid(), ${congressId}, p.id, ${streetId},
        ${y0}::timestamptz + make_interval(days => i * 9 % 360, hours => 9),
        ${y0}::timestamptz + make_interval(days => i * 9 % 360, hours => 11), 'held', 5 + i % 7
      FROM liaison_places p CROSS JOIN generate_series(0, 39) i WHERE p.congress_id = ${congressId}`);
    await q(sql`INSERT INTO reception_deputies (congress_id, reception_id, deputy_id, checked_in_at)
      SELECT ${congressId}, r.id, d.id, r.starts_at
      FROM (SELECT id, starts_at, row_number() OVER (ORDER BY id) rn FROM receptions
            WHERE congress_id = ${congressId} AND starts_at >= ${y0}::timestamptz AND starts_at < ${y0}::timestamptz + interval '1 year') r
        CROSS JOIN generate_series(0, 2) k JOIN bench_deputies d ON d.n = (r.rn * 3 + k) % ${D}`);
    // Meetings: a congress sitting for everyone, and 6 standing-committee meetings with 40 deputies each.
    await q(sql`INSERT INTO meetings (id, congress_id, body, term_id, number, title, start_date, end_date, status)
      SELECT gen_random_uuid(), ${congressId}, CASE WHEN i = 0 THEN 'congress' ELSE 'standingCommittee' END, ${termId},
        ${(year - 2021) * 100} + i, '会议' || i, (${y0}::date + i * 50), (${y0}::date + i * 50 + 1), 'closed'
      FROM generate_series(0, 6) i`);
    await q(sql`INSERT INTO meeting_members (congress_id, meeting_id, deputy_id, name, attendance, leave_reason)
      SELECT ${congressId}, m.id, d.id, '代表' || d.n,
        CASE WHEN d.n % 17 = 0 THEN 'onLeave' ELSE 'present' END, CASE WHEN d.n % 17 = 0 THEN '因公出差' ELSE '' END
      FROM meetings m JOIN bench_deputies d ON m.body = 'congress' OR (d.n + m.number) % ${Math.max(1, Math.round(D / 40))} = 0
      WHERE m.congress_id = ${congressId} AND m.start_date >= ${y0}::date AND m.start_date < ${y0}::date + 365`);
    // Activities: 300 a year of every kind, 20 deputies invited to each, 4 in 5 of them present.
    await q(sql`INSERT INTO activities (id, congress_id, kind, title, street_id, starts_at, ends_at, check_in_token, recorded_at)
      SELECT gen_random_uuid(), ${congressId},
        (ARRAY['inspection','investigation','council','lecture','forum','jointActivity','reportToVoters','other'])[1 + i % 8],
        '活动' || i, ${streetId}, ${y0}::timestamptz + make_interval(days => i % 360, hours => 9),
        ${y0}::timestamptz + make_interval(days => i % 360, hours => 11), md5(i::text), ${y0}::timestamptz + make_interval(days => i % 360, hours => 12)
      FROM generate_series(0, 299) i`);
    await q(sql`INSERT INTO activity_participants (congress_id, activity_id, deputy_id, invited, rsvp, attended_at, attended_via)
      SELECT ${congressId}, a.id, d.id, true, 'accepted', CASE WHEN (a.rn + k) % 5 <> 0 THEN a.starts_at END,
        CASE WHEN (a.rn + k) % 5 <> 0 THEN 'sheet' END
      FROM (SELECT id, starts_at, row_number() OVER (ORDER BY id) rn FROM activities
            WHERE congress_id = ${congressId} AND starts_at >= ${y0}::timestamptz AND starts_at < ${y0}::timestamptz + interval '1 year') a
        CROSS JOIN generate_series(0, 19) k JOIN bench_deputies d ON d.n = (a.rn * 20 + k) % ${D}`);
    // An enterprise-visit campaign with 500 firms, each visited twice by its deputy.
    const campaignId = newId();
    await q(sql`INSERT INTO campaigns (id, congress_id, kind, title, from_date, to_date)
      VALUES (${campaignId}, ${congressId}, 'enterpriseVisits', ${`${year}年走访企业`}, ${y0}::date, ${`${year}-12-31`}::date)`);
    await q(sql`INSERT INTO firms (id, congress_id, name, uscc, street_id)
      SELECT gen_random_uuid(), ${congressId}, ${String(year)} || '企业' || i, ${String(year)} || lpad(i::text, 14, '0'), ${streetId}
      FROM generate_series(0, 499) i`);
    await q(sql`INSERT INTO firm_visits (id, congress_id, campaign_id, firm_id, deputy_id, visited_on)
      SELECT gen_random_uuid(), ${congressId}, ${campaignId}, f.id, d.id, ${y0}::date + (k * 150 + f.rn::int % 150)
      FROM (SELECT id, row_number() OVER (ORDER BY id) rn FROM firms WHERE congress_id = ${congressId} AND name LIKE ${String(year) + '企业%'}) f
        CROSS JOIN generate_series(0, 1) k JOIN bench_deputies d ON d.n = f.rn % ${D}`);
    // Pledges: 3 per deputy a year, one fulfilled.
    await q(sql`INSERT INTO pledges (id, congress_id, deputy_id, year, content, status)
      SELECT gen_random_uuid(), ${congressId}, d.id, ${year}, '承诺' || k,
        (ARRAY['fulfilled','inProgress','pledged'])[k]
      FROM bench_deputies d CROSS JOIN generate_series(1, 3) k`);
  }
  await q(sql`VACUUM ANALYZE`);
  await server.database.query('CHECKPOINT', []).catch(() => undefined);
  const generateS = Math.round((performance.now() - t0) / 100) / 10;
  const counted = (
    await q(sql`SELECT (SELECT count(*) FROM suggestions)::int AS suggestions,
       (SELECT count(*) FROM suggestion_cosigners)::int AS cosigners,
       (SELECT count(*) FROM reception_deputies)::int AS "receptionDeputies",
       (SELECT count(*) FROM meeting_members)::int AS "meetingMembers",
       (SELECT count(*) FROM activity_participants)::int AS participants,
       (SELECT count(*) FROM firm_visits)::int AS "firmVisits", (SELECT count(*) FROM pledges)::int AS pledges`)
  ).rows[0];
  console.log(`generated the history in ${generateS} s`, counted);

  const baselines = await measureBaselines(server);

  // ---- (a) the public record page of one deputy ----
  const one = deputyIds[Math.floor(DEPUTIES / 2)];
  const check = await fetch(`${server.url}/api/v1/deputies/${one}/record?year=2025`, {
    headers: browserHeaders(),
  });
  const record = (await check.json()) as Record<string, number>;
  if (
    check.status !== 200 ||
    !(record.activities > 0) ||
    !(record.suggestions > 0) ||
    !(record.receptions > 0)
  )
    throw new Error(`record: ${check.status} ${JSON.stringify(record)}`);
  console.log('record 2025 of one deputy', {
    suggestions: record.suggestions,
    receptions: record.receptions,
    activities: record.activities,
    meetingsAttended: record.meetingsAttended,
    firmVisits: record.firmVisits,
    points: record.points,
  });
  const yearRounds = await interleave(
    server,
    {
      title: 'GET record?year=2025',
      path: `/api/v1/deputies/${one}/record?year=2025`,
      headers: browserHeaders(),
    },
    { title: 'pk read', path: baselines.pkReadPath },
    ROUNDS,
  );
  const termRounds = await interleave(
    server,
    { title: 'GET term-record', path: `/api/v1/deputies/${one}/term-record`, headers: browserHeaders() },
    { title: 'pk read', path: baselines.pkReadPath },
    ROUNDS,
  );

  // ---- (b) 1,000 deputies checking in in the same minute ----
  const tSessions = performance.now();
  const creds: { cookie: string; csrf: string }[] = [];
  for (const accountId of accountIds.slice(0, CHECKINS)) {
    const account = (await loadAccount(db, accountId))!;
    const s = await createSession(db, account, {
      ip: '127.0.0.1',
      headers: { 'user-agent': 'bench' },
    } as unknown as FastifyRequest);
    creds.push({ cookie: `minyi_sid=${s.token}`, csrf: s.csrfToken });
  }
  const sessionsMs = Math.round(performance.now() - tSessions);
  const connections = server.args.connections;
  const checkInRounds: {
    checkInPerSec: number;
    rawInsertPerSec: number;
    ratio: number;
    checkInMs: number;
    rawInsertMs: number;
    statuses: Record<string, number>;
  }[] = [];
  for (let round = 0; CHECKINS > 0 && round <= ROUNDS; round++) {
    // 20 activities under way now (each with 50 deputies invited), a new set each round.
    const per = 50;
    const activityIds = Array.from({ length: Math.ceil(CHECKINS / per) }, () => newId());
    await q(sql`INSERT INTO activities (id, congress_id, kind, title, street_id, starts_at, ends_at, check_in_token)
      SELECT (ids.id)::uuid, ${congressId}, 'inspection', '视察' || ids.ord, ${streetId}, now() - interval '5 minutes',
        now() + interval '2 hours', md5(ids.id)
      FROM jsonb_array_elements_text(${JSON.stringify(activityIds)}::jsonb) WITH ORDINALITY AS ids(id, ord)`);
    await q(sql`INSERT INTO activity_participants (congress_id, activity_id, deputy_id, invited, rsvp)
      SELECT ${congressId}, (j->>'a')::uuid, (j->>'d')::uuid, true, 'accepted'
      FROM jsonb_array_elements(${JSON.stringify(
        deputyIds.slice(0, CHECKINS).map((d, i) => ({ a: activityIds[Math.floor(i / per)], d })),
      )}::jsonb) j`);
    const jobs: Job[] = creds.map((c, i) => ({
      url: `${server.url}/api/v1/activities/${activityIds[Math.floor(i / per)]}/check-in`,
      headers: browserHeaders(c),
      body: '{}',
    }));
    const raw: Job[] = creds.map(() => ({
      url: `${server.url}/api/v1/bench/raw-insert`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ payload: 'benchmark row' }),
    }));
    const rawRun = await fire(raw, connections);
    const cpu0 = process.cpuUsage();
    const run = await fire(jobs, connections);
    const cpu = process.cpuUsage(cpu0);
    // Every deputy recorded exactly once: one attendance and one audit row each, nothing else.
    const [rec] = await server.database.query<{ attended: string; rows: string; audits: string }>(
      `SELECT count(*) FILTER (WHERE attended_at IS NOT NULL AND attended_via = 'checkIn')::text AS attended,
         count(*)::text AS rows,
         (SELECT count(*) FROM audit_events WHERE action = 'activity.checkIn' AND entity_id = ANY($1::text[]))::text AS audits
       FROM activity_participants WHERE activity_id = ANY($1::uuid[])`,
      [`{${activityIds.join(',')}}`],
    );
    if (
      run.statuses['200'] !== CHECKINS ||
      Number(rec.attended) !== CHECKINS ||
      Number(rec.rows) !== CHECKINS
    )
      throw new Error(`check-in round ${round}: ${JSON.stringify(run.statuses)} ${JSON.stringify(rec)}`);
    if (Number(rec.audits) !== CHECKINS) throw new Error(`check-in audit rows: ${rec.audits}`);
    if (rawRun.statuses['201'] !== CHECKINS)
      throw new Error(`raw insert: ${JSON.stringify(rawRun.statuses)}`);
    const r = {
      checkInPerSec: Math.round((CHECKINS * 1000) / run.ms),
      rawInsertPerSec: Math.round((CHECKINS * 1000) / rawRun.ms),
      ratio: Math.round((rawRun.ms / run.ms) * 1000) / 1000,
      checkInMs: Math.round(run.ms),
      rawInsertMs: Math.round(rawRun.ms),
      serverCpuUsPerCheckIn: Math.round(((cpu.user + cpu.system) / CHECKINS) * 10) / 10,
      statuses: run.statuses,
    };
    // Round 0 warms the check-in path (compilation, the sessions' first reads); it is not counted.
    console.log(`check-in round ${round}${round === 0 ? ' (warm-up)' : ''}`, r);
    if (round > 0) checkInRounds.push(r);
  }

  const ratios = {
    recordP95OverPkReadP95: yearRounds.medianP95Ratio,
    recordP95OverPkReadP95PerRound: yearRounds.p95Ratios,
    termRecordP95OverPkReadP95: termRounds.medianP95Ratio,
    termRecordP95OverPkReadP95PerRound: termRounds.p95Ratios,
    checkInOverRawInsert: median(checkInRounds.map((r) => r.ratio)),
    checkInOverRawInsertPerRound: checkInRounds.map((r) => r.ratio),
  };
  const target = {
    recordP95OverPkReadP95: 3,
    checkInOverRawInsert: 0.5,
    met:
      ratios.recordP95OverPkReadP95 <= 3 &&
      ratios.termRecordP95OverPkReadP95 <= 3 &&
      ratios.checkInOverRawInsert >= 0.5,
  };
  console.log('ratios', ratios, target.met ? 'targets met' : 'TARGET MISSED');
  writeResults(
    'activities',
    {
      ...baselines,
      deputies: DEPUTIES,
      years: YEARS,
      history: counted,
      generateS,
      yearRounds,
      termRounds,
      sessionsMs,
      checkIns: CHECKINS,
      checkInRounds,
      ratios,
      target,
      loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    },
    server,
  );
} finally {
  await server.stop();
}
