// Freezes the roll of a vote (the active deputies of the congress, or of the street) and starts sign-in. A
// runoff or a second vote takes its parent's frozen roll (the same members, voter representatives included),
// each to sign in again.
import { eq, inArray, sql } from 'drizzle-orm';
import { nextVoteStatus, type VoteStatus } from '@minyi/domain/livelihood';
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { deputies } from '../../registry';
import { projectVoteRoll, projectVotes } from '../ballots.table';
import { votePolicy } from '../ballots.policy';
import { checkOwner, findRollDeputies, loadVoteFor, type BallotSubject } from '../ballots.repository';

/** `subject` gives the roll when its module has its own (`BallotSubject.rollFor`: a meeting's members). */
export function callRoll(ctx: Ctx, voteId: string, subject?: BallotSubject) {
  return step(ctx, {
    policy: votePolicy,
    action: 'callRoll',
    load: (w, actor) => loadVoteFor(w.db, actor, voteId, 'update'),
    transition: ({ row }) => ({ from: row.status, to: nextVoteStatus(row.status, 'callRoll') }),
    async write({ w, row: vote, to }) {
      const congressId = vote.congressId;
      if (vote.parentVoteId) {
        await w.db.execute(sql`
          INSERT INTO project_vote_roll (congress_id, vote_id, member_id, deputy_id, kind, name)
          SELECT congress_id, ${voteId}, member_id, deputy_id, kind, name FROM project_vote_roll
          WHERE vote_id = ${vote.parentVoteId} AND congress_id = ${congressId}
          ON CONFLICT DO NOTHING`);
      }
      if (subject) checkOwner(vote, subject);
      const given = !vote.parentVoteId && subject?.rollFor ? await subject.rollFor(w, vote) : null;
      const deputyIds = vote.parentVoteId
        ? []
        : given
          ? given.map((m) => m.deputyId)
          : await findRollDeputies(w.db, congressId, vote.scope === 'street' ? vote.streetId : null);
      const names = given
        ? given.map((m) => ({ id: m.deputyId, name: m.name }))
        : deputyIds.length
          ? await w.db
              .select({ id: deputies.id, name: deputies.name })
              .from(deputies)
              .where(inArray(deputies.id, deputyIds))
          : [];
      const nameOf = new Map(names.map((d) => [d.id, d.name]));
      for (let i = 0; i < deputyIds.length; i += 1000) {
        await w.db.insert(projectVoteRoll).values(
          deputyIds.slice(i, i + 1000).map((d) => ({
            congressId,
            voteId,
            memberId: d,
            deputyId: d,
            kind: 'deputy' as const,
            name: nameOf.get(d) ?? '',
          })),
        );
      }
      const n = await w.db.$count(projectVoteRoll, eq(projectVoteRoll.voteId, voteId));
      if (n === 0) throw conflict('empty_roll', { zh: '名单为空，无法点名', en: 'The roll is empty' });
      const status = to as VoteStatus;
      await w.db
        .update(projectVotes)
        .set({ status, rollCalledAt: new Date() })
        .where(eq(projectVotes.id, voteId));
      return {
        result: { status, rollSize: n },
        audit: {
          action: 'projectVote.callRoll',
          entityType: 'projectVote',
          entityId: voteId,
          congressId,
          after: { rollSize: n },
        },
      };
    },
  });
}
