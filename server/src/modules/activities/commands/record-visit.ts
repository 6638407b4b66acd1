// The record of a visit to a firm (走访记录), filled on the deputy's phone during the visit: the day, the people
// met, the questionnaire's responses (checked against the campaign's questions: required, choices, numbers,
// conditions) and the problems and suggestions the firm raised, each sent to a handling unit as an opinion
// through the opinions pipeline (`activity.firmIssueRecorded`, the opinion's id kept with the issue). A deputy
// records the visits of the firms given to them; staff may record one for the deputy named.
import { and, eq, inArray } from 'drizzle-orm';
import { responseProblems, type RecordVisit } from '@minyi/domain/activities';
import { shanghaiDate } from '@minyi/domain/calendar';
import type { Ctx } from '../../../platform/context';
import { badRequest, invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { handlingUnits } from '../../registry';
import { campaignFirms, firms, firmVisitIssues, firmVisits } from '../activities.table';
import { campaignPolicy } from '../activities.policy';
import { loadCampaignStep } from '../activities.repository';
import { firmIssueRecorded } from '../activities.events';

const PROBLEM_WORDS = {
  required: { zh: '此题必答', en: 'this question must be answered' },
  invalid: { zh: '答案不符合题目要求', en: 'the answer does not fit the question' },
  unknown: { zh: '问卷中没有此题', en: 'the questionnaire has no such question' },
  notAsked: { zh: '按前面的回答不应回答此题', en: 'this question is not asked after the earlier answer' },
};

export function recordVisit(ctx: Ctx, campaignId: string, input: RecordVisit) {
  return step(ctx, {
    policy: campaignPolicy,
    action: 'recordVisit',
    // Locked: the questionnaire is fixed from the first visit on (set-questionnaire.ts).
    load: (w, a) => loadCampaignStep(w, a, campaignId, true),
    async write({ w, row: campaign, actor, role }) {
      const congressId = campaign.congressId;
      const deputyId = role === 'deputy' ? actor.deputyId : input.deputyId;
      if (!deputyId)
        throw invalidField('deputyId', '请选择走访的代表', 'name the deputy who visited', 'required');
      if (role === 'deputy' && input.deputyId && input.deputyId !== actor.deputyId)
        throw invalidField('deputyId', '代表只能记录自己的走访', 'a deputy records their own visits only');
      const [plan] = await w.db
        .select({ deputyId: campaignFirms.deputyId, name: firms.name, streetId: firms.streetId })
        .from(campaignFirms)
        .innerJoin(firms, eq(firms.id, campaignFirms.firmId))
        .where(and(eq(campaignFirms.campaignId, campaign.id), eq(campaignFirms.firmId, input.firmId)));
      if (!plan)
        throw invalidField(
          'firmId',
          '该企业不在本次走访计划中',
          'the firm is not in the campaign’s plan',
          'unknown',
        );
      if (plan.deputyId !== deputyId)
        throw invalidField(
          'firmId',
          '该企业未分配给这位代表走访',
          'the firm is not given to this deputy to visit',
          'not_assigned',
        );
      const today = shanghaiDate(new Date());
      if (input.visitedOn > today || input.visitedOn < campaign.fromDate || input.visitedOn > campaign.toDate)
        throw invalidField(
          'visitedOn',
          `走访日期应在活动期间（${campaign.fromDate} 至 ${campaign.toDate}）且不晚于今天`,
          `the visit's day must fall in the campaign (${campaign.fromDate} to ${campaign.toDate}) and not after today`,
        );
      const problems = responseProblems(campaign.questionnaire, input.answers);
      if (problems.length)
        throw badRequest(
          problems.map((p) => ({
            field: `answers.${p.questionId}`,
            in: 'body',
            code: p.code,
            message: PROBLEM_WORDS[p.code],
          })),
        );
      const unitIds = [...new Set(input.issues.map((i) => i.unitId))];
      const units = unitIds.length
        ? await w.db
            .select({ id: handlingUnits.id })
            .from(handlingUnits)
            .where(and(eq(handlingUnits.congressId, congressId), inArray(handlingUnits.id, unitIds)))
        : [];
      input.issues.forEach((issue, i) => {
        if (!units.some((u) => u.id === issue.unitId))
          throw invalidField(`issues.${i}.unitId`, '承办单位不存在', 'no such handling unit', 'unknown');
      });
      const now = new Date();
      const visit = {
        id: newId(),
        congressId,
        campaignId: campaign.id,
        firmId: input.firmId,
        deputyId,
        visitedOn: input.visitedOn,
        peopleMet: input.peopleMet,
        responses: input.answers,
        createdBy: actor.accountId,
        createdAt: now,
      };
      await w.db.insert(firmVisits).values(visit);
      const issues = input.issues.map((i) => ({
        id: newId(),
        congressId,
        visitId: visit.id,
        content: i.content,
        unitId: i.unitId,
        streetId: plan.streetId,
        opinionId: newId(),
        createdAt: now,
      }));
      if (issues.length) await w.db.insert(firmVisitIssues).values(issues);
      for (const issue of issues)
        await w.publish(firmIssueRecorded, {
          congressId,
          campaignId: campaign.id,
          visitId: visit.id,
          issueId: issue.id,
          opinionId: issue.opinionId,
          firmName: plan.name,
          unitId: issue.unitId,
          streetId: issue.streetId,
          deputyId,
          content: issue.content,
          recordedAt: now.toISOString(),
          actor,
          meta: ctx.meta,
        });
      return {
        result: { id: visit.id, issues: issues.map((i) => ({ id: i.id, opinionId: i.opinionId })) },
        audit: {
          action: 'campaign.recordVisit',
          entityType: 'firmVisit',
          entityId: visit.id,
          congressId,
          after: { ...visit, issues },
        },
      };
    },
  });
}
