// `npm run restore -- <backup file>`: restores a backup into an EMPTY database: DATABASE_URL (a database with
// no tables), or the PGlite directory ./data/pglite (move the old one away first), or the target given.
// Then checks what it restored: every table's row count against the manifest, and the audit chain with this
// installation's audit key. Exits 0 when both hold, 1 when they do not, 2 when the restore itself failed.
//   options: --into-data-dir=<new PGlite directory>  --into-url=<postgres://… of an empty database>
import path from 'node:path';
import { loadConfig } from '../config';
import { restoreBackup, tableCounts, type RestoreInto } from '../db/backup';
import { createDatabase } from '../db/client';
import { verifyAudit } from '../platform/audit';

async function main(): Promise<number> {
  const config = loadConfig();
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: npm run restore -- <backup file> [--into-data-dir=DIR | --into-url=URL]');
    return 2;
  }
  const opt = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const url = opt('into-url') ?? (opt('into-data-dir') ? null : config.databaseUrl);
  const into: RestoreInto = url
    ? { url }
    : { dataDir: path.resolve(opt('into-data-dir') ?? path.join(config.dataDir!, 'pglite')) };
  const manifest = await restoreBackup(path.resolve(file), into);
  console.log(`restore: ${manifest.file} (taken ${manifest.createdAt}) restored.`);

  const database = await createDatabase(
    'url' in into ? { url: into.url, dataDir: null } : { url: null, ...into },
  );
  try {
    const { counts } = await tableCounts(database);
    const differ = Object.keys({ ...manifest.counts, ...counts }).filter(
      (t) => manifest.counts[t] !== counts[t],
    );
    for (const t of differ)
      console.log(`  ${t}: ${manifest.counts[t] ?? '-'} in the backup, ${counts[t] ?? '-'} restored`);
    const { checked, problems } = await verifyAudit(database.db, config.keys.audit);
    console.log(
      `restore: ${Object.keys(counts).length} tables, ${differ.length} with a different count; audit chain: ${checked} rows checked, ${problems.length} problem(s).`,
    );
    return differ.length === 0 && problems.length === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('restore failed:', err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
