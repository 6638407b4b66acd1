// The loaders and lockers the election commands share: an election or one of its districts of the actor's
// congress (404 otherwise), locked for the change.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor, Work } from '../../platform/context';
import { invalidField, notFound } from '../../platform/errors';
import { decideDistrict, decideRevote, decideRunoff, runoffCandidates } from '@minyi/domain/elections';
import { electionDistricts, electionReturns, electionVoters, elections } from './elections.table';
import { electionPolicy, type ElectionResource } from './elections.policy';

export type ElectionRow = typeof elections.$inferSelect;
export type DistrictRow = typeof electionDistricts.$inferSelect;

export const ELECTION = { zh: '选举', en: 'election' };
export const DISTRICT = { zh: '选区', en: 'electoral district' };

/** An election of the actor's congress, or 404. */
export async function findElection(db: Db, actor: Actor, electionId: string): Promise<ElectionRow> {
  const [row] = await db
    .select()
    .from(elections)
    .where(and(eq(elections.id, electionId), eq(elections.congressId, actor.congressId)));
  if (!row) throw notFound(ELECTION);
  return row;
}

/** Loads (and locks) an election for a step. */
export async function loadElectionStep(
  w: Work,
  actor: Actor,
  electionId: string,
): Promise<{ row: ElectionRow; resource: ElectionResource }> {
  const [row] = await w.db
    .select()
    .from(elections)
    .where(and(eq(elections.id, electionId), eq(elections.congressId, actor.congressId)))
    .for('update');
  if (!row) throw notFound(ELECTION);
  return { row, resource: { congressId: row.congressId } };
}

/** A district of an election of the actor's congress, with its election, or 404. */
export async function findDistrict(
  db: Db,
  actor: Actor,
  electionId: string,
  districtId: string,
): Promise<{ district: DistrictRow; election: ElectionRow }> {
  const election = await findElection(db, actor, electionId);
  const [district] = await db
    .select()
    .from(electionDistricts)
    .where(and(eq(electionDistricts.id, districtId), eq(electionDistricts.electionId, electionId)));
  if (!district) throw notFound(DISTRICT);
  return { district, election };
}

/** Loads (and locks) a district for a step, with its election. */
export async function loadDistrictStep(
  w: Work,
  actor: Actor,
  electionId: string,
  districtId: string,
): Promise<{ row: { district: DistrictRow; election: ElectionRow }; resource: ElectionResource }> {
  const election = await findElection(w.db, actor, electionId);
  const [district] = await w.db
    .select()
    .from(electionDistricts)
    .where(and(eq(electionDistricts.id, districtId), eq(electionDistricts.electionId, electionId)))
    .for('update');
  if (!district) throw notFound(DISTRICT);
  return { row: { district, election }, resource: { congressId: district.congressId } };
}

type ReturnRow = typeof electionReturns.$inferSelect;

/**
 * A district's outcome from its returns (computed, never typed): the first round's result (Art. 43–45); when
 * candidates tied for the last seat(s), the re-vote among them (¶3); when seats were left, the runoff's
 * candidates from the ranking and its result (Art. 45 ¶4–5).
 */
export function districtOutcome(
  seats: number,
  first: ReturnRow | undefined,
  runoff: ReturnRow | undefined,
  revote?: ReturnRow,
) {
  if (!first) return null;
  const result = decideDistrict(seats, first);
  const notElected = Object.fromEntries(
    Object.entries(first.votes).filter(([id]) => !result.elected.includes(id)),
  );
  const candidates = result.valid ? runoffCandidates(notElected, result.runoffSeats) : [];
  const second = runoff && result.runoffSeats > 0 ? decideRunoff(result.runoffSeats, runoff) : null;
  const revoteSeats = result.tied.length ? seats - result.elected.length : 0;
  const again = revote && revoteSeats > 0 ? decideRevote(revoteSeats, revote.votes) : null;
  return {
    ...result,
    revote:
      revoteSeats > 0
        ? {
            seats: revoteSeats,
            candidates: result.tied,
            entered: !!again,
            elected: again?.elected ?? [],
            tied: again?.tied ?? [],
          }
        : null,
    runoff:
      result.runoffSeats > 0
        ? {
            candidates,
            entered: !!second,
            elected: second?.elected ?? [],
            tied: second?.tied ?? [],
            vacancies: second?.vacancies ?? null,
          }
        : null,
    /** Everyone elected, first round and runoff. */
    deputies: [...result.elected, ...(second?.elected ?? []), ...(again?.elected ?? [])],
  };
}

export type VoterRow = typeof electionVoters.$inferSelect;
export const VOTER = { zh: '选民', en: 'voter' };

/**
 * Loads (and locks) a registration of an election of the actor's congress for a step, with its election. The
 * caller's right to `action` on the election is checked first: whether a voter exists is not told to others.
 */
export async function loadVoterStep(
  w: Work,
  actor: Actor,
  electionId: string,
  voterId: string,
  action: string,
): Promise<{ row: { voter: VoterRow; election: ElectionRow }; resource: ElectionResource }> {
  const election = await findElection(w.db, actor, electionId);
  electionPolicy.authorize(actor, action, { congressId: election.congressId });
  const [voter] = await w.db
    .select()
    .from(electionVoters)
    .where(and(eq(electionVoters.id, voterId), eq(electionVoters.electionId, election.id)))
    .for('update');
  if (!voter) throw notFound(VOTER);
  return { row: { voter, election }, resource: { congressId: election.congressId } };
}

/** A district of the election named in a request body: a 400 naming the field when it is not one. */
export async function districtOfElection(
  db: Db,
  electionId: string,
  districtId: string,
  field = 'districtId',
): Promise<DistrictRow> {
  const [district] = await db
    .select()
    .from(electionDistricts)
    .where(and(eq(electionDistricts.id, districtId), eq(electionDistricts.electionId, electionId)));
  if (!district)
    throw invalidField(field, '不是本次选举的选区', 'not a district of this election', 'not_found');
  return district;
}

/** A day given in a request that may not be after today (a record of what happened). */
export function notAfterToday(field: string, day: string, today: string) {
  if (day > today)
    throw invalidField(field, `日期不能晚于今天（${today}）`, `the day cannot be after today (${today})`);
}
