// Boots Minyi: config, database (PGlite under ./data or DATABASE_URL), migrations, demo, HTTP, jobs.
import { loadConfig, missingV8Flags } from './config';
import { openConfiguredDatabase } from './db/client';
import { migrate } from './db/migrate';
import { buildApp } from './app';
import { DEMO_PASSWORD, isDemoLoaded, loadDemo } from './demo';

async function retry<T>(what: string, fn: () => Promise<T>, log: (m: string) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= 30) throw err;
      log(`${what} failed (${(err as Error).message}); retrying in 2 s`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

async function main() {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const app = await buildApp(config, database);
  const missing = missingV8Flags();
  if (missing.length > 0) {
    app.log.warn(
      { missing },
      `started without ${missing.join(' ')}: GC pauses grow under load (docs/adr/0015); start through server/bin/minyi.mjs (npm start)`,
    );
  }
  const applied = await retry(
    'migration',
    () => migrate(database),
    (m) => app.log.warn(m),
  );
  if (applied.length) app.log.info({ applied }, 'migrations applied');

  if (config.loadDemo && !(await isDemoLoaded(app.services))) {
    if (config.env === 'production') {
      app.log.warn('NODE_ENV=production: the demo district is not loaded');
    } else {
      const demo = await loadDemo(app.services);
      console.log(`\n民意 Minyi demo district loaded. Demo accounts (password: ${DEMO_PASSWORD}):`);
      for (const a of demo.accounts) console.log(`  ${a.username.padEnd(10)} ${a.role}`);
      console.log('');
    }
  }

  await app.listen({ port: config.port, host: config.host });
  app.services.jobs.start();
  console.log(`Minyi is serving on http://localhost:${config.port} (${database.kind})`);

  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
