// Reading votes: a deputy's ballot list, one vote with turnout, the published results, receipt checks.
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { VoteStatus } from '@minyi/domain/livelihood';
import { quorumNeeded, voteRulesSchema } from '@minyi/domain/livelihood';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { wrongState } from '../../../platform/errors';
import {
  livelihoodCandidates,
  projectVoteBallots,
  projectVoteCandidates,
  projectVotePaperCounts,
  projectVoteRoll,
  projectVotes,
  projectVoteVoters,
} from '../livelihood.table';
import { votePolicy } from '../livelihood.policy';
import {
  findRollMember,
  hasVoted,
  loadBallotCandidates,
  loadVote,
  turnoutOf,
  type VoteRow,
} from './vote.repository';
import type { PublishedResult } from './close-vote';
import { receiptHash } from './receipt';

const summary = (v: VoteRow) => ({
  id: v.id,
  year: v.year,
  title: v.title,
  scope: v.scope,
  streetId: v.streetId,
  status: v.status,
  maxChoices: v.maxChoices,
  advisory: v.rules.advisory,
  kind: v.kind,
  parentVoteId: v.parentVoteId,
  sittingId: v.sittingId,
  openedAt: v.openedAt,
  closedAt: v.closedAt,
});

/** Votes for the actor: a deputy sees those they are on the roll for; staff and leaders see all. */
export async function findVotes(db: Db, actor: Actor, status: VoteStatus | undefined) {
  const staff = actor.roles.includes('congressStaff') || actor.roles.includes('leader');
  let votes: VoteRow[];
  const byStatus = status ? eq(projectVotes.status, status) : undefined;
  if (staff) {
    votes = await db
      .select()
      .from(projectVotes)
      .where(and(eq(projectVotes.congressId, actor.congressId), byStatus))
      .orderBy(sql`${projectVotes.createdAt} DESC`)
      .limit(200);
  } else if (actor.deputyId) {
    votes = await db
      .select({ v: projectVotes })
      .from(projectVoteRoll)
      .innerJoin(projectVotes, eq(projectVotes.id, projectVoteRoll.voteId))
      .where(
        and(
          eq(projectVoteRoll.memberId, actor.deputyId),
          eq(projectVotes.congressId, actor.congressId),
          byStatus,
        ),
      )
      .orderBy(sql`${projectVotes.createdAt} DESC`)
      .limit(200)
      .then((rows) => rows.map((r) => r.v));
  } else votes = [];
  // What the actor may do on the list itself (create a vote), for the client to show or hide.
  const abilities = {
    create: votePolicy.can(actor, 'create', { congressId: actor.congressId, onRoll: false }),
  };
  if (!votes.length) return { items: [], nextCursor: null, abilities };
  const ids = votes.map((v) => v.id);
  const cands = await db
    .select({
      voteId: projectVoteCandidates.voteId,
      id: livelihoodCandidates.id,
      title: livelihoodCandidates.title,
      position: projectVoteCandidates.position,
    })
    .from(projectVoteCandidates)
    .innerJoin(livelihoodCandidates, eq(livelihoodCandidates.id, projectVoteCandidates.candidateId))
    .where(inArray(projectVoteCandidates.voteId, ids))
    .orderBy(projectVoteCandidates.position);
  const me = actor.deputyId
    ? await db
        .select({ voteId: projectVoteRoll.voteId, signedInAt: projectVoteRoll.signedInAt })
        .from(projectVoteRoll)
        .where(and(inArray(projectVoteRoll.voteId, ids), eq(projectVoteRoll.memberId, actor.deputyId)))
    : [];
  const voted = actor.deputyId
    ? await db
        .select({ voteId: projectVoteVoters.voteId })
        .from(projectVoteVoters)
        .where(and(inArray(projectVoteVoters.voteId, ids), eq(projectVoteVoters.memberId, actor.deputyId)))
    : [];
  const meOf = new Map(me.map((m) => [m.voteId, m]));
  const votedSet = new Set(voted.map((v) => v.voteId));
  return {
    items: votes.map((v) => ({
      ...summary(v),
      candidates: cands.filter((c) => c.voteId === v.id).map((c) => ({ id: c.id, title: c.title })),
      me: { onRoll: meOf.has(v.id), signedIn: !!meOf.get(v.id)?.signedInAt, hasVoted: votedSet.has(v.id) },
    })),
    nextCursor: null,
    abilities,
  };
}

export async function getVote(db: Db, actor: Actor, voteId: string) {
  const vote = await loadVote(db, actor.congressId, voteId);
  const member = actor.deputyId ? await findRollMember(db, voteId, actor.deputyId) : null;
  const resource = { congressId: vote.congressId, onRoll: !!member };
  votePolicy.authorize(actor, 'read', resource);
  const candidates = await loadBallotCandidates(db, voteId);
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
  return {
    ...summary(vote),
    rules: { ...voteRulesSchema.parse({}), ...vote.rules },
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
    turnout: {
      ...t,
      quorumNeeded: quorumNeeded(t.rollSize, vote.rules),
      paperBallots: vote.paperTally?.ballots ?? null,
    },
    me: {
      onRoll: !!member,
      signedIn: !!member?.signedInAt,
      hasVoted: member ? await hasVoted(db, voteId, member.memberId) : false,
    },
    abilities: votePolicy.abilities(actor, resource),
  };
}

/** Roll with attendance, for the staff console (never who voted how; not even who has voted). */
export async function findRoll(db: Db, congressId: string, voteId: string) {
  await loadVote(db, congressId, voteId);
  const rows = await db
    .select({
      memberId: projectVoteRoll.memberId,
      kind: projectVoteRoll.kind,
      name: projectVoteRoll.name,
      signedInAt: projectVoteRoll.signedInAt,
    })
    .from(projectVoteRoll)
    .where(eq(projectVoteRoll.voteId, voteId))
    .orderBy(projectVoteRoll.name, projectVoteRoll.memberId);
  return { items: rows, nextCursor: null };
}

/** The published result; refused while the vote runs (results are secret until close). */
export async function getResults(
  db: Db,
  congressId: string,
  voteId: string,
): Promise<{ vote: ReturnType<typeof summary>; result: PublishedResult }> {
  const vote = await loadVote(db, congressId, voteId);
  if (vote.status !== 'closed' || !vote.result) {
    throw wrongState(vote.status, {
      zh: '票决结束前不公布结果',
      en: 'Results are published when the vote closes',
    });
  }
  return { vote: summary(vote), result: vote.result as unknown as PublishedResult };
}

export async function checkReceipt(db: Db, key: Buffer, congressId: string, voteId: string, code: string) {
  await loadVote(db, congressId, voteId);
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(projectVoteBallots)
    .where(
      and(
        eq(projectVoteBallots.voteId, voteId),
        eq(projectVoteBallots.receiptHash, receiptHash(key, voteId, code)),
      ),
    );
  return { counted: !!row };
}

/** Closed votes of the congress, for the public results page. */
export async function findPublishedVotes(db: Db, congressId: string) {
  const rows = await db
    .select()
    .from(projectVotes)
    .where(
      and(
        eq(projectVotes.congressId, congressId),
        eq(projectVotes.status, 'closed'),
        isNotNull(projectVotes.result),
      ),
    )
    .orderBy(sql`${projectVotes.closedAt} DESC`)
    .limit(100);
  return {
    items: rows.map((v) => ({ ...summary(v), result: v.result as unknown as PublishedResult })),
    nextCursor: null,
  };
}
