// HTTP for deputies' activities: the list, one activity, creating one, invitations and answers, the sign-in
// sheet, the deputy's check-in, and the record with its findings. Thin: parse → one use case → answer.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import {
  activityAttendanceSchema,
  activityQuerySchema,
  activityRecordSchema,
  checkInSchema,
  createActivitySchema,
  invitationsSchema,
  rsvpSchema,
} from '@minyi/domain/activities';
import { ctxOf, typed } from '../../platform/http';
import { unauthorized } from '../../platform/errors';
import { createActivity } from './commands/create-activity';
import { inviteDeputies } from './commands/invite-deputies';
import { answerInvitation } from './commands/answer-invitation';
import { recordActivityAttendance } from './commands/record-attendance';
import { checkIn } from './commands/check-in';
import { recordActivity } from './commands/record-activity';
import { findActivities } from './queries/find-activities';
import { getActivity } from './queries/get-activity';

const tags = ['activities'];
const idParams = z.object({ id: idSchema });

export async function activityRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/activities',
    {
      schema: {
        operationId: 'findActivities',
        tags,
        summary: "Deputies' activities, newest first (staff and leaders: all; a deputy: their own)",
        querystring: activityQuerySchema,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return findActivities(req.server.services.db, req.actor, req.query);
    },
  );

  r.post(
    '/activities',
    {
      schema: {
        operationId: 'createActivity',
        tags,
        summary:
          "Create a deputies' activity (kind, title, time, liaison place or address, campaign, invitations)",
        body: createActivitySchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => reply.code(201).send(await createActivity(ctxOf(req), req.body)),
  );

  r.get(
    '/activities/:id',
    {
      schema: {
        operationId: 'getActivity',
        tags,
        summary: 'One activity: deputies invited and present, the record with its findings, abilities',
        params: idParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getActivity(req.server.services.db, req.actor, req.params.id);
    },
  );

  r.post(
    '/activities/:id/invitations',
    {
      schema: {
        operationId: 'inviteActivityDeputies',
        tags,
        summary: 'Invite deputies to the activity (they get a notice)',
        params: idParams,
        body: invitationsSchema,
      },
    },
    async (req) => inviteDeputies(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/activities/:id/rsvp',
    {
      schema: {
        operationId: 'answerActivityInvitation',
        tags,
        summary: 'A deputy answers their invitation: coming, or on leave with the reason',
        params: idParams,
        body: rsvpSchema,
      },
    },
    async (req) => answerInvitation(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/activities/:id/attendance',
    {
      schema: {
        operationId: 'recordActivityAttendance',
        tags,
        summary: 'Record the sign-in sheet (deputies present); recording a deputy again changes nothing',
        params: idParams,
        body: activityAttendanceSchema,
      },
    },
    async (req) => recordActivityAttendance(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/activities/:id/check-in',
    {
      schema: {
        operationId: 'checkInActivity',
        tags,
        summary: 'A deputy checks in during the time window (with the QR token when required); twice is once',
        params: idParams,
        body: checkInSchema,
      },
    },
    async (req) => checkIn(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/activities/:id/record',
    {
      schema: {
        operationId: 'recordActivity',
        tags,
        summary: 'Write the record: summary and findings, each sent to a unit as an opinion',
        params: idParams,
        body: activityRecordSchema,
      },
      config: { idempotent: true },
    },
    async (req) => recordActivity(ctxOf(req), req.params.id, req.body),
  );
}
