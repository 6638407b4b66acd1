// One campaign with its questionnaire and the caller's abilities: staff and leaders read every campaign; a
// deputy with firms to visit in it reads it to fill the questionnaire on the phone, with the handling units a
// firm's problem may be sent to (names only: a deputy reads no other list of units).
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { handlingUnits } from '../../registry';
import type { Actor } from '../../../platform/context';
import { campaignPolicy } from '../activities.policy';
import { loadCampaignStep } from '../activities.repository';

export async function getCampaign(db: Db, actor: Actor, campaignId: string) {
  const { row, resource } = await loadCampaignStep({ db }, actor, campaignId);
  campaignPolicy.authorize(actor, 'readVisits', resource);
  const abilities = campaignPolicy.abilities(actor, resource);
  const units = abilities.recordVisit
    ? await db
        .select({ id: handlingUnits.id, name: handlingUnits.name })
        .from(handlingUnits)
        .where(and(eq(handlingUnits.congressId, row.congressId), eq(handlingUnits.active, true)))
        .orderBy(asc(handlingUnits.name))
    : [];
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    from: row.fromDate,
    to: row.toDate,
    goal: row.goal,
    questionnaire: row.questionnaire,
    units,
    abilities,
  };
}
