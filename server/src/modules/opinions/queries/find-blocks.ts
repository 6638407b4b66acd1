// The block list of the actor's congress (kinds and reasons; the values are kept only as keyed indexes).
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { requireRole } from '../../../platform/access';
import type { Ctx } from '../../../platform/context';
import { opinionBlocks } from '../opinions.table';
import { opinionAdminPolicy, RECEPTION_ROLES } from '../opinions.policy';

export async function findBlocks(ctx: Ctx) {
  const actor = requireRole(ctx.actor, RECEPTION_ROLES);
  return {
    items: await findBlocksOf(ctx.app.db, actor.congressId),
    abilities: opinionAdminPolicy.abilities(actor, { congressId: actor.congressId }),
  };
}

async function findBlocksOf(db: Db, congressId: string) {
  return db
    .select({
      id: opinionBlocks.id,
      kind: opinionBlocks.kind,
      reason: opinionBlocks.reason,
      createdAt: opinionBlocks.createdAt,
    })
    .from(opinionBlocks)
    .where(eq(opinionBlocks.congressId, congressId))
    .orderBy(desc(opinionBlocks.createdAt));
}
