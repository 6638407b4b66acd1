// An election of the congress on its election day (a past day is accepted: congresses enter past elections);
// its timetable is computed from that day, never stored. It may start from a previous election's districts
// (names, seats, kind, population), which staff then adjust rather than redraw.
import { and, asc, eq } from 'drizzle-orm';
import type { CreateElection } from '@minyi/domain/elections';
import { transact, type Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { electionDistricts, elections } from '../elections.table';
import { STAFF } from '../elections.policy';

export function createElection(ctx: Ctx, input: CreateElection) {
  const actor = requireRole(ctx.actor, STAFF);
  return transact(ctx, async (w) => {
    const { fromElectionId, ...fields } = input;
    const row = { id: newId(), congressId: actor.congressId, ...fields };
    let copied: (typeof electionDistricts.$inferInsert)[] = [];
    if (fromElectionId) {
      const [from] = await w.db
        .select({ id: elections.id })
        .from(elections)
        .where(and(eq(elections.id, fromElectionId), eq(elections.congressId, actor.congressId)));
      if (!from) throw invalidField('fromElectionId', '没有这次选举', 'no such election', 'not_found');
      const previous = await w.db
        .select()
        .from(electionDistricts)
        .where(eq(electionDistricts.electionId, from.id))
        .orderBy(asc(electionDistricts.createdAt), asc(electionDistricts.id));
      copied = previous.map((d) => ({
        id: newId(),
        congressId: row.congressId,
        electionId: row.id,
        name: d.name,
        seats: d.seats,
        kind: d.kind,
        population: d.population,
      }));
    }
    await w.db.insert(elections).values(row);
    if (copied.length) await w.db.insert(electionDistricts).values(copied);
    await w.audit({
      action: 'election.create',
      entityType: 'election',
      entityId: row.id,
      congressId: row.congressId,
      after: { ...row, fromElectionId: fromElectionId ?? null, districtsCopied: copied.length },
    });
    return { id: row.id };
  });
}
