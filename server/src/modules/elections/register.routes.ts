// HTTP for the register's operations (选举法 Art. 27–29): exclusions confirmed by the election committee and
// their restoration, transfers between districts, a district's list published (and printed as the notice),
// complaints against the lists and their decisions, voter cards issued and printed. Thin: parse → one use
// case → answer.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import {
  decideComplaintSchema,
  excludeVoterSchema,
  fileComplaintSchema,
  issueVoterCardsSchema,
  publishVoterListSchema,
  transferVoterSchema,
} from '@minyi/domain/elections';
import { ctxOf, typed } from '../../platform/http';
import { unauthorized } from '../../platform/errors';
import { excludeVoter } from './commands/exclude-voter';
import { restoreVoter } from './commands/restore-voter';
import { transferVoter } from './commands/transfer-voter';
import { publishVoterList } from './commands/publish-voter-list';
import { fileComplaint } from './commands/file-complaint';
import { decideComplaint } from './commands/decide-complaint';
import { issueVoterCards } from './commands/issue-voter-cards';
import { getVoterList } from './queries/get-voter-list';
import { getVoterCard } from './queries/get-voter-card';
import { findComplaints } from './queries/find-complaints';
import { tags } from './elections.routes';

const voterParams = z.object({ id: idSchema, voterId: idSchema });
const districtParams = z.object({ id: idSchema, districtId: idSchema });

export async function registerRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.post(
    '/elections/:id/voters/:voterId/exclusion',
    {
      schema: {
        operationId: 'excludeElectionVoter',
        tags,
        summary: 'Take a voter off the list as the election committee confirmed (Art. 27), with the reason',
        params: voterParams,
        body: excludeVoterSchema,
      },
    },
    async (req) => excludeVoter(ctxOf(req), req.params.id, req.params.voterId, req.body),
  );

  r.delete(
    '/elections/:id/voters/:voterId/exclusion',
    {
      schema: {
        operationId: 'restoreElectionVoter',
        tags,
        summary: 'Put an excluded voter back on the list',
        params: voterParams,
      },
    },
    async (req) => restoreVoter(ctxOf(req), req.params.id, req.params.voterId),
  );

  r.post(
    '/elections/:id/voters/:voterId/transfer',
    {
      schema: {
        operationId: 'transferElectionVoter',
        tags,
        summary: 'Move a voter who moved to the district they now live in (Art. 27)',
        params: voterParams,
        body: transferVoterSchema,
      },
    },
    async (req) => transferVoter(ctxOf(req), req.params.id, req.params.voterId, req.body),
  );

  r.get(
    '/elections/:id/voters/:voterId/card',
    {
      schema: {
        operationId: 'getElectionVoterCard',
        tags,
        summary: "A voter's card (选民证) as printed",
        params: voterParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      const { db, pii } = req.server.services;
      return getVoterCard(db, pii, req.actor, req.params.id, req.params.voterId);
    },
  );

  r.post(
    '/elections/:id/districts/:districtId/voter-list',
    {
      schema: {
        operationId: 'publishElectionVoterList',
        tags,
        summary: "Record the day a district's voter list was published (the complaint window counts from it)",
        params: districtParams,
        body: publishVoterListSchema,
      },
    },
    async (req) => publishVoterList(ctxOf(req), req.params.id, req.params.districtId, req.body.publishedOn),
  );

  r.get(
    '/elections/:id/districts/:districtId/voter-list',
    {
      schema: {
        operationId: 'getElectionVoterList',
        tags,
        summary: "A district's voter list by voter group, as the official notice prints it",
        params: districtParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getVoterList(req.server.services.db, req.actor, req.params.id, req.params.districtId);
    },
  );

  r.post(
    '/elections/:id/districts/:districtId/voter-cards',
    {
      schema: {
        operationId: 'issueElectionVoterCards',
        tags,
        summary: 'Issue voter cards to every listed voter of a district who has none, one number each',
        params: districtParams,
        body: issueVoterCardsSchema,
      },
    },
    async (req) => issueVoterCards(ctxOf(req), req.params.id, req.params.districtId, req.body.issuedOn),
  );

  r.get(
    '/elections/:id/complaints',
    {
      schema: {
        operationId: 'findElectionComplaints',
        tags,
        summary: "Complaints against the election's voter lists, with their 3-day decision limit",
        params: z.object({ id: idSchema }),
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return findComplaints(req.server.services.db, req.actor, req.params.id);
    },
  );

  r.post(
    '/elections/:id/complaints',
    {
      schema: {
        operationId: 'fileElectionComplaint',
        tags,
        summary: "Record a complaint against a district's list (within 5 days of its publication, Art. 29)",
        params: z.object({ id: idSchema }),
        body: fileComplaintSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => reply.code(201).send(await fileComplaint(ctxOf(req), req.params.id, req.body)),
  );

  r.post(
    '/elections/:id/complaints/:complaintId/decision',
    {
      schema: {
        operationId: 'decideElectionComplaint',
        tags,
        summary: "Record the election committee's decision on a complaint (within 3 days, Art. 29)",
        params: z.object({ id: idSchema, complaintId: idSchema }),
        body: decideComplaintSchema,
      },
    },
    async (req) => decideComplaint(ctxOf(req), req.params.id, req.params.complaintId, req.body),
  );
}
