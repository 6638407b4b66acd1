// HTTP for an election's electoral districts: adding one (1 to 3 seats), its candidates and the confirmation
// of the official list, its agreed return and its computed result. Thin: parse → one use case → answer.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import {
  addCandidateSchema,
  createDistrictSchema,
  districtReturnSchema,
  dropNomineeSchema,
  primarySchema,
  publishNomineesSchema,
} from '@minyi/domain/elections';
import { ctxOf, typed } from '../../platform/http';
import { unauthorized } from '../../platform/errors';
import { addDistrict } from './commands/add-district';
import { addCandidate } from './commands/add-candidate';
import { confirmCandidates } from './commands/confirm-candidates';
import { publishNominees } from './commands/publish-nominees';
import { dropNominee } from './commands/drop-nominee';
import { holdPrimary } from './commands/hold-primary';
import { enterReturn } from './commands/enter-return';
import { getDistrictResult } from './queries/get-district-result';
import { tags } from './elections.routes';

const districtParams = z.object({ id: idSchema, districtId: idSchema });
const candidateParams = districtParams.extend({ candidateId: idSchema });

export async function districtRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.post(
    '/elections/:id/districts',
    {
      schema: {
        operationId: 'addElectionDistrict',
        tags,
        summary: 'Add an electoral district of 1 to 3 seats',
        params: z.object({ id: idSchema }),
        body: createDistrictSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => reply.code(201).send(await addDistrict(ctxOf(req), req.params.id, req.body)),
  );

  r.post(
    '/elections/:id/districts/:districtId/candidates',
    {
      schema: {
        operationId: 'addElectionCandidate',
        tags,
        summary: 'Add a candidate to a district (before its official list is confirmed)',
        params: districtParams,
        body: addCandidateSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) =>
      reply.code(201).send(await addCandidate(ctxOf(req), req.params.id, req.params.districtId, req.body)),
  );

  r.post(
    '/elections/:id/districts/:districtId/nominees::publish',
    {
      schema: {
        operationId: 'publishElectionNominees',
        tags,
        summary: "Record the publication of a district's nominees (15 days before; closes nominations)",
        params: districtParams,
        body: publishNomineesSchema,
      },
    },
    async (req) => publishNominees(ctxOf(req), req.params.id, req.params.districtId, req.body.publishedOn),
  );

  r.post(
    '/elections/:id/districts/:districtId/candidates/:candidateId/drop',
    {
      schema: {
        operationId: 'dropElectionNominee',
        tags,
        summary: "Leave a nominee off the official list by the voter groups' consultation (Art. 32)",
        params: candidateParams,
        body: dropNomineeSchema,
      },
    },
    async (req) =>
      dropNominee(ctxOf(req), req.params.id, req.params.districtId, req.params.candidateId, req.body),
  );

  r.post(
    '/elections/:id/districts/:districtId/candidates::primary',
    {
      schema: {
        operationId: 'holdElectionPrimary',
        tags,
        summary: 'Enter a primary (预选) among too many nominees: the highest stay (409 on a tie at the cut)',
        params: districtParams,
        body: primarySchema,
      },
    },
    async (req) => holdPrimary(ctxOf(req), req.params.id, req.params.districtId, req.body),
  );

  r.post(
    '/elections/:id/districts/:districtId/candidates::confirm',
    {
      schema: {
        operationId: 'confirmElectionCandidates',
        tags,
        summary: 'Confirm the official candidate list (409 outside the differential ratio)',
        params: districtParams,
      },
    },
    async (req) => confirmCandidates(ctxOf(req), req.params.id, req.params.districtId),
  );

  r.post(
    '/elections/:id/districts/:districtId/return',
    {
      schema: {
        operationId: 'enterElectionReturn',
        tags,
        summary: "Enter a district's agreed return of a round (the result is computed from it)",
        params: districtParams,
        body: districtReturnSchema,
      },
    },
    async (req, reply) =>
      reply.code(201).send(await enterReturn(ctxOf(req), req.params.id, req.params.districtId, req.body)),
  );

  r.get(
    '/elections/:id/districts/:districtId/result',
    {
      schema: {
        operationId: 'getElectionDistrictResult',
        tags,
        summary: "A district's result: valid, turnout, elected, runoff seats, tied (computed, Art. 43–45)",
        params: districtParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getDistrictResult(req.server.services.db, req.actor, req.params.id, req.params.districtId);
    },
  );
}
