// The claimer's decision: answer on the spot, forward to handling units, raise as a deputy suggestion,
// merge into an existing opinion, or declare it not admissible with a reason the citizen sees.
import { and, eq } from 'drizzle-orm';
import { isTerminal, nextStatus, type DecideOpinionInput } from '@minyi/domain/opinions';
import type { Ctx, Work } from '../../../platform/context';
import { conflict, invalidField, wrongState } from '../../../platform/errors';
import { opinionAssignments, opinions } from '../opinions.table';
import { findAccountIdsForUnit, getDeputy } from '../../registry';
import { findUnits, opinionStep } from '../opinions.repository';
import { getOpinion } from '../queries/get-opinion';
import { applyStep, endAssignments, readOpinionSettings, type OpinionRow } from '../opinions.repository';
import { raiseSuggestionFromOpinion } from '../../suggestions';

async function decide(ctx: Ctx, w: Work, o: OpinionRow, d: DecideOpinionInput) {
  const to = nextStatus(o.status, d.decision);
  if (!to) throw wrongState(o.status);
  switch (d.decision) {
    case 'answerOnSpot':
      return applyStep(w, ctx, o, {
        action: 'answerOnSpot',
        to,
        patch: { replyContent: d.answer, repliedAt: new Date(), decisionNote: null },
        event: { note: d.answer },
        tellCitizen: {
          zh: '您的意见已当场答复，请凭查询码查看并评价。',
          en: 'Your opinion was answered; please check and rate it.',
        },
      });
    case 'forward':
      return forwardOpinion(ctx, w, o, d.leadUnitId, d.assistingUnitIds, d.note ?? null);
    case 'raiseAsSuggestion': {
      if (!(await getDeputy(w.db, o.congressId, d.deputyId)))
        throw invalidField('deputyId', '未知的代表', 'unknown deputy');
      const s = await raiseSuggestionFromOpinion(w, {
        congressId: o.congressId,
        deputyId: d.deputyId,
        title: d.title,
        content: o.publicContent,
        category: o.category,
        opinionId: o.id,
      });
      return applyStep(w, ctx, o, {
        action: 'raiseAsSuggestion',
        to,
        patch: { suggestionId: s.id, deputyId: o.deputyId ?? d.deputyId },
        event: { note: d.title, data: { suggestionId: s.id, number: s.number } },
        tellCitizen: {
          zh: `您的意见已由代表转为代表建议（${s.number}），将跟踪其办理结果。`,
          en: `A deputy raised your opinion as formal suggestion ${s.number}.`,
        },
      });
    }
    case 'merge': {
      if (d.intoOpinionId === o.id)
        throw invalidField('intoOpinionId', '不能并入自身', 'cannot merge into itself');
      const [target] = await w.db
        .select({ id: opinions.id, status: opinions.status, trackingCode: opinions.trackingCode })
        .from(opinions)
        .where(and(eq(opinions.id, d.intoOpinionId), eq(opinions.congressId, o.congressId)));
      if (!target) throw invalidField('intoOpinionId', '未知的意见', 'unknown opinion');
      if (target.status === 'merged' || target.status === 'inadmissible') {
        throw conflict('merge_target_closed', {
          zh: '目标意见已并案或不予受理',
          en: 'The target opinion was merged or declared inadmissible',
        });
      }
      return applyStep(w, ctx, o, {
        action: 'merge',
        to,
        patch: { mergedIntoId: target.id, claimedBy: o.claimedBy ?? ctx.actor!.accountId },
        event: {
          data: { intoOpinionId: target.id, status: isTerminal(target.status) ? target.status : 'open' },
        },
        tellCitizen: {
          zh: '您的意见与同类意见合并办理，进展可继续凭查询码查看。',
          en: 'Your opinion is handled together with a similar one.',
        },
      });
    }
    case 'declareInadmissible':
      return applyStep(w, ctx, o, {
        action: 'declareInadmissible',
        to,
        patch: { decisionNote: d.reason, closedAt: new Date() },
        event: { note: d.reason },
        tellCitizen: {
          zh: `您的意见不予受理：${d.reason}`,
          en: `Your opinion is not admissible: ${d.reason}`,
        },
      });
  }
}

