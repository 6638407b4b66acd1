// HTTP for the tellers of a project vote (issue 21): their naming, their key ceremony before the vote opens,
// their partial decryptions of the totals after close, and the public bulletin that proves the count. Each
// route calls one use case of the ballots engine, which authorizes (a teller of that vote).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  appointTellersSchema,
  ceremonyKeySchema,
  dealSchema,
  partialDecryptionSchema,
} from '@minyi/domain/livelihood';
import { idSchema } from '@minyi/domain';
import { ctxOf, typed } from '../../platform/http';
import { unauthorized } from '../../platform/errors';
import { resolvePublicCongress } from '../registry';
import {
  appointTellers,
  findTellerCandidates,
  getBulletin,
  getCeremony,
  postCeremonyKey,
  postDeal,
  postPartialDecryption,
} from '../ballots';
import { projectBallots } from './livelihood.repository';

const tags = ['livelihood'];
const voteParams = z.object({ voteId: idSchema });
const publicQuery = z.object({ congressId: idSchema.optional() });

export async function tellerRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/project-votes/:voteId/teller-candidates',
    {
      schema: {
        operationId: 'findProjectVoteTellerCandidates',
        tags,
        summary: 'The accounts staff may name as the vote’s tellers (the congress’s staff)',
        params: voteParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return findTellerCandidates(req.server.services.db, req.actor, req.params.voteId);
    },
  );

  // The tellers and their key ceremony (issue 21), before the vote opens.
  r.put(
    '/project-votes/:voteId/tellers',
    {
      schema: {
        operationId: 'appointProjectVoteTellers',
        tags,
        summary: "Name the vote's three tellers (accounts), before their key ceremony starts",
        params: voteParams,
        body: appointTellersSchema,
      },
    },
    async (req) => appointTellers(ctxOf(req), req.params.voteId, req.body.accountIds),
  );

  r.get(
    '/project-votes/:voteId/ceremony',
    {
      schema: {
        operationId: 'getProjectVoteCeremony',
        tags,
        summary:
          "The tellers' key ceremony and count: ceremony keys, deals, partial decryptions (public material)",
        params: voteParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getCeremony(req.server.services.db, req.actor, req.params.voteId);
    },
  );

  r.post(
    '/project-votes/:voteId/ceremony-keys',
    {
      schema: {
        operationId: 'postProjectVoteCeremonyKey',
        tags,
        summary: "A teller's ceremony public key (for the encrypted transport of the key shares)",
        params: voteParams,
        body: ceremonyKeySchema,
      },
    },
    async (req, reply) =>
      reply.code(201).send(await postCeremonyKey(ctxOf(req), req.params.voteId, req.body.publicKey)),
  );

  r.post(
    '/project-votes/:voteId/deals',
    {
      schema: {
        operationId: 'postProjectVoteDeal',
        tags,
        summary: "A teller's deal (commitments and boxed shares); the third sets the vote's public key",
        params: voteParams,
        body: dealSchema,
      },
    },
    async (req, reply) => reply.code(201).send(await postDeal(ctxOf(req), req.params.voteId, req.body.deal)),
  );

  r.post(
    '/project-votes/:voteId/partial-decryptions',
    {
      schema: {
        operationId: 'postProjectVotePartialDecryption',
        tags,
        summary:
          "A teller's partial decryption of the totals with its proofs; the second of three decrypts the totals and publishes the count",
        params: voteParams,
        body: partialDecryptionSchema,
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await postPartialDecryption(
            ctxOf(req),
            projectBallots,
            req.params.voteId,
            req.body.partialDecryption,
          ),
        ),
  );

  r.get(
    '/project-votes/:voteId/bulletin',
    {
      schema: {
        operationId: 'getProjectVoteBulletin',
        problems: [409],
        access: 'public',
        tags,
        summary:
          'The public bulletin (after the totals are decrypted): every encrypted ballot by receipt, the proofs, the partial decryptions, the totals',
        params: voteParams,
        querystring: publicQuery,
      },
    },
    async (req) => {
      const congressId = await resolvePublicCongress(req);
      return getBulletin(req.server.services.db, projectBallots, congressId, req.params.voteId);
    },
  );
}
