// HTTP routes of opinions and receptions: parse → authorize → one command or query → present.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import {
  OPINION_CATEGORIES,
  blockSchema,
  checkInReceptionSchema,
  closeOpinionSchema,
  decideOpinionSchema,
  handBackOpinionSchema,
  hideOpinionSchema,
  noteOpinionSchema,
  opinionQueueQuerySchema,
  opinionSettingsSchema,
  opinionSettingsPatchSchema,
  OPINION_RULES,
  periodQuerySchema,
  rateOpinionSchema,
  recordReceptionSchema,
  replyOpinionSchema,
  routingRuleSchema,
  scheduleReceptionSchema,
  submitOpinionSchema,
  trackQuerySchema,
} from '@minyi/domain/opinions';
import { ctxOf, JsonPage, sendJsonPage, typed } from '../../platform/http';
import { collectWrites, transact, type Ctx } from '../../platform/context';
import { writeSubmission } from './opinions.writer';
import { requireRole } from '../../platform/access';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { readSettings, writeSettings } from '../../platform/settings';
import {
  opinionAdminPolicy,
  opinionPolicy,
  MANAGE_ROLES,
  QUEUE_ROLES,
  RECEPTION_ROLES,
  ENTRY_ROLES,
} from './opinions.policy';
import { forgetOpinionSettings, loadOpinion, OPINION, resourceOf } from './opinions.repository';
import { getDeputy, getLiaisonPlace, getStreet, resolvePublicCongress } from '../registry';
import { admitSubmission, submitOpinion } from './commands/submit-opinion';
import { claimOpinion } from './commands/claim-opinion';
import { decideOpinion } from './commands/decide-opinion';
import { handBackOpinion } from './commands/hand-back-opinion';
import { addOpinionNote } from './commands/add-opinion-note';
import { replyOpinion } from './commands/reply-opinion';
import { verifyOpinion } from './commands/verify-opinion';
import { closeOpinion } from './commands/close-opinion';
import { hideOpinion } from './commands/hide-opinion';
import { rateOpinion } from './commands/rate-opinion';
import {
  deleteOpinionRoute,
  findOpinionRoutes,
  proposeRoute,
  setOpinionRoute,
} from './commands/manage-routing';
import { blockSubmitter, findBlocks, unblockSubmitter } from './commands/manage-blocks';
import { importOpinions, importTemplate } from './commands/import-opinions';
import { scheduleReception } from './commands/schedule-reception';
import { checkInReception, recordReception } from './commands/record-reception';
import { getOpinion } from './queries/get-opinion';
import { findTracked, presentTracked, ratingLocked, trackOpinion } from './queries/track-opinion';
import { findOpinions } from './queries/find-opinions';
import { findSimilarOpinions } from './queries/find-similar-opinions';
import { opinionStatistics, periodReport } from './queries/opinion-statistics';
import { findPublicReceptions, findReceptions, getReception } from './queries/find-receptions';
import { findPublicOpinions } from './queries/find-public-opinions';

