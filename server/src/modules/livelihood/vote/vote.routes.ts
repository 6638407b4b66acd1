// HTTP for the vote engine: parse → authorize → one command or query → present.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  castBallotSchema,
  createVoteSchema,
  paperCountSchema,
  voteStatusSchema,
} from '@minyi/domain/livelihood';
import { idSchema } from '@minyi/domain';
import { ctxOf, typed } from '../../../platform/http';
import { requireRole } from '../../../platform/access';
import { forbidden, unauthorized } from '../../../platform/errors';
import { resolvePublicCongress } from '../../registry';
import { votePolicy } from '../livelihood.policy';
import { createVote } from './create-vote';
import { callRoll } from './call-roll';
import { signIn } from './sign-in';
import { openVote } from './open-vote';
import { castBallot } from './cast-ballot';
import { discardPaperCounts, enterPaperCount } from './enter-paper-count';
import { closeVote } from './close-vote';
import { createRunoff } from './create-runoff';
import { createShortfallVote } from './create-shortfall-vote';
import { checkReceipt, findPublishedVotes, findRoll, findVotes, getResults, getVote } from './vote.queries';
import { findRollMember, loadVote } from './vote.repository';
import { resultsDocx, resultsXlsx } from './export-results';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';

const tags = ['livelihood'];
const voteParams = z.object({ voteId: idSchema });

/** The resource for the vote policy: congress scope and whether the actor is on the roll. */
async function voteResource(db: Db, actor: Actor | null, voteId: string) {
  if (!actor) throw unauthorized();
  const vote = await loadVote(db, actor.congressId, voteId);
  const member = actor.deputyId ? await findRollMember(db, voteId, actor.deputyId) : null;
  return { vote, resource: { congressId: vote.congressId, onRoll: !!member } };
}

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
      return findVotes(req.server.services.db, actor, req.query.status);
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
      const actor = requireRole(req.actor, ['congressStaff']);
      const created = await createVote(ctxOf(req), actor.congressId, req.body);
      return reply.code(201).send(await getVote(req.server.services.db, actor, created.id));
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
      return getVote(req.server.services.db, req.actor, req.params.voteId);
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
      const { resource } = await voteResource(req.server.services.db, req.actor, req.params.voteId);
      votePolicy.authorize(req.actor, 'callRoll', resource);
      return callRoll(ctxOf(req), resource.congressId, req.params.voteId);
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
      const { resource } = await voteResource(req.server.services.db, req.actor, req.params.voteId);
      const memberId = req.body?.memberId;
      if (memberId) {
        votePolicy.authorize(req.actor, 'signInMember', resource);
        return signIn(ctxOf(req), resource.congressId, req.params.voteId, memberId);
      }
      if (!req.actor!.deputyId)
        throw forbidden({ zh: '只有代表本人可以签到', en: 'Only a deputy signs themselves in' });
      votePolicy.authorize(req.actor, 'signIn', resource);
      return signIn(ctxOf(req), resource.congressId, req.params.voteId, req.actor!.deputyId);
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
      const { resource } = await voteResource(req.server.services.db, req.actor, req.params.voteId);
      votePolicy.authorize(req.actor, 'open', resource);
      return openVote(ctxOf(req), resource.congressId, req.params.voteId);
    },
  );

  // Deliberately NOT idempotent: the idempotency store keeps the answer per account, which would tie the
  // account to its receipt code. A retry gets 409 already_voted instead.
  r.post(
    '/project-votes/:voteId/ballots',
    {
      schema: {
        operationId: 'castBallot',
        tags,
        summary: 'Cast a secret ballot',
        params: voteParams,
        body: castBallotSchema,
      },
    },
    async (req, reply) => {
      if (!req.actor) throw unauthorized();
      // The command authorizes (roll membership comes from the same query as the rest of its checks).
      const out = await castBallot(ctxOf(req), req.actor, req.params.voteId, req.body.choices);
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
      const { resource } = await voteResource(req.server.services.db, req.actor, req.params.voteId);
      votePolicy.authorize(req.actor, 'enterPaperCount', resource);
      return reply
        .code(201)
        .send(
          await enterPaperCount(
            ctxOf(req),
            resource.congressId,
            req.params.voteId,
            req.actor!.accountId,
            req.body,
          ),
        );
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
      const { resource } = await voteResource(req.server.services.db, req.actor, req.params.voteId);
      votePolicy.authorize(req.actor, 'enterPaperCount', resource);
      await discardPaperCounts(ctxOf(req), resource.congressId, req.params.voteId);
      return reply.code(204).send();
    },
  );

  r.post(
    '/project-votes/:voteId/close',
    {
      schema: {
        operationId: 'closeProjectVote',
        tags,
        summary: 'Close, reconcile, tally and publish',
        params: voteParams,
      },
    },
    async (req) => {
      const { resource } = await voteResource(req.server.services.db, req.actor, req.params.voteId);
      votePolicy.authorize(req.actor, 'close', resource);
      return closeVote(ctxOf(req), resource.congressId, req.params.voteId);
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
      const { resource } = await voteResource(req.server.services.db, req.actor, req.params.voteId);
      votePolicy.authorize(req.actor, 'createRunoff', resource);
      const created = await createRunoff(ctxOf(req), resource.congressId, req.params.voteId);
      return reply.code(201).send(await getVote(req.server.services.db, req.actor!, created.id));
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
      const { resource } = await voteResource(req.server.services.db, req.actor, req.params.voteId);
      votePolicy.authorize(req.actor, 'createShortfallVote', resource);
      const created = await createShortfallVote(ctxOf(req), resource.congressId, req.params.voteId);
      return reply.code(201).send(await getVote(req.server.services.db, req.actor!, created.id));
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
    '/project-votes/:voteId/receipts/:code',
    {
      schema: {
        operationId: 'checkBallotReceipt',
        access: 'public',
        tags,
        summary: 'Confirm a receipt code was counted (never shows the choices)',
        params: z.object({ voteId: idSchema, code: z.string().min(4).max(40) }),
        querystring: publicQuery,
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req) => {
      const congressId = await resolvePublicCongress(req);
      return checkReceipt(
        req.server.services.db,
        req.server.services.config.keys.piiIndex,
        congressId,
        req.params.voteId,
        req.params.code,
      );
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
