// HTTP for the project votes (民生实事票决): parse → one use case of the ballots engine (which authorizes)
// → answer. The engine is generic; `projectBallots` gives it the candidate projects and the vote rules.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  appointTellersSchema,
  castBallotSchema,
  ceremonyKeySchema,
  createVoteSchema,
  dealSchema,
  paperCountSchema,
  partialDecryptionSchema,
  voteStatusSchema,
} from '@minyi/domain/livelihood';
import { idSchema } from '@minyi/domain';
import { ctxOf, typed } from '../../platform/http';
import { requireRole } from '../../platform/access';
import { unauthorized } from '../../platform/errors';
import { resolvePublicCongress } from '../registry';
import {
  appointTellers,
  callRoll,
  castBallot,
  closeVote,
  createRunoff,
  createShortfallVote,
  createVote,
  discardPaperCounts,
  enterPaperCount,
  findPublishedVotes,
  findRoll,
  findVotes,
  getBulletin,
  getCeremony,
  getResults,
  getVote,
  openVote,
  postCeremonyKey,
  postDeal,
  postPartialDecryption,
  resultsDocx,
  resultsXlsx,
  signIn,
} from '../ballots';
import { projectBallots } from './livelihood.repository';

const tags = ['livelihood'];
const voteParams = z.object({ voteId: idSchema });

