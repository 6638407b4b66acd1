// The tellers and their key ceremony, before the vote opens (issue 21). Staff name three accounts of the
// congress as the vote's tellers; each teller posts the public half of a ceremony key (for the encrypted
// transport of the shares), then, once all three are in, a deal (the Feldman commitments of their polynomial
// and the shares boxed to each other teller). When the third deal is in, the vote's public key is computed
// from the deals' commitments (anyone can recompute it from the bulletin). Each teller's share of the private
// key is completed on the teller's own device (`completeDkg`) and never reaches the server: the private key
// never exists in one place.
import { and, eq, inArray } from 'drizzle-orm';
import { publicKeyFromDeals, type DkgDeal } from '@minyi/domain/ballots/crypto';
import { canTakeVoteStep, DKG_TELLERS, DKG_THRESHOLD } from '@minyi/domain/livelihood';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField, wrongState } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { accounts } from '../../../platform/platform.table';
import { projectVotes, projectVoteTellers } from '../ballots.table';
import { votePolicy } from '../ballots.policy';
import { loadTellers, loadVoteFor } from '../ballots.repository';

const ceremonyStarted = () =>
  conflict('ceremony_started', {
    zh: '计票人已开始密钥生成，不能更换',
    en: 'The tellers have started the key ceremony; they can no longer be changed',
  });

/** Names the vote's three tellers (accounts of the congress), in order; replaces them until the ceremony starts. */
export function appointTellers(ctx: Ctx, voteId: string, accountIds: string[]) {
  return step(ctx, {
    policy: votePolicy,
    action: 'appointTellers',
    load: (w, actor) => loadVoteFor(w.db, actor, voteId, 'update'),
    async write({ w, row: vote }) {
      if (!canTakeVoteStep(vote.status, 'appointTellers')) throw wrongState(vote.status);
      if (new Set(accountIds).size !== accountIds.length)
        throw invalidField('accountIds', '计票人不能重复', 'contains duplicates');
      const found = await w.db
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(inArray(accounts.id, accountIds), eq(accounts.congressId, vote.congressId)));
      const known = new Set(found.map((a) => a.id));
      const bad = accountIds.findIndex((id) => !known.has(id));
      if (bad >= 0)
        throw invalidField(`accountIds.${bad}`, '不是本届人大的账号', 'is not an account of this congress');
      const prior = await loadTellers(w.db, voteId);
      if (prior.some((t) => t.ceremonyKey)) throw ceremonyStarted();
      await w.db.delete(projectVoteTellers).where(eq(projectVoteTellers.voteId, voteId));
      await w.db.insert(projectVoteTellers).values(
        accountIds.map((accountId, i) => ({
          congressId: vote.congressId,
          voteId,
          tellerIndex: i + 1,
          accountId,
        })),
      );
      return {
        result: { tellers: accountIds.map((accountId, i) => ({ index: i + 1, accountId })) },
        audit: {
          action: 'projectVote.appointTellers',
          entityType: 'projectVote',
          entityId: voteId,
          congressId: vote.congressId,
          after: { accountIds },
        },
      };
    },
  });
}

/** A teller posts the public half of their ceremony key (once). */
export function postCeremonyKey(ctx: Ctx, voteId: string, publicKey: string) {
  return step(ctx, {
    policy: votePolicy,
    action: 'postCeremonyKey',
    load: (w, actor) => loadVoteFor(w.db, actor, voteId, 'update'),
    async write({ w, row: vote, resource }) {
      if (!canTakeVoteStep(vote.status, 'keyCeremony')) throw wrongState(vote.status);
      const index = resource.tellerIndex!;
      const tellers = await loadTellers(w.db, voteId);
      if (tellers.find((t) => t.index === index)?.ceremonyKey)
        throw conflict('ceremony_key_posted', {
          zh: '您已提交密钥生成公钥',
          en: 'You have already posted your ceremony key',
        });
      if (tellers.some((t) => t.ceremonyKey === publicKey))
        throw invalidField('publicKey', '与另一名计票人的公钥相同', "is another teller's key");
      await w.db
        .update(projectVoteTellers)
        .set({ ceremonyKey: publicKey })
        .where(and(eq(projectVoteTellers.voteId, voteId), eq(projectVoteTellers.tellerIndex, index)));
      return {
        result: { index },
        audit: {
          action: 'projectVote.postCeremonyKey',
          entityType: 'projectVote',
          entityId: voteId,
          congressId: vote.congressId,
          after: { teller: index, publicKey },
        },
      };
    },
  });
}

/** A teller posts their deal (once, after all three ceremony keys); the third deal sets the vote's key. */
export function postDeal(ctx: Ctx, voteId: string, deal: DkgDeal) {
  return step(ctx, {
    policy: votePolicy,
    action: 'postDeal',
    load: (w, actor) => loadVoteFor(w.db, actor, voteId, 'update'),
    async write({ w, row: vote, resource }) {
      if (!canTakeVoteStep(vote.status, 'keyCeremony')) throw wrongState(vote.status);
      const index = resource.tellerIndex!;
      const tellers = await loadTellers(w.db, voteId);
      if (tellers.length !== DKG_TELLERS || tellers.some((t) => !t.ceremonyKey))
        throw conflict('ceremony_keys_missing', {
          zh: '三名计票人的密钥生成公钥提交后才能分发份额',
          en: 'Deal once all three tellers have posted their ceremony keys',
        });
      if (tellers.find((t) => t.index === index)?.deal)
        throw conflict('deal_posted', { zh: '您已提交份额分发', en: 'You have already posted your deal' });
      if (deal.from !== index)
        throw invalidField(
          'deal.from',
          `应为 ${index}（您的计票人序号）`,
          `must be ${index} (your teller number)`,
        );
      if (deal.commitments.length !== DKG_THRESHOLD)
        throw invalidField(
          'deal.commitments',
          `应有 ${DKG_THRESHOLD} 个承诺`,
          `needs ${DKG_THRESHOLD} commitments`,
        );
      const to = deal.encryptedShares.map((s) => s.to);
      const others = tellers.map((t) => t.index).filter((i) => i !== index);
      if (new Set(to).size !== to.length || others.some((i) => !to.includes(i)))
        throw invalidField(
          'deal.encryptedShares',
          '须为其他每名计票人各封装一份',
          'needs one box for each other teller',
        );
      let publicKey: string | null = null;
      const deals = [...tellers.filter((t) => t.deal).map((t) => t.deal!), deal].sort(
        (x, y) => x.from - y.from,
      );
      // The third deal gives the key (which also checks every commitment is a point on the curve). A deal
      // whose boxed shares do not match its commitments is caught by the other tellers' completeDkg.
      if (deals.length === DKG_TELLERS)
        try {
          publicKey = publicKeyFromDeals(vote.curve, deals);
        } catch {
          throw invalidField('deal.commitments', '不是曲线上的点', 'are not points on the curve');
        }
      await w.db
        .update(projectVoteTellers)
        .set({ deal })
        .where(and(eq(projectVoteTellers.voteId, voteId), eq(projectVoteTellers.tellerIndex, index)));
      if (publicKey) await w.db.update(projectVotes).set({ publicKey }).where(eq(projectVotes.id, voteId));
      return {
        result: { index, publicKey },
        audit: {
          action: 'projectVote.postDeal',
          entityType: 'projectVote',
          entityId: voteId,
          congressId: vote.congressId,
          after: { teller: index, commitments: deal.commitments, publicKey },
        },
      };
    },
  });
}
