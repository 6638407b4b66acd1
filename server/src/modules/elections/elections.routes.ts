// HTTP for elections: the list, one election with its timetable and districts, creating one, its summary, and
// importing its voter register. Thin: parse → one use case → answer.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idSchema } from '@minyi/domain';
import { createElectionSchema, electionQuerySchema } from '@minyi/domain/elections';
import { ctxOf, typed } from '../../platform/http';
import { requireRole } from '../../platform/access';
import { STAFF } from './elections.policy';
import { AppError, invalidField, unauthorized } from '../../platform/errors';
import { createElection } from './commands/create-election';
import { importVoters } from './commands/import-voters';
import { findElections } from './queries/find-elections';
import { getElection } from './queries/get-election';
import { getSummary } from './queries/get-summary';

export const tags = ['elections'];
const idParams = z.object({ id: idSchema });

/** The multipart field `file` (400 without it, 413 over the limit). */
async function uploadedFile(req: FastifyRequest): Promise<{ data: Buffer; filename: string }> {
  if (!req.isMultipart())
    throw invalidField(
      'file',
      '请以 multipart/form-data 上传文件',
      'upload the file as multipart/form-data',
      'required',
    );
  const part = await req.file();
  if (!part || part.fieldname !== 'file')
    throw invalidField('file', '缺少文件字段 file', 'the multipart field "file" is missing', 'required');
  try {
    return { data: await part.toBuffer(), filename: part.filename };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(413, 'file_too_large', {
        zh: '文件过大，上限为 10 MB',
        en: 'The file is too large; the limit is 10 MB',
      });
    throw err;
  }
}

export async function electionRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/elections',
    {
      schema: {
        operationId: 'findElections',
        tags,
        summary: 'Elections of the congress, newest election day first',
        querystring: electionQuerySchema,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return findElections(req.server.services.db, req.actor, req.query);
    },
  );

  r.post(
    '/elections',
    {
      schema: {
        operationId: 'createElection',
        tags,
        summary: 'Create an election on its election day (a past day is accepted)',
        body: createElectionSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => reply.code(201).send(await createElection(ctxOf(req), req.body)),
  );

  r.get(
    '/elections/:id',
    {
      schema: {
        operationId: 'getElection',
        tags,
        summary: 'One election: the timetable from election day, districts, candidates, results, abilities',
        params: idParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getElection(req.server.services.db, req.actor, req.params.id);
    },
  );

  r.get(
    '/elections/:id/summary',
    {
      schema: {
        operationId: 'getElectionSummary',
        tags,
        summary: 'The election in figures: districts, first-round successes, voters, turnout, the sentence',
        params: idParams,
      },
    },
    async (req) => {
      if (!req.actor) throw unauthorized();
      return getSummary(req.server.services.db, req.actor, req.params.id);
    },
  );

  r.post(
    '/elections/:id/voters::import',
    {
      schema: {
        operationId: 'importVoters',
        problems: [413],
        tags,
        summary: 'Import a voter register (.xlsx or .csv); a row-level report of the rows refused',
        params: idParams,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      // The role before the upload is read (the step checks the election's policy again).
      requireRole(ctx.actor, STAFF);
      const { data, filename } = await uploadedFile(req);
      return importVoters(ctx, req.params.id, data, filename);
    },
  );
}
