// Casts a deputy's secret ballot: choose up to N of M (blank allowed). The record that the deputy voted
// and the ballot go to two tables in one statement, with nothing shared but the vote (see SECRECY.md).
//
// The checks and the writes are one statement (one round trip, atomic without BEGIN/COMMIT): a guard
// reads the vote FOR KEY SHARE (ballots run side by side but never past a close, which takes the vote
// row FOR UPDATE), the roll entry and the choices, and aborts the statement with the reason when any
// check fails; the voter's mark is written only once, the ballot only with a new mark, and the audit row
// with both.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { VOTE_STATUSES, VOTE_TRANSITIONS, type VoteStatus } from '@minyi/domain/livelihood';
import { writeAtOnce, type Ctx, type Guard } from '../../../platform/context';
import { arrayOf, stmt } from '../../../platform/statement';
import {
  conflict,
  forbidden,
  invalidField,
  notFound,
  unauthorized,
  wrongState,
} from '../../../platform/errors';
import { votePolicy } from '../ballots.policy';
import { newReceiptCode, receiptHash } from '../ballots.repository';

const BALLOT_STATUSES: readonly VoteStatus[] = VOTE_TRANSITIONS.castBallot.from;
const NO_DEPUTY = '00000000-0000-0000-0000-000000000000';

export async function castBallot(ctx: Ctx, voteId: string, choices: string[]) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  // The role part of the policy here; roll membership is checked in the statement (as `onRoll`).
  votePolicy.authorize(actor, 'castBallot', { congressId: actor.congressId, onRoll: true });
  if (new Set(choices).size !== choices.length)
    throw invalidField('choices', '不能重复选择', 'contains duplicates');
  const memberId = actor.deputyId ?? NO_DEPUTY;
  const receiptCode = newReceiptCode();
  let unknownChoice = false;
  const guard: Guard = {
    ctes: stmt`v AS (
        SELECT v.status, v.max_choices,
               (r.member_id IS NOT NULL) AS on_roll,
               (r.signed_in_at IS NOT NULL) AS signed_in,
               (SELECT count(*)::int FROM project_vote_candidates c
                 WHERE c.vote_id = v.id AND c.candidate_id = ANY(${arrayOf(choices, 'uuid')})) AS known
        FROM project_votes v
        LEFT JOIN project_vote_roll r ON r.vote_id = v.id AND r.member_id = ${memberId}
        WHERE v.id = ${voteId} AND v.congress_id = ${actor.congressId}
        FOR KEY SHARE OF v),
      checked AS (
        SELECT CASE
          WHEN NOT EXISTS (SELECT 1 FROM v) THEN minyi_refuse('not_found')
          WHEN NOT v.on_roll THEN minyi_refuse('not_on_roll')
          WHEN v.status <> ALL(${arrayOf(BALLOT_STATUSES, 'text')}) THEN minyi_refuse('state.' || v.status)
          WHEN NOT v.signed_in THEN minyi_refuse('not_signed_in')
          WHEN ${choices.length} > v.max_choices THEN minyi_refuse('too_many.' || v.max_choices)
          WHEN v.known <> ${choices.length} THEN minyi_refuse('unknown_choice')
          ELSE true END AS ok
        FROM (SELECT 1) one LEFT JOIN v ON true),
      marked AS (
        INSERT INTO project_vote_voters (congress_id, vote_id, member_id)
        SELECT ${actor.congressId}, ${voteId}, ${memberId} FROM checked WHERE checked.ok
        ON CONFLICT DO NOTHING RETURNING 1),
      ballot AS (
        INSERT INTO project_vote_ballots (congress_id, vote_id, mix_key, receipt_hash, choices)
        SELECT ${actor.congressId}, ${voteId}, ${randomBytes(16).toString('hex')},
               ${receiptHash(ctx.app.config.keys.piiIndex, voteId, receiptCode)},
               ${arrayOf([...choices].sort(), 'uuid')}
        WHERE EXISTS (SELECT 1 FROM marked))`,
    // Choices are sorted so that their order carries nothing from the voter's screen.
    check: stmt`SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM marked) THEN minyi_refuse('already_voted')
      ELSE true END AS ok`,
    refusal(code) {
      if (code === 'not_found') return notFound({ zh: '票决', en: 'project vote' });
      if (code === 'not_on_roll') return forbidden();
      if (code.startsWith('state.')) {
        const status = code.slice('state.'.length);
        if ((VOTE_STATUSES as readonly string[]).includes(status)) return wrongState(status);
      }
      if (code === 'not_signed_in')
        return forbidden({ zh: '请先签到', en: 'Sign in (attendance) before voting' });
      if (code.startsWith('too_many.')) {
        const max = Number(code.slice('too_many.'.length));
        return invalidField('choices', `最多选择 ${max} 项`, `choose at most ${max}`, 'too_many_choices');
      }
      if (code === 'unknown_choice') {
        unknownChoice = true;
        return invalidField('choices', '不是本次票决的候选项目', 'is not a candidate of this vote');
      }
      if (code === 'already_voted')
        return conflict('already_voted', { zh: '您已投票，不能重复投票', en: 'You have already voted' });
      return undefined;
    },
  };
  try {
    // The audit row says a ballot was cast, never what it chose.
    await writeAtOnce(
      ctx,
      (w) =>
        w.audit({
          action: 'projectVote.castBallot',
          entityType: 'projectVote',
          entityId: voteId,
          congressId: actor.congressId,
        }),
      guard,
    );
  } catch (err) {
    if (!unknownChoice) throw err;
    // Name the first unknown choice (a second, rare query only on this error path).
    const known = (await ctx.app.db.execute(
      sql`SELECT candidate_id::text AS id FROM project_vote_candidates WHERE vote_id = ${voteId}`,
    )) as unknown as { rows: { id: string }[] };
    const ids = new Set(known.rows.map((r) => r.id));
    const bad = Math.max(
      0,
      choices.findIndex((c) => !ids.has(c)),
    );
    throw invalidField(`choices.${bad}`, '不是本次票决的候选项目', 'is not a candidate of this vote');
  }
  return { receiptCode };
}
