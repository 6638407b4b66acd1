// Electoral districts, working committees and committee memberships (staff).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pageQuerySchema } from '@minyi/domain';
import {
  COMMITTEE_BODIES,
  createCommitteeMemberSchema,
  createElectoralDistrictSchema,
  createWorkingCommitteeSchema,
  updateElectoralDistrictSchema,
  updateWorkingCommitteeSchema,
  WORKING_COMMITTEE_KINDS,
} from '@minyi/domain/registry';
import { findPublicElectoralDistricts } from './queries/find-public-electoral-districts';
import { findCommitteeMembers } from './queries/find-committee-members';
import { findElectoralDistricts } from './queries/find-electoral-districts';
import { findWorkingCommittees } from './queries/find-working-committees';
import { createElectoralDistrict } from './commands/create-electoral-district';
import { editElectoralDistrict } from './commands/edit-electoral-district';
import { createWorkingCommittee } from './commands/create-working-committee';
import { editWorkingCommittee } from './commands/edit-working-committee';
import { appointCommitteeMember } from './commands/appoint-committee-member';
import { endCommitteeMembership } from './commands/end-committee-membership';
import { idParams, reader, writer, tags } from './registry.routes';
import { ctxOf, typed } from '../../platform/http';

export async function bodyRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/electoral-districts',
    {
      schema: {
        operationId: 'findElectoralDistricts',
        tags,
        summary: 'Electoral districts (staff)',
        querystring: pageQuerySchema.extend({ streetId: z.uuid().optional() }),
      },
    },
    async (req) => findElectoralDistricts(app.services.db, reader(req).congressId, req.query),
  );

  r.post(
    '/electoral-districts',
    {
      schema: {
        operationId: 'createElectoralDistrict',
        tags,
        summary: 'Add an electoral district',
        body: createElectoralDistrictSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = writer(req);
      const id = await createElectoralDistrict(ctxOf(req), actor.congressId, req.body);
      const { items } = await findPublicElectoralDistricts(
        app.services.db,
        actor.congressId,
        req.body.streetId,
      );
      return reply.code(201).send(items.find((e) => e.id === id));
    },
  );

  r.patch(
    '/electoral-districts/:id',
    {
      schema: {
        operationId: 'editElectoralDistrict',
        tags,
        summary: 'Edit an electoral district',
        params: idParams,
        body: updateElectoralDistrictSchema,
      },
    },
    async (req) => {
      const actor = writer(req);
      await editElectoralDistrict(ctxOf(req), actor.congressId, req.params.id, req.body);
      const { items } = await findPublicElectoralDistricts(app.services.db, actor.congressId);
      return items.find((e) => e.id === req.params.id);
    },
  );

  // ---------- working committees and committee members ----------

  r.get(
    '/working-committees',
    {
      schema: {
        operationId: 'findWorkingCommittees',
        tags,
        summary: 'Working committees and street working committees',
        querystring: z.object({ kind: z.enum(WORKING_COMMITTEE_KINDS).optional() }),
      },
    },
    async (req) => findWorkingCommittees(app.services.db, reader(req).congressId, req.query.kind),
  );

  r.post(
    '/working-committees',
    {
      schema: {
        operationId: 'createWorkingCommittee',
        tags,
        summary: 'Add a working committee',
        body: createWorkingCommitteeSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = writer(req);
      const id = await createWorkingCommittee(ctxOf(req), actor.congressId, req.body);
      return reply
        .code(201)
        .send(
          (await findWorkingCommittees(app.services.db, actor.congressId)).items.find((w) => w.id === id),
        );
    },
  );

  r.patch(
    '/working-committees/:id',
    {
      schema: {
        operationId: 'editWorkingCommittee',
        tags,
        summary: 'Edit a working committee',
        params: idParams,
        body: updateWorkingCommitteeSchema,
      },
    },
    async (req) => {
      const actor = writer(req);
      await editWorkingCommittee(ctxOf(req), actor.congressId, req.params.id, req.body);
      return (await findWorkingCommittees(app.services.db, actor.congressId)).items.find(
        (w) => w.id === req.params.id,
      );
    },
  );

  r.get(
    '/committee-members',
    {
      schema: {
        operationId: 'findCommitteeMembers',
        tags,
        summary:
          "Members of the standing committee, a working committee or the chairpersons' meeting (computed from the standing committee's offices by the congress level)",
        querystring: z.object({
          body: z.enum(COMMITTEE_BODIES).optional(),
          workingCommitteeId: z.uuid().optional(),
          current: z.enum(['true', 'false']).optional(),
        }),
      },
    },
    async (req) =>
      findCommitteeMembers(app.services.db, reader(req).congressId, {
        ...req.query,
        current: req.query.current === 'true',
      }),
  );

  r.post(
    '/committee-members',
    {
      schema: {
        operationId: 'appointCommitteeMember',
        tags,
        summary:
          'Appoint a member of the standing committee or a working committee, in an office the level allows',
        body: createCommitteeMemberSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = writer(req);
      const id = await appointCommitteeMember(ctxOf(req), actor.congressId, req.body);
      return reply
        .code(201)
        .send(
          (await findCommitteeMembers(app.services.db, actor.congressId, {})).items.find((m) => m.id === id),
        );
    },
  );

  r.post(
    '/committee-members/:id/end',
    {
      schema: {
        operationId: 'endCommitteeMembership',
        tags,
        summary: 'End a membership',
        params: idParams,
        body: z.strictObject({ endedOn: z.iso.date() }),
      },
    },
    async (req) => {
      const actor = writer(req);
      await endCommitteeMembership(ctxOf(req), actor.congressId, req.params.id, req.body.endedOn);
      return (await findCommitteeMembers(app.services.db, actor.congressId, {})).items.find(
        (m) => m.id === req.params.id,
      );
    },
  );
}
