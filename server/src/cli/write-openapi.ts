// `npm run lint:openapi`: writes the API's OpenAPI document, as `/api/openapi.json` serves it, to the
// file named (default: minyi-openapi.json in the system's temporary folder), with no listener and no data:
// the app is built on an empty in-memory PGlite and asked through `inject`.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testConfig } from '../config';
import { buildApp } from '../app';
import { createDatabase } from '../db/client';

async function main() {
  const file = path.resolve(process.argv[2] ?? path.join(os.tmpdir(), 'minyi-openapi.json'));
  const database = await createDatabase({ url: null, dataDir: null });
  const app = await buildApp(testConfig(), database);
  await app.ready();
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  await app.close();
  await database.close();
  if (res.statusCode !== 200) throw new Error(`/api/openapi.json answered ${res.statusCode}: ${res.body}`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(res.json(), null, 2)}\n`);
  console.log(`write-openapi: ${file}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
