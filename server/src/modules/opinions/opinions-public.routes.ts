// The public side of opinions (no account): the form, its photos and look-ups, tracking and rating, the
// QR codes, and the published opinions and statistics. Each route: parse, one use case, answer.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  OPINION_CATEGORIES,
  OPINION_RULES,
  periodQuerySchema,
  rateOpinionSchema,
  submitOpinionSchema,
  trackQuerySchema,
} from '@minyi/domain/opinions';
import { ctxOf, idempotencyKeyOf, typed } from '../../platform/http';
import { AppError, invalidField } from '../../platform/errors';
import { resolvePublicCongress } from '../registry';
import { submitPublicOpinion } from './commands/submit-public-opinion';
import { uploadOpinionPhoto } from './commands/upload-opinion-photo';
import { rateTrackedOpinion } from './commands/rate-opinion';
import { trackOpinion } from './queries/track-opinion';
import { findSimilarInStreet } from './queries/find-similar-opinions';
import { getFormPrefill, getFormQrCode } from './queries/get-form-prefill';
import { findPublicOpinions } from './queries/find-public-opinions';
import { opinionStatistics } from './queries/opinion-statistics';

const tags = ['opinions'];

/** The uploaded file of a multipart request (400 without one, 413 over the limit). */
export async function readUpload(req: FastifyRequest): Promise<{ data: Buffer; filename: string }> {
  if (!req.isMultipart())
    throw invalidField('file', '请以 multipart/form-data 上传文件', 'upload the file as multipart/form-data');
  const part = await req.file();
  if (!part) throw invalidField('file', '缺少文件', 'the file is missing');
  try {
    return { data: await part.toBuffer(), filename: part.filename };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'file_too_large', {
        zh: '文件过大，上限为 10 MB',
        en: 'The file is too large; the limit is 10 MB',
      });
    }
    throw err;
  }
}

/** Per client address (`req.ip`), on top of the per-code count of wrong suffixes (issue 22 item 3a). */
const trackingRateLimit = { max: OPINION_RULES.maxTrackingLookupsPerIpPerMinute, timeWindow: '1 minute' };

/** Runs a tracking look-up; a locked code's 429 carries Retry-After. */
async function withRetryAfter<T>(reply: FastifyReply, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const retryAfter = err instanceof AppError ? err.extra.retryAfter : undefined;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    throw err;
  }
}

const prefillQuery = z.object({
  deputyId: z.uuid().optional(),
  liaisonPlaceId: z.uuid().optional(),
  congressId: z.uuid().optional(),
});

export async function publicOpinionRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.get(
    '/opinion-categories',
    {
      schema: {
        operationId: 'findOpinionCategories',
        access: 'public',
        tags,
        summary: 'Categories the opinion form offers',
      },
    },
    async () => ({
      items: OPINION_CATEGORIES.map((c) => ({ code: c.code, name: c.zh, nameEn: c.en })),
    }),
  );

  r.post(
    '/opinions',
    {
      schema: {
        operationId: 'submitOpinion',
        access: 'public',
        tags,
        summary: 'Submit an opinion (public, no account)',
        body: submitOpinionSchema,
      },
      // The key is recorded with the opinion, in the batch's statement (commands/submit-public-opinion.ts).
      config: { idempotent: true, idempotencyInHandler: true },
    },
    async (req, reply) =>
      reply.code(201).send(await submitPublicOpinion(ctxOf(req), req.body, idempotencyKeyOf(req))),
  );

  r.post(
    '/opinions/photos',
    {
      schema: {
        operationId: 'uploadOpinionPhoto',
        problems: [413, 415],
        access: 'public',
        tags,
        summary: 'Upload a photo for an opinion (≤ 10 MB, ≤ 40 megapixels; metadata stripped)',
      },
      // Per client address: the endpoint takes anonymous uploads (issue 22 item 8).
      config: { rateLimit: { max: OPINION_RULES.maxPhotoUploadsPerIpPerMinute, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const congressId = await resolvePublicCongress(req);
      const upload = await readUpload(req);
      return reply.code(201).send(await uploadOpinionPhoto(ctxOf(req), congressId, upload));
    },
  );

  r.get(
    '/opinions/similar',
    {
      schema: {
        operationId: 'findSimilarOpinionsInStreet',
        access: 'public',
        tags,
        summary: 'Similar open opinions in a street (the form shows them)',
        querystring: z.object({
          streetId: z.uuid(),
          text: z.string().trim().min(1).max(5000),
          congressId: z.uuid().optional(),
        }),
      },
    },
    async (req) => findSimilarInStreet(ctxOf(req), await resolvePublicCongress(req), req.query),
  );

  r.get(
    '/opinions/track/:trackingCode',
    {
      schema: {
        operationId: 'trackOpinion',
        access: 'public',
        tags,
        summary: 'Track an opinion (code + last four digits of the phone)',
        params: z.object({ trackingCode: z.string().max(40) }),
        querystring: trackQuerySchema,
      },
      config: { rateLimit: trackingRateLimit },
    },
    async (req, reply) =>
      withRetryAfter(reply, () => trackOpinion(ctxOf(req), req.params.trackingCode, req.query.phoneLast4)),
  );

  r.post(
    '/opinions/track/:trackingCode/rate',
    {
      schema: {
        operationId: 'rateTrackedOpinion',
        access: 'public',
        tags,
        summary: 'Rate the answer (satisfied / basically satisfied / dissatisfied)',
        params: z.object({ trackingCode: z.string().max(40) }),
        body: rateOpinionSchema,
      },
      config: { rateLimit: trackingRateLimit },
    },
    async (req, reply) =>
      withRetryAfter(reply, () => rateTrackedOpinion(ctxOf(req), req.params.trackingCode, req.body)),
  );

  r.get(
    '/opinions/qr.svg',
    {
      schema: {
        operationId: 'getOpinionFormQrCode',
        access: 'public',
        tags,
        summary: 'QR code opening the form prefilled with a deputy or a liaison place',
        querystring: prefillQuery,
      },
    },
    async (req, reply) => {
      const svg = await getFormQrCode(ctxOf(req), await resolvePublicCongress(req), req.query);
      return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(svg);
    },
  );

  r.get(
    '/opinions/prefill',
    {
      schema: {
        operationId: 'getOpinionFormPrefill',
        access: 'public',
        tags,
        summary: 'Names of the deputy or liaison place a QR code prefills the form with',
        querystring: prefillQuery,
      },
    },
    async (req) => getFormPrefill(ctxOf(req), await resolvePublicCongress(req), req.query),
  );

  r.get(
    '/public/opinions',
    {
      schema: {
        operationId: 'findPublicOpinions',
        access: 'public',
        tags,
        summary: 'Opinions their authors chose to show publicly (redacted)',
        querystring: z.object({
          streetId: z.uuid().optional(),
          congressId: z.uuid().optional(),
          cursor: z.string().max(500).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
      },
    },
    async (req) => {
      const congressId = await resolvePublicCongress(req);
      return findPublicOpinions(req.server.services.db, { congressId, ...req.query });
    },
  );

  r.get(
    '/public/opinion-statistics',
    {
      schema: {
        operationId: 'getPublicOpinionStatistics',
        access: 'public',
        tags,
        summary: 'Statistics per street, category and month',
        querystring: periodQuerySchema.extend({ congressId: z.uuid().optional() }),
      },
    },
    async (req) => {
      const congressId = await resolvePublicCongress(req);
      return opinionStatistics(req.server.services.db, { congressId, ...req.query });
    },
  );
}
