// HTTP for the tellers of a secret vote at a meeting (issue 21's engine): naming them again before their key
// ceremony starts, the ceremony, their partial decryptions of the totals after close, and the public bulletin
// that proves the count. Thin: each route calls one use case, which authorizes (a teller of that vote).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import {
  appointTellersSchema,
  ceremonyKeySchema,
  dealSchema,
  partialDecryptionSchema,
} from '@minyi/domain/livelihood';
import { ctxOf, typed } from '../../platform/http';
import { unauthorized } from '../../platform/errors';
import { resolvePublicCongress } from '../registry';
import {
  nameMeetingVoteTellers,
  postMeetingVoteCeremonyKey,
  postMeetingVoteDeal,
  postMeetingVotePartialDecryption,
} from './commands/secret-vote-tellers';
import {
  findMeetingVoteTellerCandidates,
  getMeetingVoteBulletin,
  getMeetingVoteCeremony,
} from './queries/secret-vote-ceremony';

const tags = ['meetings'];
const voteParams = z.object({ voteId: idSchema });

export async function meetingVoteTellerRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/meeting-votes/:voteId/teller-candidates',
    {
      schema: {
        operationId: 'findMeetingVoteTellerCandidates',
        tags,
        summary: 'The accounts staff may name as a secret vote’s tellers (the congress’s staff)',
        params: voteParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return findMeetingVoteTellerCandidates(req.server.services.db, req.actor, req.params.voteId);
    },
  );

  r.put(
    '/meeting-votes/:voteId/tellers',
    {
      schema: {
        operationId: 'appointMeetingVoteTellers',
        tags,
        summary: 'Name a secret vote’s three tellers again, before their key ceremony starts',
        params: voteParams,
        body: appointTellersSchema,
      },
    },
    async (req) => nameMeetingVoteTellers(ctxOf(req), req.params.voteId, req.body.accountIds),
  );

  r.get(
    '/meeting-votes/:voteId/ceremony',
    {
      schema: {
        operationId: 'getMeetingVoteCeremony',
        tags,
        summary:
          'A secret vote’s key ceremony and count: ceremony keys, deals, partial decryptions (public material)',
        params: voteParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getMeetingVoteCeremony(req.server.services.db, req.actor, req.params.voteId);
    },
  );

  r.post(
    '/meeting-votes/:voteId/ceremony-keys',
    {
      schema: {
        operationId: 'postMeetingVoteCeremonyKey',
        tags,
        summary: 'A teller’s ceremony public key (for the encrypted transport of the key shares)',
        params: voteParams,
        body: ceremonyKeySchema,
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await postMeetingVoteCeremonyKey(ctxOf(req), req.params.voteId, req.body.publicKey)),
  );

  r.post(
    '/meeting-votes/:voteId/deals',
    {
      schema: {
        operationId: 'postMeetingVoteDeal',
        tags,
        summary: 'A teller’s deal (commitments and boxed shares); the third sets the vote’s public key',
        params: voteParams,
        body: dealSchema,
      },
    },
    async (req, reply) =>
      reply.code(201).send(await postMeetingVoteDeal(ctxOf(req), req.params.voteId, req.body.deal)),
  );

  r.post(
    '/meeting-votes/:voteId/partial-decryptions',
    {
      schema: {
        operationId: 'postMeetingVotePartialDecryption',
        tags,
        summary:
          'A teller’s partial decryption of the totals with its proofs; the second of three decrypts them and the vote is counted against ALL members',
        params: voteParams,
        body: partialDecryptionSchema,
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await postMeetingVotePartialDecryption(ctxOf(req), req.params.voteId, req.body.partialDecryption),
        ),
  );

  r.get(
    '/meeting-votes/:voteId/bulletin',
    {
      schema: {
        operationId: 'getMeetingVoteBulletin',
        problems: [409],
        access: 'public',
        tags,
        summary:
          'The public bulletin of a secret vote (after the totals are decrypted): every encrypted ballot by receipt, the proofs, the partial decryptions, the totals',
        params: voteParams,
        querystring: z.object({ congressId: idSchema.optional() }),
      },
    },
    async (req) =>
      getMeetingVoteBulletin(req.server.services.db, await resolvePublicCongress(req), req.params.voteId),
  );
}
