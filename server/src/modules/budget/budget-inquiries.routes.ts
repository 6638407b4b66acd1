// HTTP for inquiries on budget warnings: put one (staff), the list (staff all, a unit its own), the unit's answer.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import {
  answerBudgetInquirySchema,
  budgetInquiriesQuerySchema,
  createBudgetInquirySchema,
} from '@minyi/domain/budget';
import { ctxOf, typed } from '../../platform/http';
import { unauthorized } from '../../platform/errors';
import { createBudgetInquiry } from './commands/create-inquiry';
import { answerBudgetInquiry } from './commands/answer-inquiry';
import { findInquiries } from './queries/find-inquiries';

const tags = ['budget'];
const idParams = z.object({ id: idSchema });

export async function budgetInquiryRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.post(
    '/budgets/:id/inquiries',
    {
      schema: {
        operationId: 'createBudgetInquiry',
        tags,
        summary: 'Put a warning that holds now to the finance department or a unit, with a deadline',
        params: idParams,
        body: createBudgetInquirySchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) =>
      reply.code(201).send(await createBudgetInquiry(ctxOf(req), req.params.id, req.body)),
  );

  r.get(
    '/budget-inquiries',
    {
      schema: {
        operationId: 'findBudgetInquiries',
        tags,
        summary: 'Inquiries on budget warnings (staff and leaders: all; a unit: its own)',
        querystring: budgetInquiriesQuerySchema,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return findInquiries(req.server.services.db, req.actor, req.query);
    },
  );

  r.post(
    '/budget-inquiries/:id/answer',
    {
      schema: {
        operationId: 'answerBudgetInquiry',
        tags,
        summary: 'The unit answers an inquiry put to it',
        params: idParams,
        body: answerBudgetInquirySchema,
      },
    },
    async (req) => answerBudgetInquiry(ctxOf(req), req.params.id, req.body),
  );
}
