// A district's result, computed from its returns (选举法 Art. 43–45): valid and why not, the turnout, the
// elected, the seats left for a runoff and the tied, and the runoff's candidates and result when there is one.
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { electionReturns } from '../elections.table';
import { electionDistrictPolicy } from '../elections.policy';
import { districtOutcome, findDistrict } from '../elections.repository';

export async function getDistrictResult(db: Db, actor: Actor, electionId: string, districtId: string) {
  const { district } = await findDistrict(db, actor, electionId, districtId);
  electionDistrictPolicy.authorize(actor, 'read', { congressId: district.congressId });
  const returns = await db.select().from(electionReturns).where(eq(electionReturns.districtId, district.id));
  const outcome = districtOutcome(
    district.seats,
    returns.find((r) => r.round === 'first'),
    returns.find((r) => r.round === 'runoff'),
    returns.find((r) => r.round === 'revote'),
  );
  if (!outcome) throw notFound({ zh: '该选区的选举结果', en: "the district's return" });
  return { districtId: district.id, seats: district.seats, ...outcome };
}