/** Assigns the lead and assisting units with the deadline (also used to re-route after a hand-back). */
export async function forwardOpinion(
  ctx: Ctx,
  w: Work,
  o: OpinionRow,
  leadUnitId: string,
  assistingUnitIds: readonly string[],
  note: string | null,
  /** The forwarding's time, if not now (a finding recorded earlier): its deadlines are counted from it. */
  at: Date = new Date(),
) {
  const to = nextStatus(o.status, 'forward');
  if (!to) throw wrongState(o.status);
  const assisting = [...new Set(assistingUnitIds)].filter((u) => u !== leadUnitId);
  const units = await findUnits(w.db, o.congressId, [leadUnitId, ...assisting]);
  const known = (id: string) => units.some((u) => u.id === id && u.active);
  if (!known(leadUnitId))
    throw invalidField('leadUnitId', '未知或已停用的承办单位', 'unknown or inactive handling unit');
  const bad = assisting.findIndex((u) => !known(u));
  if (bad >= 0)
    throw invalidField(
      `assistingUnitIds.${bad}`,
      '未知或已停用的承办单位',
      'unknown or inactive handling unit',
    );

  const settings = await readOpinionSettings(w.db, o.congressId);
  const now = at;
  const deadlineAt = await ctx.app.calendar.workingDaysAfter(
    o.congressId,
    now,
    settings.replyWorkingDays,
    w.db,
  );
  const handBackUntil = await ctx.app.calendar.workingDaysAfter(
    o.congressId,
    now,
    settings.handBackWorkingDays,
    w.db,
  );
  await endAssignments(w, o.id, 'rerouted', now);
  await w.db.insert(opinionAssignments).values([
    {
      congressId: o.congressId,
      opinionId: o.id,
      unitId: leadUnitId,
      role: 'lead' as const,
      assignedAt: now,
    },
    ...assisting.map((unitId) => ({
      congressId: o.congressId,
      opinionId: o.id,
      unitId,
      role: 'assisting' as const,
      assignedAt: now,
    })),
  ]);
  const after = await applyStep(w, ctx, o, {
    action: 'forward',
    to,
    patch: {
      leadUnitId,
      assignedAt: now,
      deadlineAt,
      handBackUntil,
      claimedBy: o.claimedBy ?? ctx.actor!.accountId,
    },
    event: {
      note: units.map((u) => u.name).join('、'),
      data: {
        leadUnitId,
        assistingUnitIds: assisting,
        deadlineAt: deadlineAt.toISOString(),
        internalNote: note,
      },
    },
    tellCitizen: {
      zh: '您的意见已交有关单位办理。',
      en: 'Your opinion was forwarded to the responsible units.',
    },
  });
  for (const unitId of [leadUnitId, ...assisting]) {
    await ctx.app.notifier.notify(w.db, {
      congressId: o.congressId,
      accountIds: await findAccountIdsForUnit(w.db, o.congressId, unitId),
      kind: 'opinion.assigned',
      title: { zh: '新交办的群众意见', en: 'A citizen opinion was assigned to your unit' },
      body: {
        zh: `${unitId === leadUnitId ? '主办' : '协办'}：${o.publicContent.slice(0, 60)}`,
        en: `${unitId === leadUnitId ? 'Lead' : 'Assisting'}: ${o.publicContent.slice(0, 60)}`,
      },
      link: `/opinions/unit/${o.id}`,
    });
  }
  return after;
}

/** The use case: the change through the platform step (one transaction); answers the opinion as its page shows it. */
export async function decideOpinion(ctx: Ctx, id: string, d: DecideOpinionInput) {
  await opinionStep(ctx, id, 'decide', (w, o) => decide(ctx, w, o, d));
  return getOpinion(ctx, id);
}
