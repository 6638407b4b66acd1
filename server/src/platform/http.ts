// HTTP conventions shared by every module: problem+json errors, request ids, cursor paging,
// Idempotency-Key on creates, and the typed route helper.
import { createHash } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { LocalizedText } from '@minyi/domain';
import { AppError, badRequest, describeIssue, type FieldError } from './errors';
import { idempotencyKeys } from './platform.table';
import type { AppServices, Ctx } from './context';

export type App = FastifyInstance;
/** The app with zod-typed routes: `typed(app).post(url, { schema }, handler)`. */
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

export function localeOf(req: FastifyRequest): 'zh' | 'en' {
  const h = req.headers['accept-language'];
  return typeof h === 'string' && /^en\b/i.test(h.trim()) ? 'en' : 'zh';
}

/** The command context of a request. */
export const ctxOf = (req: FastifyRequest): Ctx => ({
  app: req.server.services,
  actor: req.actor,
  meta: { ip: req.ip, requestId: String(req.id) },
});

const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
function isDatabaseDown(err: unknown, depth = 0): boolean {
  const e = err as { code?: string; message?: string; cause?: unknown; errors?: unknown[] } | null;
  if (!e || depth > 5) return false;
  if (
    e.code &&
    (PG_UNAVAILABLE.has(e.code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(e.code))
  )
    return true;
  if (
    /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/i.test(
      e.message ?? '',
    )
  )
    return true;
  // Drizzle wraps the driver's error ("Failed query: …") in `cause`; node wraps refusals from several
  // addresses in an AggregateError's `errors`.
  return (
    isDatabaseDown(e.cause, depth + 1) ||
    (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseDown(x, depth + 1)))
  );
}

export function problem(
  req: FastifyRequest,
  status: number,
  code: string,
  messages: LocalizedText,
  extra: Record<string, unknown> = {},
) {
  const lang = localeOf(req);
  return {
    type: `https://minyi.dev/problems/${code}`,
    title: messages[lang],
    status,
    code,
    detail: messages[lang],
    messages,
    instance: req.url.split('?')[0],
    requestId: String(req.id),
    ...extra,
  };
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, err: AppError) {
  return reply
    .code(err.status)
    .type('application/problem+json')
    .send(problem(req, err.status, err.code, err.messages, err.extra));
}

/** busboy's parse errors of a multipart body (they come without a status code). */
const MALFORMED_MULTIPART =
  /^(Unexpected end of (form|multipart data)|Malformed part header|Multipart: Boundary not found|Malformed urlencoded form)/;
const isMalformedMultipart = (err: FastifyError) =>
  !err.statusCode && typeof err.message === 'string' && MALFORMED_MULTIPART.test(err.message);

export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return sendProblem(req, reply, err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = (err as { validationContext?: string }).validationContext ?? 'body';
      const errors: FieldError[] = [];
      for (const v of err.validation) {
        const params = v.params ?? {};
        const base = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        const keys = v.keyword === 'unrecognized_keys' ? ((params.keys as string[]) ?? []) : [null];
        for (const k of keys) {
          errors.push({
            field: [base, k].filter(Boolean).join('.') || where,
            in: where,
            code: v.keyword,
            message: describeIssue(v.keyword, params),
          });
        }
      }
      return sendProblem(
        req,
        reply,
        new AppError(
          400,
          'validation_failed',
          {
            zh: `提交的内容有误：${errors.map((e) => `${e.field} ${e.message.zh}`).join('；')}`,
            en: `The request is invalid: ${errors.map((e) => `${e.field} ${e.message.en}`).join('; ')}`,
          },
          { errors },
        ),
      );
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendProblem(
        req,
        reply,
        new AppError(413, 'body_too_large', { zh: '请求内容超过 1 MB', en: 'The request body exceeds 1 MB' }),
      );
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendProblem(
        req,
        reply,
        new AppError(415, 'unsupported_media_type', {
          zh: '不支持的内容类型',
          en: 'Unsupported content type',
        }),
      );
    }
    if (isMalformedMultipart(err)) {
      // A multipart body cut short or without its boundary (busboy's errors carry no status): the client's.
      return sendProblem(
        req,
        reply,
        badRequest([
          {
            field: 'file',
            in: 'body',
            code: 'malformed_multipart',
            message: {
              zh: '上传的 multipart 内容不完整或格式错误，请重新上传',
              en: 'The multipart upload is incomplete or malformed; upload it again',
            },
          },
        ]),
      );
    }
    if (err.statusCode === 429) {
      return sendProblem(
        req,
        reply,
        new AppError(429, 'rate_limited', {
          zh: '请求过于频繁，请稍后再试',
          en: 'Too many requests; please slow down',
        }),
      );
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, empty body with a JSON content type, bad headers.
      return sendProblem(
        req,
        reply,
        new AppError(
          err.statusCode,
          err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError
            ? 'malformed_json'
            : 'bad_request',
          {
            zh: '请求格式错误',
            en: `Malformed request: ${err.message}`,
          },
        ),
      );
    }
    if (isDatabaseDown(err)) {
      req.log.warn({ err }, 'database unavailable');
      return sendProblem(
        req,
        reply,
        new AppError(503, 'service_unavailable', {
          zh: '数据库暂时不可用，请稍后再试',
          en: 'The database is temporarily unavailable; please try again shortly',
        }),
      );
    }
    req.log.error({ err }, 'unhandled error');
    return sendProblem(
      req,
      reply,
      new AppError(500, 'internal_error', { zh: '服务器内部错误', en: 'Internal server error' }),
    );
  });
}

