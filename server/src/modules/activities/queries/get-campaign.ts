// One campaign with its questionnaire and the caller's abilities: staff and leaders read every campaign; a
// deputy with firms to visit in it reads it to fill the questionnaire on the phone.
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { campaignPolicy } from '../activities.policy';
import { loadCampaignStep } from '../activities.repository';

export async function getCampaign(db: Db, actor: Actor, campaignId: string) {
  const { row, resource } = await loadCampaignStep({ db }, actor, campaignId);
  campaignPolicy.authorize(actor, 'readVisits', resource);
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    from: row.fromDate,
    to: row.toDate,
    goal: row.goal,
    questionnaire: row.questionnaire,
    abilities: campaignPolicy.abilities(actor, resource),
  };
}
