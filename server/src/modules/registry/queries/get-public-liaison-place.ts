// One liaison place with its hours and deputies (public).
import type { Db } from '../../../db/client';
import { notFound } from '../../../platform/errors';
import { findPublicLiaisonPlaces } from './find-public-liaison-places';

export async function getPublicLiaisonPlace(db: Db, congressId: string, id: string) {
  const { items } = await findPublicLiaisonPlaces(db, congressId, { id });
  if (!items[0]) throw notFound({ zh: '联络站点', en: 'liaison place' });
  return items[0];
}
