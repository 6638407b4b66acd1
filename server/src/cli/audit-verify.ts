// `npm run audit:verify`: seals the unsealed audit rows, then verifies every congress's chain in the
// server's database (DATABASE_URL, or the PGlite under ./data — stop the server first, PGlite allows
// one process). Prints a summary; exits 1 when any row was altered, removed or the chain is broken.
//   options: --no-seal (verify only)  --json (machine-readable output)
import path from 'node:path';
import { loadConfig } from '../config';
import { createDatabase } from '../db/client';
import { isMigrated } from '../db/migrate';
import { sealAllAudit, verifyAudit } from '../platform/audit';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const config = loadConfig();
  const database = await createDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? null : path.join(config.dataDir!, 'pglite'),
    fsync: config.pgliteFsync,
  });
  try {
    if (!(await isMigrated(database))) {
      console.error(
        'audit:verify: the database has no (or an incomplete) Minyi schema; start the server once first.',
      );
      return 2;
    }
    const sealed = args.includes('--no-seal') ? 0 : await sealAllAudit(database.db, config.keys.audit);
    const { checked, problems } = await verifyAudit(database.db, config.keys.audit);
    if (args.includes('--json')) {
      console.log(JSON.stringify({ database: database.kind, sealed, checked, problems }, null, 2));
    } else {
      console.log(`audit:verify on ${database.kind}: ${checked} rows checked, ${sealed} newly sealed.`);
      if (problems.length === 0) console.log('The audit trail is intact.');
      else {
        console.log(`${problems.length} problem(s) found:`);
        for (const p of problems) {
          console.log(
            `  ${p.problem.padEnd(14)} congress ${p.congressId}${p.id ? ` row ${p.id}` : ''}${p.chainSeq !== undefined ? ` seq ${p.chainSeq}` : ''}`,
          );
        }
      }
    }
    return problems.length === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(2);
  },
);
