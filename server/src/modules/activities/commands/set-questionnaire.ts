// The questionnaire of an enterprise-visit campaign (the builder's result): its questions replace the old ones
// while no visit has answered them; after the first response it is fixed (409), so that every response is
// tallied against the questions it answered.
import { eq } from 'drizzle-orm';
import type { Questionnaire } from '@minyi/domain/activities';
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { campaigns, firmVisits } from '../activities.table';
import { campaignPolicy } from '../activities.policy';
import { loadCampaignStep } from '../activities.repository';

export function setQuestionnaire(ctx: Ctx, campaignId: string, input: Questionnaire) {
  return step(ctx, {
    policy: campaignPolicy,
    action: 'manage',
    load: (w, a) => loadCampaignStep(w, a, campaignId, true),
    async write({ w, row: campaign }) {
      if (campaign.kind !== 'enterpriseVisits')
        throw conflict('not_enterprise_visits', {
          zh: '只有企业走访专项活动才有问卷',
          en: 'Only an enterprise-visit campaign has a questionnaire',
        });
      const visits = await w.db.$count(firmVisits, eq(firmVisits.campaignId, campaign.id));
      if (visits > 0)
        throw conflict('questionnaire_answered', {
          zh: '已有走访记录填写了问卷，问卷不能再修改',
          en: 'Visits have answered the questionnaire; it can no longer be changed',
        });
      await w.db
        .update(campaigns)
        .set({ questionnaire: input.questions })
        .where(eq(campaigns.id, campaign.id));
      return {
        result: { questions: input.questions.length },
        audit: {
          action: 'campaign.setQuestionnaire',
          entityType: 'campaign',
          entityId: campaign.id,
          congressId: campaign.congressId,
          before: { questions: campaign.questionnaire },
          after: { questions: input.questions },
        },
      };
    },
  });
}
