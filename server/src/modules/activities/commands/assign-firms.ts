// Gives a campaign's firms to deputies (the report: the 20-odd leading officials who are deputies), each with
// the planned day of the visit. A firm not yet in the campaign's plan is added to it; given again, it moves.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AssignFirms } from '@minyi/domain/activities';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { deputies } from '../../registry';
import { campaignFirms, firms } from '../activities.table';
import { campaignPolicy } from '../activities.policy';
import { loadCampaignStep } from '../activities.repository';

export function assignFirms(ctx: Ctx, campaignId: string, input: AssignFirms) {
  return step(ctx, {
    policy: campaignPolicy,
    action: 'manage',
    load: (w, a) => loadCampaignStep(w, a, campaignId, true),
    async write({ w, row: campaign }) {
      if (campaign.kind !== 'enterpriseVisits')
        throw conflict('not_enterprise_visits', {
          zh: '只有企业走访专项活动才有走访企业',
          en: 'Only an enterprise-visit campaign has firms to visit',
        });
      const congressId = campaign.congressId;
      const firmIds = [...new Set(input.items.map((i) => i.firmId))];
      const deputyIds = [...new Set(input.items.map((i) => i.deputyId))];
      const [knownFirms, knownDeputies] = await Promise.all([
        w.db
          .select({ id: firms.id })
          .from(firms)
          .where(and(eq(firms.congressId, congressId), inArray(firms.id, firmIds))),
        w.db
          .select({ id: deputies.id })
          .from(deputies)
          .where(and(eq(deputies.congressId, congressId), inArray(deputies.id, deputyIds))),
      ]);
      input.items.forEach((item, i) => {
        if (!knownFirms.some((f) => f.id === item.firmId))
          throw invalidField(`items.${i}.firmId`, '企业不存在', 'no such firm', 'unknown');
        if (!knownDeputies.some((d) => d.id === item.deputyId))
          throw invalidField(`items.${i}.deputyId`, '代表不存在', 'no such deputy', 'unknown');
      });
      // The last line for a firm wins when the same firm is given twice in one request.
      const lines = [...new Map(input.items.map((i) => [i.firmId, i])).values()];
      await w.db
        .insert(campaignFirms)
        .values(
          lines.map((l) => ({
            congressId,
            campaignId: campaign.id,
            firmId: l.firmId,
            deputyId: l.deputyId,
            plannedOn: l.plannedOn ?? null,
          })),
        )
        .onConflictDoUpdate({
          target: [campaignFirms.campaignId, campaignFirms.firmId],
          set: { deputyId: sql`excluded.deputy_id`, plannedOn: sql`excluded.planned_on` },
        });
      return {
        result: { assigned: lines.length },
        audit: {
          action: 'campaign.assignFirms',
          entityType: 'campaign',
          entityId: campaign.id,
          congressId,
          after: { items: lines },
        },
      };
    },
  });
}
