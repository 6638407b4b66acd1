// Reacts to the livelihood module's `inspection.findingRecorded`: the findings become an opinion, claimed by
// whoever recorded the inspection and forwarded to the project's lead unit. A retry after the opinion was
// made changes nothing.
import { eq } from 'drizzle-orm';
import type { Role } from '@minyi/domain';
import { transact } from '../../../platform/context';
import { subscribe } from '../../../platform/events';
import { inspectionFindingRecorded } from '../../livelihood/livelihood.events';
import { opinions } from '../opinions.table';
import { createOpinionFromInspection } from '../commands/create-opinion-from-inspection';

export const opinionFromInspection = subscribe({
  event: inspectionFindingRecorded,
  name: 'opinions.opinionFromInspection',
  async handle(app, payload) {
    const actor = { ...payload.actor, roles: payload.actor.roles as Role[] };
    await transact({ app, actor, meta: payload.meta }, async (w) => {
      const [made] = await w.db
        .select({ id: opinions.id })
        .from(opinions)
        .where(eq(opinions.id, payload.opinionId));
      if (made) return;
      await createOpinionFromInspection(w, { ...payload, actor });
    });
  },
});
