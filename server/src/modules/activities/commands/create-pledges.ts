// A deputy publishes their pledges of a year (承诺践诺 "我当代表为人民"): at most 10 a year in all; the
// year is this one or the next (pledges are made at a year's start, not afterwards for a past one). Staff may
// enter them for a deputy from the paper form.
import { and, eq } from 'drizzle-orm';
import type { CreatePledges } from '@minyi/domain/activities';
import { shanghaiDate } from '@minyi/domain/calendar';
import { transact, type Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { conflict, forbidden, invalidField, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { deputies } from '../../registry';
import { pledges } from '../activities.table';
import { pledgePolicy } from '../activities.policy';

export const MAX_PLEDGES_A_YEAR = 10;

export async function createPledges(ctx: Ctx, input: CreatePledges) {
  const actor = requireRole(ctx.actor, ['deputy', 'congressStaff']);
  const staff = actor.roles.includes('congressStaff');
  // A deputy writes their own pledges only (403 for another's, or with no deputy linked to the account).
  if (!staff && (!actor.deputyId || (input.deputyId && input.deputyId !== actor.deputyId))) throw forbidden();
  const deputyId = staff && input.deputyId ? input.deputyId : actor.deputyId;
  if (!deputyId) throw invalidField('deputyId', '请选择代表', 'name the deputy', 'required');
  const thisYear = Number(shanghaiDate(new Date()).slice(0, 4));
  if (input.year < thisYear || input.year > thisYear + 1)
    throw invalidField(
      'year',
      `只能为 ${thisYear} 或 ${thisYear + 1} 年作出承诺`,
      `pledges are for ${thisYear} or ${thisYear + 1}`,
    );
  return transact(ctx, async (w) => {
    const [d] = await w.db
      .select({ id: deputies.id })
      .from(deputies)
      .where(and(eq(deputies.congressId, actor.congressId), eq(deputies.id, deputyId)))
      .for('update');
    if (!d) throw notFound({ zh: '代表', en: 'deputy' });
    const role = pledgePolicy.authorize(actor, 'write', { congressId: actor.congressId, deputyId });
    const had = await w.db.$count(pledges, and(eq(pledges.deputyId, deputyId), eq(pledges.year, input.year)));
    if (had + input.items.length > MAX_PLEDGES_A_YEAR)
      throw conflict('too_many_pledges', {
        zh: `每年最多 ${MAX_PLEDGES_A_YEAR} 项承诺（已有 ${had} 项）`,
        en: `At most ${MAX_PLEDGES_A_YEAR} pledges a year (${had} already)`,
      });
    const now = new Date();
    const rows = input.items.map((content) => ({
      id: newId(),
      congressId: actor.congressId,
      deputyId,
      year: input.year,
      content,
      createdAt: now,
      updatedAt: now,
    }));
    await w.db.insert(pledges).values(rows);
    await w.audit({
      action: 'pledge.create',
      entityType: 'deputy',
      entityId: deputyId,
      congressId: actor.congressId,
      role,
      after: { year: input.year, pledges: rows.map((r) => ({ id: r.id, content: r.content })) },
    });
    return { ids: rows.map((r) => r.id) };
  });
}
