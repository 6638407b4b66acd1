// The lead unit's final answer with its outcome; the citizen is told and may rate it.
import { nextStatus, type ReplyOutcome } from '@minyi/domain/opinions';
import type { Ctx, Work } from '../../../platform/context';
import { wrongState } from '../../../platform/errors';
import { applyStep, type OpinionRow, opinionStep } from '../opinions.repository';
import { getOpinion } from '../queries/get-opinion';

async function reply(ctx: Ctx, w: Work, o: OpinionRow, outcome: ReplyOutcome, content: string) {
  const to = nextStatus(o.status, 'reply');
  if (!to) throw wrongState(o.status);
  return applyStep(w, ctx, o, {
    action: 'reply',
    to,
    patch: { replyOutcome: outcome, replyContent: content, repliedAt: new Date() },
    event: { note: content, data: { outcome, unitId: ctx.actor!.handlingUnitId } },
    tellCitizen: {
      zh: '承办单位已答复您的意见，请凭查询码查看并评价。',
      en: 'The handling unit replied; please check and rate it.',
    },
  });
}

/** The use case: the change through the platform step (one transaction); answers the opinion as its page shows it. */
export async function replyOpinion(ctx: Ctx, id: string, input: { outcome: ReplyOutcome; content: string }) {
  await opinionStep(ctx, id, 'reply', (w, o) => reply(ctx, w, o, input.outcome, input.content));
  return getOpinion(ctx, id);
}
