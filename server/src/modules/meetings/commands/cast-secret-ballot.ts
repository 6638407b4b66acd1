// A member's secret ballot (无记名表决) on the encrypted-ballot engine: yes, no or abstain encrypted on the
// member's own device, one ciphertext per option with the proofs that at most one is chosen; the server never
// sees the choice (ballots/SECRECY.md). The right to vote is the member's line on the meeting's roll and their
// presence, checked here; the engine then signs the member in to its roll (the meeting's sign-in sheet is the
// attendance) and takes the ballot exactly once (a second one 409, a failing proof 400). The engine's roll is
// of deputies: the member acts toward it as the deputy their account is linked to, whatever their role (the
// standing committee's chair holds `leader`), which is what the meeting's roll says they are.
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField, notFound, unauthorized, wrongState } from '../../../platform/errors';
import { castBallot, signIn } from '../../ballots';
import { meetingMembers, meetingVotes } from '../meetings.table';
import { meetingVotePolicy } from '../meetings.policy';
import { secretBallots } from '../meetings.repository';

export async function castSecretBallot(ctx: Ctx, voteId: string, ballot: unknown) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  const db = ctx.app.db;
  const [vote] = await db
    .select()
    .from(meetingVotes)
    .where(and(eq(meetingVotes.id, voteId), eq(meetingVotes.congressId, actor.congressId)));
  if (!vote) throw notFound({ zh: '表决', en: 'vote' });
  const [me] = actor.deputyId
    ? await db
        .select({ attendance: meetingMembers.attendance })
        .from(meetingMembers)
        .where(and(eq(meetingMembers.meetingId, vote.meetingId), eq(meetingMembers.deputyId, actor.deputyId)))
    : [];
  meetingVotePolicy.authorize(actor, 'castBallot', { congressId: vote.congressId, onRoll: !!me });
  if (!vote.secret)
    throw invalidField('choice', '记名表决请选择赞成、反对或弃权', 'a named vote takes a choice', 'required');
  if (vote.status !== 'open') throw wrongState(vote.status);
  if (me?.attendance !== 'present')
    throw conflict('not_signed_in', { zh: '请先签到再表决', en: 'Sign in to the meeting before voting' });
  const asMember: Ctx = { ...ctx, actor: { ...actor, roles: ['deputy'] } };
  const subject = secretBallots();
  await signIn(asMember, voteId, undefined, subject);
  return castBallot(asMember, voteId, ballot);
}
