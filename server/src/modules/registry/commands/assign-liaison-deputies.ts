// Sets the deputies assigned to a liaison place (replaces the list).
import { and, eq, inArray } from 'drizzle-orm';
import { transact, type Ctx } from '../../../platform/context';
import { badRequest, notFound } from '../../../platform/errors';
import { deputies, liaisonPlaceDeputies, liaisonPlaces } from '../registry.table';
import { registryPolicy } from '../registry.policy';

export async function assignLiaisonDeputies(
  ctx: Ctx,
  congressId: string,
  placeId: string,
  deputyIds: string[],
) {
  const wanted = [...new Set(deputyIds)];
  await transact(ctx, async (w) => {
    registryPolicy.authorize(ctx.actor, 'assignDeputies', { congressId });
    const [place] = await w.db
      .select({ id: liaisonPlaces.id })
      .from(liaisonPlaces)
      .where(and(eq(liaisonPlaces.congressId, congressId), eq(liaisonPlaces.id, placeId)))
      .for('update');
    if (!place) throw notFound({ zh: '联络站点', en: 'liaison place' });
    const known = wanted.length
      ? new Set(
          (
            await w.db
              .select({ id: deputies.id })
              .from(deputies)
              .where(and(eq(deputies.congressId, congressId), inArray(deputies.id, wanted)))
          ).map((d) => d.id),
        )
      : new Set<string>();
    const unknown = deputyIds.map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id));
    if (unknown.length) {
      throw badRequest(
        unknown.map(({ i }) => ({
          field: `deputyIds.${i}`,
          in: 'body',
          code: 'unknown_reference',
          message: { zh: '不是本级人大的代表', en: 'is not a deputy of this congress' },
        })),
      );
    }
    const before = (
      await w.db
        .select({ id: liaisonPlaceDeputies.deputyId })
        .from(liaisonPlaceDeputies)
        .where(eq(liaisonPlaceDeputies.liaisonPlaceId, placeId))
    )
      .map((r) => r.id)
      .sort();
    await w.db.delete(liaisonPlaceDeputies).where(eq(liaisonPlaceDeputies.liaisonPlaceId, placeId));
    if (wanted.length)
      await w.db
        .insert(liaisonPlaceDeputies)
        .values(wanted.map((deputyId) => ({ congressId, liaisonPlaceId: placeId, deputyId })));
    await w.audit({
      action: 'liaisonPlace.assignDeputies',
      entityType: 'liaisonPlace',
      entityId: placeId,
      before: { deputyIds: before },
      after: { deputyIds: [...wanted].sort() },
    });
  });
}