// ---------- input hygiene at the edge ----------

/** NUL (PostgreSQL refuses it in text) or a lone UTF-16 surrogate (not encodable as UTF-8). */
const UNSTORABLE = /[\0\p{Cs}]/u;
/** Deeper than any form of the API; deeper still would only cost stack and time further in. */
export const MAX_INPUT_DEPTH = 32;

const fieldOf = (path: readonly (string | number)[], where: string) => path.join('.') || where;

/**
 * The first string (value or key) in `value` that cannot be stored, or a nesting too deep, with its path.
 * Iterative, so a hostile depth cannot exhaust the stack.
 */
export function findUnstorableInput(
  value: unknown,
): { path: (string | number)[]; problem: 'characters' | 'depth' } | null {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v)) return { path, problem: 'characters' };
      continue;
    }
    // A raw body (a Buffer) is bytes, not text; only parsed values are walked.
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) continue;
    if (path.length >= MAX_INPUT_DEPTH) return { path, problem: 'depth' };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i];
      if (UNSTORABLE.test(k)) return { path: [...path, k], problem: 'characters' };
      stack.push({ v: (v as Record<string, unknown>)[k], path: [...path, k] });
    }
  }
  return null;
}

/**
 * One check before every route's own validation: no NUL, no lone surrogate, no absurd nesting in the
 * path parameters, the query or the JSON body. Each would otherwise reach the database (or a recursive
 * step) and fail there as a 500; here it is a 400 naming the field.
 */
export function installInputHygiene(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const parts: [string, unknown][] = [
      ['params', req.params],
      ['querystring', req.query],
      ['body', req.body],
    ];
    for (const [where, value] of parts) {
      const found = findUnstorableInput(value);
      if (!found) continue;
      const field = fieldOf(found.path, where);
      const message =
        found.problem === 'characters'
          ? {
              zh: '不能包含空字符（NUL）或不成对的代理字符',
              en: 'must not contain NUL or unpaired surrogate characters',
            }
          : { zh: `嵌套超过 ${MAX_INPUT_DEPTH} 层`, en: `is nested deeper than ${MAX_INPUT_DEPTH} levels` };
      throw new AppError(
        400,
        'validation_failed',
        {
          zh: `提交的内容有误：${field} ${message.zh}`,
          en: `The request is invalid: ${field} ${message.en}`,
        },
        {
          errors: [
            {
              field,
              in: where,
              code: found.problem === 'characters' ? 'invalid_characters' : 'too_deep',
              message,
            },
          ],
        },
      );
    }
  });
}

// ---------- cursor pagination ----------

/** Opaque cursor over the sort key of the last item: base64url of a JSON array. */
export const encodeCursor = (values: readonly (string | number | null)[]): string =>
  Buffer.from(JSON.stringify(values)).toString('base64url');

/** What one key of a cursor holds: free text (a name), an ISO timestamp, or a uuid. */
export type CursorKey = 'text' | 'timestamp' | 'uuid';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-](0\d|1[0-4])(:?[0-5]\d)?)$/;

/** An ISO 8601 instant (or PostgreSQL's text of one) whose date exists (JavaScript rolls 30 February over; PostgreSQL refuses it). */
const isInstant = (value: string) => {
  const m = ISO_TIME.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1 && day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
};

const fitsKey = (value: unknown, key: CursorKey): value is string => {
  if (typeof value !== 'string') return false;
  switch (key) {
    case 'uuid':
      return UUID.test(value);
    case 'timestamp':
      return isInstant(value);
    case 'text':
      return value.length <= 1000 && !UNSTORABLE.test(value);
  }
};

/**
 * The sort key a cursor carries, checked against what the list sorts by (`keys`): the right number of
 * values, each of the right type. A cursor crafted by hand is a 400 naming `cursor`, never a query error.
 * A bare arity means text keys ending with a uuid (`[name, id]`), the shape of most lists.
 */
