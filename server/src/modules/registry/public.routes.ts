// Public registry lookups (no login, no personal data): the congress, jurisdictions, electoral districts,
// deputies and liaison places.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pageQuerySchema } from '@minyi/domain';
import { JURISDICTION_LEVELS, LIAISON_PLACE_KINDS } from '@minyi/domain/registry';
import { findJurisdictions } from './queries/find-jurisdictions';
import { findPublicDeputies } from './queries/find-public-deputies';
import { findPublicElectoralDistricts } from './queries/find-public-electoral-districts';
import { findPublicLiaisonPlaces } from './queries/find-public-liaison-places';
import { getPublicCongress } from './queries/get-public-congress';
import { getPublicLiaisonPlace } from './queries/get-public-liaison-place';
import { resolvePublicCongress } from './registry.repository';
import { idParams, publicScope, tags } from './registry.routes';
import { typed } from '../../platform/http';

export async function publicRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/public/congress',
    {
      schema: {
        operationId: 'getPublicCongress',
        access: 'public',
        tags,
        summary: 'The congress, its current term and sitting, and its streets (public)',
        querystring: publicScope,
      },
    },
    async (req) => getPublicCongress(app.services.db, await resolvePublicCongress(req)),
  );

  r.get(
    '/jurisdictions',
    {
      schema: {
        operationId: 'findJurisdictions',
        access: 'public',
        tags,
        summary: 'Jurisdictions of the congress, all that match (public; stable contract)',
        querystring: publicScope.extend({
          level: z.enum(JURISDICTION_LEVELS).optional(),
          parentId: z.uuid().optional(),
        }),
      },
    },
    async (req) => findJurisdictions(app.services.db, await resolvePublicCongress(req), req.query),
  );

  r.get(
    '/public/electoral-districts',
    {
      schema: {
        operationId: 'findPublicElectoralDistricts',
        access: 'public',
        tags,
        summary: 'Electoral districts (public)',
        querystring: publicScope.extend({ streetId: z.uuid().optional() }),
      },
    },
    async (req) =>
      findPublicElectoralDistricts(app.services.db, await resolvePublicCongress(req), req.query.streetId),
  );

  r.get(
    '/public/deputies',
    {
      schema: {
        operationId: 'findPublicDeputies',
        access: 'public',
        tags,
        summary: 'Deputies with an active mandate, without personal data (public)',
        querystring: publicScope.extend(pageQuerySchema.shape).extend({
          streetId: z.uuid().optional(),
          electoralDistrictId: z.uuid().optional(),
          q: z.string().trim().max(50).optional(),
        }),
      },
    },
    async (req) => findPublicDeputies(app.services.db, await resolvePublicCongress(req), req.query),
  );

  r.get(
    '/public/liaison-places',
    {
      schema: {
        operationId: 'findPublicLiaisonPlaces',
        access: 'public',
        tags,
        summary: 'Liaison places with their hours and deputies (public)',
        querystring: publicScope.extend({
          streetId: z.uuid().optional(),
          kind: z.enum(LIAISON_PLACE_KINDS).optional(),
        }),
      },
    },
    async (req) => findPublicLiaisonPlaces(app.services.db, await resolvePublicCongress(req), req.query),
  );

  r.get(
    '/public/liaison-places/:id',
    {
      schema: {
        operationId: 'getPublicLiaisonPlace',
        access: 'public',
        tags,
        summary: 'One liaison place (public)',
        params: idParams,
        querystring: publicScope,
      },
    },
    async (req) => getPublicLiaisonPlace(app.services.db, await resolvePublicCongress(req), req.params.id),
  );
}
