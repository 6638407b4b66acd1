// The opinion settings of the actor's congress.
import { opinionSettingsSchema } from '@minyi/domain/opinions';
import { requireRole } from '../../../platform/access';
import type { Ctx } from '../../../platform/context';
import { readSettings } from '../../../platform/settings';
import { QUEUE_ROLES } from '../opinions.policy';

export function getOpinionSettings(ctx: Ctx) {
  const actor = requireRole(ctx.actor, QUEUE_ROLES);
  return readSettings(ctx.app.db, actor.congressId, 'opinions', opinionSettingsSchema);
}