export async function voteRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/project-votes',
    {
      schema: {
        operationId: 'findProjectVotes',
        tags,
        summary: 'Votes on my roll (deputy) or all votes (staff)',
        querystring: z.object({ status: voteStatusSchema.optional() }),
      },
    },
    async (req) => {
      const actor = requireRole(req.actor, ['deputy', 'congressStaff', 'leader']);
      return findVotes(req.server.services.db, actor, projectBallots, req.query.status);
    },
  );

  r.post(
    '/project-votes',
    {
      schema: {
        operationId: 'createProjectVote',
        tags,
        summary: 'Create a project vote (draft)',
        body: createVoteSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const created = await createVote(ctxOf(req), projectBallots, req.body);
      return reply
        .code(201)
        .send(await getVote(req.server.services.db, req.actor!, projectBallots, created.id));
    },
  );

  r.get(
    '/project-votes/:voteId',
    {
      schema: {
        operationId: 'getProjectVote',
        summary: 'One project vote with its candidates and abilities',
        tags,
        params: voteParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getVote(req.server.services.db, req.actor, projectBallots, req.params.voteId);
    },
  );

  r.get(
    '/project-votes/:voteId/roll',
    {
      schema: {
        operationId: 'getProjectVoteRoll',
        tags,
        summary: 'The roll with attendance (staff)',
        params: voteParams,
      },
    },
    async (req) => {
      const actor = requireRole(req.actor, ['congressStaff', 'leader']);
      return findRoll(req.server.services.db, actor.congressId, req.params.voteId);
    },
  );

  r.post(
    '/project-votes/:voteId/roll',
    {
      schema: {
        operationId: 'callProjectVoteRoll',
        tags,
        summary: 'Call the roll: freeze it and start sign-in',
        params: voteParams,
      },
    },
    async (req) => {
      return callRoll(ctxOf(req), req.params.voteId);
    },
  );

  r.post(
    '/project-votes/:voteId/attendance',
    {
      schema: {
        operationId: 'signInProjectVote',
        tags,
        summary: 'Sign in (a deputy), or sign in a member at the desk (staff, with memberId)',
        params: voteParams,
        body: z.strictObject({ memberId: idSchema.optional() }).nullish(),
      },
    },
    async (req) => {
      return signIn(ctxOf(req), req.params.voteId, req.body?.memberId);
    },
  );

  r.post(
    '/project-votes/:voteId/open',
    {
      schema: {
        operationId: 'openProjectVote',
        tags,
        summary: 'Open the ballot (needs quorum)',
        params: voteParams,
      },
    },
    async (req) => {
      return openVote(ctxOf(req), req.params.voteId);
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

  // Deliberately NOT idempotent: the idempotency store keeps the answer per account, which would tie the
  // account to its receipt. A retry gets 409 already_voted instead.
  r.post(
    '/project-votes/:voteId/ballots',
    {
      schema: {
        operationId: 'castBallot',
        tags,
        summary:
          'Cast a secret ballot, encrypted on the device (exponential ElGamal per candidate with proofs); answers the receipt',
        params: voteParams,
        body: castBallotSchema,
      },
    },
    async (req, reply) => {
      // The command authorizes (roll membership comes from the same query as the rest of its checks).
      const out = await castBallot(ctxOf(req), req.params.voteId, req.body);
      return reply.code(201).header('cache-control', 'no-store').send(out);
    },
  );

  r.post(
    '/project-votes/:voteId/paper-counts',
    {
      schema: {
        operationId: 'recordPaperCount',
        tags,
        summary: "A teller's statement of the paper ballots (issued, returned, valid, void, blank, votes)",
        params: voteParams,
        body: paperCountSchema,
      },
    },
    async (req, reply) => {
      return reply.code(201).send(await enterPaperCount(ctxOf(req), req.params.voteId, req.body));
    },
  );

  r.delete(
    '/project-votes/:voteId/paper-counts',
    {
      schema: {
        operationId: 'discardPaperCount',
        tags,
        summary: 'Discard an unconfirmed paper count (recount)',
        params: voteParams,
      },
    },
    async (req, reply) => {
      await discardPaperCounts(ctxOf(req), req.params.voteId);
      return reply.code(204).send();
    },
  );

  r.post(
    '/project-votes/:voteId/close',
    {
      schema: {
        operationId: 'closeProjectVote',
        tags,
        summary:
          'Close: casting stops and the encrypted ballots are combined; the tellers then decrypt the totals',
        params: voteParams,
      },
    },
    async (req) => {
      return closeVote(ctxOf(req), projectBallots, req.params.voteId);
    },
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

  r.post(
    '/project-votes/:voteId/runoff',
    {
      schema: {
        operationId: 'createProjectVoteRunoff',
        tags,
        summary: 'Create the runoff among candidates tied at the cut-off',
        params: voteParams,
      },
    },
    async (req, reply) => {
      const created = await createRunoff(ctxOf(req), projectBallots, req.params.voteId);
      return reply
        .code(201)
        .send(await getVote(req.server.services.db, req.actor!, projectBallots, created.id));
    },
  );

  r.post(
    '/project-votes/:voteId/shortfall-vote',
    {
      schema: {
        operationId: 'createShortfallVote',
        tags,
        summary:
          'Create the second vote for the places a vote left empty (另行票决), when the rules allow it',
        params: voteParams,
      },
    },
    async (req, reply) => {
      const created = await createShortfallVote(ctxOf(req), projectBallots, req.params.voteId);
      return reply
        .code(201)
        .send(await getVote(req.server.services.db, req.actor!, projectBallots, created.id));
    },
  );

  // Public once closed: the results are published; before close everyone gets 409.
  const publicQuery = z.object({ congressId: idSchema.optional() });
  r.get(
    '/project-votes/:voteId/results',
    {
      schema: {
        operationId: 'getProjectVoteResults',
        problems: [409],
        access: 'public',
        tags,
        summary: 'Published results (after close)',
        params: voteParams,
        querystring: publicQuery,
      },
    },
    async (req) => {
      const congressId = await resolvePublicCongress(req);
      const { vote, result } = await getResults(req.server.services.db, congressId, req.params.voteId);
      return { ...vote, ...result };
    },
  );

  r.get(
    '/project-votes/:voteId/results.xlsx',
    {
      schema: {
        operationId: 'exportProjectVoteResultsXlsx',
        problems: [409],
        summary: 'Published results as a spreadsheet (.xlsx, after close)',
        access: 'public',
        tags,
        params: voteParams,
        querystring: publicQuery,
      },
    },
    async (req, reply) => {
      const congressId = await resolvePublicCongress(req);
      const { vote, result } = await getResults(req.server.services.db, congressId, req.params.voteId);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="project-vote-${vote.year}.xlsx"`)
        .send(await resultsXlsx(vote, result));
    },
  );

  r.get(
    '/project-votes/:voteId/results.docx',
    {
      schema: {
        operationId: 'exportProjectVoteResultsDocx',
        problems: [409],
        summary: 'Published results as a document (.docx, after close)',
        access: 'public',
        tags,
        params: voteParams,
        querystring: publicQuery,
      },
    },
    async (req, reply) => {
      const congressId = await resolvePublicCongress(req);
      const { vote, result } = await getResults(req.server.services.db, congressId, req.params.voteId);
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="project-vote-${vote.year}.docx"`)
        .send(await resultsDocx(vote, result));
    },
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

  r.get(
    '/public/project-votes',
    {
      schema: {
        operationId: 'findPublishedProjectVotes',
        access: 'public',
        tags,
        summary: 'Closed votes with their published results',
        querystring: publicQuery,
      },
    },
    async (req) => {
      return findPublishedVotes(req.server.services.db, await resolvePublicCongress(req));
    },
  );
}
