// A deputy or staff member verifies on site that a "resolved" answer really solved the problem.
import { nextStatus } from '@minyi/domain/opinions';
import type { Ctx, Work } from '../../../platform/context';
import { conflict, wrongState } from '../../../platform/errors';
import { applyStep, endAssignments, type OpinionRow, opinionStep } from '../opinions.repository';
import { getOpinion } from '../queries/get-opinion';

async function verify(ctx: Ctx, w: Work, o: OpinionRow, note: string | null) {
  const to = nextStatus(o.status, 'verify');
  if (!to) throw wrongState(o.status);
  if (o.replyOutcome !== 'resolved') {
    throw conflict('not_resolved', {
      zh: '只有答复为"已解决"的意见可以核实',
      en: 'Only an answer marked resolved can be verified',
    });
  }
  await endAssignments(w, o.id, 'closed');
  return applyStep(w, ctx, o, {
    action: 'verify',
    to,
    patch: { verifiedBy: ctx.actor!.accountId, closedAt: new Date() },
    event: { note },
    tellCitizen: { zh: '您反映的问题经核实已解决。', en: 'Your problem was verified as solved.' },
  });
}

/** The use case: the change through the platform step (one transaction); answers the opinion as its page shows it. */
export async function verifyOpinion(ctx: Ctx, id: string, note: string | null) {
  await opinionStep(ctx, id, 'verify', (w, o) => verify(ctx, w, o, note));
  return getOpinion(ctx, id);
}
