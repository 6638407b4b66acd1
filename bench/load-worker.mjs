// Runs one autocannon load in its own process, so the load generator shares neither the server's event
// loop nor its CPU account, and records every response time for exact percentiles (autocannon's own
// omit p95). Options come as JSON in argv[2]; the result goes back over IPC.
import { createRequire } from 'node:module';
import autocannon from 'autocannon';

const requestBuilder = createRequire(import.meta.url)('autocannon/lib/httpRequestBuilder');

const workerData = JSON.parse(process.argv[2]);
const parentPort = { postMessage: (msg) => process.send(msg, () => process.exit(0)) };

// `manySubmitters`: every request as from another citizen, as a real crowd submits: the body's "phone" field
// and the X-Forwarded-For address (the server sits behind a proxy and trusts it) differ per request, from a
// random start so that runs do not repeat each other's numbers. The requests are built before the load
// starts, each connection its own series, with autocannon's own request builder (the same bytes its
// `setupRequest` would send): built during the run, they had cost the generator about 100 µs more CPU per
// request than a fixed body, on the two cores the server and the database share (docs/PERFORMANCE.md).
// A connection that runs through its series starts it again (a phone then submits twice, within the limits).
const PER_CONNECTION = 3000;
if (workerData.manySubmitters) {
  const template = JSON.parse(workerData.body);
  const url = new URL(workerData.url);
  const build = requestBuilder({ hostname: url.hostname, port: url.port });
  let i = Math.floor(Math.random() * 90_000_000);
  const run = Math.random().toString(36).slice(2);
  const series = Array.from({ length: workerData.connections }, () =>
    Array.from({ length: PER_CONNECTION }, () => {
      i += 1;
      const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      const request = {
        method: workerData.method,
        path: url.pathname + url.search,
        headers: {
          ...workerData.headers,
          'x-forwarded-for': ip,
          // As the web form sends it: a key per form filled in (`idempotencyKeys`).
          ...(workerData.idempotencyKeys ? { 'idempotency-key': `${run}-${i}` } : {}),
        },
        body: JSON.stringify({ ...template, phone: `13${String(i).padStart(9, '0')}` }),
      };
      return { ...request, requestBuffer: build(request) };
    }),
  );
  let next = 0;
  workerData.setupClient = (client) => {
    // Prebuilt requests, handed to the client's iterator as its list (it rebuilds only requests that have
    // a setupRequest of their own, and these have none).
    const own = series[next++ % series.length];
    client.requestIterator.requests = own;
    client.requestIterator.currentRequestIndex = 0;
    client.requestIterator.currentRequest = own[0];
  };
}
// The parent starts its clocks when the generator is ready, then says go.
await new Promise((resolve) => {
  process.once('message', resolve);
  process.send({ ready: true });
});

const times = [];
// The load generator's own CPU per request: it shares the machine with the server and the database, so a
// scenario whose requests cost the generator more leaves the server less of the two cores.
const cpu0 = process.cpuUsage();
const instance = autocannon(workerData);
instance.on('response', (_client, _statusCode, _bytes, responseTime) => {
  times.push(responseTime);
});
instance.then(
  (raw) => {
    // Off the main thread autocannon hands back its raw (encoded) result: aggregate it here.
    const result = raw.latency ? raw : autocannon.aggregateResult([raw], workerData);
    const total = raw.totalCompletedRequests ?? result.requests?.total ?? times.length;
    const cpu = process.cpuUsage(cpu0);
    times.sort((a, b) => a - b);
    const at = (p) =>
      times.length ? times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] : 0;
    parentPort.postMessage({
      ok: true,
      result: {
        requestsPerSec: total / result.duration,
        totalRequests: total,
        clientCpuUsPerRequest: total > 0 ? Math.round((cpu.user + cpu.system) / total) : 0,
        durationS: result.duration,
        latency: {
          mean: result.latency.mean,
          p50: at(50),
          p95: at(95),
          p99: at(99),
          max: result.latency.max,
        },
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        statusCodes: Object.fromEntries(
          Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]),
        ),
      },
    });
  },
  (err) => parentPort.postMessage({ ok: false, error: String(err?.stack ?? err) }),
);
