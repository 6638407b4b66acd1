// A district's voter list as the official notice prints it (选民名单公告, 选举法 Art. 28): the voters on the list
// by voter group, each with name, sex and age on election day (no ID number, no address), the day it was
// published and the last day for complaints (Art. 29).
import { and, asc, eq, isNull } from 'drizzle-orm';
import { ageOn, complaintDeadline } from '@minyi/domain/elections';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { electionVoters } from '../elections.table';
import { electionPolicy } from '../elections.policy';
import { findDistrict } from '../elections.repository';

export async function getVoterList(db: Db, actor: Actor, electionId: string, districtId: string) {
  const { district, election } = await findDistrict(db, actor, electionId, districtId);
  electionPolicy.authorize(actor, 'readVoters', { congressId: election.congressId });
  const rows = await db
    .select({
      name: electionVoters.name,
      sex: electionVoters.sex,
      birthDate: electionVoters.birthDate,
      group: electionVoters.groupName,
      voterCardNo: electionVoters.voterCardNo,
    })
    .from(electionVoters)
    .where(and(eq(electionVoters.districtId, district.id), isNull(electionVoters.exclusion)))
    .orderBy(asc(electionVoters.groupName), asc(electionVoters.name), asc(electionVoters.id));
  const groups = new Map<string, { name: string; sex: string; age: number; voterCardNo: string | null }[]>();
  for (const r of rows) {
    const list = groups.get(r.group) ?? [];
    list.push({
      name: r.name,
      sex: r.sex,
      age: ageOn(r.birthDate, election.electionDay),
      voterCardNo: r.voterCardNo,
    });
    groups.set(r.group, list);
  }
  return {
    election: { id: election.id, title: election.title, electionDay: election.electionDay },
    district: { id: district.id, name: district.name, seats: district.seats },
    publishedOn: district.voterListPublishedOn,
    complaintsDue: district.voterListPublishedOn ? complaintDeadline(district.voterListPublishedOn) : null,
    voters: rows.length,
    groups: [...groups].map(([name, voters]) => ({ name, voters })),
  };
}
