// One activity for staff, leaders, or a deputy on it: place, campaign, the deputies invited with their answers
// and attendance (invited or not), the record with each finding's opinion and where it stands, and what the
// caller may do now (the check-in button shows while the window is open). Staff see the QR token.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { inCheckInWindow } from '@minyi/domain/activities';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { deputies, handlingUnits, liaisonPlaces } from '../../registry';
import { getOpinionStates } from '../../opinions';
import { activities, activityFindings, activityParticipants, campaigns } from '../activities.table';
import { activityPolicy } from '../activities.policy';
import { ACTIVITY } from '../activities.repository';
import { readActivitiesSettings } from '../activities.settings';

export async function getActivity(db: Db, actor: Actor, id: string) {
  const [a] = await db
    .select()
    .from(activities)
    .where(and(eq(activities.id, id), eq(activities.congressId, actor.congressId)));
  if (!a) throw notFound(ACTIVITY);
  const lines = await db
    .select({
      deputyId: activityParticipants.deputyId,
      name: deputies.name,
      invited: activityParticipants.invited,
      rsvp: activityParticipants.rsvp,
      leaveReason: activityParticipants.leaveReason,
      attendedAt: activityParticipants.attendedAt,
      attendedVia: activityParticipants.attendedVia,
    })
    .from(activityParticipants)
    .innerJoin(deputies, eq(deputies.id, activityParticipants.deputyId))
    .where(eq(activityParticipants.activityId, a.id))
    .orderBy(asc(deputies.name));
  const mine = actor.deputyId ? (lines.find((l) => l.deputyId === actor.deputyId) ?? null) : null;
  const resource = { congressId: a.congressId, participant: !!mine, invited: !!mine?.invited };
  activityPolicy.authorize(actor, 'read', resource);
  const [place] = a.placeId
    ? await db
        .select({ id: liaisonPlaces.id, name: liaisonPlaces.name, address: liaisonPlaces.address })
        .from(liaisonPlaces)
        .where(eq(liaisonPlaces.id, a.placeId))
    : [];
  const [campaign] = a.campaignId
    ? await db
        .select({ id: campaigns.id, title: campaigns.title, kind: campaigns.kind })
        .from(campaigns)
        .where(eq(campaigns.id, a.campaignId))
    : [];
  const findingRows = await db
    .select()
    .from(activityFindings)
    .where(eq(activityFindings.activityId, a.id))
    .orderBy(asc(activityFindings.createdAt), asc(activityFindings.id));
  const unitIds = [...new Set(findingRows.map((f) => f.unitId))];
  const units = unitIds.length
    ? await db
        .select({ id: handlingUnits.id, name: handlingUnits.name })
        .from(handlingUnits)
        .where(inArray(handlingUnits.id, unitIds))
    : [];
  const states = await getOpinionStates(
    db,
    a.congressId,
    findingRows.map((f) => f.opinionId),
  );
  const staff = actor.roles.includes('congressStaff');
  const { checkInWindow } = await readActivitiesSettings(db, a.congressId);
  const { checkInToken, ...shown } = a;
  const abilities = activityPolicy.abilities(actor, resource);
  return {
    ...shown,
    ...(staff ? { checkInToken } : {}),
    place: place ?? null,
    campaign: campaign ?? null,
    invited: lines.filter((l) => l.invited).length,
    attended: lines.filter((l) => l.attendedAt).length,
    participants: lines,
    me: mine,
    findings: findingRows.map((f) => ({
      id: f.id,
      content: f.content,
      unitId: f.unitId,
      unitName: units.find((u) => u.id === f.unitId)?.name ?? '',
      opinionId: f.opinionId,
      opinion: states.get(f.opinionId) ?? null,
    })),
    checkInOpen: inCheckInWindow(new Date(), a, checkInWindow),
    abilities: {
      ...abilities,
      checkIn: abilities.checkIn && !mine?.attendedAt && inCheckInWindow(new Date(), a, checkInWindow),
      rsvp: abilities.rsvp && a.endsAt.getTime() > Date.now() && !mine?.attendedAt,
    },
  };
}
