// An election's register for staff, by name and district, the ID number masked (the clear number is never
// listed), with how many entrustments each voter has accepted, the exclusion, transfer and voter card; listed or
// excluded only. Cursor over (name, id).
import { and, asc, eq, gt, isNotNull, isNull, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import type { Pii } from '../../../platform/pii';
import { decodeCursor, page } from '../../../platform/http';
import { electionProxies, electionVoters } from '../elections.table';
import { electionPolicy } from '../elections.policy';
import { findElection } from '../elections.repository';

export async function findVoters(
  db: Db,
  pii: Pii,
  actor: Actor,
  electionId: string,
  q: { name?: string; districtId?: string; status?: 'listed' | 'excluded'; cursor?: string; limit: number },
) {
  const e = await findElection(db, actor, electionId);
  electionPolicy.authorize(actor, 'readVoters', { congressId: e.congressId });
  const after = decodeCursor(q.cursor, ['text', 'uuid']);
  const rows = await db
    .select({
      id: electionVoters.id,
      name: electionVoters.name,
      districtId: electionVoters.districtId,
      groupName: electionVoters.groupName,
      birthDate: electionVoters.birthDate,
      sex: electionVoters.sex,
      idNumberEnc: electionVoters.idNumberEnc,
      exclusion: electionVoters.exclusion,
      exclusionReason: electionVoters.exclusionReason,
      exclusionDecision: electionVoters.exclusionDecision,
      excludedOn: electionVoters.excludedOn,
      transferredFrom: electionVoters.transferredFrom,
      voterCardNo: electionVoters.voterCardNo,
      entrustmentsAccepted: sql<number>`(SELECT count(*)::int FROM ${electionProxies} p WHERE p.proxy_voter_id = "election_voters"."id")`,
    })
    .from(electionVoters)
    .where(
      and(
        eq(electionVoters.electionId, e.id),
        q.districtId ? eq(electionVoters.districtId, q.districtId) : undefined,
        q.status === 'listed' ? isNull(electionVoters.exclusion) : undefined,
        q.status === 'excluded' ? isNotNull(electionVoters.exclusion) : undefined,
        q.name ? like(electionVoters.name, `%${q.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
        after
          ? or(
              gt(electionVoters.name, after[0]),
              and(eq(electionVoters.name, after[0]), gt(electionVoters.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(asc(electionVoters.name), asc(electionVoters.id))
    .limit(q.limit + 1);
  const out = page(rows, q.limit, (r) => [r.name, r.id]);
  return {
    ...out,
    items: out.items.map(({ idNumberEnc, ...v }) => ({
      ...v,
      idNumber: pii.masked('idNumber', idNumberEnc),
    })),
  };
}
