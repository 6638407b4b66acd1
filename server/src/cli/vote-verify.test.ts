// `npm run vote:verify -- <bulletin.json>`: exit 0 and the totals for an honest bulletin; exit 1
// naming the fault for a tampered one; exit 2 when the file cannot be read.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulateVote, type Bulletin } from '@minyi/domain/ballots/crypto';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'vote-verify-'));

function verify(file: string) {
  return run(process.execPath, ['--import', 'tsx', 'server/src/cli/vote-verify.ts', file], {
    cwd: ROOT,
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
}

let bulletin: Bulletin;
beforeAll(() => {
  bulletin = simulateVote({
    voteId: 'cli-vote',
    candidates: [
      { id: 'a', name: '老旧小区加装电梯' },
      { id: 'b', name: '社区食堂' },
      { id: 'c', name: '河道清淤' },
    ],
    maxChoices: 2,
    ballots: [[0], [0, 1], [2], [], [1, 2], [0, 2]],
    paperTotals: { a: 1, b: 0, c: 2 },
  }).bulletin;
});

describe('vote:verify', () => {
  it('exits 0 and prints the totals for an honest bulletin', async () => {
    const file = path.join(dir, 'honest.json');
    writeFileSync(file, JSON.stringify(bulletin));
    const r = await verify(file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/6 encrypted ballots/);
    expect(r.stdout).toMatch(/老旧小区加装电梯 \(a\): 4/);
    expect(r.stdout).toMatch(/社区食堂 \(b\): 2/);
    expect(r.stdout).toMatch(/河道清淤 \(c\): 5/);
  });

  it('exits 1 naming the fault for a tampered bulletin', async () => {
    const tampered = structuredClone(bulletin);
    tampered.ballots[2].ballot.ciphertexts[1] = bulletin.ballots[3].ballot.ciphertexts[1];
    const file = path.join(dir, 'tampered.json');
    writeFileSync(file, JSON.stringify(tampered));
    const r = await verify(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/does NOT verify: ballots\[2\].*proofs\[1\]/);

    const inflated = structuredClone(bulletin);
    inflated.tally.totals.b += 1;
    writeFileSync(file, JSON.stringify(inflated));
    const r2 = await verify(file);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/tally\.totals\['b'\] is 3/);
  });

  it('exits 2 when the file is missing or not JSON', async () => {
    expect((await verify(path.join(dir, 'missing.json'))).code).toBe(2);
    const file = path.join(dir, 'garbage.json');
    writeFileSync(file, '{ not json');
    expect((await verify(file)).code).toBe(2);
  });
});
