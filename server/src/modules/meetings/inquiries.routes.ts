// HTTP for inquiries (质询案): the list and one inquiry, filing it, the chairpersons' meeting's decision, the
// organ's answer, a filer's satisfaction. Thin: parse → one use case (which authorizes) → answer.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import {
  answerInquirySchema,
  decideInquirySchema,
  fileInquirySchema,
  rateInquiryAnswerSchema,
} from '@minyi/domain/meetings';
import { ctxOf, typed } from '../../platform/http';
import { unauthorized } from '../../platform/errors';
import { answerInquiry, decideInquiry, fileInquiry, rateInquiryAnswer } from './commands/inquiry';
import { findInquiries, getInquiry } from './queries/inquiries';

const tags = ['meetings'];
const idParams = z.object({ id: idSchema });

export async function inquiryRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/inquiries',
    {
      schema: {
        operationId: 'findInquiries',
        tags,
        summary: 'Inquiries (质询案): staff and leaders all, a member those they signed; newest first',
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return findInquiries(req.server.services.db, req.actor);
    },
  );

  r.get(
    '/inquiries/:id',
    {
      schema: {
        operationId: 'getInquiry',
        tags,
        summary: 'One inquiry: its filers and their satisfaction, the decision, the answers',
        params: idParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getInquiry(req.server.services.db, req.actor, req.params.id);
    },
  );

  r.post(
    '/inquiries',
    {
      schema: {
        operationId: 'fileInquiry',
        tags,
        summary:
          'File an inquiry signed by the statutory number of members on the meeting’s roll (3 at the standing committee)',
        body: fileInquirySchema,
      },
    },
    async (req, reply) => reply.code(201).send(await fileInquiry(ctxOf(req), req.body)),
  );

  r.post(
    '/inquiries/:id/decision',
    {
      schema: {
        operationId: 'decideInquiry',
        tags,
        summary:
          'The chairpersons’ meeting’s decision: answered orally at the meeting or in writing, or not put',
        params: idParams,
        body: decideInquirySchema,
      },
    },
    async (req) => decideInquiry(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/inquiries/:id/answers',
    {
      schema: {
        operationId: 'answerInquiry',
        tags,
        summary: 'The organ’s answer (the first, or the further one when enough filers were dissatisfied)',
        params: idParams,
        body: answerInquirySchema,
      },
    },
    async (req, reply) => reply.code(201).send(await answerInquiry(ctxOf(req), req.params.id, req.body)),
  );

  r.post(
    '/inquiries/:id/satisfaction',
    {
      schema: {
        operationId: 'rateInquiryAnswer',
        tags,
        summary:
          'A filer says whether they are satisfied with the latest answer (or staff record it for them)',
        params: idParams,
        body: rateInquiryAnswerSchema,
      },
    },
    async (req) => rateInquiryAnswer(ctxOf(req), req.params.id, req.body),
  );
}
