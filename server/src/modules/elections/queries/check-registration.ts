// The public look-up of one's own registration (issue 18: "a voter checks their own registration by name + ID
// number, no list browsing"). The ID number is matched by its SM3 blind index in the congress's latest election
// and the name must match too; the answer is only whether the person is on the list and where they vote (the
// district, the voter group, the district's polling stations). Not registered, a wrong name, or a voter taken off
// the list all get the same answer (registered: false), so the look-up tells nothing about anyone else, nor why
// someone is off the list: that is for the election committee to say.
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { RegistrationCheck } from '@minyi/domain/elections';
import type { Ctx } from '../../../platform/context';
import { electionDistricts, electionPollingStations, electionVoters, elections } from '../elections.table';

export async function checkRegistration(ctx: Ctx, congressId: string, input: RegistrationCheck) {
  const db = ctx.app.db;
  const [election] = await db
    .select({ id: elections.id, title: elections.title, electionDay: elections.electionDay })
    .from(elections)
    .where(eq(elections.congressId, congressId))
    .orderBy(desc(elections.electionDay), desc(elections.id))
    .limit(1);
  if (!election) return { registered: false as const, election: null };
  const publicElection = { title: election.title, electionDay: election.electionDay };
  const notFound = { registered: false as const, election: publicElection };
  const index = ctx.app.pii.index('idNumber', input.idNumber);
  const [voter] = await db
    .select({
      name: electionVoters.name,
      group: electionVoters.groupName,
      districtId: electionDistricts.id,
      district: electionDistricts.name,
    })
    .from(electionVoters)
    .innerJoin(electionDistricts, eq(electionDistricts.id, electionVoters.districtId))
    .where(
      and(
        eq(electionVoters.electionId, election.id),
        eq(electionVoters.idNumberIndex, index),
        isNull(electionVoters.exclusion),
      ),
    )
    .limit(1);
  if (!voter || voter.name !== input.name) return notFound;
  const stations = await db
    .select({ name: electionPollingStations.name, kind: electionPollingStations.kind })
    .from(electionPollingStations)
    .where(eq(electionPollingStations.districtId, voter.districtId))
    .orderBy(asc(electionPollingStations.name));
  return {
    registered: true as const,
    election: publicElection,
    district: voter.district,
    group: voter.group,
    stations,
  };
}
