// `npm run vote:verify -- <bulletin.json>`: rechecks a secret vote's public bulletin with no secret
// and no server — the tellers' key from their commitments, every ballot's proofs and receipt, the
// combined ciphertexts, the tellers' partial decryptions and their proofs, and the published totals
// (electronic + paper). Prints the totals and exits 0 for an honest bulletin; prints the fault and
// exits 1 for a tampered one (2 when the file cannot be read). Same code as the browser's verifier.
//   options: --json (machine-readable output)  --quiet (no progress line)
import { readFileSync } from 'node:fs';
import { verifyBulletin } from '@minyi/domain/ballots/crypto';

function main(): number {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  const json = args.includes('--json');
  if (!file) {
    console.error('usage: npm run vote:verify -- <bulletin.json> [--json] [--quiet]');
    return 2;
  }
  let bulletin: unknown;
  try {
    bulletin = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`vote:verify: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const progress = !json && !args.includes('--quiet') && process.stderr.isTTY;
  const started = performance.now();
  const result = verifyBulletin(bulletin, {
    onBallot: progress
      ? (done, total) => {
          if (done % 50 === 0 || done === total) process.stderr.write(`\rballots checked: ${done}/${total}`);
        }
      : undefined,
  });
  if (progress) process.stderr.write('\n');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const b = bulletin as { voteId?: string; ballots?: unknown[]; candidates?: { id: string; name: string }[] };
  if (json) {
    console.log(JSON.stringify({ voteId: b.voteId, ...result }, null, 2));
    return result.ok ? 0 : 1;
  }
  if (!result.ok) {
    console.error(`vote:verify: the bulletin does NOT verify: ${result.fault}`);
    return 1;
  }
  console.log(
    `vote:verify: vote ${b.voteId}: ${b.ballots?.length ?? 0} encrypted ballots, proofs and count verified in ${seconds} s.`,
  );
  for (const c of b.candidates ?? []) console.log(`  ${c.name} (${c.id}): ${result.totals[c.id]}`);
  return 0;
}

process.exitCode = main();
