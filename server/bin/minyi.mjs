#!/usr/bin/env node
// The one way to start Minyi's server, and whatever runs it in-process (the benchmarks): a node process with
// the server's V8 flags (v8-flags.json) and tsx. `npm start`, `npm run dev`, the e2e journeys and
// `npm run bench` all start through it, so no way of starting the server loses the flags.
//
//   node server/bin/minyi.mjs [--watch] [script.ts [args…]]     (the script: server/src/main.ts by default)
//
// Why the flag: with V8's default young generation (16 MiB semi-spaces), objects of requests in flight
// outlived it under load and GC pauses tripled a list page's p95 latency (docs/adr/0015).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const flags = JSON.parse(readFileSync(new URL('./v8-flags.json', import.meta.url), 'utf8'));
// tsx as installed beside the launcher, wherever it is started from.
const tsx = import.meta.resolve('tsx');

const args = process.argv.slice(2);
const watch = args[0] === '--watch' ? [args.shift()] : [];
const script = args.length > 0 ? args.shift() : fileURLToPath(new URL('../src/main.ts', import.meta.url));

const child = spawn(process.execPath, [...flags, '--import', tsx, ...watch, script, ...args], {
  stdio: 'inherit',
});

// Stopping the launcher stops the server, which shuts down in order. A terminal's Ctrl-C (SIGINT) reaches the
// whole process group, the server included, so it is not passed on: a second SIGINT would cut the server's
// shutdown short. The launcher waits for the server to exit, and exits as it did.
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
process.on('SIGINT', () => undefined);
child.on('exit', (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else process.exit(code ?? 1);
});
