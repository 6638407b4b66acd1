// A polling station's turnout report on election day: its cumulative ballots issued and returned so far, from
// the station's phone (now) or entered afterwards with the time. Returned never above issued; the figures never
// fall below the station's previous report; a report only on election day (Asia/Shanghai), never in the future.
// Only the station's row is locked, so hundreds of stations reporting in the same minute do not wait on each other.
import { and, desc, eq, lte } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import { turnoutReportProblem } from '@minyi/domain/elections';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { electionPollingStations, electionTurnoutReports } from '../elections.table';
import { electionPolicy } from '../elections.policy';
import { findElection } from '../elections.repository';

const STATION = { zh: '投票站', en: 'polling station' };
/** A phone's clock may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 2 * 60_000;

export function reportTurnout(
  ctx: Ctx,
  electionId: string,
  stationId: string,
  input: { ballotsIssued: number; ballotsReturned: number; reportedAt?: string },
) {
  return step(ctx, {
    policy: electionPolicy,
    action: 'reportTurnout',
    async load(w, actor) {
      const election = await findElection(w.db, actor, electionId);
      // The right first: whether the record exists is not told to others.
      electionPolicy.authorize(actor, 'reportTurnout', { congressId: election.congressId });
      const [station] = await w.db
        .select()
        .from(electionPollingStations)
        .where(
          and(eq(electionPollingStations.id, stationId), eq(electionPollingStations.electionId, election.id)),
        )
        .for('update');
      if (!station) throw notFound(STATION);
      return { row: { station, election }, resource: { congressId: election.congressId } };
    },
    async write({ w, actor, row: { station, election } }) {
      const now = new Date();
      const at = input.reportedAt ? new Date(input.reportedAt) : now;
      if (at.getTime() > now.getTime() + CLOCK_SKEW_MS)
        throw invalidField('reportedAt', '报告时间不能晚于现在', 'the report cannot be dated in the future');
      if (shanghaiDate(at) !== election.electionDay)
        throw conflict('not_election_day', {
          zh: `投票情况只能报告选举日（${election.electionDay}）的数字`,
          en: `Turnout is reported for election day (${election.electionDay}) only`,
        });
      const [last] = await w.db
        .select()
        .from(electionTurnoutReports)
        .where(
          and(eq(electionTurnoutReports.stationId, station.id), lte(electionTurnoutReports.reportedAt, at)),
        )
        .orderBy(desc(electionTurnoutReports.reportedAt))
        .limit(1);
      const problem = turnoutReportProblem(input, last ?? null);
      if (problem === 'returnedExceedIssued')
        throw invalidField(
          'ballotsReturned',
          '收回的选票不能多于发出的选票',
          'more ballots returned than issued',
        );
      if (problem)
        throw invalidField(
          problem === 'issuedFell' ? 'ballotsIssued' : 'ballotsReturned',
          `累计数不能少于上次报告（发出${last.ballotsIssued}，收回${last.ballotsReturned}）`,
          `the running total cannot fall below the last report (issued ${last.ballotsIssued}, returned ${last.ballotsReturned})`,
        );
      const row = {
        id: newId(),
        congressId: election.congressId,
        electionId: election.id,
        stationId: station.id,
        reportedAt: at,
        ballotsIssued: input.ballotsIssued,
        ballotsReturned: input.ballotsReturned,
        reportedBy: actor.accountId,
      };
      await w.db.insert(electionTurnoutReports).values(row);
      return {
        result: { id: row.id, reportedAt: at.toISOString() },
        audit: {
          action: 'election.reportTurnout',
          entityType: 'electionPollingStation',
          entityId: station.id,
          congressId: election.congressId,
          after: row,
        },
      };
    },
  });
}
