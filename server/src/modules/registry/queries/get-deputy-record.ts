// One deputy's full record, with mandates and liaison places; personal data masked for every role (a value is
// revealed one at a time: commands/reveal-deputy-personal-data.ts).
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import type { Pii } from '../../../platform/pii';
import { notFound } from '../../../platform/errors';
import {
  committeeMembers,
  deputies,
  liaisonPlaceDeputies,
  liaisonPlaces,
  workingCommittees,
} from '../registry.table';
import { personalDataPolicy, registryPolicy } from '../registry.policy';
import { findMandatesOf } from './find-deputies';

export async function getDeputyRecord(db: Db, pii: Pii, congressId: string, actor: Actor, id: string) {
  const [d] = await db
    .select()
    .from(deputies)
    .where(and(eq(deputies.congressId, congressId), eq(deputies.id, id)));
  if (!d) throw notFound({ zh: '代表', en: 'deputy' });
  const mandates = (await findMandatesOf(db, [id])).get(id) ?? [];
  const places = await db
    .select({ id: liaisonPlaces.id, name: liaisonPlaces.name, kind: liaisonPlaces.kind })
    .from(liaisonPlaceDeputies)
    .innerJoin(liaisonPlaces, eq(liaisonPlaces.id, liaisonPlaceDeputies.liaisonPlaceId))
    .where(eq(liaisonPlaceDeputies.deputyId, id))
    .orderBy(asc(liaisonPlaces.name));
  const committees = await db
    .select({
      id: committeeMembers.id,
      body: committeeMembers.body,
      workingCommitteeId: committeeMembers.workingCommitteeId,
      workingCommitteeName: workingCommittees.name,
      position: committeeMembers.position,
      startedOn: committeeMembers.startedOn,
      endedOn: committeeMembers.endedOn,
    })
    .from(committeeMembers)
    .leftJoin(workingCommittees, eq(workingCommittees.id, committeeMembers.workingCommitteeId))
    .where(eq(committeeMembers.deputyId, id))
    .orderBy(asc(committeeMembers.startedOn), asc(committeeMembers.id));
  return {
    id: d.id,
    name: d.name,
    gender: d.gender,
    birthDate: d.birthDate,
    ethnicity: d.ethnicity,
    party: d.party,
    occupation: d.occupation,
    organization: d.organization,
    phone: pii.masked('phone', d.phoneEnc),
    idNumber: pii.masked('idNumber', d.idNumberEnc),
    address: pii.masked('address', d.addressEnc),
    bio: d.bio,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    mandates,
    liaisonPlaces: places,
    committees,
    abilities: {
      ...registryPolicy.abilities(actor, { congressId }),
      ...personalDataPolicy.abilities(actor, { congressId }),
    },
  };
}
