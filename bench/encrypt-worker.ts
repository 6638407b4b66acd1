// Encrypts ballots for a benchmark in a child process (bench/livelihood.bench.ts forks one per core): the
// deputies' phones, each with the browser's own code (`encryptBallot`), so that the bench sends exactly the
// ballots real clients send. Input over IPC: { ctx, choices }; answer: the ballots' JSON bodies.
import { encryptBallot, type BallotContext } from '@minyi/domain/ballots/crypto';

process.once('message', (msg: { ctx: BallotContext; choices: number[][] }) => {
  const bodies = msg.choices.map((c) => JSON.stringify(encryptBallot(msg.ctx, c)));
  process.send!(bodies, () => process.exit(0));
});
