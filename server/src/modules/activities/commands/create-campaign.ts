// A campaign (专项活动): the activity month, the enterprise visits, or another staff-defined one, for a period.
import type { CreateCampaign } from '@minyi/domain/activities';
import { transact, type Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { newId } from '../../../platform/ids';
import { campaigns } from '../activities.table';
import { STAFF } from '../activities.policy';

export async function createCampaign(ctx: Ctx, input: CreateCampaign) {
  const actor = requireRole(ctx.actor, STAFF);
  return transact(ctx, async (w) => {
    const row = {
      id: newId(),
      congressId: actor.congressId,
      kind: input.kind,
      title: input.title,
      fromDate: input.from,
      toDate: input.to,
      goal: input.goal,
      createdBy: actor.accountId,
    };
    await w.db.insert(campaigns).values(row);
    await w.audit({
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: row.id,
      congressId: row.congressId,
      after: row,
    });
    return { id: row.id };
  });
}
