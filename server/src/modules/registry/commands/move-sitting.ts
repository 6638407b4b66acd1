// Opens or closes a sitting (次会议): planned → inSession → closed, one sitting in session at a time.
import { and, eq, ne } from 'drizzle-orm';
import { SITTING_TRANSITIONS } from '@minyi/domain/registry';
import type { Ctx } from '../../../platform/context';
import { conflict, notFound } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { sittings } from '../registry.table';
import { registryPolicy } from '../registry.policy';

export async function moveSitting(ctx: Ctx, congressId: string, id: string, move: 'open' | 'close') {
  const t = SITTING_TRANSITIONS[move];
  await step(ctx, {
    policy: registryPolicy,
    action: 'changeStatus',
    async load(w) {
      const [s] = await w.db
        .select()
        .from(sittings)
        .where(and(eq(sittings.congressId, congressId), eq(sittings.id, id)))
        .for('update');
      if (!s) throw notFound({ zh: '会议', en: 'sitting' });
      return { row: s, resource: { congressId: s.congressId } };
    },
    transition: ({ row }) => ({ from: row.status, to: row.status === t.from ? t.to : null }),
    async write({ w }) {
      if (move === 'open') {
        const [other] = await w.db
          .select({ id: sittings.id })
          .from(sittings)
          .where(
            and(eq(sittings.congressId, congressId), eq(sittings.status, 'inSession'), ne(sittings.id, id)),
          );
        if (other)
          throw conflict(
            'sitting_in_session',
            { zh: '已有一次会议正在举行', en: 'Another sitting is in session' },
            { sittingId: other.id },
          );
      }
      await w.db.update(sittings).set({ status: t.to }).where(eq(sittings.id, id));
      return {
        result: undefined,
        audit: { action: `sitting.${move}`, entityType: 'sitting', entityId: id },
      };
    },
  });
}
