// Changes the opinion settings of the actor's congress; fields not sent keep their value.
import type { z } from 'zod';
import { opinionSettingsSchema, type opinionSettingsPatchSchema } from '@minyi/domain/opinions';
import { requireRole } from '../../../platform/access';
import { transact, type Ctx } from '../../../platform/context';
import { writeSettings } from '../../../platform/settings';
import { forgetOpinionSettings } from '../opinions.repository';
import { MANAGE_ROLES } from '../opinions.policy';

export async function changeOpinionSettings(ctx: Ctx, patch: z.infer<typeof opinionSettingsPatchSchema>) {
  const actor = requireRole(ctx.actor, MANAGE_ROLES);
  const saved = await transact(ctx, (w) =>
    writeSettings(w, actor.congressId, 'opinions', opinionSettingsSchema, patch),
  );
  forgetOpinionSettings(actor.congressId);
  return saved;
}
