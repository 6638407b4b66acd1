// The firm's rating of the unit's answer to a problem it raised in an enterprise visit (“the firm's rating”,
// issue 20), recorded by the deputy who visited (on the phone, after asking the firm) or by staff: the opinion
// the problem became is rated through the opinions pipeline (rateForwardedOpinion: the citizen's step —
// dissatisfied reopens the item once with a fresh deadline, otherwise it closes), in this step's transaction.
// The rating lives on the opinion only (no double entry); the campaign's report reads it from there.
import { and, eq } from 'drizzle-orm';
import type { RateFirmIssue } from '@minyi/domain/activities';
import type { Ctx } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { rateForwardedOpinion } from '../../opinions';
import { firmVisitIssues, firmVisits } from '../activities.table';
import { campaignPolicy } from '../activities.policy';

const ISSUE = { zh: '企业问题', en: 'firm’s problem' };

export function rateFirmIssue(ctx: Ctx, issueId: string, input: RateFirmIssue) {
  return step(ctx, {
    policy: campaignPolicy,
    action: 'rateIssue',
    async load(w, actor) {
      const [row] = await w.db
        .select({
          id: firmVisitIssues.id,
          congressId: firmVisitIssues.congressId,
          opinionId: firmVisitIssues.opinionId,
          visitId: firmVisitIssues.visitId,
          campaignId: firmVisits.campaignId,
          deputyId: firmVisits.deputyId,
        })
        .from(firmVisitIssues)
        .innerJoin(firmVisits, eq(firmVisits.id, firmVisitIssues.visitId))
        .where(and(eq(firmVisitIssues.id, issueId), eq(firmVisitIssues.congressId, actor.congressId)));
      if (!row) throw notFound(ISSUE);
      return { row, resource: { congressId: row.congressId, visitedBy: row.deputyId } };
    },
    async write({ w, row }) {
      const rated = await rateForwardedOpinion(ctx, w, row.congressId, row.opinionId, input);
      return {
        result: { id: row.id, opinionId: row.opinionId, ...rated },
        audit: {
          action: 'campaign.rateIssue',
          entityType: 'firmVisitIssue',
          entityId: row.id,
          congressId: row.congressId,
          after: { opinionId: row.opinionId, rating: input.rating, status: rated.status },
        },
      };
    },
  });
}
