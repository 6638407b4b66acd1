// The members of a body (standing committee, chairpersons' meeting, a committee), chair first (staff).
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { chairpersonsMeetingPositions } from '@minyi/domain/registry';
import type { Db } from '../../../db/client';
import { committeeMembers, deputies } from '../registry.table';
import { getCongressLevel } from '../registry.repository';

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
