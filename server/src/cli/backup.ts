// `npm run backup`: takes a backup of the server's database (DATABASE_URL through pg_dump, or the PGlite
// under ./data — stop the server first: PGlite allows one process; a running server takes its own on schedule,
// MINYI_BACKUP_EVERY_HOURS) into MINYI_BACKUP_DIR (default ./data/backups), with its manifest.
//   options: --dir=<directory>
import path from 'node:path';
import { loadConfig } from '../config';
import { takeBackup } from '../db/backup';
import { openConfiguredDatabase } from '../db/client';
import { isMigrated } from '../db/migrate';

async function main(): Promise<number> {
  const config = loadConfig();
  const dirArg = process.argv.slice(2).find((a) => a.startsWith('--dir='));
  const dir = dirArg ? path.resolve(dirArg.slice('--dir='.length)) : config.backup.dir;
  if (!dir) {
    console.error('backup: no directory (MINYI_BACKUP_DIR or --dir=)');
    return 2;
  }
  const database = await openConfiguredDatabase(config);
  try {
    if (!(await isMigrated(database))) {
      console.error(
        'backup: the database has no (or an incomplete) Minyi schema; start the server once first.',
      );
      return 2;
    }
    const m = await takeBackup(database, dir);
    const rows = Object.values(m.counts).reduce((a, b) => a + b, 0);
    console.log(
      `backup: ${path.join(dir, m.file)} (${m.kind}, ${m.bytes} bytes, ${rows} rows, sha256 ${m.sha256})`,
    );
    console.log('The keys (data/keys.json or MINYI_*_KEY) are not in the backup: keep them apart, and safe.');
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('backup failed:', err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
