// HTTP for the register of office-holders (任免): who holds (held) which post on a date, and one appointment or
// removal case with its status. Staff and leaders; the public reads today's holders (post, name, organ, since).
// Thin: parse → one read → answer.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import {
  appointmentQuerySchema,
  fileAppointmentSchema,
  officeHolderQuerySchema,
  publicOfficeHolderQuerySchema,
  putAppointmentOnAgendaSchema,
  nomineeStatementSchema,
  recordOathSchema,
} from '@minyi/domain/meetings';
import { ctxOf, typed } from '../../platform/http';
import { requireRole } from '../../platform/access';
import { READERS } from './meetings.policy';
import { resolvePublicCongress } from '../registry';
import { findOfficeHolders, findPublicOfficeHolders } from './queries/find-office-holders';
import { getAppointment } from './queries/get-appointment';
import { findAppointments } from './queries/find-appointments';
import { fileAppointment } from './commands/file-appointment';
import { putAppointmentOnAgenda } from './commands/put-appointment-on-agenda';
import { recordOath } from './commands/record-oath';
import { recordStatement } from './commands/record-statement';
import { withdrawAppointment } from './commands/withdraw-appointment';
import { renderAppointmentLetter } from './queries/render-documents';
import { DOCX, download } from './meetings.routes';

const tags = ['meetings'];
const idParams = z.object({ id: idSchema });

export async function officeHolderRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/office-holders',
    {
      schema: {
        operationId: 'findOfficeHolders',
        tags,
        summary: 'Who held which post on a date (today by default), optionally one post',
        querystring: officeHolderQuerySchema,
      },
    },
    async (req) => findOfficeHolders(req.server.services.db, requireRole(req.actor, READERS), req.query),
  );

  r.get(
    '/public/office-holders',
    {
      schema: {
        operationId: 'findPublicOfficeHolders',
        access: 'public',
        tags,
        summary:
          'Who holds which post today: post, name, organ, acting, since (public; no cases, departures or reasons)',
        querystring: publicOfficeHolderQuerySchema,
      },
    },
    async (req) =>
      findPublicOfficeHolders(req.server.services.db, await resolvePublicCongress(req), req.query),
  );

  r.get(
    '/appointments/:id',
    {
      schema: {
        operationId: 'getAppointment',
        tags,
        summary: 'One appointment or removal case with its status and the holding it made',
        params: z.object({ id: idSchema }),
      },
    },
    async (req) => getAppointment(req.server.services.db, requireRole(req.actor, READERS), req.params.id),
  );

  r.get(
    '/appointments',
    {
      schema: {
        operationId: 'findAppointments',
        tags,
        summary: 'Appointment and removal cases, newest filed first, with their statutory deadline',
        querystring: appointmentQuerySchema,
      },
    },
    async (req) => findAppointments(req.server.services.db, requireRole(req.actor, READERS), req.query),
  );

  r.post(
    '/appointments',
    {
      schema: {
        operationId: 'fileAppointment',
        tags,
        summary: 'File an appointment, removal or dismissal case from its nominating organ',
        body: fileAppointmentSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => reply.code(201).send(await fileAppointment(ctxOf(req), req.body)),
  );

  r.post(
    '/appointments/:id/agenda',
    {
      schema: {
        operationId: 'putAppointmentOnAgenda',
        tags,
        summary: 'Put a case on a standing-committee meeting’s agenda (removal before appointment)',
        params: idParams,
        body: putAppointmentOnAgendaSchema,
      },
    },
    async (req, reply) =>
      reply.code(201).send(await putAppointmentOnAgenda(ctxOf(req), req.params.id, req.body.meetingId)),
  );

  r.post(
    '/appointments/:id/withdraw',
    {
      schema: {
        operationId: 'withdrawAppointment',
        tags,
        summary: 'Withdraw a case not yet put to a vote',
        params: idParams,
      },
    },
    async (req) => withdrawAppointment(ctxOf(req), req.params.id),
  );

  r.post(
    '/appointments/:id/oath',
    {
      schema: {
        operationId: 'recordAppointmentOath',
        tags,
        summary: 'Record the appointee’s constitutional oath: the day and the witness',
        params: idParams,
        body: recordOathSchema,
      },
    },
    async (req) => recordOath(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/appointments/:id/statement',
    {
      schema: {
        operationId: 'recordNomineeStatement',
        tags,
        summary: 'Record the nominee’s statement (供职发言) before the vote on the appointment',
        params: idParams,
        body: nomineeStatementSchema,
      },
    },
    async (req) => recordStatement(ctxOf(req), req.params.id, req.body),
  );

  r.get(
    '/appointments/:id/letter.docx',
    {
      schema: {
        operationId: 'renderAppointmentLetter',
        tags,
        summary: 'The appointment letter (任命书) of an appointed case (.docx)',
        params: idParams,
      },
    },
    async (req, reply) => {
      const { fileName, data } = await renderAppointmentLetter(
        req.server.services.db,
        requireRole(req.actor, READERS),
        req.params.id,
      );
      return download(reply, DOCX, fileName, data);
    },
  );
}
