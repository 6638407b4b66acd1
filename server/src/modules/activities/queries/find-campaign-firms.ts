// The firms of an enterprise-visit campaign's plan: each with its code, industry, size and street, the deputy
// it is given to and the planned day, its visits and the problems raised. Staff and leaders see the whole
// plan; a deputy sees the firms given to them.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { deputies, jurisdictions } from '../../registry';
import { campaignFirms, firms, firmVisitIssues, firmVisits } from '../activities.table';
import { campaignPolicy } from '../activities.policy';
import { loadCampaignStep } from '../activities.repository';

export async function findCampaignFirms(db: Db, actor: Actor, campaignId: string) {
  const { row, resource } = await loadCampaignStep({ db }, actor, campaignId);
  const role = campaignPolicy.authorize(actor, 'readVisits', resource);
  const onlyMine = role === 'deputy';
  const items = await db
    .select({
      firmId: firms.id,
      name: firms.name,
      uscc: firms.uscc,
      industry: firms.industry,
      size: firms.size,
      streetId: firms.streetId,
      streetName: jurisdictions.name,
      streetNameEn: jurisdictions.nameEn,
      deputyId: campaignFirms.deputyId,
      deputyName: deputies.name,
      plannedOn: campaignFirms.plannedOn,
      visits: sql<number>`(SELECT count(*)::int FROM firm_visits v WHERE v.campaign_id = ${row.id} AND v.firm_id = ${firms.id})`,
      lastVisitedOn: sql<
        string | null
      >`(SELECT max(v.visited_on)::text FROM firm_visits v WHERE v.campaign_id = ${row.id} AND v.firm_id = ${firms.id})`,
    })
    .from(campaignFirms)
    .innerJoin(firms, eq(firms.id, campaignFirms.firmId))
    .leftJoin(jurisdictions, eq(jurisdictions.id, firms.streetId))
    .leftJoin(deputies, eq(deputies.id, campaignFirms.deputyId))
    .where(
      and(
        eq(campaignFirms.campaignId, row.id),
        onlyMine ? eq(campaignFirms.deputyId, actor.deputyId!) : undefined,
      ),
    )
    .orderBy(asc(campaignFirms.plannedOn), asc(firms.name))
    .limit(5000);
  const firmIds = items.map((i) => i.firmId);
  const issues = firmIds.length
    ? await db
        .select({ firmId: firmVisits.firmId, n: sql<number>`count(*)::int` })
        .from(firmVisitIssues)
        .innerJoin(firmVisits, eq(firmVisits.id, firmVisitIssues.visitId))
        .where(and(eq(firmVisits.campaignId, row.id), inArray(firmVisits.firmId, firmIds)))
        .groupBy(firmVisits.firmId)
    : [];
  const issuesOf = new Map(issues.map((i) => [i.firmId, Number(i.n)]));
  return {
    items: items.map((i) => ({
      ...i,
      streetName: i.streetName ?? '',
      streetNameEn: i.streetNameEn ?? '',
      issues: issuesOf.get(i.firmId) ?? 0,
    })),
  };
}
