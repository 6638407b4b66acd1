// Polling day as the election office watches it: each station's latest cumulative report, rolled up per
// district (ballots issued against the voters on the list) and for the whole election, and the whole
// election's ballots issued by the hour (each station's latest report up to the end of each hour).
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { percent } from '@minyi/domain/elections';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import {
  electionDistricts,
  electionPollingStations,
  electionTurnoutReports,
  electionVoters,
} from '../elections.table';
import { electionPolicy } from '../elections.policy';
import { findElection } from '../elections.repository';

export async function getTurnout(db: Db, actor: Actor, electionId: string) {
  const election = await findElection(db, actor, electionId);
  const resource = { congressId: election.congressId };
  electionPolicy.authorize(actor, 'read', resource);
  const [districts, stations, latest, listed, reports] = await Promise.all([
    db
      .select({ id: electionDistricts.id, name: electionDistricts.name })
      .from(electionDistricts)
      .where(eq(electionDistricts.electionId, election.id))
      .orderBy(asc(electionDistricts.createdAt), asc(electionDistricts.id)),
    db
      .select()
      .from(electionPollingStations)
      .where(eq(electionPollingStations.electionId, election.id))
      .orderBy(asc(electionPollingStations.createdAt), asc(electionPollingStations.id)),
    db
      .selectDistinctOn([electionTurnoutReports.stationId], {
        stationId: electionTurnoutReports.stationId,
        reportedAt: electionTurnoutReports.reportedAt,
        ballotsIssued: electionTurnoutReports.ballotsIssued,
        ballotsReturned: electionTurnoutReports.ballotsReturned,
      })
      .from(electionTurnoutReports)
      .where(eq(electionTurnoutReports.electionId, election.id))
      .orderBy(electionTurnoutReports.stationId, sql`${electionTurnoutReports.reportedAt} DESC`),
    db
      .select({ districtId: electionVoters.districtId, n: sql<number>`count(*)::int` })
      .from(electionVoters)
      .where(and(eq(electionVoters.electionId, election.id), isNull(electionVoters.exclusion)))
      .groupBy(electionVoters.districtId),
    db
      .select({
        stationId: electionTurnoutReports.stationId,
        reportedAt: electionTurnoutReports.reportedAt,
        ballotsIssued: electionTurnoutReports.ballotsIssued,
      })
      .from(electionTurnoutReports)
      .where(eq(electionTurnoutReports.electionId, election.id))
      .orderBy(asc(electionTurnoutReports.reportedAt)),
  ]);
  const last = new Map(latest.map((l) => [l.stationId, l]));
  const stationRows = stations.map((s) => {
    const l = last.get(s.id);
    return {
      id: s.id,
      districtId: s.districtId,
      name: s.name,
      kind: s.kind,
      lastReportedAt: l?.reportedAt.toISOString() ?? null,
      ballotsIssued: l?.ballotsIssued ?? 0,
      ballotsReturned: l?.ballotsReturned ?? 0,
    };
  });
  const districtRows = districts.map((d) => {
    const mine = stationRows.filter((s) => s.districtId === d.id);
    const registered = listed.find((v) => v.districtId === d.id)?.n ?? 0;
    const ballotsIssued = mine.reduce((n, s) => n + s.ballotsIssued, 0);
    return {
      id: d.id,
      name: d.name,
      registered,
      stations: mine.length,
      stationsReported: mine.filter((s) => s.lastReportedAt).length,
      ballotsIssued,
      ballotsReturned: mine.reduce((n, s) => n + s.ballotsReturned, 0),
      turnout: percent(ballotsIssued, registered),
    };
  });
  // By the hour (Asia/Shanghai): each station's running total at the end of each hour with a report.
  const hourly: { hour: string; ballotsIssued: number }[] = [];
  const running = new Map<string, number>();
  const hourOf = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(11, 13);
  for (const r of reports) {
    running.set(r.stationId, r.ballotsIssued);
    const hour = `${hourOf(r.reportedAt)}:00`;
    const total = [...running.values()].reduce((a, b) => a + b, 0);
    if (hourly.at(-1)?.hour === hour) hourly[hourly.length - 1].ballotsIssued = total;
    else hourly.push({ hour, ballotsIssued: total });
  }
  const registered = districtRows.reduce((n, d) => n + d.registered, 0);
  const ballotsIssued = districtRows.reduce((n, d) => n + d.ballotsIssued, 0);
  return {
    electionDay: election.electionDay,
    registered,
    ballotsIssued,
    ballotsReturned: districtRows.reduce((n, d) => n + d.ballotsReturned, 0),
    turnout: percent(ballotsIssued, registered),
    districts: districtRows,
    stations: stationRows,
    hourly,
    abilities: electionPolicy.abilities(actor, resource),
  };
}
