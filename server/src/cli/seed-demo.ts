// `npm run seed:demo`: migrates the database and loads the demo district once (refused in production).
import { loadConfig } from '../config';
import { openConfiguredDatabase } from '../db/client';
import { migrate } from '../db/migrate';
import { buildApp } from '../app';
import { DEMO_PASSWORD, isDemoLoaded, loadDemo } from '../demo';

async function main() {
  const config = loadConfig();
  if (config.env === 'production') {
    console.error('NODE_ENV=production: the demo district is never loaded in production.');
    process.exit(1);
  }
  const database = await openConfiguredDatabase(config);
  const app = await buildApp({ ...config, jobPollMs: 0 }, database);
  try {
    await migrate(database);
    if (await isDemoLoaded(app.services)) {
      console.log('The demo district is already loaded.');
      return;
    }
    const started = Date.now();
    const demo = await loadDemo(app.services);
    console.log(`Demo district loaded in ${((Date.now() - started) / 1000).toFixed(1)} s:`, demo.counts);
    console.log(`Demo accounts (password: ${DEMO_PASSWORD}):`);
    for (const a of demo.accounts) console.log(`  ${a.username.padEnd(10)} ${a.role}`);
  } finally {
    await app.close();
    await database.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
