// What a deputy did about a pledge (践诺), and where it stands: in progress, or fulfilled. Each note is kept,
// so voters read the whole way; a fulfilled pledge takes no more notes (409).
import { and, eq } from 'drizzle-orm';
import type { PledgeProgress } from '@minyi/domain/activities';
import type { Ctx } from '../../../platform/context';
import { conflict, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { pledgeProgress, pledges } from '../activities.table';
import { pledgePolicy } from '../activities.policy';
import { PLEDGE } from '../activities.repository';

export function recordPledgeProgress(ctx: Ctx, pledgeId: string, input: PledgeProgress) {
  return step(ctx, {
    policy: pledgePolicy,
    action: 'write',
    async load(w, actor) {
      const [row] = await w.db
        .select()
        .from(pledges)
        .where(and(eq(pledges.id, pledgeId), eq(pledges.congressId, actor.congressId)))
        .for('update');
      if (!row) throw notFound(PLEDGE);
      return { row, resource: { congressId: row.congressId, deputyId: row.deputyId } };
    },
    async write({ w, row }) {
      if (row.status === 'fulfilled')
        throw conflict('pledge_fulfilled', {
          zh: '该承诺已兑现',
          en: 'The pledge is already fulfilled',
        });
      const now = new Date();
      const line = {
        id: newId(),
        congressId: row.congressId,
        pledgeId: row.id,
        note: input.note,
        status: input.status,
        createdAt: now,
      };
      await w.db.insert(pledgeProgress).values(line);
      await w.db.update(pledges).set({ status: input.status, updatedAt: now }).where(eq(pledges.id, row.id));
      return {
        result: { status: input.status },
        audit: {
          action: 'pledge.progress',
          entityType: 'pledge',
          entityId: row.id,
          congressId: row.congressId,
          before: { status: row.status },
          after: { status: input.status, note: input.note },
        },
      };
    },
  });
}
