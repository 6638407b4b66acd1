// A job worker for job-deliveries.test.ts, run as a child process: it drains the queue of the PostgreSQL
// database at MINYI_TEST_DB_URL, appends each text its gateway sends to MINYI_TEST_SENT (synchronously, so
// a text sent is on disk before anything else happens), and kills itself with SIGKILL as it is about to
// send the text MINYI_TEST_DIE_AT: a worker dying mid-batch, with no chance to clean up.
import { appendFileSync } from 'node:fs';
import { testConfig } from '../src/config';
import { createDatabase } from '../src/db/client';
import { buildApp } from '../src/app';

const url = process.env.MINYI_TEST_DB_URL!;
const sentFile = process.env.MINYI_TEST_SENT!;
const dieAt = process.env.MINYI_TEST_DIE_AT!;

const database = await createDatabase({ url, dataDir: null, poolSize: 2 });
const app = await buildApp(testConfig({ databaseUrl: url }), database);
await app.ready();
app.services.notifier.smsGateway.send = async (_phone, text) => {
  if (text === dieAt) process.kill(process.pid, 'SIGKILL');
  appendFileSync(sentFile, `${text}\n`);
};
await app.services.jobs.drain(Infinity, false);
// Not reached when the worker died as it should.
await app.close();
await database.close();
