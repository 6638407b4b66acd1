import { PGlite } from '@electric-sql/pglite';
import fs from 'node:fs';
async function trial(durable) {
  const dir = '/tmp/pgl-fs-' + Date.now() + (durable ? 'd' : 'n');
  const opts = {};
  let syncs = 0;
  if (durable) {
    const base = (await import('@electric-sql/pglite')).PGlite;
    opts.startParams = ["--single","-O","-j","-c","search_path=public","-c","exit_on_error=false","-c","log_checkpoints=false","-c","max_worker_processes=0","-c","max_parallel_workers=0","-c","max_parallel_workers_per_gather=0","-c","io_method=sync","-c","wal_sync_method=fsync"];
  }
  const pg = await PGlite.create(dir, opts);
  if (durable) {
    const t = pg.mod.FS.lookupPath('/pglite/data').node.mount.type;
    t.stream_ops.fsync = (stream) => { syncs++; fs.fsyncSync(stream.nfd); return 0; };
  }
  console.log(durable, (await pg.query("select setting from pg_settings where name in ('fsync','wal_sync_method') order by name")).rows.map(r=>r.setting));
  await pg.exec('create table t (id serial primary key, v text)');
  const n = 400; const t0 = performance.now();
  for (let i = 0; i < n; i++) await pg.query('insert into t (v) values ($1)', ['x'.repeat(200)]);
  const ms = performance.now() - t0;
  console.log({ durable, perCommitMs: (ms / n).toFixed(3), syncs });
  await pg.close();
}
for (let r = 0; r < 2; r++) { await trial(false); await trial(true); }
