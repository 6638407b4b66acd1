// An election of the congress on its election day (a past day is accepted: congresses enter past elections);
// its timetable is computed from that day, never stored.
import type { CreateElection } from '@minyi/domain/elections';
import { transact, type Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { newId } from '../../../platform/ids';
import { elections } from '../elections.table';
import { STAFF } from '../elections.policy';

export function createElection(ctx: Ctx, input: CreateElection) {
  const actor = requireRole(ctx.actor, STAFF);
  return transact(ctx, async (w) => {
    const row = { id: newId(), congressId: actor.congressId, ...input };
    await w.db.insert(elections).values(row);
    await w.audit({
      action: 'election.create',
      entityType: 'election',
      entityId: row.id,
      congressId: row.congressId,
      after: row,
    });
    return { id: row.id };
  });
}
