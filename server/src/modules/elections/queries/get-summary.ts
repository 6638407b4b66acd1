// The election's summary from its records: districts, those whose first round filled every seat (valid, no
// tie, no runoff: 一次选举成功), the registered and those who took part in the first round, the turnout to two
// decimals, and the report's sentence built from them.
import { eq } from 'drizzle-orm';
import { percent, summarySentence } from '@minyi/domain/elections';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { electionDistricts, electionReturns } from '../elections.table';
import { electionPolicy } from '../elections.policy';
import { districtOutcome, findElection, type DistrictRow } from '../elections.repository';

type ReturnRow = typeof electionReturns.$inferSelect;

export function summarize(districts: readonly DistrictRow[], returns: readonly ReturnRow[]) {
  let districtsValidFirstRound = 0;
  let registered = 0;
  let participated = 0;
  let entered = 0;
  for (const d of districts) {
    const first = returns.find((r) => r.districtId === d.id && r.round === 'first');
    if (!first) continue;
    entered++;
    registered += first.registered;
    participated += first.participated;
    const o = districtOutcome(d.seats, first, undefined);
    if (o?.valid && o.elected.length === d.seats) districtsValidFirstRound++;
  }
  const s = {
    districts: districts.length,
    districtsEntered: entered,
    districtsValidFirstRound,
    registered,
    participated,
    turnout: percent(participated, registered),
  };
  return { ...s, sentence: summarySentence(s) };
}

export async function getSummary(db: Db, actor: Actor, electionId: string) {
  const e = await findElection(db, actor, electionId);
  electionPolicy.authorize(actor, 'read', { congressId: e.congressId });
  const [districts, returns] = await Promise.all([
    db.select().from(electionDistricts).where(eq(electionDistricts.electionId, e.id)),
    db.select().from(electionReturns).where(eq(electionReturns.electionId, e.id)),
  ]);
  return summarize(districts, returns);
}
