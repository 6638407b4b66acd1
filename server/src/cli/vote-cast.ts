// `npm run vote:cast -- --base <url> --vote <voteId> --user <name> [--password <pw>] --choices <n,…>`
// Signs a deputy in (the demo password by default), signs them in to the vote (attendance) if needed, encrypts
// a ballot for the candidates numbered n (1-based, in the order the vote lists them; empty for a blank ballot)
// with the same code the browser runs (`encryptBallot`, domain/src/ballots/crypto), casts it, and prints
// `{ "receipt" }`. Exits 0 only on 201: for scripted rehearsals and tests.
import { encryptBallot, type CurveName } from '@minyi/domain/ballots/crypto';
import { DEMO_PASSWORD, options, report, signIn } from './vote-http';

interface VoteView {
  maxChoices: number;
  candidates: { id: string; title: string }[];
  encryption: { scheme: string; curve: CurveName; publicKey: string } | null;
  me: { onRoll: boolean; signedIn: boolean; hasVoted: boolean };
}

async function main(): Promise<number> {
  const o = options(
    'npm run vote:cast -- --base <url> --vote <voteId> --user <name> [--password <pw>] --choices <n,…>',
    ['base', 'vote', 'user'],
    ['password', 'choices'],
  );
  const numbers = (o.choices ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
    .map(Number);
  if (numbers.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error(`--choices: candidate numbers from 1, comma-separated (got "${o.choices}")`);
    return 2;
  }
  const s = await signIn(o.base, o.user, o.password ?? DEMO_PASSWORD);
  const got = await s.get(`/project-votes/${o.vote}`);
  if (got.status !== 200) return (report('vote', got), 1);
  const vote = got.body as VoteView;
  if (!vote.encryption) {
    console.error('the vote is not open for ballots (no encryption key published)');
    return 1;
  }
  const positions = numbers.map((n) => n - 1);
  const bad = positions.find((p) => p >= vote.candidates.length);
  if (bad !== undefined) {
    console.error(`--choices: the vote has ${vote.candidates.length} candidates (got ${bad + 1})`);
    return 2;
  }
  if (!vote.me.signedIn) {
    const att = await s.post(`/project-votes/${o.vote}/attendance`);
    if (att.status !== 200) return (report('sign in to the vote', att), 1);
  }
  const ballot = encryptBallot(
    {
      voteId: o.vote,
      curve: vote.encryption.curve,
      publicKey: vote.encryption.publicKey,
      candidates: vote.candidates.length,
      maxChoices: vote.maxChoices,
    },
    positions,
  );
  const cast = await s.post(`/project-votes/${o.vote}/ballots`, ballot);
  if (cast.status !== 201) return (report('cast', cast), 1);
  console.log(JSON.stringify({ receipt: (cast.body as { receipt: string }).receipt }));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