const idParams = z.object({ id: z.uuid() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['opinions'];

/** Loads an opinion, checks `action` for the actor, and runs `fn` in one transaction. */
async function step<T>(
  req: FastifyRequest,
  id: string,
  action: string,
  fn: (
    ctx: Ctx,
    w: Parameters<Parameters<typeof transact>[1]>[0],
    o: Awaited<ReturnType<typeof loadOpinion>>,
  ) => Promise<T>,
) {
  const ctx = ctxOf(req);
  const actor = requireRole(ctx.actor, QUEUE_ROLES);
  const o0 = await loadOpinion(ctx.app.db, actor.congressId, id);
  const resource = await resourceOf(ctx.app.db, o0);
  if (!opinionPolicy.can(actor, 'view', resource)) throw notFound(OPINION);
  opinionPolicy.authorize(actor, action, resource);
  await transact(ctx, async (w) => fn(ctx, w, await loadOpinion(w.db, actor.congressId, id, true)));
  return getOpinion(ctx, id);
}

async function readUpload(req: FastifyRequest): Promise<{ data: Buffer; filename: string }> {
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

export async function opinionRoutes(app: FastifyInstance) {
  const r = typed(app);

  // ---------- public ----------
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
      config: { idempotent: true },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const admitted = await admitSubmission(ctx, { body: req.body });
      const input = { body: req.body, admitted };
      const { guard } = admitted;
      // Written with the submissions arriving at the same time (opinions.writer.ts), limits included.
      const collected = await collectWrites(ctx, (w) => submitOpinion(ctx, w, input));
      await writeSubmission({ ctx, writes: collected.writes, jobs: collected.jobs, guard });
      const o = collected.out;
      return reply.code(201).send({ id: o.id, trackingCode: o.trackingCode });
    },
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
      const ctx = ctxOf(req);
      const congressId = await resolvePublicCongress(req);
      const { data, filename } = await readUpload(req);
      const stored = await transact(ctx, async (w) => {
        const f = await ctx.app.files.store(w.db, {
          congressId,
          data,
          originalName: filename,
          purpose: 'opinion.photo',
          kinds: ['image'],
          maxBytes: OPINION_RULES.maxPhotoBytes,
          maxPixels: OPINION_RULES.maxPhotoPixels,
          uploadedBy: ctx.actor?.accountId ?? null,
        });
        await w.audit({
          action: 'opinion.uploadPhoto',
          entityType: 'file',
          entityId: f.id,
          congressId,
          after: { sizeBytes: f.sizeBytes, mimeType: f.mimeType },
        });
        return f;
      });
      return reply.code(201).send({ id: stored.id, mimeType: stored.mimeType, sizeBytes: stored.sizeBytes });
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
    async (req) => {
      const ctx = ctxOf(req);
      const street = await getStreet(ctx.app.db, await resolvePublicCongress(req), req.query.streetId);
      if (!street) throw invalidField('streetId', '未知的街道', 'unknown street', 'invalid', 'querystring');
      const staff =
        !!ctx.actor &&
        ctx.actor.congressId === street.congressId &&
        ENTRY_ROLES.some((x) => ctx.actor!.roles.includes(x));
      const items = await findSimilarOpinions(ctx.app.db, {
        congressId: street.congressId,
        streetId: street.id,
        text: req.query.text,
        publicOnly: !staff,
      });
      return {
        items: items.map((i) =>
          staff
            ? i
            : {
                trackingCode: undefined,
                content: i.content,
                status: i.status,
                createdAt: i.createdAt,
                score: i.score,
                id: undefined,
              },
        ),
      };
    },
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
    async (req, reply) => {
      const ctx = ctxOf(req);
      const found = await withRetryAfter(reply, () =>
        findTracked(ctx, req.params.trackingCode, req.body.phoneLast4),
      );
      if (found.ratingLocked) throw ratingLocked();
      const o = found.opinion;
      await transact(ctx, async (w) =>
        rateOpinion(
          ctx,
          w,
          await loadOpinion(w.db, o.congressId, o.id, true),
          req.body.rating,
          req.body.comment ?? null,
        ),
      );
      return presentTracked(ctx, await loadOpinion(ctx.app.db, o.congressId, o.id), false);
    },
  );

  const prefillQuery = z.object({
    deputyId: z.uuid().optional(),
    liaisonPlaceId: z.uuid().optional(),
    congressId: z.uuid().optional(),
  });
  /** The deputy and liaison place a QR code names: at least one, each known (400, 404). */
  const prefillOf = async (req: FastifyRequest<{ Querystring: z.infer<typeof prefillQuery> }>) => {
    const db = req.server.services.db;
    const congressId = await resolvePublicCongress(req);
    const { deputyId, liaisonPlaceId } = req.query;
    if (!deputyId && !liaisonPlaceId)
      throw invalidField(
        'deputyId',
        '请指定代表或联络站',
        'give a deputy or a liaison place',
        'required',
        'querystring',
      );
    const deputy = deputyId ? await getDeputy(db, congressId, deputyId) : null;
    if (deputyId && !deputy) throw notFound({ zh: '代表', en: 'deputy' });
    const place = liaisonPlaceId ? await getLiaisonPlace(db, congressId, liaisonPlaceId) : null;
    if (liaisonPlaceId && !place) throw notFound({ zh: '联络站', en: 'liaison place' });
    return { deputy, place };
  };

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
      const { deputy, place } = await prefillOf(req);
      const params = new URLSearchParams();
      if (deputy) params.set('deputyId', deputy.id);
      if (place) {
        params.set('liaisonPlaceId', place.id);
        params.set('streetId', place.streetId);
      }
      // The configured public address, never the request's Host or X-Forwarded-Host (cached publicly).
      const origin = req.server.services.config.publicUrl;
      const svg = await QRCode.toString(`${origin}/opinions/new?${params.toString()}`, {
        type: 'svg',
        margin: 1,
        errorCorrectionLevel: 'M',
      });
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
    async (req) => {
      const { deputy, place } = await prefillOf(req);
      return {
        deputy: deputy && { id: deputy.id, name: deputy.name },
        liaisonPlace: place && { id: place.id, name: place.name, streetId: place.streetId },
      };
    },
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

  r.get(
    '/public/receptions',
    {
      schema: {
        operationId: 'findPublicReceptions',
        access: 'public',
        tags: ['receptions'],
        summary: 'Upcoming receptions at liaison places',
        querystring: z.object({
          liaisonPlaceId: z.uuid().optional(),
          streetId: z.uuid().optional(),
          congressId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(100).default(50),
        }),
      },
    },
    async (req) => {
      const congressId = await resolvePublicCongress(req);
      return findPublicReceptions(req.server.services.db, { congressId, ...req.query });
    },
  );

  // ---------- staff, deputies, units ----------
  r.get(
    '/opinions',
    {
      schema: {
        operationId: 'findOpinions',
        tags,
        summary: 'The workbench queue',
        querystring: opinionQueueQuerySchema,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      requireRole(ctx.actor, QUEUE_ROLES);
      const result = await findOpinions(ctx, req.query);
      return result instanceof JsonPage ? sendJsonPage(reply, result) : result;
    },
  );

  r.get(
    '/opinions/import-template.xlsx',
    {
      schema: {
        operationId: 'getOpinionImportTemplate',
        tags,
        summary: 'Template for importing hotline or petition exports',
      },
    },
    async (req, reply) => {
      requireRole(ctxOf(req).actor, MANAGE_ROLES);
      return reply
        .type(XLSX)
        .header('content-disposition', 'attachment; filename="opinions-import-template.xlsx"')
        .send(await importTemplate());
    },
  );

  r.post(
    '/opinions/import',
    {
      schema: {
        operationId: 'importOpinions',
        problems: [413, 415],
        tags,
        summary: 'Import a hotline/petition export (all or nothing)',
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      requireRole(ctx.actor, MANAGE_ROLES);
      const { data } = await readUpload(req);
      const result = await transact(ctx, (w) => importOpinions(ctx, w, data));
      return reply.code(201).send(result);
    },
  );

  r.get(
    '/opinions/:id',
    {
      schema: {
        operationId: 'getOpinion',
        tags,
        summary: 'One opinion with its timeline and abilities',
        params: idParams,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      requireRole(ctx.actor, QUEUE_ROLES);
      return getOpinion(ctx, req.params.id);
    },
  );

  r.get(
    '/opinions/:id/similar',
    {
      schema: {
        operationId: 'findSimilarOpinions',
        tags,
        summary: 'Similar open opinions (triage)',
        params: idParams,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const actor = requireRole(ctx.actor, QUEUE_ROLES);
      const o = await loadOpinion(ctx.app.db, actor.congressId, req.params.id);
      opinionPolicy.authorize(actor, 'claim', await resourceOf(ctx.app.db, o));
      const items = await findSimilarOpinions(ctx.app.db, {
        congressId: o.congressId,
        streetId: o.streetId,
        text: o.content,
        excludeId: o.id,
        publicOnly: false,
      });
      return { items };
    },
  );

  r.get(
    '/opinions/:id/route-proposal',
    {
      schema: {
        operationId: 'getOpinionRouteProposal',
        tags,
        summary: 'Units the routing table proposes',
        params: idParams,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const actor = requireRole(ctx.actor, QUEUE_ROLES);
      const o = await loadOpinion(ctx.app.db, actor.congressId, req.params.id);
      opinionPolicy.authorize(actor, 'decide', await resourceOf(ctx.app.db, o));
      return { proposal: await proposeRoute(ctx.app.db, o.congressId, o.category, o.streetId) };
    },
  );

  r.post(
    '/opinions/:id/claim',
    {
      schema: { operationId: 'claimOpinion', summary: 'Claim an opinion for triage', tags, params: idParams },
    },
    async (req) => step(req, req.params.id, 'claim', claimOpinion),
  );
  r.post(
    '/opinions/:id/decide',
    {
      schema: {
        operationId: 'decideOpinion',
        summary:
          'Decide an opinion at triage: answer it on the spot, forward it to units, merge it, raise it as a suggestion, or declare it inadmissible',
        tags,
        params: idParams,
        body: decideOpinionSchema,
      },
    },
    async (req) => step(req, req.params.id, 'decide', (ctx, w, o) => decideOpinion(ctx, w, o, req.body)),
  );
  r.post(
    '/opinions/:id/hand-back',
    {
      schema: {
        operationId: 'handBackOpinion',
        summary: 'Hand an opinion back to triage with the reason (a handling unit)',
        tags,
        params: idParams,
        body: handBackOpinionSchema,
      },
    },
    async (req) =>
      step(req, req.params.id, 'handBack', (ctx, w, o) => handBackOpinion(ctx, w, o, req.body.reason)),
  );
  r.post(
    '/opinions/:id/notes',
    {
      schema: {
        operationId: 'addOpinionNote',
        summary: "Add a note to an opinion's timeline, public or internal",
        tags,
        params: idParams,
        body: noteOpinionSchema,
      },
    },
    async (req) =>
      step(req, req.params.id, 'addNote', (ctx, w, o) =>
        addOpinionNote(ctx, w, o, req.body.note, req.body.isPublic),
      ),
  );
  r.post(
    '/opinions/:id/reply',
    {
      schema: {
        operationId: 'replyOpinion',
        summary: 'Reply to an opinion with its outcome (the lead unit)',
        tags,
        params: idParams,
        body: replyOpinionSchema,
      },
    },
    async (req) =>
      step(req, req.params.id, 'reply', (ctx, w, o) =>
        replyOpinion(ctx, w, o, req.body.outcome, req.body.content),
      ),
  );
  r.post(
    '/opinions/:id/verify',
    {
      schema: {
        operationId: 'verifyOpinion',
        summary: 'Verify the reply to an opinion',
        tags,
        params: idParams,
        body: z.strictObject({ note: z.string().trim().max(1000).optional() }),
      },
    },
    async (req) =>
      step(req, req.params.id, 'verify', (ctx, w, o) => verifyOpinion(ctx, w, o, req.body.note ?? null)),
  );
  r.post(
    '/opinions/:id/close',
    {
      schema: {
        operationId: 'closeOpinion',
        summary: 'Close an opinion with the reason',
        tags,
        params: idParams,
        body: closeOpinionSchema,
      },
    },
    async (req) => step(req, req.params.id, 'close', (ctx, w, o) => closeOpinion(ctx, w, o, req.body.reason)),
  );
  r.post(
    '/opinions/:id/hide',
    {
      schema: {
        operationId: 'hideOpinion',
        summary: 'Hide an opinion from the public list, with the reason',
        tags,
        params: idParams,
        body: hideOpinionSchema,
      },
    },
    async (req) =>
      step(req, req.params.id, 'hide', (ctx, w, o) => hideOpinion(ctx, w, o, req.body.reason, true)),
  );
  r.post(
    '/opinions/:id/unhide',
    {
      schema: {
        operationId: 'unhideOpinion',
        summary: 'Show a hidden opinion in the public list again, with the reason',
        tags,
        params: idParams,
        body: hideOpinionSchema,
      },
    },
    async (req) =>
      step(req, req.params.id, 'hide', (ctx, w, o) => hideOpinion(ctx, w, o, req.body.reason, false)),
  );

  // ---------- routing table, block list, settings ----------
  r.get(
    '/opinion-routes',
    {
      schema: {
        operationId: 'findOpinionRoutes',
        summary: 'The routing table: which units a category and street go to, with the abilities',
        tags,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const actor = requireRole(ctx.actor, ['congressStaff', 'liaisonStaff', 'leader']);
      return {
        items: await findOpinionRoutes(ctx.app.db, actor.congressId),
        abilities: opinionAdminPolicy.abilities(actor, { congressId: actor.congressId }),
      };
    },
  );
  r.put(
    '/opinion-routes',
    {
      schema: {
        operationId: 'setOpinionRoute',
        summary: 'Set one rule of the routing table',
        tags,
        body: routingRuleSchema,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      requireRole(ctx.actor, MANAGE_ROLES);
      return transact(ctx, (w) => setOpinionRoute(ctx, w, req.body));
    },
  );
  r.delete(
    '/opinion-routes/:id',
    {
      schema: {
        operationId: 'deleteOpinionRoute',
        summary: 'Delete a rule of the routing table',
        tags,
        params: idParams,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      requireRole(ctx.actor, MANAGE_ROLES);
      await transact(ctx, (w) => deleteOpinionRoute(ctx, w, req.params.id));
      return reply.code(204).send();
    },
  );
  r.get(
    '/opinion-blocks',
    {
      schema: {
        operationId: 'findOpinionBlocks',
        summary: 'Submitters blocked from the opinion form, with the abilities',
        tags,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const actor = requireRole(ctx.actor, RECEPTION_ROLES);
      return {
        items: await findBlocks(ctx.app.db, actor.congressId),
        abilities: opinionAdminPolicy.abilities(actor, { congressId: actor.congressId }),
      };
    },
  );
  r.post(
    '/opinion-blocks',
    {
      schema: {
        operationId: 'blockSubmitter',
        summary: 'Block a submitter from the opinion form',
        tags,
        body: blockSchema,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      requireRole(ctx.actor, RECEPTION_ROLES);
      return reply.code(201).send(await transact(ctx, (w) => blockSubmitter(ctx, w, req.body)));
    },
  );
  r.delete(
    '/opinion-blocks/:id',
    {
      schema: {
        operationId: 'unblockSubmitter',
        summary: 'Lift a block on a submitter',
        tags,
        params: idParams,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      requireRole(ctx.actor, RECEPTION_ROLES);
      await transact(ctx, (w) => unblockSubmitter(ctx, w, req.params.id));
      return reply.code(204).send();
    },
  );
  r.get(
    '/opinion-settings',
    { schema: { operationId: 'getOpinionSettings', summary: 'The opinion settings of my congress', tags } },
    async (req) => {
      const ctx = ctxOf(req);
      const actor = requireRole(ctx.actor, QUEUE_ROLES);
      return readSettings(ctx.app.db, actor.congressId, 'opinions', opinionSettingsSchema);
    },
  );
  r.put(
    '/opinion-settings',
    {
      schema: {
        operationId: 'changeOpinionSettings',
        summary: 'Change the opinion settings of my congress; fields not sent keep their value',
        tags,
        body: opinionSettingsPatchSchema,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const actor = requireRole(ctx.actor, MANAGE_ROLES);
      const saved = await transact(ctx, (w) =>
        writeSettings(w, actor.congressId, 'opinions', opinionSettingsSchema, req.body),
      );
      forgetOpinionSettings(actor.congressId);
      return saved;
    },
  );

  // ---------- reports ----------
  r.get(
    '/opinion-reports/period',
    {
      schema: {
        operationId: 'getOpinionPeriodReport',
        summary: 'Opinions and receptions of a period, per street and in total',
        tags,
        querystring: periodQuerySchema,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const actor = requireRole(ctx.actor, ['congressStaff', 'liaisonStaff', 'leader']);
      return periodReport(ctx.app.db, { congressId: actor.congressId, ...req.query });
    },
  );
  r.get(
    '/opinion-reports/period.xlsx',
    {
      schema: {
        operationId: 'exportOpinionPeriodReport',
        summary: 'The period report of opinions and receptions (.xlsx)',
        tags,
        querystring: periodQuerySchema,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const actor = requireRole(ctx.actor, ['congressStaff', 'liaisonStaff', 'leader']);
      const rep = await periodReport(ctx.app.db, { congressId: actor.congressId, ...req.query });
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('群众意见办理情况');
      ws.addRow([`统计期间 ${rep.from} 至 ${rep.to}`]);
      ws.addRow([
        '街道',
        '接待场次',
        '接待群众（人次）',
        '收集意见（件）',
        '已解决',
        '办理中',
        '超期',
        '办结未解决',
        '不予受理',
        '并案',
        '转代表建议',
        '已评价',
        '满意/基本满意',
        '解决率',
        '满意率',
      ]);
      const streetName = new Map<string, string>();
      for (const s of rep.byStreet)
        streetName.set(
          s.streetId,
          (await getStreet(ctx.app.db, actor.congressId, s.streetId))?.name ?? s.streetId,
        );
      const line = (
        name: string,
        f: (typeof rep)['total'] & { receptions: number; peopleReceived: number },
      ) => [
        name,
        f.receptions,
        f.peopleReceived,
        f.received,
        f.solved,
        f.inProgress,
        f.overdue,
        f.closedUnresolved,
        f.inadmissible,
        f.merged,
        f.raisedAsSuggestion,
        f.rated,
        f.satisfied,
        f.solvedRate,
        f.satisfactionRate,
      ];
      for (const s of rep.byStreet) ws.addRow(line(streetName.get(s.streetId)!, s));
      ws.addRow(line('合计', rep.total));
      ws.getRow(2).font = { bold: true };
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="opinions-${rep.from}-${rep.to}.xlsx"`)
        .send(Buffer.from(await wb.xlsx.writeBuffer()));
    },
  );

  // ---------- receptions ----------
  r.get(
    '/receptions',
    {
      schema: {
        operationId: 'findReceptions',
        summary: 'Receptions at liaison places, newest first',
        tags: ['receptions'],
        querystring: z.object({
          liaisonPlaceId: z.uuid().optional(),
          streetId: z.uuid().optional(),
          status: z.enum(['scheduled', 'held', 'cancelled']).optional(),
          cursor: z.iso.datetime().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const actor = requireRole(ctx.actor, ['congressStaff', 'liaisonStaff', 'leader', 'deputy']);
      return findReceptions(ctx.app.db, {
        congressId: actor.congressId,
        ...req.query,
        before: req.query.cursor,
      });
    },
  );
  r.post(
    '/receptions',
    {
      schema: {
        operationId: 'scheduleReception',
        summary: 'Schedule a reception at a liaison place',
        tags: ['receptions'],
        body: scheduleReceptionSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      requireRole(ctx.actor, RECEPTION_ROLES);
      const { id } = await transact(ctx, (w) => scheduleReception(ctx, w, req.body));
      return reply.code(201).send(await getReception(ctx.app.db, ctx.actor!.congressId, id));
    },
  );
  r.get(
    '/receptions/:id',
    {
      schema: {
        operationId: 'getReception',
        summary: 'One reception with its deputies and abilities',
        tags: ['receptions'],
        params: idParams,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const actor = requireRole(ctx.actor, ['congressStaff', 'liaisonStaff', 'leader', 'deputy']);
      const rec = await getReception(ctx.app.db, actor.congressId, req.params.id);
      if (!rec) throw notFound({ zh: '接待活动', en: 'reception' });
      const staff = actor.roles.some((x) => x === 'congressStaff' || x === 'liaisonStaff');
      const mine = !!actor.deputyId && rec.deputies.some((d) => d.id === actor.deputyId);
      return {
        ...rec,
        // Staff check any deputy in, a deputy only themselves; the page shows the button where it works.
        deputies: rec.deputies.map((d) => ({
          ...d,
          canCheckIn: rec.status === 'scheduled' && !d.checkedIn && (staff || d.id === actor.deputyId),
        })),
        abilities: {
          checkIn: (staff || mine) && rec.status === 'scheduled',
          record: (staff || mine) && rec.status === 'scheduled',
          registerOpinion: staff || mine,
        },
      };
    },
  );
  r.post(
    '/receptions/:id/check-in',
    {
      schema: {
        operationId: 'checkInReception',
        summary: 'Check a deputy in at a reception',
        tags: ['receptions'],
        params: idParams,
        body: checkInReceptionSchema,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      requireRole(ctx.actor, ['congressStaff', 'liaisonStaff', 'deputy']);
      return transact(ctx, (w) => checkInReception(ctx, w, req.params.id, req.body.deputyId));
    },
  );
  r.post(
    '/receptions/:id/record',
    {
      schema: {
        operationId: 'recordReception',
        summary: 'Record a reception held: people received and the opinions taken',
        tags: ['receptions'],
        params: idParams,
        body: recordReceptionSchema,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      requireRole(ctx.actor, ['congressStaff', 'liaisonStaff', 'deputy']);
      await transact(ctx, (w) => recordReception(ctx, w, req.params.id, req.body));
      return getReception(ctx.app.db, ctx.actor!.congressId, req.params.id);
    },
  );
}
