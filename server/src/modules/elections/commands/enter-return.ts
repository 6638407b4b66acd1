// A district's agreed return, from election day on (the two tellers agreed in the UI; the API takes the one agreed return): for the
// first round once the official list is confirmed, its votes for the list's candidates only; for the runoff
// once the first round left seats, its votes for the runoff's candidates only; for the re-vote once candidates
// tied for the last seat(s), its votes for the tied only. The result is computed from it.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DistrictReturnInput } from '@minyi/domain/elections';
import { shanghaiDate } from '@minyi/domain/calendar';
import type { Ctx } from '../../../platform/context';
import { badRequest, conflict } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { electionCandidates, electionReturns } from '../elections.table';
import { electionDistrictPolicy } from '../elections.policy';
import { districtOutcome, loadDistrictStep } from '../elections.repository';

const badVotes = (ids: string[]) =>
  badRequest(
    [
      {
        field: 'votes',
        in: 'body',
        code: 'unknown_candidate',
        message: {
          zh: `不是本轮候选人：${ids.join('、')}`,
          en: `Not a candidate of this round: ${ids.join(', ')}`,
        },
      },
    ],
    { zh: '选票结果中有非本轮候选人', en: 'The votes name someone who is not a candidate of this round' },
  );

export function enterReturn(ctx: Ctx, electionId: string, districtId: string, input: DistrictReturnInput) {
  return step(ctx, {
    policy: electionDistrictPolicy,
    action: 'enterReturn',
    load: (w, actor) => loadDistrictStep(w, actor, electionId, districtId),
    async write({ w, row: { district, election } }) {
      if (shanghaiDate(new Date()) < election.electionDay)
        throw conflict('before_election_day', {
          zh: `选举日（${election.electionDay}）前不能录入选举结果`,
          en: `No return can be entered before election day (${election.electionDay})`,
        });
      if (!district.candidatesConfirmedOn)
        throw conflict('list_not_confirmed', {
          zh: '该选区的正式候选人名单尚未确定',
          en: "The district's official candidate list is not confirmed yet",
        });
      const returns = await w.db
        .select()
        .from(electionReturns)
        .where(eq(electionReturns.districtId, district.id));
      if (returns.some((r) => r.round === input.round))
        throw conflict('return_entered', {
          zh: '该选区本轮的选举结果已录入',
          en: "This round's return of the district is already entered",
        });
      let allowed: string[];
      if (input.round === 'first') {
        const list = await w.db
          .select({ id: electionCandidates.id })
          .from(electionCandidates)
          .where(and(eq(electionCandidates.districtId, district.id), isNull(electionCandidates.dropped)))
          .orderBy(asc(electionCandidates.position));
        allowed = list.map((c) => c.id);
      } else if (input.round === 'revote') {
        const outcome = districtOutcome(
          district.seats,
          returns.find((r) => r.round === 'first'),
          undefined,
        );
        if (!outcome?.revote)
          throw conflict('no_revote', {
            zh: '该选区没有票数相等需要再次投票的候选人',
            en: 'The district has no candidates tied for a seat to vote on again',
          });
        allowed = outcome.revote.candidates;
      } else {
        const outcome = districtOutcome(
          district.seats,
          returns.find((r) => r.round === 'first'),
          undefined,
        );
        if (!outcome?.runoff)
          throw conflict('no_runoff', {
            zh: '该选区没有需要另行选举的名额',
            en: 'The district has no seats left for a runoff',
          });
        allowed = outcome.runoff.candidates;
      }
      const unknown = Object.keys(input.votes).filter((id) => !allowed.includes(id));
      if (unknown.length) throw badVotes(unknown);
      const votes = Object.fromEntries(allowed.map((id) => [id, input.votes[id] ?? 0]));
      const row = {
        congressId: district.congressId,
        electionId: district.electionId,
        districtId: district.id,
        round: input.round,
        registered: input.registered,
        participated: input.participated,
        ballotsIssued: input.ballotsIssued,
        ballotsReturned: input.ballotsReturned,
        void: input.void,
        others: input.others,
        votes,
      };
      await w.db.insert(electionReturns).values(row);
      const all = [...returns.filter((r) => r.round !== input.round), { ...row, enteredAt: new Date() }];
      const outcome = districtOutcome(
        district.seats,
        all.find((r) => r.round === 'first'),
        all.find((r) => r.round === 'runoff'),
        all.find((r) => r.round === 'revote'),
      );
      return {
        result: { districtId: district.id, round: input.round },
        audit: {
          action: 'election.enterReturn',
          entityType: 'electionDistrict',
          entityId: district.id,
          congressId: district.congressId,
          after: { ...row, valid: outcome?.valid, elected: outcome?.deputies },
        },
      };
    },
  });
}
