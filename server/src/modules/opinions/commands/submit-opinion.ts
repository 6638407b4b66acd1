// Takes in an opinion from any channel: the public form (no account), a QR code, a reception, staff entry.
import { randomInt } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import {
  redactContent,
  searchText,
  TRACKING_ALPHABET,
  TRACKING_CODE_LENGTH,
  type OpinionChannel,
  type SubmitOpinionInput,
} from '@minyi/domain/opinions';
import type { Db } from '../../../db/client';
import type { Ctx, Work, Writes } from '../../../platform/context';
import { forbidden, invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { files } from '../../../platform/platform.table';
import { opinionEvents, opinionPhotos, opinions, receptionDeputies, receptions } from '../opinions.table';
import { getDeputy, getLiaisonPlace } from '../../registry';
import { getCommunity, getStreetCached } from '../opinions.repository';
import { eventRow, newOpinionListItem } from '../opinions.repository';
import { ENTRY_ROLES } from '../opinions.policy';
import { opinionSubmitted } from '../opinions.events';

export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++)
    code += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return code;
}

/** The keyed check of "tracking code + last four digits of the phone". */
export const phoneCheckOf = (ctx: Ctx, trackingCode: string, last4: string) =>
  ctx.app.pii.index('phone', `track:${trackingCode}:${last4}`);
export const ipIndexOf = (ctx: Ctx, ip: string) => ctx.app.pii.index('phone', `ip:${ip}`);

export interface SubmitOptions {
  /** Import and demo: the time the opinion was received. */
  receivedAt?: Date;
  /** Import: skip the per-IP/phone limits (staff act under their account). */
  trusted?: boolean;
}

/** Checks everything that can be checked before writing; every problem names its field. */
export async function checkSubmission(ctx: Ctx, db: Db, input: SubmitOptions & { body: SubmitOpinionInput }) {
  const body = input.body;
  const street = await getStreetCached(db, body.streetId);
  if (!street || (ctx.actor && street.congressId !== ctx.actor.congressId)) {
    throw invalidField('streetId', '未知的街道', 'unknown street');
  }
  const congressId = street.congressId;
  if (body.communityId && !(await getCommunity(db, congressId, body.communityId, body.streetId))) {
    throw invalidField('communityId', '该街道下没有这个社区', 'unknown community in this street');
  }
  if (body.deputyId && !(await getDeputy(db, congressId, body.deputyId))) {
    throw invalidField('deputyId', '未知的代表', 'unknown deputy');
  }
  if (body.liaisonPlaceId && !(await getLiaisonPlace(db, congressId, body.liaisonPlaceId))) {
    throw invalidField('liaisonPlaceId', '未知的联络站', 'unknown liaison place');
  }
  const staff = !!ctx.actor && ENTRY_ROLES.some((r) => ctx.actor!.roles.includes(r));
  if ((body.receptionId || (body.channel && !['form', 'qr'].includes(body.channel))) && !staff) {
    throw invalidField(
      body.receptionId ? 'receptionId' : 'channel',
      '仅工作人员或代表可填写',
      'only staff or deputies may set this',
    );
  }
  if (body.receptionId) {
    const [r] = await db
      .select({ id: receptions.id, placeId: receptions.liaisonPlaceId })
      .from(receptions)
      .where(and(eq(receptions.id, body.receptionId), eq(receptions.congressId, congressId)));
    if (!r) throw invalidField('receptionId', '未知的接待活动', 'unknown reception');
    // A deputy registers opinions only at receptions they are scheduled for; staff at any.
    const isStaff = ctx.actor!.roles.some((role) => role === 'congressStaff' || role === 'liaisonStaff');
    if (!isStaff) {
      const [present] = ctx.actor!.deputyId
        ? await db
            .select({ id: receptionDeputies.deputyId })
            .from(receptionDeputies)
            .where(
              and(
                eq(receptionDeputies.receptionId, body.receptionId),
                eq(receptionDeputies.deputyId, ctx.actor!.deputyId),
              ),
            )
        : [];
      if (!present)
        throw forbidden({
          zh: '您不在这次接待活动的安排中',
          en: 'You are not scheduled for this reception',
        });
    }
  }
  if (body.photoIds?.length) {
    const found = await db
      .select({ id: files.id })
      .from(files)
      .where(
        and(
          inArray(files.id, body.photoIds),
          eq(files.congressId, congressId),
          eq(files.purpose, 'opinion.photo'),
        ),
      );
    const used = await db
      .select({ id: opinionPhotos.fileId })
      .from(opinionPhotos)
      .where(inArray(opinionPhotos.fileId, body.photoIds));
    const bad = body.photoIds.findIndex(
      (id) => !found.some((f) => f.id === id) || used.some((u) => u.id === id),
    );
    if (bad >= 0)
      throw invalidField(`photoIds.${bad}`, '照片不存在或已被使用', 'unknown or already used photo');
  }
  const channel: OpinionChannel = staff
    ? (body.channel ?? (body.receptionId ? 'reception' : 'staff'))
    : body.deputyId || body.liaisonPlaceId
      ? 'qr'
      : 'form';
  return { congressId, channel, staff };
}

