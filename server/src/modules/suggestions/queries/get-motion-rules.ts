// What a motion needs now, for the form: the congress's level, whether a sitting is in session, the co-signers
// required (地方组织法 Art. 22, 52), the bodies that may put one, and who decides it.
import { motionBodySources, motionDecisionBody, motionThreshold } from '@minyi/domain/suggestions';
import type { Ctx } from '../../../platform/context';
import { requireRole } from '../../../platform/access';
import { getCongressLevel } from '../../registry';
import { currentSitting } from '../suggestions.repository';

export async function getMotionRules(ctx: Ctx) {
  const actor = requireRole(ctx.actor, ['congressStaff', 'leader', 'deputy']);
  const db = ctx.app.db;
  const level = await getCongressLevel(db, actor.congressId);
  const { sitting } = await currentSitting(db, actor.congressId);
  const inSitting = sitting !== null;
  return {
    level,
    inSitting,
    threshold: motionThreshold(level, inSitting),
    bodySources: motionBodySources(level, inSitting),
    decisionBody: motionDecisionBody(inSitting),
  };
}
