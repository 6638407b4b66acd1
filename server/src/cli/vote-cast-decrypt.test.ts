// `npm run vote:cast` and `npm run vote:decrypt` against a running server (issue 21's contract): a deputy
// signs in over HTTP as the browser does, signs in to the vote, casts an encrypted ballot and gets
// `{ "receipt" }`; a second cast exits non-zero; after close two tellers decrypt the totals from their share
// files, and the published count is the ballots cast; the bulletin from the server verifies with vote:verify.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, TEST_PASSWORD, type TestClient, type TestEnv } from '../../test/harness';
import {
  buildDistrict,
  ceremonyOf,
  openVoteWith,
  tellerClients,
  type District,
} from '../../test/livelihood.fixture';

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'vote-cli-'));

async function cli(script: string, args: string[]) {
  return exec(process.execPath, ['--import', 'tsx', `server/src/cli/${script}.ts`, ...args], {
    cwd: ROOT,
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
}

let t: TestEnv;
let staff: TestClient;
let d: District;
let base: string;
let voteId: string;

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  d = await buildDistrict(t, { deputies: 6, candidates: 3 });
  await tellerClients(t);
  voteId = await openVoteWith(t, staff, d, { maxChoices: 2, present: 4 });
  for (const [i, id] of d.deputyIds.entries())
    await t.createAccount({ username: `cli_deputy${i}`, roles: ['deputy'], deputyId: id });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
}, 120_000);
afterAll(async () => t?.close());

describe('vote:cast and vote:decrypt', () => {
  it('casts encrypted ballots (signing the deputy in to the vote when needed), prints the receipt, exits 1 on a second ballot', async () => {
    const common = ['--base', base, '--vote', voteId, '--password', TEST_PASSWORD];
    // Deputy 5 was not signed in at the desk: the CLI signs them in first.
    const a = await cli('vote-cast', [...common, '--user', 'cli_deputy5', '--choices', '1,3']);
    expect(a.code, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual({ receipt: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const b = await cli('vote-cast', [...common, '--user', 'cli_deputy0', '--choices', '1']);
    expect(b.code, b.stderr).toBe(0);
    const again = await cli('vote-cast', [...common, '--user', 'cli_deputy0', '--choices', '2']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('409');
    const bad = await cli('vote-cast', [...common, '--user', 'cli_deputy1', '--choices', '4']);
    expect(bad.code).toBe(2);
    const bulletinBefore = await t.anon.get(`/api/v1/project-votes/${voteId}/bulletin`);
    expect(bulletinBefore.statusCode).toBe(409);
  }, 120_000);

  it('decrypts the totals with two tellers’ share files after close, and the bulletin verifies', async () => {
    const { shares } = ceremonyOf(voteId);
    const files = shares.map((s, i) => {
      const f = path.join(dir, `teller${i + 1}.share`);
      writeFileSync(f, JSON.stringify(s));
      return f;
    });
    const common = ['--base', base, '--vote', voteId, '--password', TEST_PASSWORD];
    // Before close: refused, nothing posted.
    const early = await cli('vote-decrypt', [...common, '--user', 'teller1', '--share', files[0]]);
    expect(early.code).toBe(1);
    expect((await staff.post(`/api/v1/project-votes/${voteId}/close`)).json().status).toBe('counting');
    // Teller 2's file under teller 1's name: refused before anything is sent.
    const swapped = await cli('vote-decrypt', [...common, '--user', 'teller1', '--share', files[1]]);
    expect(swapped.code).toBe(2);
    const one = await cli('vote-decrypt', [...common, '--user', 'teller1', '--share', files[0]]);
    expect(one.code, one.stderr).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ teller: 1, tallied: false });
    const two = await cli('vote-decrypt', [...common, '--user', 'teller3', '--share', files[2]]);
    expect(two.code, two.stderr).toBe(0);
    expect(JSON.parse(two.stdout)).toMatchObject({ teller: 3, tallied: true });
    const results = (await t.anon.get(`/api/v1/project-votes/${voteId}/results`)).json();
    const votes = Object.fromEntries(
      results.candidates.map((c: { id: string; votes: number }) => [c.id, c.votes]),
    );
    expect(d.candidateIds.map((id) => votes[id])).toEqual([2, 0, 1]);
    const bulletin = await t.anon.get(`/api/v1/project-votes/${voteId}/bulletin`);
    const file = path.join(dir, 'bulletin.json');
    writeFileSync(file, bulletin.body);
    const verified = await cli('vote-verify', [file]);
    expect(verified.code, verified.stderr + verified.stdout).toBe(0);
  }, 120_000);
});
