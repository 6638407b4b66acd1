// One voter's card (选民证) as printed: the election, the voter's name, sex, district and group, the card's
// number and day of issue, the ID number masked. 409 when none was issued (or the voter is off the list).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import type { Pii } from '../../../platform/pii';
import { conflict, notFound } from '../../../platform/errors';
import { electionDistricts, electionVoters } from '../elections.table';
import { electionPolicy } from '../elections.policy';
import { findElection, VOTER } from '../elections.repository';

export async function getVoterCard(db: Db, pii: Pii, actor: Actor, electionId: string, voterId: string) {
  const election = await findElection(db, actor, electionId);
  electionPolicy.authorize(actor, 'readVoters', { congressId: election.congressId });
  const [v] = await db
    .select({
      id: electionVoters.id,
      name: electionVoters.name,
      sex: electionVoters.sex,
      group: electionVoters.groupName,
      idNumberEnc: electionVoters.idNumberEnc,
      voterCardNo: electionVoters.voterCardNo,
      voterCardIssuedOn: electionVoters.voterCardIssuedOn,
      exclusion: electionVoters.exclusion,
      district: electionDistricts.name,
    })
    .from(electionVoters)
    .innerJoin(electionDistricts, eq(electionDistricts.id, electionVoters.districtId))
    .where(and(eq(electionVoters.id, voterId), eq(electionVoters.electionId, election.id)));
  if (!v) throw notFound(VOTER);
  if (v.exclusion || !v.voterCardNo)
    throw conflict('no_voter_card', {
      zh: `${v.name}没有选民证`,
      en: `${v.name} has no voter card`,
    });
  return {
    election: { title: election.title, electionDay: election.electionDay },
    voter: {
      id: v.id,
      name: v.name,
      sex: v.sex,
      district: v.district,
      group: v.group,
      idNumber: pii.masked('idNumber', v.idNumberEnc),
    },
    voterCardNo: v.voterCardNo,
    issuedOn: v.voterCardIssuedOn,
  };
}
