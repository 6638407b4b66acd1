// One vote with its options, turnout, the paper entries, its runoff or second vote, and the actor's abilities.
import { and, eq } from 'drizzle-orm';
import { forecastClose, quorumNeeded, voteRulesSchema } from '@minyi/domain/livelihood';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { projectVotePaperCounts, projectVotes } from '../ballots.table';
import { votePolicy } from '../ballots.policy';
import {
  checkOwner,
  encryptionOf,
  findRollMember,
  hasVoted,
  loadOptions,
  loadTellers,
  loadVoteFor,
  turnoutOf,
  voteSummary,
  type BallotSubject,
  type PublishedResult,
} from '../ballots.repository';

export async function getVote(db: Db, actor: Actor, subject: BallotSubject, voteId: string) {
  const { row: vote, resource } = await loadVoteFor(db, actor, voteId);
  checkOwner(vote, subject);
  const member = actor.deputyId ? await findRollMember(db, voteId, actor.deputyId) : null;
  votePolicy.authorize(actor, 'read', resource);
  const tellerRows = await loadTellers(db, voteId);
  const candidates = await loadOptions(db, subject, vote.congressId, voteId);
  const t = await turnoutOf(db, voteId);
  // Who entered a paper statement, never its figures: each teller enters theirs independently.
  const tellers = await db
    .select({ accountId: projectVotePaperCounts.tellerAccountId })
    .from(projectVotePaperCounts)
    .where(eq(projectVotePaperCounts.voteId, voteId));
  const children = await db
    .select({ id: projectVotes.id, kind: projectVotes.kind, status: projectVotes.status })
    .from(projectVotes)
    .where(and(eq(projectVotes.parentVoteId, voteId), eq(projectVotes.congressId, vote.congressId)))
    .orderBy(projectVotes.createdAt);
  const rules = { ...voteRulesSchema.parse({}), ...vote.rules };
  return {
    ...voteSummary(vote),
    rules,
    children,
    /** What the close decided, for the console's next step (a runoff, a second vote). */
    outcome: vote.result
      ? (({ valid, chosen, runoff, shortfall }: PublishedResult) => ({ valid, chosen, runoff, shortfall }))(
          vote.result as unknown as PublishedResult,
        )
      : null,
    paperEntries: {
      count: tellers.length,
      mine: tellers.some((x) => x.accountId === actor.accountId),
    },
    candidates,
    /** The encryption of the ballots, once the vote is open (issue 21's contract). */
    encryption: encryptionOf(vote),
    /** The vote's tellers and how far each is in the key ceremony and the count. */
    tellers: tellerRows.map((t) => ({
      index: t.index,
      accountId: t.accountId,
      name: t.name,
      ceremonyKey: !!t.ceremonyKey,
      deal: !!t.deal,
      partialDecryption: !!t.partialDecryption,
    })),
    turnout: {
      ...t,
      quorumNeeded: quorumNeeded(t.rollSize, vote.rules),
      paperBallots: vote.paperTally?.ballots ?? null,
    },
    /**
     * While the vote is open: what closing now would mean (quorum, the votes needed, the most projects the
     * ballots cast could choose), from the counts of ballots only, never from what they say.
     */
    closeForecast:
      vote.status === 'open'
        ? forecastClose({
            rollSize: t.rollSize,
            signedIn: t.signedIn,
            ballotsCast: t.electronicBallots + (vote.paperTally?.ballots ?? 0),
            voidBallots: vote.paperTally?.void ?? 0,
            maxChoices: vote.maxChoices,
            candidates: candidates.length,
            rules,
            kind: vote.kind,
          })
        : null,
    me: {
      tellerIndex: resource.tellerIndex ?? null,
      onRoll: !!member,
      signedIn: !!member?.signedInAt,
      hasVoted: member ? await hasVoted(db, voteId, member.memberId) : false,
    },
    abilities: votePolicy.abilities(actor, resource),
  };
}
