// One opinion for staff, deputies and units: the record (personal data revealed or masked by role), its
// assignments, photos, full timeline, and the abilities of the viewer.
import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { opinionEvents, opinionPhotos } from '../opinions.table';
import { findAssignments, loadOpinion, OPINION, resourceOf, type OpinionRow } from '../opinions.repository';
import { opinionPolicy } from '../opinions.policy';
import { findUnits } from '../opinions.repository';
import { getSuggestionOutcome } from '../../suggestions';
import { dueFlag, dueSoonBound } from './due';
import { isRatingLocked } from './track-opinion';

export async function getOpinion(ctx: Ctx, id: string) {
  const db = ctx.app.db;
  const o = await loadOpinion(db, ctx.actor!.congressId, id);
  const resource = await resourceOf(db, o);
  if (!opinionPolicy.can(ctx.actor, 'view', resource)) throw notFound(OPINION);
  return presentOpinion(ctx, o, resource);
}

export async function presentOpinion(
  ctx: Ctx,
  o: OpinionRow,
  resource?: Awaited<ReturnType<typeof resourceOf>>,
) {
  const db = ctx.app.db;
  resource ??= await resourceOf(db, o);
  const roles = ctx.actor?.roles ?? [];
  const assignments = await findAssignments(db, o.id);
  const units = await findUnits(
    db,
    o.congressId,
    assignments.map((a) => a.unitId),
  );
  const events = await db
    .select()
    .from(opinionEvents)
    .where(eq(opinionEvents.opinionId, o.id))
    .orderBy(asc(opinionEvents.createdAt));
  const photos = await db
    .select({ id: opinionPhotos.fileId })
    .from(opinionPhotos)
    .where(eq(opinionPhotos.opinionId, o.id));
  const now = new Date();
  const dueSoonFrom = await dueSoonBound(ctx.app, o.congressId, now);
  const isUnit =
    roles.includes('handlingUnitStaff') && !roles.some((r) => r === 'congressStaff' || r === 'liaisonStaff');
  return {
    id: o.id,
    trackingCode: o.trackingCode,
    content: o.content,
    publicContent: o.publicContent,
    category: o.category,
    streetId: o.streetId,
    communityId: o.communityId,
    location: o.location,
    latitude: o.latitude,
    longitude: o.longitude,
    channel: o.channel,
    deputyId: o.deputyId,
    liaisonPlaceId: o.liaisonPlaceId,
    receptionId: o.receptionId,
    // Units see what they need to call back only through staff; they get the masked phone.
    name: o.nameEnc ? (isUnit ? '***' : ctx.app.pii.decrypt(o.nameEnc)) : null,
    phone: ctx.app.pii.reveal('phone', o.phoneEnc, roles),
    isPublic: o.isPublic,
    hidden: o.hidden,
    hiddenReason: o.hiddenReason,
    status: o.status,
    due: dueFlag(o, now, dueSoonFrom),
    decisionNote: o.decisionNote,
    mergedIntoId: o.mergedIntoId,
    suggestionId: o.suggestionId,
    suggestion: o.suggestionId ? await getSuggestionOutcome(db, o.congressId, o.suggestionId) : null,
    projectIdeaId: o.projectIdeaId,
    leadUnitId: o.leadUnitId,
    assignedAt: o.assignedAt,
    deadlineAt: o.deadlineAt,
    handBackUntil: o.handBackUntil,
    replyOutcome: o.replyOutcome,
    replyContent: o.replyContent,
    repliedAt: o.repliedAt,
    verifiedBy: o.verifiedBy,
    rating: o.rating,
    ratedAt: o.ratedAt,
    // Someone guessed at the tracking code: the citizen can no longer rate online (issue 22 item 3a).
    ratingLocked: await isRatingLocked(ctx, o.id),
    reopenCount: o.reopenCount,
    closedAt: o.closedAt,
    createdAt: o.createdAt,
    assignments: assignments.map((a) => ({
      unitId: a.unitId,
      unitName: units.find((u) => u.id === a.unitId)?.name ?? '',
      role: a.role,
      active: a.active,
      assignedAt: a.assignedAt,
      endedAt: a.endedAt,
      endReason: a.endReason,
    })),
    photos: photos.map((p) => p.id),
    timeline: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      isPublic: e.isPublic,
      note: e.note,
      data: e.data,
      at: e.createdAt,
    })),
    abilities: opinionPolicy.abilities(ctx.actor, resource),
  };
}
