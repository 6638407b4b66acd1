// Casts a deputy's secret ballot, encrypted on the deputy's device (issue 21): one exponential-ElGamal
// ciphertext per candidate under the vote's public key, with the proofs that each encrypts 0 or 1 and that
// they add up to 0..N (blank allowed). The server checks the proofs (a failing one is a 400 naming the field)
// and never sees a choice. The record that the deputy voted and the encrypted ballot go to two tables in one
// statement, exactly once; the receipt is the hash of the ciphertexts, listed in the public bulletin.
//
// The checks and the writes are one statement (one round trip, atomic without BEGIN/COMMIT): a guard
// reads the vote FOR KEY SHARE (ballots run side by side but never past a close, which takes the vote
// row FOR UPDATE), the roll entry and the key the proofs were checked against, and aborts the statement with
// the reason when any check fails; the voter's mark is written only once, the ballot only with a new mark,
// and the audit row (which says that a deputy voted, with the time to the hour only) with both.
import { ballotReceipt, verifyBallot } from '@minyi/domain/ballots/crypto';
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
import { ballotContext, candidateCount, loadVote } from '../ballots.repository';

/** The crypto's `proofs[0].challenges[1]` as the API's field path `proofs.0.challenges.1`. */
export const dotted = (field: string) => field.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');

const BALLOT_STATUSES: readonly VoteStatus[] = VOTE_TRANSITIONS.castBallot.from;
const NO_DEPUTY = '00000000-0000-0000-0000-000000000000';

export async function castBallot(ctx: Ctx, voteId: string, body: unknown) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  // The role part of the policy here; roll membership is checked in the statement (as `onRoll`).
  votePolicy.authorize(actor, 'castBallot', { congressId: actor.congressId, onRoll: true });
  const vote = await loadVote(ctx.app.db, actor.congressId, voteId);
  if (!vote.publicKey || !(BALLOT_STATUSES as readonly string[]).includes(vote.status))
    throw wrongState(vote.status);
  const check = verifyBallot(ballotContext(vote, await candidateCount(ctx.app.db, voteId)), body);
  if (!check.ok)
    throw invalidField(
      dotted(check.field),
      `加密选票无效：${check.reason}`,
      `is not a valid encrypted ballot: ${check.reason}`,
    );
  const ballot = check.ballot;
  const receipt = ballotReceipt(ballot);
  const memberId = actor.deputyId ?? NO_DEPUTY;
  const guard: Guard = {
    ctes: stmt`v AS (
        SELECT v.status, v.public_key,
               (r.member_id IS NOT NULL) AS on_roll,
               (r.signed_in_at IS NOT NULL) AS signed_in,
               EXISTS (SELECT 1 FROM project_vote_voters pv
                        WHERE pv.vote_id = v.id AND pv.member_id = ${memberId}) AS voted,
               EXISTS (SELECT 1 FROM project_vote_encrypted_ballots b
                        WHERE b.vote_id = v.id AND b.receipt = ${receipt}) AS replayed
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
          WHEN v.public_key IS DISTINCT FROM ${vote.publicKey} THEN minyi_refuse('key_changed')
          WHEN v.voted THEN minyi_refuse('already_voted')
          WHEN v.replayed THEN minyi_refuse('replayed')
          ELSE true END AS ok
        FROM (SELECT 1) one LEFT JOIN v ON true),
      marked AS (
        INSERT INTO project_vote_voters (congress_id, vote_id, member_id)
        SELECT ${actor.congressId}, ${voteId}, ${memberId} FROM checked WHERE checked.ok
        ON CONFLICT DO NOTHING RETURNING 1),
      ballot AS (
        INSERT INTO project_vote_encrypted_ballots (congress_id, vote_id, receipt, ballot)
        SELECT ${actor.congressId}, ${voteId}, ${receipt}, ${JSON.stringify(ballot)}::jsonb
        WHERE EXISTS (SELECT 1 FROM marked))`,
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
      if (code === 'key_changed')
        return conflict('key_changed', {
          zh: '票决公钥已变更，请刷新',
          en: "The vote's key changed; reload",
        });
      if (code === 'replayed')
        return invalidField(
          'ciphertexts',
          '与已投的一张选票相同',
          'repeats a ballot already cast',
          'replayed',
        );
      if (code === 'already_voted')
        return conflict('already_voted', { zh: '您已投票，不能重复投票', en: 'You have already voted' });
      return undefined;
    },
  };
  // The audit row says that a deputy voted, never what, and its time only to the hour (`coarseTime`): the
  // bulletin lists ballots by receipt, so nothing in it orders the ballots by when they were cast.
  await writeAtOnce(
    ctx,
    (w) =>
      w.audit({
        action: 'projectVote.castBallot',
        entityType: 'projectVote',
        entityId: voteId,
        congressId: actor.congressId,
        coarseTime: true,
      }),
    guard,
  );
  return { receipt };
}
