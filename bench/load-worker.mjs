// Runs one autocannon load in its own process, so the load generator shares neither the server's event
// loop nor its CPU account, and records every response time for exact percentiles (autocannon's own
// omit p95). Options come as JSON in argv[2]; the result goes back over IPC.
import autocannon from 'autocannon';

const workerData = JSON.parse(process.argv[2]);
const parentPort = { postMessage: (msg) => process.send(msg, () => process.exit(0)) };

// `manySubmitters`: every request as from another citizen, as a real crowd submits: the body's "phone" field
// and the X-Forwarded-For address (the server sits behind a proxy and trusts it) differ per request, from a
// random start so that runs do not repeat each other's numbers.
if (workerData.manySubmitters) {
  const template = JSON.parse(workerData.body);
  let i = Math.floor(Math.random() * 90_000_000);
  workerData.requests = [
    {
      setupRequest(req) {
        i += 1;
        const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
        return {
          ...req,
          headers: { ...req.headers, 'x-forwarded-for': ip },
          body: JSON.stringify({ ...template, phone: `13${String(i).padStart(9, '0')}` }),
        };
      },
    },
  ];
}

const times = [];
const instance = autocannon(workerData);
instance.on('response', (_client, _statusCode, _bytes, responseTime) => {
  times.push(responseTime);
});
instance.then(
  (raw) => {
    // Off the main thread autocannon hands back its raw (encoded) result: aggregate it here.
    const result = raw.latency ? raw : autocannon.aggregateResult([raw], workerData);
    const total = raw.totalCompletedRequests ?? result.requests?.total ?? times.length;
    times.sort((a, b) => a - b);
    const at = (p) =>
      times.length ? times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] : 0;
    parentPort.postMessage({
      ok: true,
      result: {
        requestsPerSec: total / result.duration,
        totalRequests: total,
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
