// Staff lists of the congress's structure: terms, sittings, electoral districts, working committees and
// the members of its bodies.
import { and, asc, desc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import { chairpersonsMeetingPositions } from '@minyi/domain/registry';
import type { Db } from '../../../db/client';
import { decodeCursor, page } from '../../../platform/http';
import {
  committeeMembers,
  deputies,
  electoralDistricts,
  sittings,
  terms,
  workingCommittees,
} from '../registry.table';
import { getCongressLevel } from '../registry.repository';

export async function findTerms(db: Db, congressId: string) {
  const items = await db
    .select()
    .from(terms)
    .where(eq(terms.congressId, congressId))
    .orderBy(desc(terms.number));
  return { items, nextCursor: null };
}

export async function findSittings(db: Db, congressId: string, termId?: string) {
  const conds = [eq(sittings.congressId, congressId)];
  if (termId) conds.push(eq(sittings.termId, termId));
  const items = await db
    .select()
    .from(sittings)
    .where(and(...conds))
    .orderBy(desc(sittings.startDate), desc(sittings.number));
  return { items, nextCursor: null };
}

export async function findElectoralDistricts(
  db: Db,
  congressId: string,
  f: { streetId?: string; cursor?: string; limit: number },
) {
  const after = decodeCursor(f.cursor, ['text', 'uuid']);
  const conds: (SQL | undefined)[] = [eq(electoralDistricts.congressId, congressId)];
  if (f.streetId) conds.push(eq(electoralDistricts.streetId, f.streetId));
  if (after) {
    conds.push(
      or(
        gt(electoralDistricts.name, String(after[0])),
        and(eq(electoralDistricts.name, String(after[0])), gt(electoralDistricts.id, String(after[1]))),
      ),
    );
  }
  const rows = await db
    .select()
    .from(electoralDistricts)
    .where(and(...conds))
    .orderBy(asc(electoralDistricts.name), asc(electoralDistricts.id))
    .limit(f.limit + 1);
  return page(rows, f.limit, (r) => [r.name, r.id]);
}

export async function findWorkingCommittees(db: Db, congressId: string, kind?: string) {
  const conds = [eq(workingCommittees.congressId, congressId)];
  if (kind) conds.push(eq(workingCommittees.kind, kind as 'workingCommittee'));
  const items = await db
    .select()
    .from(workingCommittees)
    .where(and(...conds))
    .orderBy(asc(workingCommittees.kind), asc(workingCommittees.name));
  return { items, nextCursor: null };
}

const POSITION_ORDER = sql`CASE ${committeeMembers.position} WHEN 'chair' THEN 0 WHEN 'viceChair' THEN 1 WHEN 'secretaryGeneral' THEN 2 WHEN 'director' THEN 3 ELSE 4 END`;

/**
 * Members of a body. The chairpersons' meeting is not stored: it is the standing committee's members holding
 * the offices that sit in it at this congress's level (chair and vice-chairs; the secretary-general too above
 * district level), listed with body `chairpersonsMeeting` and their standing-committee membership's id.
 */
export async function findCommitteeMembers(
  db: Db,
  congressId: string,
  f: { body?: string; workingCommitteeId?: string; current?: boolean },
) {
  const conds: SQL[] = [eq(committeeMembers.congressId, congressId)];
  const meeting = f.body === 'chairpersonsMeeting';
  if (meeting) {
    conds.push(eq(committeeMembers.body, 'standingCommittee'));
    conds.push(
      inArray(
        committeeMembers.position,
        chairpersonsMeetingPositions(await getCongressLevel(db, congressId)),
      ),
    );
  } else if (f.body)
    conds.push(eq(committeeMembers.body, f.body as 'standingCommittee' | 'workingCommittee'));
  if (f.workingCommitteeId) conds.push(eq(committeeMembers.workingCommitteeId, f.workingCommitteeId));
  if (f.current) conds.push(sql`${committeeMembers.endedOn} IS NULL`);
  const rows = await db
    .select({ m: committeeMembers, deputyName: deputies.name })
    .from(committeeMembers)
    .innerJoin(deputies, eq(deputies.id, committeeMembers.deputyId))
    .where(and(...conds))
    .orderBy(POSITION_ORDER, asc(deputies.name), asc(committeeMembers.id));
  return {
    items: rows.map(({ m, deputyName }) => ({
      id: m.id,
      body: meeting ? ('chairpersonsMeeting' as const) : m.body,
      workingCommitteeId: m.workingCommitteeId,
      deputy: { id: m.deputyId, name: deputyName },
      termId: m.termId,
      position: m.position,
      startedOn: m.startedOn,
      endedOn: m.endedOn,
    })),
    nextCursor: null,
  };
}
