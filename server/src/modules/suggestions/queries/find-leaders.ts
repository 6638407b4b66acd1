// The congress's district leaders (区领导, role `leader`) whom the chairpersons' meeting may name to lead the
// supervision of a key suggestion (领衔督办); staff record that decision and pick from this list.
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { accountRoles, accounts } from '../../../platform/platform.table';

export async function findLeaders(ctx: Ctx) {
  const actor = requireRole(ctx.actor, ['congressStaff']);
  const items = await ctx.app.db
    .select({ accountId: accounts.id, name: accounts.displayName })
    .from(accountRoles)
    .innerJoin(accounts, eq(accounts.id, accountRoles.accountId))
    .where(
      and(
        eq(accountRoles.congressId, actor.congressId),
        eq(accountRoles.role, 'leader'),
        eq(accounts.congressId, actor.congressId),
        eq(accounts.status, 'active'),
      ),
    )
    .orderBy(asc(accounts.displayName), asc(accounts.id));
  return { items };
}
