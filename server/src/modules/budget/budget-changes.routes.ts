// HTTP for what changes a budget year after the draft: transfers to lower levels and their issue (Art. 52),
// carry-overs (Art. 42), urgent investment projects released before approval (Art. 54) with the report of spending
// before approval, and adjustment plans decided by the standing committee (Art. 67–69). Thin.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import {
  createAdjustmentSchema,
  createCarryOverSchema,
  createTransferSchema,
  decideAdjustmentSchema,
  issueTransferSchema,
  releaseInvestmentProjectSchema,
  updateCarryOverSchema,
} from '@minyi/domain/budget';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/context';
import { ctxOf, typed } from '../../platform/http';
import { unauthorized } from '../../platform/errors';
import { recordTransfer } from './commands/record-transfer';
import { issueTransfer } from './commands/issue-transfer';
import { recordCarryOver } from './commands/record-carry-over';
import { updateCarryOver } from './commands/update-carry-over';
import { releaseInvestmentProject } from './commands/release-investment-project';
import { submitAdjustment } from './commands/submit-adjustment';
import { decideAdjustment } from './commands/decide-adjustment';
import { findTransfers } from './queries/find-transfers';
import { findCarryOvers } from './queries/find-carry-overs';
import { findAdjustments } from './queries/find-adjustments';
import { getPreApproval } from './queries/get-pre-approval';

const tags = ['budget'];
const idParams = z.object({ id: idSchema });

export async function budgetChangeRoutes(app: FastifyInstance) {
  const r = typed(app);
  const read = (
    path: string,
    operationId: string,
    summary: string,
    run: (db: Db, actor: Actor, id: string) => Promise<unknown>,
  ) =>
    r.get(path, { schema: { operationId, tags, summary, params: idParams } }, async (req) => {
      if (!req.actor) throw unauthorized();
      return run(req.server.services.db, req.actor, req.params.id);
    });

  r.post(
    '/budgets/:id/transfers',
    {
      schema: {
        operationId: 'recordTransfer',
        tags,
        summary: 'Record a transfer to a lower level, issued or not yet (Art. 52)',
        params: idParams,
        body: createTransferSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => reply.code(201).send(await recordTransfer(ctxOf(req), req.params.id, req.body)),
  );
  read('/budgets/:id/transfers', 'findTransfers', 'Transfers with their Art. 52 deadlines', findTransfers);
  r.post(
    '/budget-transfers/:id/issue',
    {
      schema: {
        operationId: 'issueTransfer',
        tags,
        summary: 'Record the day a transfer was issued',
        params: idParams,
        body: issueTransferSchema,
      },
    },
    async (req) => issueTransfer(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/budgets/:id/carry-overs',
    {
      schema: {
        operationId: 'recordCarryOver',
        tags,
        summary: 'Record a carry-over into the year with what is unused (Art. 42)',
        params: idParams,
        body: createCarryOverSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => reply.code(201).send(await recordCarryOver(ctxOf(req), req.params.id, req.body)),
  );
  read('/budgets/:id/carry-overs', 'findCarryOvers', 'Carry-overs, unused and idle', findCarryOvers);
  r.patch(
    '/budget-carry-overs/:id',
    {
      schema: {
        operationId: 'updateCarryOver',
        tags,
        summary: 'Record what of a carry-over is still unused',
        params: idParams,
        body: updateCarryOverSchema,
      },
    },
    async (req) => updateCarryOver(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/budget-investment-projects/:id/release',
    {
      schema: {
        operationId: 'releaseInvestmentProject',
        tags,
        summary: 'Release an urgent project before the budget’s approval, on a ground of Art. 54',
        params: idParams,
        body: releaseInvestmentProjectSchema,
      },
    },
    async (req) => releaseInvestmentProject(ctxOf(req), req.params.id, req.body),
  );
  read(
    '/budgets/:id/pre-approval',
    'getPreApprovalSpending',
    'Spending before approval against last year’s same months, and the early releases (Art. 54)',
    getPreApproval,
  );

  r.post(
    '/budgets/:id/adjustments',
    {
      schema: {
        operationId: 'submitAdjustment',
        tags,
        summary: 'Put a budget adjustment plan to the standing committee (Art. 67–69)',
        params: idParams,
        body: createAdjustmentSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => reply.code(201).send(await submitAdjustment(ctxOf(req), req.params.id, req.body)),
  );
  read(
    '/budgets/:id/adjustments',
    'findAdjustments',
    'Adjustment plans with their line changes',
    findAdjustments,
  );
  r.post(
    '/budget-adjustments/:id/decision',
    {
      schema: {
        operationId: 'decideAdjustment',
        tags,
        summary: 'Record the standing committee’s decision on an adjustment plan',
        params: idParams,
        body: decideAdjustmentSchema,
      },
    },
    async (req) => decideAdjustment(ctxOf(req), req.params.id, req.body),
  );
}
