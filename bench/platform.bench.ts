// Platform (issue 2): the bare endpoint, the write and read baselines, and the authenticated
// "who am I" read, in one run. Target: GET /auth/me at 0.5 or more of the bare endpoint's throughput.
//
//   node server/bin/minyi.mjs bench/platform.bench.ts [--pg] [--duration=5] [--connections=10] [--rounds=3]
import os from 'node:os';
import {
  createBenchAccount,
  createBenchCongress,
  interleave,
  login,
  measureBaselines,
  median,
  ratio,
  startServer,
  writeResults,
} from './lib';

const roundsArg = process.argv.find((a) => a.startsWith('--rounds='));
const rounds = roundsArg ? Number(roundsArg.slice('--rounds='.length)) : 3;

const server = await startServer();
try {
  console.log(
    `platform bench on ${server.kind}, ${server.args.durationS} s per scenario, ${server.args.connections} connections`,
  );
  const { congressId } = await createBenchCongress(server);
  await createBenchAccount(server, { congressId, username: 'bench-staff', roles: ['congressStaff'] });
  const auth = await login(server, 'bench-staff');

  const baselines = await measureBaselines(server);
  // The target ratio, measured alternately against the bare endpoint.
  const me = await interleave(
    server,
    { title: 'GET /api/v1/auth/me (signed in)', path: '/api/v1/auth/me', headers: { cookie: auth.cookie } },
    { title: 'bare GET /healthz', path: '/healthz' },
    rounds,
  );
  const meRps = median(me.a.map((r) => r.requestsPerSec));
  const ratios = {
    meOverBare: me.medianRatio,
    meOverBareRounds: me.ratios,
    // Bare's server CPU time per request over me's: the same question asked of CPU cost, steadier
    // than throughput when other processes share the machine.
    meOverBareByServerCost: me.medianCostRatio,
    meOverBareByServerCostRounds: me.costRatios,
    meOverPkRead: ratio(meRps, baselines.pkRead),
    rawInsertOverBare: ratio(baselines.rawInsert, baselines.bare),
    pkReadOverBare: ratio(baselines.pkRead, baselines.bare),
  };
  const target = { meOverBare: 0.5, met: ratios.meOverBare >= 0.5 };
  console.log('ratios', ratios, target.met ? 'target met' : 'TARGET MISSED (me/bare < 0.5)');
  const loadAverage = os.loadavg().map((x) => Math.round(x * 100) / 100);
  writeResults('platform', { ...baselines, me: me.a, bareRounds: me.b, ratios, target, loadAverage }, server);
} finally {
  await server.stop();
}
