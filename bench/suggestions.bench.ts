// Suggestions (issue 4): the staff list over 200,000 suggestions filtered by unit, status and overdue, against
// the primary-key read measured in the same run (target: p95 no more than 3× the pk read's p95); and the time
// to generate the handling report (JSON, .xlsx, .docx) over 10,000 suggestions.
//
//   node server/bin/minyi.mjs bench/suggestions.bench.ts [--pg] [--duration=5] [--connections=10]
import { sql } from 'drizzle-orm';
import { suggestionListItem } from '../server/src/modules/suggestions/suggestions.repository';
import {
  createBenchAccount,
  createBenchCongress,
  login,
  interleave,
  settle,
  measureBaselines,
  median,
  run,
  startServer,
  writeResults,
  type BenchServer,
} from './lib';

const LIST_ROWS = Number(process.env.SUGGESTIONS_BENCH_ROWS ?? 200_000);
const REPORT_ROWS = 10_000;
const UNITS = 50;

/** Bulk-loads `n` suggestions in every state with their lead (and some assisting) assignments, in SQL. */
async function seed(server: BenchServer, congressId: string, n: number) {
  const db = server.services.db;
  await db.execute(sql`
    INSERT INTO handling_units (id, congress_id, name, kind)
    SELECT gen_random_uuid(), ${congressId}, '基准单位' || g, 'governmentDepartment' FROM generate_series(1, ${UNITS}) g`);
  await db.execute(sql`
    INSERT INTO deputies (id, congress_id, name, gender)
    SELECT gen_random_uuid(), ${congressId}, '代表' || g, 'male' FROM generate_series(1, 400) g`);
  const statuses = [
    'submitted',
    'accepted',
    'assigned',
    'assigned',
    'assigned',
    'replied',
    'rehandling',
    'followUp',
    'closed',
    'closed',
  ];
  const started = Date.now();
  const batch = 20_000;
  for (let from = 1; from <= n; from += batch) {
    const to = Math.min(n, from + batch - 1);
    await db.execute(sql`
      WITH u AS (SELECT array_agg(id ORDER BY name) AS ids FROM handling_units WHERE congress_id = ${congressId}),
           d AS (SELECT array_agg(id ORDER BY name) AS ids FROM deputies WHERE congress_id = ${congressId})
      INSERT INTO suggestions (id, congress_id, number, seq, proposer_deputy_id, title, content, category, status,
                               submitted_at, lead_unit_id, assigned_at, deadline, reply_category, replied_at, rating, is_key,
                               list_item)
      SELECT gen_random_uuid(), ${congressId}, '第七届二次会议第' || lpad(g::text, 6, '0') || '号', g,
             d.ids[1 + g % 400], '基准建议 ' || g, '内容 ' || g,
             (ARRAY['transport','education','health','environment','economy'])[1 + g % 5],
             (${sql.raw(`ARRAY[${statuses.map((s) => `'${s}'`).join(',')}]`)})[1 + g % 10],
             now() - ((g % 200) || ' days')::interval,
             CASE WHEN g % 10 >= 2 THEN u.ids[1 + (g / 7) % ${UNITS}] END,
             CASE WHEN g % 10 >= 2 THEN now() - ((g % 200) || ' days')::interval + interval '3 days' END,
             CASE WHEN g % 10 >= 2 THEN now() - ((g % 200) || ' days')::interval + interval '3 days' + interval '3 months' END,
             CASE WHEN g % 10 IN (5, 6, 7, 8, 9) THEN (ARRAY['A','A','B','C','D'])[1 + g % 5] END,
             CASE WHEN g % 10 IN (5, 6, 7, 8, 9) THEN now() - ((g % 100) || ' days')::interval END,
             CASE WHEN g % 10 IN (6, 7, 8, 9) THEN (ARRAY['satisfied','satisfied','basicallySatisfied','dissatisfied'])[1 + g % 4] END,
             g % 50 = 0, ''
      FROM generate_series(${from}::int, ${to}::int) g, u, d`);
  }
  // Each row's list item as the module builds it (suggestionListItem), with its proposer's and unit's names.
  for (let from = 1; from <= n; from += batch) {
    const rows = (
      (await db.execute(sql`
        SELECT s.id, s.number, s.title, s.category, s.status, s.submitted_at AS "submittedAt", s.deadline,
               s.assign_due_at AS "assignDueAt", s.reply_category AS "replyCategory", s.rating, s.is_key AS "isKey",
               s.extended, s.handling_case_id AS "handlingCaseId", s.lead_unit_id AS "leadUnitId",
               d.name AS "proposerName", u.name AS "leadUnitName"
        FROM suggestions s JOIN deputies d ON d.id = s.proposer_deputy_id
        LEFT JOIN handling_units u ON u.id = s.lead_unit_id
        WHERE s.congress_id = ${congressId} AND s.seq BETWEEN ${from} AND ${from + batch - 1}`)) as unknown as {
        rows: (Parameters<typeof suggestionListItem>[0] & {
          proposerName: string;
          leadUnitName: string | null;
          submittedAt: string | Date | null;
          deadline: string | Date | null;
          assignDueAt: string | Date | null;
        })[];
      }
    ).rows;
    const at = (v: string | Date | null) => (v === null ? null : new Date(v));
    const items = rows.map((r) => ({
      id: r.id,
      item: suggestionListItem(
        { ...r, submittedAt: at(r.submittedAt), deadline: at(r.deadline), assignDueAt: at(r.assignDueAt) },
        { proposerName: r.proposerName, leadUnitName: r.leadUnitName },
      ),
    }));
    await db.execute(sql`UPDATE suggestions s SET list_item = v.item
      FROM jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS v(id uuid, item text) WHERE s.id = v.id`);
  }
  await db.execute(sql`
    INSERT INTO suggestion_assignments (id, congress_id, suggestion_id, unit_id, role, assigned_at)
    SELECT gen_random_uuid(), congress_id, id, lead_unit_id, 'lead', assigned_at FROM suggestions
    WHERE congress_id = ${congressId} AND lead_unit_id IS NOT NULL`);
  await db.execute(sql`
    INSERT INTO suggestion_assignments (id, congress_id, suggestion_id, unit_id, role, assigned_at)
    SELECT gen_random_uuid(), s.congress_id, s.id, u.id, 'assisting', s.assigned_at
    FROM suggestions s JOIN LATERAL (SELECT id FROM handling_units h WHERE h.congress_id = s.congress_id AND h.id <> s.lead_unit_id ORDER BY h.name LIMIT 1) u ON true
    WHERE s.congress_id = ${congressId} AND s.lead_unit_id IS NOT NULL AND s.seq % 7 = 0`);
  // As autovacuum would after a bulk load: fresh statistics for every table (the prepared list's generic
  // plan depends on them) and a visibility map that lets index-only scans skip the heap.
  await db.execute(sql`VACUUM ANALYZE`);
  await settle(server);
  const [unit] = (
    (await db.execute(
      sql`SELECT id FROM handling_units WHERE congress_id = ${congressId} ORDER BY name LIMIT 1 OFFSET 7`,
    )) as unknown as { rows: { id: string }[] }
  ).rows;
  return { unitId: unit.id, seedMs: Date.now() - started };
}

