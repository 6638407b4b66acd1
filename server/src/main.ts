// Boots Minyi: config, database (PGlite under ./data or DATABASE_URL), migrations, demo, HTTP, jobs.
import { loadConfig, missingV8Flags } from './config';
import { openConfiguredDatabase } from './db/client';
import { migrate } from './db/migrate';
import { buildApp } from './app';
import { DEMO_PASSWORD, DEMO_ACCOUNTS, isDemoLoaded, loadDemo } from './demo';
import { readableLogStream } from './platform/logging';

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
  const app = await buildApp(
    config,
    database,
    config.logFormat === 'lines' ? readableLogStream() : undefined,
  );
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

  let demoLoaded = false;
  if (config.loadDemo) {
    if (config.env === 'production') {
      app.log.warn('NODE_ENV=production: the demo district is not loaded');
    } else {
      if (!(await isDemoLoaded(app.services))) await loadDemo(app.services);
      demoLoaded = true;
    }
  }

  await app.listen({ port: config.port, host: config.host });
  app.services.jobs.start();
  // A short banner once the server is ready: where it is and, with the demo, who to sign in as.
  const lines = [
    '',
    `民意 Minyi is ready: http://localhost:${config.port}  (${database.kind})`,
    ...(demoLoaded
      ? [
          `Demo district 东岭区. Demo accounts, password ${DEMO_PASSWORD}:`,
          ...DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(9)} ${a.role}`),
        ]
      : []),
    '',
  ];
  console.log(lines.join('\n'));

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
