// HTTP for meetings: the list, a meeting with its roll, quorum and agenda, creating one, its agenda items, the
// sign-in sheet, opening an item's vote, closing the meeting. Thin: parse → one use case → answer.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import {
  agendaDocumentSchema,
  attendanceSchema,
  createAgendaItemSchema,
  createMeetingSchema,
  meetingQuerySchema,
  openMeetingVoteSchema,
} from '@minyi/domain/meetings';
import { ctxOf, typed } from '../../platform/http';
import { unauthorized } from '../../platform/errors';
import { createMeeting } from './commands/create-meeting';
import { addAgendaItem } from './commands/add-agenda-item';
import { addAgendaDocument } from './commands/add-agenda-document';
import { recordAttendance } from './commands/record-attendance';
import { openVote } from './commands/open-vote';
import { closeMeeting } from './commands/close-meeting';
import { findMeetings } from './queries/find-meetings';
import { getMeeting } from './queries/get-meeting';
import { renderMinutes } from './queries/render-documents';
import { findMeetingTellerCandidates } from './queries/find-teller-candidates';

const tags = ['meetings'];
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Sends a file to download, its name in UTF-8 (Chinese names survive). */
export const download = (reply: FastifyReply, type: string, name: string, data: Buffer) =>
  reply
    .type(type)
    .header(
      'content-disposition',
      `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(data);
const idParams = z.object({ id: idSchema });

export async function meetingRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/meetings',
    {
      schema: {
        operationId: 'findMeetings',
        tags,
        summary: 'Meetings, newest first (staff: all; members: those on whose roll they are)',
        querystring: meetingQuerySchema,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return findMeetings(req.server.services.db, req.actor, req.query);
    },
  );

  r.post(
    '/meetings',
    {
      schema: {
        operationId: 'createMeeting',
        tags,
        summary: 'Create a meeting of the congress, the standing committee or the chairpersons’ meeting',
        body: createMeetingSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => reply.code(201).send(await createMeeting(ctxOf(req), req.body)),
  );

  r.get(
    '/meetings/:id',
    {
      schema: {
        operationId: 'getMeeting',
        tags,
        summary:
          'One meeting: roll and sign-in sheet, members, present, quorum, agenda with votes, abilities',
        params: idParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getMeeting(req.server.services.db, req.actor, req.params.id);
    },
  );

  r.get(
    '/meetings/:id/minutes.docx',
    {
      schema: {
        operationId: 'renderMeetingMinutes',
        tags,
        summary: 'The minutes of a meeting (.docx): attendance, quorum, the agenda and each vote’s result',
        params: idParams,
      },
    },
    async (req, reply) => {
      if (!req.actor) throw unauthorized();
      const { fileName, data } = await renderMinutes(req.server.services.db, req.actor, req.params.id);
      return download(reply, DOCX, fileName, data);
    },
  );

  r.post(
    '/meetings/:id/agenda-items',
    {
      schema: {
        operationId: 'addAgendaItem',
        tags,
        summary: 'Add an item to the agenda, with its documents (late ones are flagged)',
        params: idParams,
        body: createAgendaItemSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => reply.code(201).send(await addAgendaItem(ctxOf(req), req.params.id, req.body)),
  );

  r.post(
    '/meetings/:id/agenda-items/:itemId/documents',
    {
      schema: {
        operationId: 'addAgendaDocument',
        tags,
        summary: 'Add a document to an agenda item, with the day it was done (late ones are flagged)',
        params: z.object({ id: idSchema, itemId: idSchema }),
        body: agendaDocumentSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) =>
      reply.code(201).send(await addAgendaDocument(ctxOf(req), req.params.id, req.params.itemId, req.body)),
  );

  r.post(
    '/meetings/:id/attendance',
    {
      schema: {
        operationId: 'recordMeetingAttendance',
        tags,
        summary: 'Record the sign-in sheet (members present, or on leave with the reason); a member signs in',
        params: idParams,
        body: attendanceSchema,
      },
    },
    async (req) => recordAttendance(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/meetings/:id/agenda-items/:itemId/vote',
    {
      schema: {
        operationId: 'openMeetingVote',
        tags,
        summary:
          'Open the vote on an agenda item (needs the quorum); a secret one names its three tellers and waits for their key ceremony',
        params: z.object({ id: idSchema, itemId: idSchema }),
        body: openMeetingVoteSchema,
      },
    },
    async (req, reply) =>
      reply.code(201).send(await openVote(ctxOf(req), req.params.id, req.params.itemId, req.body ?? {})),
  );

  r.get(
    '/meetings/:id/teller-candidates',
    {
      schema: {
        operationId: 'findMeetingTellerCandidates',
        tags,
        summary:
          'The accounts staff may name as the tellers of a secret vote at this meeting (the congress’s staff)',
        params: idParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return findMeetingTellerCandidates(req.server.services.db, req.actor, req.params.id);
    },
  );

  r.post(
    '/meetings/:id/close',
    {
      schema: {
        operationId: 'closeMeeting',
        tags,
        summary: 'Close the meeting (no vote may still be open)',
        params: idParams,
      },
    },
    async (req) => closeMeeting(ctxOf(req), req.params.id),
  );
}
