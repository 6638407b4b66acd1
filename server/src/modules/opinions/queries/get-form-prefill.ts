// What a QR code prefills the public form with: the deputy and liaison place it names, and the code itself.
import QRCode from 'qrcode';
import type { Ctx } from '../../../platform/context';
import { invalidField, notFound } from '../../../platform/errors';
import { getDeputy, getLiaisonPlace } from '../../registry';

export interface PrefillQuery {
  deputyId?: string;
  liaisonPlaceId?: string;
}

/** The deputy and liaison place a QR code names: at least one, each known (400, 404). */
async function prefillOf(ctx: Ctx, congressId: string, query: PrefillQuery) {
  const db = ctx.app.db;
  const { deputyId, liaisonPlaceId } = query;
  if (!deputyId && !liaisonPlaceId)
    throw invalidField(
      'deputyId',
      '请指定代表或联络站',
      'give a deputy or a liaison place',
      'required',
      'querystring',
    );
  const deputy = deputyId ? await getDeputy(db, congressId, deputyId) : null;
  if (deputyId && !deputy) throw notFound({ zh: '代表', en: 'deputy' });
  const place = liaisonPlaceId ? await getLiaisonPlace(db, congressId, liaisonPlaceId) : null;
  if (liaisonPlaceId && !place) throw notFound({ zh: '联络站', en: 'liaison place' });
  return { deputy, place };
}

/** The names the form shows for a QR code's prefill. */
export async function getFormPrefill(ctx: Ctx, congressId: string, query: PrefillQuery) {
  const { deputy, place } = await prefillOf(ctx, congressId, query);
  return {
    deputy: deputy && { id: deputy.id, name: deputy.name },
    liaisonPlace: place && { id: place.id, name: place.name, streetId: place.streetId },
  };
}

/**
 * The QR code (SVG) opening the form prefilled: on the configured public address, never the request's
 * Host or X-Forwarded-Host (the answer is cached publicly).
 */
export async function getFormQrCode(ctx: Ctx, congressId: string, query: PrefillQuery): Promise<string> {
  const { deputy, place } = await prefillOf(ctx, congressId, query);
  const params = new URLSearchParams();
  if (deputy) params.set('deputyId', deputy.id);
  if (place) {
    params.set('liaisonPlaceId', place.id);
    params.set('streetId', place.streetId);
  }
  const origin = ctx.app.config.publicUrl;
  return QRCode.toString(`${origin}/opinions/new?${params.toString()}`, {
    type: 'svg',
    margin: 1,
    errorCorrectionLevel: 'M',
  });
}
