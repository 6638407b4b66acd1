// `npm run vote:decrypt -- --base <url> --vote <voteId> --user <teller> [--password <pw>] --share <file>`
// A teller's partial decryption of a closed vote's totals: signs the teller in (the demo password by default),
// reads the combined ciphertexts, computes the partial decryption with its proofs from the teller's share file
// with the same code the teller's browser runs (`partialDecrypt`, domain/src/ballots/crypto), and posts it.
// Prints the server's answer (with the published totals once two tellers' are in); exits 0 only on 201.
import { readFileSync } from 'node:fs';
import { partialDecrypt, type TellerShare } from '@minyi/domain/ballots/crypto';
import { DEMO_PASSWORD, options, report, signIn } from './vote-http';

async function main(): Promise<number> {
  const o = options(
    'npm run vote:decrypt -- --base <url> --vote <voteId> --user <teller> [--password <pw>] --share <file>',
    ['base', 'vote', 'user', 'share'],
    ['password'],
  );
  const share = JSON.parse(readFileSync(o.share, 'utf8')) as TellerShare;
  if (share.voteId !== o.vote) {
    console.error(`--share: the file holds a share of vote ${share.voteId}, not ${o.vote}`);
    return 2;
  }
  const s = await signIn(o.base, o.user, o.password ?? DEMO_PASSWORD);
  const got = await s.get(`/project-votes/${o.vote}/ceremony`);
  if (got.status !== 200) return (report('ceremony', got), 1);
  const c = got.body as {
    status: string;
    curve: TellerShare['curve'];
    publicKey: string;
    candidates: number;
    maxChoices: number;
    me: number | null;
    combined: { a: string; b: string }[] | null;
  };
  if (c.me !== share.index) {
    console.error(
      `--share: the file is teller ${share.index}'s share; ${o.user} is teller ${c.me ?? '(none)'}`,
    );
    return 2;
  }
  if (c.status !== 'counting' || !c.combined) {
    console.error(
      `the vote is ${c.status}: its totals are decrypted after close, before the count is published`,
    );
    return 1;
  }
  const partialDecryption = partialDecrypt(
    {
      voteId: o.vote,
      curve: c.curve,
      publicKey: c.publicKey,
      candidates: c.candidates,
      maxChoices: c.maxChoices,
    },
    share,
    c.combined,
  );
  const posted = await s.post(`/project-votes/${o.vote}/partial-decryptions`, { partialDecryption });
  if (posted.status !== 201) return (report('partial decryption', posted), 1);
  console.log(JSON.stringify(posted.body));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
