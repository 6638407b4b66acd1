// The tellers' key ceremony run in one process, each teller through its own code path and its own account
// (for the demo at load, and for tests): each teller makes a ceremony key and posts its public half, deals
// and posts the deal, then completes the DKG from the posted deals with its own ceremony key, which gives
// its share. The shares are returned to the caller (the demo writes each to `<data dir>/tellers/<name>.share`)
// and never written to the database. The ceremony's public steps go through the engine's commands, which
// authorize each teller as a browser's request would.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { completeDkg, createCeremonyKey, dealShares, type TellerShare } from '@minyi/domain/ballots/crypto';
import { DKG_TELLERS, DKG_THRESHOLD } from '@minyi/domain/livelihood';
import type { Role } from '@minyi/domain';
import { systemCtx, type AppServices, type Ctx } from '../../../platform/context';
import { postCeremonyKey, postDeal } from './key-ceremony';
import { loadTellers, loadVote } from '../ballots.repository';

export interface CeremonyTeller {
  accountId: string;
  username: string;
  roles: Role[];
}

const tellerCtx = (app: AppServices, congressId: string, t: CeremonyTeller): Ctx => ({
  ...systemCtx(app, { requestId: 'key-ceremony' }),
  actor: {
    accountId: t.accountId,
    username: t.username,
    displayName: t.username,
    roles: t.roles,
    congressId,
    deputyId: null,
    handlingUnitId: null,
    via: 'session' as const,
  },
});

/** Runs the three tellers' ceremony for a vote whose tellers are named (in this order); returns their shares. */
export async function holdKeyCeremony(
  app: AppServices,
  congressId: string,
  voteId: string,
  tellers: CeremonyTeller[],
): Promise<TellerShare[]> {
  const vote = await loadVote(app.db, congressId, voteId);
  const curve = vote.curve;
  const keys = tellers.map((_, i) => createCeremonyKey(curve, i + 1));
  for (const [i, t] of tellers.entries())
    await postCeremonyKey(tellerCtx(app, congressId, t), voteId, keys[i].publicKey);
  const posted = await loadTellers(app.db, voteId);
  const ceremonyPublicKeys = posted.map((p) => p.ceremonyKey!);
  for (const [i, t] of tellers.entries()) {
    const deal = dealShares({
      curve,
      voteId,
      threshold: DKG_THRESHOLD,
      tellers: DKG_TELLERS,
      index: i + 1,
      ceremonyPublicKeys,
    });
    await postDeal(tellerCtx(app, congressId, t), voteId, deal);
  }
  const deals = (await loadTellers(app.db, voteId)).map((p) => p.deal!);
  return keys.map((me) => {
    const done = completeDkg({ curve, voteId, threshold: DKG_THRESHOLD, tellers: DKG_TELLERS, me, deals });
    if (!done.ok) throw new Error(`key ceremony: teller ${done.faultyTeller} dealt badly: ${done.reason}`);
    return done.share;
  });
}

/** Writes a teller's share where the teller keeps it (a file only they read); never the database. */
export function writeShareFile(dir: string, username: string, share: TellerShare): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${username}.share`);
  writeFileSync(file, `${JSON.stringify(share, null, 2)}\n`, { mode: 0o600 });
  return file;
}
