// Registry (issue 2): the public deputy finder and the staff roll over the demo district (~430 deputies),
// against the primary-key read baseline of the same run. The staff roll decrypts and masks each phone.
//
//   node server/bin/minyi.mjs bench/registry.bench.ts [--pg] [--connections=10] [--duration=5]
import { createBenchAccount, interleave, login, startServer, writeResults } from './lib';
import { loadDemo } from '../server/src/demo';

const server = await startServer();
try {
  const t0 = performance.now();
  const demo = await loadDemo(server.services);
  const seedMs = Math.round(performance.now() - t0);
  console.log(`registry bench on ${server.kind}: demo district seeded in ${seedMs} ms`, demo.counts);

  const seeded = await fetch(`${server.url}/api/v1/bench/raw-insert`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ payload: 'the row pk-read reads' }),
  });
  const { id } = (await seeded.json()) as { id: string };
  const baseline = { title: 'pk read (read baseline)', path: `/api/v1/bench/pk-read/${id}` };

  const publicList = await interleave(
    server,
    {
      title: 'GET /public/deputies?limit=50',
      path: `/api/v1/public/deputies?limit=50&congressId=${demo.congressId}`,
    },
    baseline,
  );
  const publicPlaces = await interleave(
    server,
    {
      title: 'GET /public/liaison-places',
      path: `/api/v1/public/liaison-places?congressId=${demo.congressId}`,
    },
    baseline,
  );

  await createBenchAccount(server, {
    congressId: demo.congressId,
    username: 'bench-registry-leader',
    roles: ['leader'],
  });
  const leader = await login(server, 'bench-registry-leader');
  const staffList = await interleave(
    server,
    {
      title: 'GET /deputies?limit=50 (leader)',
      path: '/api/v1/deputies?limit=50',
      headers: { cookie: leader.cookie },
    },
    baseline,
  );

  const summary = {
    seedMs,
    counts: demo.counts,
    publicDeputiesVsPkRead: publicList.medianRatio,
    publicLiaisonPlacesVsPkRead: publicPlaces.medianRatio,
    staffDeputiesVsPkRead: staffList.medianRatio,
  };
  console.log(summary);
  console.log('results:', writeResults('registry', { summary, publicList, publicPlaces, staffList }, server));
} finally {
  await server.stop();
}
