// One election as its page shows it: the statutory timetable with each milestone's state (due, late, done),
// the districts with seats, population per deputy (outliers flagged), candidates and the ratio's range, the
// voters registered, each district's outcome once its return is in, the summary, and the caller's abilities.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import {
  candidateRange,
  MILESTONES,
  milestoneState,
  nomineeStage,
  populationOutliers,
  timetable,
  type Milestone,
} from '@minyi/domain/elections';
import { shanghaiDate } from '@minyi/domain/calendar';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { electionCandidates, electionDistricts, electionReturns, electionVoters } from '../elections.table';
import { electionDistrictPolicy, electionPolicy } from '../elections.policy';
import { districtOutcome, findElection } from '../elections.repository';
import { readElectionsSettings } from '../elections.settings';
import { summarize } from './get-summary';

export async function getElection(db: Db, actor: Actor, electionId: string) {
  const e = await findElection(db, actor, electionId);
  const resource = { congressId: e.congressId };
  electionPolicy.authorize(actor, 'read', resource);
  const [districts, candidates, returns, voters, settings] = await Promise.all([
    db
      .select()
      .from(electionDistricts)
      .where(eq(electionDistricts.electionId, e.id))
      .orderBy(asc(electionDistricts.createdAt), asc(electionDistricts.id)),
    db
      .select({
        id: electionCandidates.id,
        districtId: electionCandidates.districtId,
        name: electionCandidates.name,
        nominatedBy: electionCandidates.nominatedBy,
        nominator: electionCandidates.nominator,
        profile: electionCandidates.profile,
        dropped: electionCandidates.dropped,
        dropNote: electionCandidates.dropNote,
        primaryVotes: electionCandidates.primaryVotes,
        nominators: sql<number>`(SELECT count(*)::int FROM election_nominators n WHERE n.candidate_id = ${electionCandidates.id})`,
      })
      .from(electionCandidates)
      .where(eq(electionCandidates.electionId, e.id))
      .orderBy(asc(electionCandidates.position)),
    db.select().from(electionReturns).where(eq(electionReturns.electionId, e.id)),
    db
      .select({
        districtId: electionVoters.districtId,
        count: sql<number>`count(*)::int`,
      })
      .from(electionVoters)
      .where(and(eq(electionVoters.electionId, e.id), isNull(electionVoters.exclusion)))
      .groupBy(electionVoters.districtId),
    readElectionsSettings(db, e.congressId),
  ]);
  const today = shanghaiDate(new Date());
  const dates = timetable(e.electionDay);
  const allPublished = districts.length > 0 && districts.every((d) => d.voterListPublishedOn);
  const allNominees = districts.length > 0 && districts.every((d) => d.nomineesPublishedOn);
  const allConfirmed = districts.length > 0 && districts.every((d) => d.candidatesConfirmedOn);
  const doneOn: Partial<Record<Milestone, string | null>> = {
    // Done when every district's list is published (Art. 28), on the last of those days.
    voterListDue: allPublished
      ? districts.map((d) => d.voterListPublishedOn!).sort()[districts.length - 1]
      : null,
    nomineesDue: allNominees
      ? districts.map((d) => d.nomineesPublishedOn!).sort()[districts.length - 1]
      : null,
    candidateListDue: allConfirmed
      ? districts.map((d) => d.candidatesConfirmedOn!).sort()[districts.length - 1]
      : null,
    electionDay: returns.length ? e.electionDay : null,
  };
  const milestones = MILESTONES.map((m) => {
    const done = doneOn[m] ?? null;
    // A day whose doing is not recorded, or a step before an election day now past (a past election entered
    // afterwards), has simply passed; otherwise it is done, late, due or upcoming.
    const passed =
      !done && today > dates[m] && (!(m in doneOn) || (today > e.electionDay && m !== 'electionDay'));
    const state = passed ? ('passed' as const) : milestoneState(dates[m], today, done, settings.dueSoonDays);
    return { milestone: m, date: dates[m], state, doneOn: done };
  });
  const outliers = new Map(
    populationOutliers(
      districts.filter((d) => d.population !== null) as { id: string; population: number; seats: number }[],
      settings.outlierTolerance,
    ).map((o) => [o.district.id, o.deviation]),
  );
  const abilities = electionDistrictPolicy.abilities(actor, resource);
  return {
    id: e.id,
    title: e.title,
    electionDay: e.electionDay,
    voterListDue: dates.voterListDue,
    candidateListDue: dates.candidateListDue,
    timetable: dates,
    milestones,
    seats: districts.reduce((s, d) => s + d.seats, 0),
    voters: voters.reduce((s, v) => s + v.count, 0),
    districts: districts.map((d) => {
      const mine = candidates.filter((c) => c.districtId === d.id);
      const outcome = districtOutcome(
        d.seats,
        returns.find((r) => r.districtId === d.id && r.round === 'first'),
        returns.find((r) => r.districtId === d.id && r.round === 'runoff'),
        returns.find((r) => r.districtId === d.id && r.round === 'revote'),
      );
      return {
        id: d.id,
        name: d.name,
        seats: d.seats,
        kind: d.kind,
        population: d.population,
        perDeputy: d.population === null ? null : Math.round(d.population / d.seats),
        outlier: outliers.has(d.id),
        voters: voters.find((v) => v.districtId === d.id)?.count ?? 0,
        // The nominees still on the list (the official candidates once confirmed), and those left off.
        candidates: mine.filter((c) => !c.dropped).map(({ districtId: _d, dropNote: _n, ...c }) => c),
        leftOff: mine.filter((c) => c.dropped).map(({ districtId: _d, ...c }) => c),
        nomineeStage: nomineeStage(d.seats, mine.filter((c) => !c.dropped).length, settings.ratioRounding),
        nomineesPublishedOn: d.nomineesPublishedOn,
        candidateRange: candidateRange(d.seats, settings.ratioRounding),
        candidatesConfirmedOn: d.candidatesConfirmedOn,
        voterListPublishedOn: d.voterListPublishedOn,
        result: outcome,
        abilities,
      };
    }),
    summary: summarize(districts, returns),
    abilities: electionPolicy.abilities(actor, resource),
  };
}
