// Opens a secret vote on an agenda item (无记名表决: appointments and removals by default) on the encrypted-
// ballot engine of issue 21 (see ballots/SECRECY.md). In the engine's transaction the meeting's checks are
// made (in session, quorum, the case in order, one vote per item) and its vote written, `preparing`, with the
// engine's vote under the same id; then the roll is called (the meeting's members) and the three tellers
// named. The tellers hold their key ceremony; staff then open the ballot (open-secret-ballot.ts).
import { and, eq, inArray } from 'drizzle-orm';
import { nextMeetingStatus, SECRET_MAX_CHOICES } from '@minyi/domain/meetings';
import { shanghaiDate } from '@minyi/domain/calendar';
import type { Ctx } from '../../../platform/context';
import { invalidField, unauthorized, wrongState } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { accounts } from '../../../platform/platform.table';
import { appointTellers, callRoll, createVote } from '../../ballots';
import { meetingVotes } from '../meetings.table';
import { meetingPolicy } from '../meetings.policy';
import {
  checkOpening,
  loadMeetingStep,
  SECRET_OPTION_LIST,
  secretBallots,
  secretVoteRules,
} from '../meetings.repository';

export async function openSecretVote(
  ctx: Ctx,
  meetingId: string,
  item: { id: string; title: string },
  input: { tellerAccountIds?: string[] },
) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  const tellers = input.tellerAccountIds;
  if (!tellers)
    throw invalidField(
      'tellerAccountIds',
      '无记名表决须指定三名计票人',
      'a secret vote needs its three tellers',
      'required',
    );
  if (new Set(tellers).size !== tellers.length)
    throw invalidField('tellerAccountIds', '计票人不能重复', 'contains duplicates');
  const voteId = newId();
  const subject = secretBallots(async (w, congressId) => {
    const { row: m, resource } = await loadMeetingStep(w, actor, meetingId);
    meetingPolicy.authorize(actor, 'openVote', resource);
    if (!nextMeetingStatus(m.status, 'openVote')) throw wrongState(m.status);
    const { counts, quorumNeeded } = await checkOpening(w, m, item.id, true);
    const found = await w.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(inArray(accounts.id, tellers), eq(accounts.congressId, congressId)));
    const known = new Set(found.map((a) => a.id));
    const bad = tellers.findIndex((id) => !known.has(id));
    if (bad >= 0)
      throw invalidField(
        `tellerAccountIds.${bad}`,
        '不是本届人大的账号',
        'is not an account of this congress',
      );
    const vote = {
      id: voteId,
      congressId,
      meetingId: m.id,
      itemId: item.id,
      members: counts.members,
      secret: true,
      status: 'preparing' as const,
    };
    await w.db.insert(meetingVotes).values(vote);
    await w.audit({
      action: 'meetingVote.open',
      entityType: 'meetingVote',
      entityId: voteId,
      congressId,
      after: { ...vote, present: counts.present, tellerAccountIds: tellers },
    });
    return secretVoteRules(counts.members, quorumNeeded);
  });
  await createVote(
    ctx,
    subject,
    {
      year: Number(shanghaiDate(new Date()).slice(0, 4)),
      title: item.title.slice(0, 200),
      scope: 'district',
      streetId: null,
      maxChoices: SECRET_MAX_CHOICES,
      candidateIds: SECRET_OPTION_LIST,
      voterRepresentatives: [],
    },
    { id: voteId },
  );
  await callRoll(ctx, voteId, subject);
  await appointTellers(ctx, voteId, tellers);
  return { voteId, secret: true, status: 'preparing' as const };
}
