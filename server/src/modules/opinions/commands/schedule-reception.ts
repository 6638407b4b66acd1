// A liaison place publishes a reception (which deputies, when), at least the notice period ahead.
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { scheduleReceptionSchema } from '@minyi/domain/opinions';
import { requireRole } from '../../../platform/access';
import { transact, type Ctx, type Work } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { deputies } from '../../registry';
import { receptionDeputies, receptions } from '../opinions.table';
import { getLiaisonPlace } from '../../registry';
import { readOpinionSettings } from '../opinions.repository';
import { RECEPTION_ROLES } from '../opinions.policy';
import { getReception } from '../queries/find-receptions';

export async function scheduleReception(ctx: Ctx, body: z.infer<typeof scheduleReceptionSchema>) {
  const actor = requireRole(ctx.actor, RECEPTION_ROLES);
  const { id } = await transact(ctx, (w) => schedule(ctx, w, body));
  return getReception(ctx.app.db, actor.congressId, id);
}

async function schedule(ctx: Ctx, w: Work, body: z.infer<typeof scheduleReceptionSchema>) {
  const congressId = ctx.actor!.congressId;
  const place = await getLiaisonPlace(w.db, congressId, body.liaisonPlaceId);
  if (!place) throw invalidField('liaisonPlaceId', '未知的联络站', 'unknown liaison place');
  const startsAt = new Date(body.startsAt);
  const endsAt = new Date(body.endsAt);
  if (endsAt <= startsAt) throw invalidField('endsAt', '结束时间应晚于开始时间', 'must be after the start');
  const { receptionNoticeDays } = await readOpinionSettings(w.db, congressId);
  if (startsAt.getTime() < Date.now() + receptionNoticeDays * 86_400_000) {
    throw invalidField(
      'startsAt',
      `接待活动须至少提前 ${receptionNoticeDays} 天公告`,
      `a reception must be announced at least ${receptionNoticeDays} days ahead`,
      'notice_too_short',
    );
  }
  const ids = [...new Set(body.deputyIds)];
  const found = await w.db
    .select({ id: deputies.id })
    .from(deputies)
    .where(and(eq(deputies.congressId, congressId), inArray(deputies.id, ids)));
  const bad = ids.findIndex((id) => !found.some((f) => f.id === id));
  if (bad >= 0) throw invalidField(`deputyIds.${bad}`, '未知的代表', 'unknown deputy');
  const id = newId();
  await w.db.insert(receptions).values({
    id,
    congressId,
    liaisonPlaceId: place.id,
    streetId: place.streetId,
    startsAt,
    endsAt,
    topic: body.topic,
    createdBy: ctx.actor!.accountId,
  });
  await w.db
    .insert(receptionDeputies)
    .values(ids.map((deputyId) => ({ congressId, receptionId: id, deputyId })));
  await w.audit({ action: 'reception.schedule', entityType: 'reception', entityId: id, after: { ...body } });
  await w.enqueue(
    'opinions.receptionNotice',
    { receptionId: id },
    { congressId, dedupeKey: `reception-notice:${id}` },
  );
  return { id };
}
