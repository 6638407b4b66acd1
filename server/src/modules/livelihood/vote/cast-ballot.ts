// Casts a deputy's secret ballot: choose up to N of M (blank allowed). The record that the deputy voted
// and the ballot go to two tables in one transaction, with nothing shared but the vote (see SECRECY.md).
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { canTakeVoteStep, type VoteStatus } from '@minyi/domain/livelihood';
import { transact, type Actor, type Ctx } from '../../../platform/context';
import { conflict, forbidden, invalidField, notFound, wrongState } from '../../../platform/errors';
import { projectVoteBallots, projectVoteVoters } from '../livelihood.table';
import { votePolicy } from '../livelihood.policy';
import { newReceiptCode, receiptHash } from './receipt';

interface BallotContext {
  status: VoteStatus;
  max_choices: number;
  on_roll: boolean;
  signed_in: boolean;
  known: number;
}

export async function castBallot(ctx: Ctx, actor: Actor, voteId: string, choices: string[]) {
  const memberId = actor.deputyId ?? '00000000-0000-0000-0000-000000000000';
  return transact(ctx, async (w) => {
    // One round trip for everything the checks need. The key-share lock lets ballots run side by side but
    // never past a close (which takes the vote row FOR UPDATE, and that conflicts with KEY SHARE).
    const choiceArray = sql`ARRAY[${sql.join(
      choices.length ? choices.map((c) => sql`${c}`) : [sql`NULL`],
      sql`, `,
    )}]::uuid[]`;
    const res = (await w.db.execute(sql`
      SELECT v.status, v.max_choices,
             (r.member_id IS NOT NULL) AS on_roll,
             (r.signed_in_at IS NOT NULL) AS signed_in,
             (SELECT count(*)::int FROM project_vote_candidates c WHERE c.vote_id = v.id AND c.candidate_id = ANY(${choiceArray})) AS known
      FROM project_votes v
      LEFT JOIN project_vote_roll r ON r.vote_id = v.id AND r.member_id = ${memberId}
      WHERE v.id = ${voteId} AND v.congress_id = ${actor.congressId}
      FOR KEY SHARE OF v`)) as unknown as { rows: BallotContext[] };
    const v = res.rows[0];
    if (!v) throw notFound({ zh: '票决', en: 'project vote' });
    votePolicy.authorize(actor, 'castBallot', { congressId: actor.congressId, onRoll: v.on_roll });
    if (!canTakeVoteStep(v.status, 'castBallot')) throw wrongState(v.status);
    if (!v.signed_in) throw forbidden({ zh: '请先签到', en: 'Sign in (attendance) before voting' });
    if (choices.length > v.max_choices) {
      throw invalidField(
        'choices',
        `最多选择 ${v.max_choices} 项`,
        `choose at most ${v.max_choices}`,
        'too_many_choices',
      );
    }
    if (new Set(choices).size !== choices.length)
      throw invalidField('choices', '不能重复选择', 'contains duplicates');
    if (Number(v.known) !== choices.length) {
      // Name the first unknown choice (a second, rare query only on this error path).
      const known = (await w.db.execute(
        sql`SELECT candidate_id::text AS id FROM project_vote_candidates WHERE vote_id = ${voteId}`,
      )) as unknown as { rows: { id: string }[] };
      const ids = new Set(known.rows.map((r) => r.id));
      const bad = Math.max(
        0,
        choices.findIndex((c) => !ids.has(c)),
      );
      throw invalidField(`choices.${bad}`, '不是本次票决的候选项目', 'is not a candidate of this vote');
    }
    const receiptCode = newReceiptCode();
    // The voter's mark and the ballot in one statement: the ballot is written only if the mark was new.
    // Choices sorted so that their order carries nothing from the voter's screen.
    const written = (await w.db.execute(sql`
      WITH marked AS (
        INSERT INTO ${projectVoteVoters} (congress_id, vote_id, member_id)
        VALUES (${actor.congressId}, ${voteId}, ${memberId})
        ON CONFLICT DO NOTHING RETURNING 1
      )
      INSERT INTO ${projectVoteBallots} (congress_id, vote_id, mix_key, receipt_hash, choices)
      SELECT ${actor.congressId}, ${voteId}, ${randomBytes(16).toString('hex')},
             ${receiptHash(ctx.app.config.keys.piiIndex, voteId, receiptCode)}, ${sql`ARRAY[${sql.join(
               [...choices].sort().map((c) => sql`${c}`),
               sql`, `,
             )}]::uuid[]`}
      WHERE EXISTS (SELECT 1 FROM marked)
      RETURNING 1 AS ok`)) as unknown as { rows: unknown[] };
    if (written.rows.length === 0)
      throw conflict('already_voted', { zh: '您已投票，不能重复投票', en: 'You have already voted' });
    // The audit row says a ballot was cast, never what it chose.
    await w.audit({
      action: 'projectVote.castBallot',
      entityType: 'projectVote',
      entityId: voteId,
      congressId: actor.congressId,
    });
    return { receiptCode };
  });
}
