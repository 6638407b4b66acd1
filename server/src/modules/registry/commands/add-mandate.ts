// Gives a deputy a mandate in this congress or in its parent congress (a city deputy living in the district).
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createMandateSchema } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { conflict, invalidField, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { congresses } from '../../../platform/platform.table';
import { deputies, mandates, terms } from '../registry.table';
import { registryPolicy } from '../registry.policy';
import { ensureJurisdiction, ensureRef } from '../registry.repository';

export async function addMandate(
  ctx: Ctx,
  congressId: string,
  deputyId: string,
  input: z.infer<typeof createMandateSchema>,
): Promise<string> {
  return transact(ctx, async (w) => {
    registryPolicy.authorize(ctx.actor, 'edit', { congressId });
    const [deputy] = await w.db
      .select({ id: deputies.id })
      .from(deputies)
      .where(and(eq(deputies.congressId, congressId), eq(deputies.id, deputyId)));
    if (!deputy) throw notFound({ zh: '代表', en: 'deputy' });
    const [own] = await w.db.select().from(congresses).where(eq(congresses.id, congressId));
    const target = input.congressId ?? congressId;
    if (target !== congressId && target !== own.parentCongressId) {
      throw invalidField(
        'congressId',
        '只能是本级人大或上一级人大',
        'must be this congress or its parent congress',
      );
    }
    const [congress] = await w.db.select().from(congresses).where(eq(congresses.id, target));
    if (input.level !== congress.level) {
      throw invalidField(
        'level',
        `应与该人大的层级（${congress.level}）一致`,
        `must match the level of the congress (${congress.level})`,
      );
    }
    let termId = input.termId ?? null;
    if (termId) {
      const [t] = await w.db
        .select({ id: terms.id })
        .from(terms)
        .where(and(eq(terms.congressId, target), eq(terms.id, termId)));
      if (!t)
        throw invalidField(
          'termId',
          '不是该人大的届次',
          'is not a term of that congress',
          'unknown_reference',
        );
    } else {
      const [t] = await w.db
        .select({ id: terms.id })
        .from(terms)
        .where(and(eq(terms.congressId, target), eq(terms.isCurrent, true)));
      termId = t?.id ?? null;
    }
    await ensureRef(w.db, 'electoralDistricts', congressId, input.electoralDistrictId, 'electoralDistrictId');
    await ensureJurisdiction(w.db, congressId, input.streetId, 'streetId', 'street');
    await ensureRef(w.db, 'liaisonPlaces', congressId, input.liaisonPlaceId, 'liaisonPlaceId');
    const existing = await w.db
      .select({ id: mandates.id, status: mandates.status, termId: mandates.termId })
      .from(mandates)
      .where(and(eq(mandates.deputyId, deputyId), eq(mandates.congressId, target)));
    if (existing.some((m) => m.status !== 'terminated' && m.termId === termId)) {
      throw conflict('mandate_exists', {
        zh: '该代表在此届已有有效的代表资格',
        en: 'The deputy already holds a mandate in this congress and term',
      });
    }
    const id = newId();
    const values = {
      id,
      congressId: target,
      deputyId,
      level: input.level,
      termId,
      delegation: input.delegation ?? '',
      deputyGroup: input.deputyGroup ?? '',
      electoralDistrictId: input.electoralDistrictId ?? null,
      streetId: input.streetId ?? null,
      liaisonPlaceId: input.liaisonPlaceId ?? null,
      startedOn: input.startedOn ?? null,
    };
    await w.db.insert(mandates).values(values);
    await w.audit({ action: 'mandate.add', entityType: 'mandate', entityId: id, congressId, after: values });
    return id;
  });
}
