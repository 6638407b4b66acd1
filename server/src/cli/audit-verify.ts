// `npm run audit:verify`: seals the unsealed audit rows, then verifies every congress's chain in the
// server's database (DATABASE_URL, or the PGlite under ./data — stop the server first, PGlite allows
// one process), then the chain against the signed checkpoints kept outside the database (a truncated or deleted
// trail). Prints a summary; exits 1 when any row was altered, removed, the chain is broken or cut short.
//   options: --no-seal (verify only)  --json (machine-readable output)
//            --checkpoints=<file> (compare a copy of the checkpoint log, or an auditor's export, too)
import { loadConfig } from '../config';
import { openConfiguredDatabase } from '../db/client';
import { isMigrated } from '../db/migrate';
import { sealAllAudit, verifyAudit } from '../platform/audit';
import { verifyAgainstCheckpoints } from '../platform/audit-checkpoints';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    if (!(await isMigrated(database))) {
      console.error(
        'audit:verify: the database has no (or an incomplete) Minyi schema; start the server once first.',
      );
      return 2;
    }
    const sealed = args.includes('--no-seal') ? 0 : await sealAllAudit(database.db, config.keys.audit);
    const { checked, problems: chain } = await verifyAudit(database.db, config.keys.audit);
    const copy = args.find((a) => a.startsWith('--checkpoints='))?.slice('--checkpoints='.length);
    const anchored = await verifyAgainstCheckpoints(database.db, config.checkpoint, { copy });
    const problems = [...chain, ...anchored.problems];
    if (args.includes('--json')) {
      console.log(
        JSON.stringify(
          { database: database.kind, sealed, checked, checkpoints: anchored.checkpoints, problems },
          null,
          2,
        ),
      );
    } else {
      console.log(`audit:verify on ${database.kind}: ${checked} rows checked, ${sealed} newly sealed.`);
      console.log(
        anchored.publicKey
          ? `Checkpoints: ${anchored.checkpoints} signed line(s) in ${config.checkpoint.log} (public key ${anchored.publicKey}).`
          : 'Checkpoints: none kept (no log or no key configured).',
      );
      if (problems.length === 0) console.log('The audit trail is intact.');
      else {
        console.log(`${problems.length} problem(s) found:`);
        for (const p of problems) {
          console.log(
            `  ${p.problem.padEnd(18)} ${'congressId' in p && p.congressId ? `congress ${p.congressId}` : ''}${'id' in p && p.id ? ` row ${p.id}` : ''}${'n' in p && p.n ? ` line ${p.n}` : ''}${p.chainSeq !== undefined ? ` seq ${p.chainSeq}` : ''}`,
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
