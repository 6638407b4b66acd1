// Encrypted ballots (issue 21), the pure cryptography, no server: the time to verify one ballot of
// 20 candidates (what the server spends per cast ballot before it writes), the tally of 3,000
// ballots against combining their ciphertexts alone (target ≤ 3×), and the time to encrypt one
// ballot (what a deputy's phone spends; target < 250 ms here so that ×4 CPU throttling stays < 1 s).
//
//   node server/bin/minyi.mjs bench/ballot-crypto.bench.ts [--ballots=3000] [--candidates=20] [--max-choices=10]
//        [--rounds=3] [--curve=p256|sm2]
//
// Times are CPU milliseconds of this process (see `now`). Each round verifies a different third of the ballots (all of them are verified once over 3 rounds)
// and measures the combine alone and the full tally alternately; figures are medians of the rounds.
import os from 'node:os';
import {
  ballotReceipt,
  combineBallots,
  decryptTotals,
  encryptBallot,
  partialDecrypt,
  runDkg,
  verifyBallot,
  verifyPartialDecryption,
  type BallotContext,
  type CurveName,
  type EncryptedBallot,
} from '@minyi/domain/ballots/crypto';
import { median, writeResults } from './lib';

const arg = (name: string, dflt: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt;
const N = Number(arg('ballots', '3000'));
const CANDIDATES = Number(arg('candidates', '20'));
const MAX = Number(arg('max-choices', '10'));
const ROUNDS = Number(arg('rounds', '3'));
const CURVE = arg('curve', 'p256') as CurveName;
// Times are this process's CPU time (user + system), which the other processes sharing the machine
// hardly disturb, unlike wall-clock time; the work is single-threaded, so on an idle core they agree.
const now = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const ms = (t0: number) => now() - t0;
const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

console.log(
  `ballot-crypto bench on ${CURVE}: ${N} ballots of ${CANDIDATES} candidates (up to ${MAX} choices), ${ROUNDS} rounds`,
);

// The tellers' key (2 of 3), as at the opening of a vote.
let t0 = now();
const key = runDkg(CURVE, 'bench-vote', 2, 3);
const dkgMs = ms(t0);
const ctx: BallotContext = { ...key.ctx, candidates: CANDIDATES, maxChoices: MAX };

// Encryption of one ballot: the first one pays for the key's precomputed table, as in a fresh page.
const choicesOf = (i: number) => {
  const k = i % (MAX + 1);
  return Array.from({ length: k }, (_, j) => (i * 7 + j * 3) % CANDIDATES).filter(
    (x, j, xs) => xs.indexOf(x) === j,
  );
};
t0 = now();
encryptBallot(ctx, choicesOf(1));
const firstEncryptMs = ms(t0);
const encryptMs: number[] = [];
const ballots: EncryptedBallot[] = [];
for (let i = 0; i < N; i++) {
  t0 = now();
  ballots.push(encryptBallot(ctx, choicesOf(i)));
  encryptMs.push(ms(t0));
  if ((i + 1) % 500 === 0) console.log(`  encrypted ${i + 1}/${N} (median ${r1(median(encryptMs))} ms)`);
}
const expected = Array.from(
  { length: CANDIDATES },
  (_, j) => Array.from({ length: N }, (_, i) => choicesOf(i)).filter((c) => c.includes(j)).length,
);
const receipts = ballots.map(ballotReceipt);
if (new Set(receipts).size !== N) throw new Error('duplicate receipts');

// The same on a cold key for SM2 or P-256, whichever is not measured above (one ballot each).
const other: CurveName = CURVE === 'p256' ? 'sm2' : 'p256';
const otherKey = runDkg(other, 'bench-vote-other', 2, 3);
const otherCtx: BallotContext = { ...otherKey.ctx, candidates: CANDIDATES, maxChoices: MAX };
t0 = now();
encryptBallot(otherCtx, choicesOf(3));
const otherFirstMs = ms(t0);
const otherMs: number[] = [];
for (let i = 0; i < 9; i++) {
  t0 = now();
  encryptBallot(otherCtx, choicesOf(i));
  otherMs.push(ms(t0));
}

const verifyPerBallot: number[] = [];
const combineMs: number[] = [];
const tallyMs: number[] = [];
const totalsRatio: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  // Verification of a slice of the ballots (a different one each round).
  const from = Math.floor((round * N) / ROUNDS);
  const to = Math.floor(((round + 1) * N) / ROUNDS);
  t0 = now();
  for (let i = from; i < to; i++) {
    const v = verifyBallot(ctx, JSON.parse(JSON.stringify(ballots[i])));
    if (!v.ok) throw new Error(`ballot ${i}: ${v.field} ${v.reason}`);
  }
  verifyPerBallot.push(ms(t0) / (to - from));

  // Combining the ciphertexts alone (from their JSON form, as stored).
  const stored = ballots.map((b) => b.ciphertexts);
  t0 = now();
  const combinedAlone = combineBallots(ctx, stored);
  combineMs.push(ms(t0));

  // The full tally: combine, two tellers' partial decryptions with proofs, each checked, and the totals.
  t0 = now();
  const combined = combineBallots(ctx, stored);
  const partials = [key.shares[0], key.shares[2]].map((s) => partialDecrypt(ctx, s, combined));
  for (const pd of partials) {
    const v = verifyPartialDecryption(ctx, key.shares[0].verificationKeys[pd.teller - 1], combined, pd);
    if (!v.ok) throw new Error(`partial decryption ${pd.teller}: ${v.field} ${v.reason}`);
  }
  const totals = decryptTotals(ctx, combined, partials, N);
  tallyMs.push(ms(t0));
  if (JSON.stringify(totals) !== JSON.stringify(expected)) throw new Error('wrong totals');
  if (JSON.stringify(combined) !== JSON.stringify(combinedAlone)) throw new Error('combine differs');
  totalsRatio.push(tallyMs[round] / combineMs[round]);
  console.log(
    `  round ${round + 1}: verify ${r1(verifyPerBallot[round])} ms/ballot, combine ${Math.round(combineMs[round])} ms, tally ${Math.round(tallyMs[round])} ms (×${r3(totalsRatio[round])})`,
  );
}

const figures = {
  curve: CURVE,
  ballots: N,
  candidates: CANDIDATES,
  maxChoices: MAX,
  rounds: ROUNDS,
  dkgMs: r1(dkgMs),
  encryptFirstMs: r1(firstEncryptMs),
  encryptMedianMs: r1(median(encryptMs)),
  encryptP95Ms: r1([...encryptMs].sort((a, b) => a - b)[Math.floor(encryptMs.length * 0.95)]),
  [`encryptFirstMs_${other}`]: r1(otherFirstMs),
  [`encryptMedianMs_${other}`]: r1(median(otherMs)),
  verifyMsPerBallot: r1(median(verifyPerBallot)),
  verifyMsPerBallotRounds: verifyPerBallot.map(r1),
  verifyBallotsPerSecond: r1(1000 / median(verifyPerBallot)),
  combineMs: Math.round(median(combineMs)),
  tallyMs: Math.round(median(tallyMs)),
  tallyOverCombine: r3(median(totalsRatio)),
  tallyOverCombineRounds: totalsRatio.map(r3),
};
const target = {
  tallyOverCombineAtMost: 3,
  encryptMsBelow: 250,
  met: figures.tallyOverCombine <= 3 && figures.encryptFirstMs < 250,
};
console.log(figures, target.met ? 'targets met' : 'TARGET MISSED');
const loadAverage = os.loadavg().map((x) => Math.round(x * 100) / 100);
writeResults('ballot-crypto', { ...figures, target, loadAverage });
