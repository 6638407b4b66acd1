// `npm run bench [-- <name>… [--pg] [--duration=5] …]`: runs bench/<name>.bench.ts (all of them when no
// name is given) one after another, each in its own process started through the server's launcher (its V8
// flags and tsx), passing the options through.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const LAUNCHER = path.join(dir, '../server/bin/minyi.mjs');
const args = process.argv.slice(2);
const names = args.filter((a) => !a.startsWith('--'));
const options = args.filter((a) => a.startsWith('--'));
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .sort();
const chosen = names.length ? names : available;
const unknown = chosen.filter((n) => !available.includes(n));
if (unknown.length) {
  console.error(`No such benchmark: ${unknown.join(', ')}. Available: ${available.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const name of chosen) {
  console.log(`\n=== ${name} ===`);
  const res = spawnSync(process.execPath, [LAUNCHER, path.join(dir, `${name}.bench.ts`), ...options], {
    stdio: 'inherit',
  });
  if (res.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
