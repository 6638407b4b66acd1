// HTTP for the votes at meetings: a member's votes, one vote, casting a named ballot, closing with the count
// against ALL members. Thin: parse → one use case (which authorizes) → answer.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import { meetingBallotSchema, roomTotalsSchema } from '@minyi/domain/meetings';
import { ctxOf, typed } from '../../platform/http';
import { unauthorized } from '../../platform/errors';
import { castMeetingBallot } from './commands/cast-ballot';
import { castSecretBallot } from './commands/cast-secret-ballot';
import { openSecretBallot } from './commands/open-secret-ballot';
import { closeMeetingVote } from './commands/close-vote';
import { enterRoomTotals } from './commands/enter-room-totals';
import { findMyVotes } from './queries/find-my-votes';
import { getMeetingVote } from './queries/get-meeting-vote';

const tags = ['meetings'];
const voteParams = z.object({ voteId: idSchema });

export async function meetingVoteRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/meeting-votes',
    {
      schema: {
        operationId: 'findMeetingVotes',
        tags,
        summary: 'Votes of the meetings on whose roll I am (staff: also today’s meetings), open first',
        querystring: z.object({ status: z.enum(['open', 'closed']).optional() }),
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return findMyVotes(req.server.services.db, req.actor, req.query.status);
    },
  );

  r.get(
    '/meeting-votes/:voteId',
    {
      schema: {
        operationId: 'getMeetingVote',
        tags,
        summary: 'One vote: the item, my ballot, the count once closed',
        params: voteParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getMeetingVote(req.server.services.db, req.actor, req.params.voteId);
    },
  );

  // Not idempotent: a retry gets 409 already_voted, which is the answer a member needs.
  r.post(
    '/meeting-votes/:voteId/ballots',
    {
      schema: {
        operationId: 'castMeetingBallot',
        tags,
        summary:
          'Cast my ballot (members of the body on the meeting’s roll): a named vote takes yes, no or abstain; a secret one the ballot encrypted on my device (yes, no, abstain in that order), answered with its receipt',
        params: voteParams,
        body: meetingBallotSchema,
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(
          req.body.choice
            ? await castMeetingBallot(ctxOf(req), req.params.voteId, req.body.choice)
            : await castSecretBallot(ctxOf(req), req.params.voteId, req.body),
        ),
  );

  r.post(
    '/meeting-votes/:voteId/open',
    {
      schema: {
        operationId: 'openMeetingVoteBallot',
        tags,
        summary:
          'Open a secret vote’s ballot once its tellers’ key ceremony has given it its key (the members present are signed in to it)',
        params: voteParams,
      },
    },
    async (req) => openSecretBallot(ctxOf(req), req.params.voteId),
  );

  r.post(
    '/meeting-votes/:voteId/close',
    {
      schema: {
        operationId: 'closeMeetingVote',
        tags,
        summary:
          'Close the vote: yes, no, abstain, not voting, members, passed (yes > members / 2); a secret vote is counted once two of its tellers have decrypted the totals',
        params: voteParams,
      },
    },
    async (req) => closeMeetingVote(ctxOf(req), req.params.voteId),
  );

  r.post(
    '/meeting-votes/:voteId/room-totals',
    {
      schema: {
        operationId: 'enterMeetingVoteRoomTotals',
        tags,
        summary: 'Enter the room’s count of a vote; two staff entering the same totals close it',
        params: voteParams,
        body: roomTotalsSchema,
      },
    },
    async (req) => enterRoomTotals(ctxOf(req), req.params.voteId, req.body),
  );
}
