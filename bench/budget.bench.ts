// Budget supervision (issue 19): a district's year of execution data, 20,000 budget lines x 12 months, imported
// through the real API (one POST /execution:import per month, 20,000 rows each, with a signed-in staff client's
// cookie and CSRF header) against a COPY of the same 240,000 rows into a table of the same shape in the same run;
// re-evaluating every warning rule (GET /warnings) against one aggregate query over the same rows; the drill-down
// (GET /lines?code=…) at p95 against the primary-key read, 20 sequential requests each. The model stores monthly spending per classification
// code (budget_execution: budget, code, month, amount in fen), not payments: the 1,000,000 payment rows
// have no table here, so the year is 240,000 monthly rows.
//
//   node server/bin/minyi.mjs bench/budget.bench.ts --pg [--connections=10] [--duration=5]
import { writeFileSync } from 'node:fs';
import { createBenchAccount, createBenchCongress, login, median, startServer, writeResults } from './lib';

const LINES = 20_000;
const ROUNDS = 3;
const server = await startServer();
try {
  const { congressId } = await createBenchCongress(server);
  await createBenchAccount(server, { congressId, username: 'bench-budget-staff', roles: ['congressStaff'] });
  const staff = await login(server, 'bench-budget-staff');
  const call = async (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: {
        ...staff,
        ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
        ...extra,
      },
      body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
    });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };

  // 20,000 expenditure lines (7-digit 项 codes, no parent rows, so no totals to check) in the general budget.
  const codes = Array.from({ length: LINES }, (_, i) => `2${String(10000 + i).padStart(6, '0')}`);
  const budget = (await call(
    'POST',
    '/budgets',
    { year: 2030, sittingDate: '2030-01-08' },
    {
      'idempotency-key': `bench-budget-${Date.now()}`,
    },
  )) as { id: string };
  const csv = [
    'code,name,budget,amount',
    ...codes.map((c, i) => `${c},支出项${i},general,${1_000_000 + i}.00`),
  ].join('\n');
  const form = new FormData();
  form.append('file', new Blob([csv]), 'lines.csv');
  const t0 = performance.now();
  const imported = await call('POST', `/budgets/${budget.id}/lines:import`, form);
  const linesMs = Math.round(performance.now() - t0);
  console.log(`budget bench on ${server.kind}: ${String(imported.imported)} lines imported in ${linesMs} ms`);

  const monthRows = (m: number) =>
    codes.map((code, i) => ({ code, amount: `${(80_000 + ((i * 7 + m * 13) % 5000)).toFixed(2)}` }));
  // The API: the 12 months, each one request (20,000 rows).
  const apiMs: number[] = [];
  const copyMs: number[] = [];
  const db = server.database;
  await db.query(
    'CREATE TABLE IF NOT EXISTS bench_budget_copy (budget_id uuid, code text, month int, amount_fen bigint)',
    [],
  );
  const file = '/tmp/minyi-budget-bench.csv';
  for (let round = 0; round < ROUNDS; round++) {
    // Re-importing a month replaces it: each round writes the same 240,000 rows again.
    let t = performance.now();
    for (let m = 1; m <= 12; m++)
      await call('POST', `/budgets/${budget.id}/execution:import`, {
        month: `2030-${String(m).padStart(2, '0')}`,
        rows: monthRows(m),
      });
    apiMs.push(performance.now() - t);
    // The baseline: COPY of the same 240,000 rows (one file, server side), into a fresh table each round.
    await db.query('TRUNCATE bench_budget_copy', []);
    const lines: string[] = [];
    for (let m = 1; m <= 12; m++)
      for (const r of monthRows(m)) lines.push(`${budget.id},${r.code},${m},${r.amount.replace('.', '')}`);
    writeFileSync(file, lines.join('\n') + '\n');
    t = performance.now();
    await db.query(`COPY bench_budget_copy FROM '${file}' WITH (FORMAT csv)`, []);
    copyMs.push(performance.now() - t);
  }
  const importRatio = Math.round((median(copyMs) / median(apiMs)) * 100) / 100;
  console.log({ apiMs: apiMs.map(Math.round), copyMs: copyMs.map(Math.round), importRatio });

  // Every warning rule over the year vs one aggregate query over the same rows.
  const warnMs: number[] = [];
  const aggMs: number[] = [];
  let warnings = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now();
    const w = (await call('GET', `/budgets/${budget.id}/warnings`)) as { items: unknown[] };
    warnMs.push(performance.now() - t);
    warnings = w.items.length;
    t = performance.now();
    await db.query(
      'SELECT code, sum(amount_fen) AS fen, sum(amount_fen) FILTER (WHERE month = 12) AS dec FROM budget_execution WHERE budget_id = $1 GROUP BY code',
      [budget.id],
    );
    aggMs.push(performance.now() - t);
  }
  const warningsRatio = Math.round((median(warnMs) / median(aggMs)) * 100) / 100;
  console.log({ warnMs: warnMs.map(Math.round), aggMs: aggMs.map(Math.round), warnings, warningsRatio });

  // The drill-down: one class's lines with their execution, against the pk read, p95.
  const seeded = await fetch(`${server.url}/api/v1/bench/raw-insert`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ payload: 'the row pk-read reads' }),
  });
  const { id } = (await seeded.json()) as { id: string };
  // Sequential, one request at a time, alternating (a drill-down page over 240,000 rows takes long enough that a
  // load generator's few seconds saw none finish on this machine).
  const p95 = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.ceil(xs.length * 0.95) - 1];
  const drillMs: number[] = [];
  const pkMs: number[] = [];
  const drillPath = `/budgets/${budget.id}/lines?code=20100&limit=50`;
  for (let i = 0; i < 20; i++) {
    let t = performance.now();
    const res = await fetch(`${server.url}/api/v1/bench/pk-read/${id}`);
    await res.arrayBuffer();
    pkMs.push(performance.now() - t);
    t = performance.now();
    await call('GET', drillPath);
    drillMs.push(performance.now() - t);
  }
  const drill = {
    drillP95Ms: Math.round(p95(drillMs) * 10) / 10,
    pkP95Ms: Math.round(p95(pkMs) * 10) / 10,
    ratio: Math.round((p95(drillMs) / p95(pkMs)) * 100) / 100,
  };
  console.log(drill);

  const summary = {
    kind: server.kind,
    lines: LINES,
    executionRows: LINES * 12,
    linesImportMs: linesMs,
    importVsCopy: importRatio,
    warningsVsAggregate: warningsRatio,
    warnings,
    drillDownP95VsPkRead: drill.ratio,
    drillDownP95Ms: drill.drillP95Ms,
    pkReadP95Ms: drill.pkP95Ms,
  };
  console.log(summary);
  console.log('results:', writeResults('budget', { summary, apiMs, copyMs, warnMs, aggMs, drill }, server));
} finally {
  await server.stop();
}