export function decodeCursor(
  cursor: string | undefined,
  shape: number | readonly CursorKey[],
): string[] | null {
  if (!cursor) return null;
  const keys: readonly CursorKey[] =
    typeof shape === 'number'
      ? Array.from({ length: shape }, (_, i): CursorKey => (i === shape - 1 ? 'uuid' : 'text'))
      : shape;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === keys.length && v.every((x, i) => fitsKey(x, keys[i]))) return v;
  } catch {
    /* fall through */
  }
  throw new AppError(
    400,
    'validation_failed',
    { zh: '分页游标无效', en: 'The cursor is invalid' },
    {
      errors: [
        { field: 'cursor', in: 'querystring', code: 'invalid', message: { zh: '无效', en: 'is invalid' } },
      ],
    },
  );
}

/** Takes `limit + 1` rows and answers `{ items, nextCursor }`. */
export function page<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number | null)[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

/** A page whose items PostgreSQL already holds as JSON (`aggregatePage`); sent as it is, not re-serialised. */
export class JsonPage {
  constructor(readonly body: string) {}
}

/** Sends a `JsonPage` as the JSON it already is. */
export const sendJsonPage = (reply: FastifyReply, page: JsonPage) =>
  reply.type('application/json; charset=utf-8').send(page.body);

/** The page of an `aggregatePage` row: its items as they are, the cursor from its key columns. */
export function jsonPageOf(
  row: { items: string | null; rowCount: number } & Record<string, unknown>,
  limit: number,
  keys: number,
): JsonPage {
  const nextCursor =
    row.rowCount > limit
      ? encodeCursor(Array.from({ length: keys }, (_, i) => row[`k${i}`] as string))
      : null;
  return new JsonPage(`{"items":[${row.items ?? ''}],"nextCursor":${JSON.stringify(nextCursor)}}`);
}

// ---------- Idempotency-Key ----------

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Creates accept an Idempotency-Key header: the same key twice creates once and replays the answer. */
    idempotent?: boolean;
    /**
     * With `idempotent`: the handler records the key itself, in the statement that writes (the public opinion
     * form, where the three round trips of the hook were the cost); it reads it with `idempotencyKeyOf`.
     */
    idempotencyInHandler?: boolean;
  }
  interface FastifyRequest {
    idempotency?: { scope: string; key: string };
  }
}

const ABANDONED_MS = 60_000;

/** The request's Idempotency-Key (undefined without one); 400 when it is not 1 to 200 characters. */
export function idempotencyKeyOf(req: FastifyRequest): string | undefined {
  const key = req.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || key.length < 1 || key.length > 200) {
    throw new AppError(
      400,
      'validation_failed',
      { zh: 'Idempotency-Key 无效', en: 'Idempotency-Key is invalid' },
      {
        errors: [
          {
            field: 'Idempotency-Key',
            in: 'headers',
            code: 'invalid',
            message: { zh: '1 至 200 个字符', en: '1 to 200 characters' },
          },
        ],
      },
    );
  }
  return key;
}

export function installIdempotency(app: FastifyInstance, services: () => AppServices) {
  app.addHook('preHandler', async (req, reply) => {
    const config = req.routeOptions.config;
    if (!config.idempotent || config.idempotencyInHandler) return;
    const key = idempotencyKeyOf(req);
    if (key === undefined) return;
    const scope = `${req.method} ${req.routeOptions.url} ${req.actor?.accountId ?? 'public'}`;
    const requestHash = createHash('sha256')
      .update(JSON.stringify(req.body ?? null))
      .digest('hex');
    const db = services().db;
    // An abandoned claim (the process died mid-request) may be taken over.
    await db
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.scope, scope),
          eq(idempotencyKeys.key, key),
          sql`${idempotencyKeys.statusCode} IS NULL`,
          lt(idempotencyKeys.createdAt, new Date(Date.now() - ABANDONED_MS)),
        ),
      );
    const inserted = await db
      .insert(idempotencyKeys)
      .values({ scope, key, requestHash, congressId: req.actor?.congressId ?? null })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length === 1) {
      req.idempotency = { scope, key };
      return;
    }
    const [prior] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    if (!prior || prior.requestHash !== requestHash) {
      throw new AppError(422, 'idempotency_key_reused', {
        zh: '该 Idempotency-Key 已用于另一个请求',
        en: 'This Idempotency-Key was used for a different request',
      });
    }
    if (prior.statusCode === null) {
      throw new AppError(409, 'idempotency_in_progress', {
        zh: '相同请求正在处理',
        en: 'The same request is still being processed',
      });
    }
    reply.header('idempotent-replayed', 'true');
    return reply.code(prior.statusCode).type('application/json').send(prior.responseBody);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.idempotency) return payload;
    const { scope, key } = req.idempotency;
    const db = services().db;
    const where = and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key));
    if (reply.statusCode < 300) {
      await db
        .update(idempotencyKeys)
        .set({
          statusCode: reply.statusCode,
          responseBody: typeof payload === 'string' ? payload : JSON.stringify(payload),
        })
        .where(where);
    } else {
      // A refused request created nothing; the client may retry with the same key.
      await db.delete(idempotencyKeys).where(where);
    }
    return payload;
  });
}
