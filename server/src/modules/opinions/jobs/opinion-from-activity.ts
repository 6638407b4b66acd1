// Reacts to the activities module's `activity.findingRecorded`: the finding becomes an opinion, claimed by
// whoever recorded the activity and forwarded to the unit chosen. A retry after the opinion was made changes
// nothing.
import { eq } from 'drizzle-orm';
import type { Role } from '@minyi/domain';
import { transact } from '../../../platform/context';
import { subscribe } from '../../../platform/events';
import { activityFindingRecorded } from '../../activities/activities.events';
import { opinions } from '../opinions.table';
import { createOpinionFromActivity } from '../commands/create-opinion-from-activity';

export const opinionFromActivity = subscribe({
  event: activityFindingRecorded,
  name: 'opinions.opinionFromActivity',
  async handle(app, payload) {
    const actor = { ...payload.actor, roles: payload.actor.roles as Role[] };
    await transact({ app, actor, meta: payload.meta }, async (w) => {
      const [made] = await w.db
        .select({ id: opinions.id })
        .from(opinions)
        .where(eq(opinions.id, payload.opinionId));
      if (made) return;
      await createOpinionFromActivity(w, { ...payload, actor });
    });
  },
});