async function timeIt(f: () => Promise<Response>, times = 5) {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    const res = await f();
    const buf = await res.arrayBuffer();
    if (res.status !== 200)
      throw new Error(`status ${res.status}: ${Buffer.from(buf).toString().slice(0, 300)}`);
    bytes = buf.byteLength;
    ms.push(performance.now() - t0);
  }
  return { medianMs: Math.round(median(ms)), runsMs: ms.map(Math.round), bytes };
}

const server = await startServer();
try {
  console.log(
    `suggestions bench on ${server.kind}, ${server.args.durationS} s per scenario, ${server.args.connections} connections`,
  );
  const big = await createBenchCongress(server, '基准：二十万件建议');
  const { unitId, seedMs } = await seed(server, big.congressId, LIST_ROWS);
  console.log(`seeded ${LIST_ROWS} suggestions in ${seedMs} ms`);
  await createBenchAccount(server, {
    congressId: big.congressId,
    username: 'bench-staff',
    roles: ['congressStaff'],
  });
  const auth = await login(server, 'bench-staff');

  const baselines = await measureBaselines(server);
  // As the browser sends it (web/src/features/suggestions/ListPage.tsx through usePagedList and api.ts): the
  // filters in the page's order, then the limit, with the app's accept and accept-language headers.
  const listPath = `/api/v1/suggestions?status=assigned&unitId=${unitId}&overdue=true&limit=50`;
  const browser = {
    cookie: auth.cookie,
    accept: 'application/json, application/problem+json',
    'accept-language': 'zh-CN',
  };
  const check = await fetch(server.url + listPath, { headers: browser });
  const checkBody = (await check.json()) as { items: unknown[] };
  if (check.status !== 200 || checkBody.items.length === 0)
    throw new Error(`list answered ${check.status} with ${checkBody.items?.length} items`);
  // The list and the pk read, alternately, three rounds each; the median of the rounds' p95 ratios is the figure.
  const rounds = await interleave(
    server,
    { title: 'staff list unit+status+overdue', path: listPath, headers: browser },
    { title: 'pk read', path: baselines.pkReadPath },
    3,
  );
  const list = rounds.a[rounds.a.length - 1];
  const listAll = await run(server, {
    title: 'staff list (no filter)',
    path: '/api/v1/suggestions?limit=50',
    headers: browser,
  });
  const p95Ratio = rounds.medianP95Ratio;
  console.log(
    `list p95 / pk-read p95 per round = ${rounds.p95Ratios.join(', ')}; median ${p95Ratio} (target ≤ 3)`,
  );

  const small = await createBenchCongress(server, '基准：一万件建议');
  await seed(server, small.congressId, REPORT_ROWS);
  await createBenchAccount(server, {
    congressId: small.congressId,
    username: 'bench-staff-10k',
    roles: ['congressStaff'],
  });
  const auth10k = await login(server, 'bench-staff-10k');
  const get = (p: string) => () => fetch(server.url + p, { headers: { cookie: auth10k.cookie } });
  const report = {
    json: await timeIt(get('/api/v1/suggestion-report')),
    xlsx: await timeIt(get('/api/v1/suggestion-report.xlsx')),
    docx: await timeIt(get('/api/v1/suggestion-report.docx')),
  };
  console.log(
    `handling report over ${REPORT_ROWS}: json ${report.json.medianMs} ms, xlsx ${report.xlsx.medianMs} ms, docx ${report.docx.medianMs} ms (median of 5)`,
  );

  writeResults(
    'suggestions',
    {
      rows: LIST_ROWS,
      units: UNITS,
      baselines,
      list,
      rounds,
      listAll,
      p95Ratio,
      target: 3,
      report: { rows: REPORT_ROWS, ...report },
    },
    server,
  );
} finally {
  await server.stop();
}
