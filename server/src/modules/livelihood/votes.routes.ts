// HTTP for the project votes (民生实事票决): parse → one use case of the ballots engine (which authorizes)
// → answer. The engine is generic; `projectBallots` gives it the candidate projects and the vote rules.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  castBallotSchema,
  createVoteSchema,
  paperCountSchema,
  voteStatusSchema,
} from '@minyi/domain/livelihood';
import { idSchema } from '@minyi/domain';
import { ctxOf, typed } from '../../platform/http';
import { requireRole } from '../../platform/access';
import { unauthorized } from '../../platform/errors';
import { resolvePublicCongress } from '../registry';
import {
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
  getResults,
  getVote,
  openVote,
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
