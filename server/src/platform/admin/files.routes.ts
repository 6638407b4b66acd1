// /files: upload (multipart `file` + `purpose`) and download. A file is readable by its uploader and by whoever
// may read the record it belongs to: the module of its purpose answers (`files.registerReader`).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ctxOf, typed } from '../http';
import { AppError, badRequest, notFound, unauthorized } from '../errors';
import { uploadFile, UPLOAD_MAX_BYTES } from './commands/upload-file';

const PURPOSE = /^[A-Za-z][\w.-]{0,63}$/;

const tooLarge = () =>
  new AppError(413, 'file_too_large', {
    zh: `文件过大，上限为 ${UPLOAD_MAX_BYTES / 1_048_576} MB`,
    en: `The file is too large; the limit is ${UPLOAD_MAX_BYTES / 1_048_576} MB`,
  });

export async function fileRoutes(app: FastifyInstance) {
  const r = typed(app);
  r.post(
    '/files',
    {
      schema: {
        operationId: 'uploadFile',
        problems: [413, 415],
        tags: ['files'],
        summary: 'Upload a file (multipart: `file`, `purpose`); its type is checked by content',
        consumes: ['multipart/form-data'],
        response: {
          201: z.object({
            id: z.string(),
            mimeType: z.string(),
            sizeBytes: z.number(),
            originalName: z.string(),
          }),
        },
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      if (!req.actor) throw unauthorized();
      if (!req.isMultipart()) {
        throw badRequest([
          {
            field: 'file',
            in: 'body',
            code: 'required',
            message: { zh: '请以 multipart 上传文件', en: 'send the file as multipart/form-data' },
          },
        ]);
      }
      let data: Buffer | null = null;
      let originalName = '';
      let purpose: string | null = null;
      try {
        for await (const part of req.parts({ limits: { fileSize: UPLOAD_MAX_BYTES, files: 1 } })) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file' || data) {
              await part.toBuffer().catch(() => undefined);
              continue;
            }
            data = await part.toBuffer();
            originalName = part.filename ?? '';
          } else if (part.fieldname === 'purpose') {
            purpose = String(part.value);
          }
        }
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        throw err;
      }
      const errors = [];
      if (!data || data.length === 0) {
        errors.push({
          field: 'file',
          in: 'body',
          code: 'required',
          message: { zh: '请选择文件', en: 'is required' },
        });
      }
      if (!purpose || !PURPOSE.test(purpose)) {
        errors.push({
          field: 'purpose',
          in: 'body',
          code: 'invalid',
          message: { zh: '用途无效', en: 'must be a short identifier such as opinion.photo' },
        });
      }
      if (errors.length) throw badRequest(errors);
      const file = await uploadFile(ctxOf(req), { data: data!, originalName, purpose: purpose! });
      return reply.code(201).send({
        id: file.id,
        mimeType: file.mimeType,
        sizeBytes: file.sizeBytes,
        originalName: file.originalName,
      });
    },
  );

  r.get(
    '/files/:id',
    {
      schema: {
        operationId: 'downloadFile',
        tags: ['files'],
        summary: 'Download a file (its uploader, or whoever may read the record it is attached to)',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (req, reply) => {
      const actor = req.actor;
      if (!actor) throw unauthorized();
      const { db, files } = app.services;
      const record = await files.find(db, actor.congressId, req.params.id);
      // Existence is secret from those who may not read it: both answer 404.
      const found =
        record && (await files.canRead(db, actor, record))
          ? await files.read(db, actor.congressId, req.params.id)
          : null;
      if (!found) throw notFound({ zh: '文件', en: 'file' });
      const name = found.file.originalName || found.file.id;
      return reply
        .type(found.file.mimeType)
        .header('content-length', found.data.length)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(found.data);
    },
  );
}
