// HTTP for budget years (the Contract of issue 19): creating one, its dates, the draft's lines imported from a
// sheet and read by code prefix with execution, the monthly execution, the warnings, the execution curve, and the
// investment pre-arrangement list with its summary. Thin: parse → one use case → answer.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import {
  createBudgetSchema,
  createInvestmentProjectSchema,
  executionImportSchema,
  investmentProjectsQuerySchema,
  linesQuerySchema,
  updateBudgetDatesSchema,
} from '@minyi/domain/budget';
import { ctxOf, typed } from '../../platform/http';
import { requireRole } from '../../platform/access';
import { STAFF } from './budget.policy';
import { AppError, invalidField, unauthorized } from '../../platform/errors';
import { createBudget } from './commands/create-budget';
import { updateBudgetDates } from './commands/update-budget-dates';
import { importLines } from './commands/import-lines';
import { importExecution } from './commands/import-execution';
import { addInvestmentProject } from './commands/add-investment-project';
import { findBudgets } from './queries/find-budgets';
import { getBudget } from './queries/get-budget';
import { findLines } from './queries/find-lines';
import { getExecutionCurve } from './queries/get-execution-curve';
import { getWarnings } from './queries/get-warnings';
import { findInvestmentProjects } from './queries/find-investment-projects';
import { getInvestmentSummary } from './queries/get-investment-summary';

const tags = ['budget'];
const idParams = z.object({ id: idSchema });

/** The uploaded sheet of a multipart request (field `file`). */
async function readUpload(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart())
    throw invalidField('file', '请以 multipart/form-data 上传文件', 'upload the file as multipart/form-data');
  const part = await req.file();
  if (!part) throw invalidField('file', '缺少文件', 'the file is missing');
  try {
    return await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(413, 'file_too_large', {
        zh: '文件过大，上限为 10 MB',
        en: 'The file is too large; the limit is 10 MB',
      });
    throw err;
  }
}

export async function budgetRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/budgets',
    {
      schema: {
        operationId: 'findBudgets',
        tags,
        summary: 'The congress’s budget years, newest first, with totals',
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return findBudgets(req.server.services.db, req.actor);
    },
  );

  r.post(
    '/budgets',
    {
      schema: {
        operationId: 'createBudget',
        tags,
        summary: 'Create the budget year (one per year: a second is a 409)',
        body: createBudgetSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => reply.code(201).send(await createBudget(ctxOf(req), req.body)),
  );

  r.get(
    '/budgets/:id',
    {
      schema: {
        operationId: 'getBudget',
        tags,
        summary: 'One budget year: dates and statutory deadlines, totals, spending to date, abilities',
        params: idParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getBudget(req.server.services, req.actor, req.params.id);
    },
  );

  r.patch(
    '/budgets/:id',
    {
      schema: {
        operationId: 'updateBudgetDates',
        tags,
        summary: 'Record the draft’s submission, the approval and the publication dates',
        params: idParams,
        body: updateBudgetDatesSchema,
      },
    },
    async (req) => updateBudgetDates(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/budgets/:id/lines::import',
    {
      schema: {
        operationId: 'importBudgetLines',
        problems: [413, 415],
        tags,
        summary: 'Import the draft’s lines (.xlsx or .csv: code,name,budget,amount); bad rows are reported',
        params: idParams,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      // The role before the upload is read (the policy checks the budget again in the step).
      requireRole(ctx.actor, STAFF);
      return importLines(ctx, req.params.id, await readUpload(req));
    },
  );

  r.get(
    '/budgets/:id/lines',
    {
      schema: {
        operationId: 'findBudgetLines',
        tags,
        summary: 'Lines under a classification code prefix, with execution and rate',
        params: idParams,
        querystring: linesQuerySchema.extend({ level: z.enum(['class', 'section', 'item']).optional() }),
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return findLines(req.server.services.db, req.actor, req.params.id, req.query);
    },
  );

  r.post(
    '/budgets/:id/execution::import',
    {
      schema: {
        operationId: 'importBudgetExecution',
        tags,
        summary: 'Import one month’s execution per code (re-importing a month replaces its listed codes)',
        params: idParams,
        body: executionImportSchema,
      },
    },
    async (req, reply) => reply.code(201).send(await importExecution(ctxOf(req), req.params.id, req.body)),
  );

  r.get(
    '/budgets/:id/execution',
    {
      schema: {
        operationId: 'getBudgetExecutionCurve',
        tags,
        summary: 'Monthly and cumulative execution of a code prefix against the elapsed share of the year',
        params: idParams,
        querystring: z.object({
          code: z
            .string()
            .regex(/^\d{0,7}$/)
            .optional(),
        }),
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getExecutionCurve(req.server.services.db, req.actor, req.params.id, req.query);
    },
  );

  r.get(
    '/budgets/:id/warnings',
    {
      schema: {
        operationId: 'getBudgetWarnings',
        tags,
        summary: 'The warnings that hold now, evaluated from the data, with evidence',
        params: idParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getWarnings(req.server.services, req.actor, req.params.id);
    },
  );

  r.post(
    '/budgets/:id/investment-projects',
    {
      schema: {
        operationId: 'addInvestmentProject',
        tags,
        summary: 'Add a project to the investment pre-arrangement list',
        params: idParams,
        body: createInvestmentProjectSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) =>
      reply.code(201).send(await addInvestmentProject(ctxOf(req), req.params.id, req.body)),
  );

  r.get(
    '/budgets/:id/investment-projects',
    {
      schema: {
        operationId: 'findInvestmentProjects',
        tags,
        summary: 'The investment pre-arrangement list',
        params: idParams,
        querystring: investmentProjectsQuerySchema,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return findInvestmentProjects(req.server.services.db, req.actor, req.params.id, req.query);
    },
  );

  r.get(
    '/budgets/:id/investment-projects/summary',
    {
      schema: {
        operationId: 'getInvestmentSummary',
        tags,
        summary: 'Counts and amounts of the investment list, urgent ones apart, by category and street',
        params: idParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getInvestmentSummary(req.server.services.db, req.actor, req.params.id);
    },
  );
}
