// Votes for the actor: a deputy's ballot list (the votes whose roll they are on), or every vote for staff.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { VoteStatus } from '@minyi/domain/livelihood';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { projectVoteCandidates, projectVoteRoll, projectVotes, projectVoteVoters } from '../ballots.table';
import { votePolicy } from '../ballots.policy';
import { encryptionOf, ownerOf, voteSummary, type BallotSubject, type VoteRow } from '../ballots.repository';

/** Votes for the actor: a deputy sees those they are on the roll for; staff and leaders see all. */
export async function findVotes(
  db: Db,
  actor: Actor,
  subject: BallotSubject,
  status: VoteStatus | undefined,
) {
  const staff = actor.roles.includes('congressStaff') || actor.roles.includes('leader');
  let votes: VoteRow[];
  const byStatus = and(
    eq(projectVotes.owner, ownerOf(subject)),
    status ? eq(projectVotes.status, status) : undefined,
  );
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
  const places = await db
    .select({
      voteId: projectVoteCandidates.voteId,
      id: projectVoteCandidates.candidateId,
      position: projectVoteCandidates.position,
    })
    .from(projectVoteCandidates)
    .where(inArray(projectVoteCandidates.voteId, ids))
    .orderBy(projectVoteCandidates.position);
  const titles = new Map(
    (await subject.findOptions(db, actor.congressId, [...new Set(places.map((p) => p.id))])).map((o) => [
      o.id,
      o.title,
    ]),
  );
  const cands = places.flatMap((p) => {
    const title = titles.get(p.id);
    return title === undefined ? [] : [{ voteId: p.voteId, id: p.id, title }];
  });
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
      ...voteSummary(v),
      candidates: cands.filter((c) => c.voteId === v.id).map((c) => ({ id: c.id, title: c.title })),
      encryption: encryptionOf(v),
      me: { onRoll: meOf.has(v.id), signedIn: !!meOf.get(v.id)?.signedInAt, hasVoted: votedSet.has(v.id) },
    })),
    nextCursor: null,
    abilities,
  };
}
