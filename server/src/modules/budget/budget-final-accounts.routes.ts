// HTTP for the final accounts (决算) and the audit's findings tracked to rectification (审计整改). Thin.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import {
  budgetAuditFindingsQuerySchema,
  createAuditFindingSchema,
  finalAccountsPointSchema,
  recordReviewFindingsSchema,
  updateAuditFindingSchema,
  updateFinalAccountsSchema,
} from '@minyi/domain/budget';
import { ctxOf, typed } from '../../platform/http';
import { unauthorized } from '../../platform/errors';
import { updateFinalAccounts } from './commands/update-final-accounts';
import { recordFinalAccountsFindings } from './commands/record-final-accounts-findings';
import { recordAuditFinding } from './commands/record-audit-finding';
import { rectifyAuditFinding } from './commands/rectify-audit-finding';
import { getFinalAccounts } from './queries/get-final-accounts';
import { findAuditFindings } from './queries/find-audit-findings';

const tags = ['budget'];
const idParams = z.object({ id: idSchema });

export async function budgetFinalAccountsRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/budgets/:id/final-accounts',
    {
      schema: {
        operationId: 'getFinalAccounts',
        tags,
        summary:
          'The final accounts: budgeted, adjusted and actual by heading, dates, Art. 79 findings, audit findings',
        params: idParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getFinalAccounts(req.server.services.db, req.actor, req.params.id);
    },
  );

  r.patch(
    '/budgets/:id/final-accounts',
    {
      schema: {
        operationId: 'updateFinalAccounts',
        tags,
        summary:
          'Record the final accounts’ submission, the audit report, the rectification report and the approval',
        params: idParams,
        body: updateFinalAccountsSchema,
      },
    },
    async (req) => updateFinalAccounts(ctxOf(req), req.params.id, req.body),
  );

  r.put(
    '/budgets/:id/final-accounts/points/:point',
    {
      schema: {
        operationId: 'recordFinalAccountsFindings',
        tags,
        summary: 'Record the reviewers’ findings on one of the 12 points of Art. 79',
        params: idParams.extend({ point: finalAccountsPointSchema }),
        body: recordReviewFindingsSchema,
      },
    },
    async (req) => recordFinalAccountsFindings(ctxOf(req), req.params.id, req.params.point, req.body),
  );

  r.post(
    '/budgets/:id/audit-findings',
    {
      schema: {
        operationId: 'recordAuditFinding',
        tags,
        summary: 'Record a problem the audit found, with the unit it concerns',
        params: idParams,
        body: createAuditFindingSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => reply.code(201).send(await recordAuditFinding(ctxOf(req), req.params.id, req.body)),
  );

  r.get(
    '/budget-audit-findings',
    {
      schema: {
        operationId: 'findBudgetAuditFindings',
        tags,
        summary: 'Audit findings to rectify (staff and leaders: all; a unit: those addressed to it)',
        querystring: budgetAuditFindingsQuerySchema,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return findAuditFindings(req.server.services.db, req.actor, req.query);
    },
  );

  r.post(
    '/budget-audit-findings/:id/rectification',
    {
      schema: {
        operationId: 'rectifyAuditFinding',
        tags,
        summary: 'The unit reports its rectification of an audit finding',
        params: idParams,
        body: updateAuditFindingSchema,
      },
    },
    async (req) => rectifyAuditFinding(ctxOf(req), req.params.id, req.body),
  );
}
