// The problems firms raised in a campaign's visits, newest visit first: each with the firm, the visit's day and
// deputy, the unit it was sent to, and where the opinion it became stands (status, the unit's reply, the firm's
// rating), read through the opinions module. Staff and leaders see every problem; a deputy with firms in the
// campaign sees those of their own visits, with whether they may record the firm's rating now (the unit has
// replied). Cursor over (visit day, problem id).
import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { FirmIssueQuery } from '@minyi/domain/activities';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { decodeCursor, page } from '../../../platform/http';
import { deputies, handlingUnits } from '../../registry';
import { getOpinionAnswers } from '../../opinions';
import { firms, firmVisitIssues, firmVisits } from '../activities.table';
import { campaignPolicy } from '../activities.policy';
import { loadCampaignStep } from '../activities.repository';

export async function findFirmIssues(db: Db, actor: Actor, campaignId: string, q: FirmIssueQuery) {
  const after = decodeCursor(q.cursor, ['text', 'uuid']);
  const { row, resource } = await loadCampaignStep({ db }, actor, campaignId);
  const role = campaignPolicy.authorize(actor, 'readVisits', resource);
  const onlyMine = role === 'deputy';
  const rows = await db
    .select({
      id: firmVisitIssues.id,
      content: firmVisitIssues.content,
      opinionId: firmVisitIssues.opinionId,
      visitId: firmVisits.id,
      visitedOn: firmVisits.visitedOn,
      firmId: firms.id,
      firmName: firms.name,
      deputyId: firmVisits.deputyId,
      deputyName: deputies.name,
      unitId: firmVisitIssues.unitId,
      unitName: handlingUnits.name,
    })
    .from(firmVisitIssues)
    .innerJoin(firmVisits, eq(firmVisits.id, firmVisitIssues.visitId))
    .innerJoin(firms, eq(firms.id, firmVisits.firmId))
    .leftJoin(deputies, eq(deputies.id, firmVisits.deputyId))
    .leftJoin(handlingUnits, eq(handlingUnits.id, firmVisitIssues.unitId))
    .where(
      and(
        eq(firmVisits.campaignId, row.id),
        eq(firmVisitIssues.congressId, row.congressId),
        onlyMine ? eq(firmVisits.deputyId, actor.deputyId!) : undefined,
        after
          ? or(
              lt(firmVisits.visitedOn, after[0]),
              and(eq(firmVisits.visitedOn, after[0]), lt(firmVisitIssues.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(firmVisits.visitedOn), desc(firmVisitIssues.id))
    .limit(q.limit + 1);
  const paged = page(rows, q.limit, (r) => [r.visitedOn, r.id]);
  const answers = await getOpinionAnswers(
    db,
    row.congressId,
    paged.items.map((i) => i.opinionId),
  );
  const staff = actor.roles.includes('congressStaff');
  return {
    items: paged.items.map((i) => {
      const a = answers.get(i.opinionId);
      const status = a?.status ?? 'submitted';
      return {
        ...i,
        deputyName: i.deputyName ?? '',
        unitName: i.unitName ?? '',
        status,
        deadlineAt: a?.deadlineAt ?? null,
        replyOutcome: a?.replyOutcome ?? null,
        reply: a?.replyContent ?? null,
        repliedAt: a?.repliedAt ?? null,
        rating: a?.rating ?? null,
        ratedAt: a?.ratedAt ?? null,
        reopenCount: a?.reopenCount ?? 0,
        // The rating step's own rule (the deputy who visited, or staff) on an answered problem.
        canRate: status === 'replied' && (staff || (!!actor.deputyId && actor.deputyId === i.deputyId)),
      };
    }),
    nextCursor: paged.nextCursor,
  };
}