/** What the checks found: the congress (the street's), the channel, whether staff entered it. */
export type Checked = Awaited<ReturnType<typeof checkSubmission>>;

/**
 * Stores an opinion in a transaction (import): the field checks, then the rows. The public form's
 * submissions are written in batches instead (submit-public-opinion.ts).
 */
export async function submitOpinion(ctx: Ctx, w: Work, input: SubmitOptions & { body: SubmitOpinionInput }) {
  const checked = await checkSubmission(ctx, w.db, input);
  return recordSubmission(ctx, w, {
    ...input,
    checked,
    phoneIndex: ctx.app.pii.index('phone', input.body.phone),
  });
}

/**
 * The opinion's rows, its timeline event, its `opinion.submitted` event, its audit row and the citizen's
 * text: every write an INSERT recorded through `w` (none read back), for a transaction or a batch alike.
 * A project idea too: the livelihood module makes the idea, with the id given here, after commit.
 */
export async function recordSubmission(
  ctx: Ctx,
  w: Writes,
  input: SubmitOptions & { body: SubmitOpinionInput; checked: Checked; phoneIndex: string },
) {
  const admitted = input.checked;
  const { congressId, channel } = admitted;
  const body = input.body;
  const pii = ctx.app.pii;
  const phoneIndex = input.phoneIndex;
  const id = newId();
  const trackingCode = newTrackingCode();
  const phoneEnc = pii.encrypt(body.phone);
  const at = input.receivedAt ?? new Date();
  // A project idea also goes to the livelihood projects' solicitation: the livelihood module makes the idea,
  // with this id, after commit (it subscribes to `opinion.submitted`).
  const projectIdeaId = body.category === 'livelihoodProjectIdea' ? newId() : null;
  const publicContent = redactContent(body.content);
  w.insert(opinions, {
    id,
    congressId,
    trackingCode,
    content: body.content,
    publicContent,
    category: body.category,
    streetId: body.streetId,
    communityId: body.communityId ?? null,
    location: body.location ?? null,
    latitude: body.latitude ?? null,
    longitude: body.longitude ?? null,
    channel,
    deputyId: body.deputyId ?? null,
    liaisonPlaceId: body.liaisonPlaceId ?? null,
    receptionId: body.receptionId ?? null,
    nameEnc: body.name ? pii.encrypt(body.name) : null,
    phoneEnc,
    phoneIndex,
    phoneCheck: phoneCheckOf(ctx, trackingCode, body.phone.slice(-4)),
    isPublic: body.isPublic,
    searchText: searchText(body.content, body.location),
    projectIdeaId,
    createdBy: ctx.actor?.accountId ?? null,
    createdAt: at,
    updatedAt: at,
    listItem: newOpinionListItem({
      id,
      trackingCode,
      publicContent,
      category: body.category,
      streetId: body.streetId,
      channel,
      createdAt: at,
    }),
  });
  if (body.photoIds?.length) {
    w.insert(
      opinionPhotos,
      body.photoIds.map((fileId) => ({ congressId, opinionId: id, fileId })),
    );
  }
  w.insert(opinionEvents, eventRow({ id, congressId }, ctx, { kind: 'submitted', data: { channel } }));
  if (projectIdeaId) {
    w.insert(
      opinionEvents,
      eventRow({ id, congressId }, ctx, { kind: 'projectIdeaSubmitted', data: { projectIdeaId } }),
    );
  }
  await w.publish(opinionSubmitted, {
    congressId,
    opinionId: id,
    category: body.category,
    streetId: body.streetId,
    publicContent,
    projectIdeaId,
  });
  await w.audit({
    action: 'opinion.submit',
    entityType: 'opinion',
    entityId: id,
    congressId,
    after: {
      category: body.category,
      streetId: body.streetId,
      channel,
      isPublic: body.isPublic,
      photos: body.photoIds?.length ?? 0,
    },
  });
  // The citizen's text with the tracking code: the SMS job is queued with the opinion.
  await ctx.app.notifier.sms(w, congressId, phoneEnc, {
    zh: `【民意】您的意见已收到，查询码 ${trackingCode}，凭查询码和手机尾号四位可查看办理进展。`,
    en: `Your opinion was received. Tracking code ${trackingCode}.`,
  });
  return { id, trackingCode, congressId };
}
