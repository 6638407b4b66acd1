// The API description served at /api/openapi.json. Routes declare what a client needs to call them
// (operationId, summary, `access` when it is not "signed in"); this file derives the rest for every route
// in one place: its security requirement, its problem+json responses, the Idempotency-Key header.
import type { SwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from './auth/session';

/**
 * Who may call a route. `signedIn` (the default): a session cookie, with the CSRF header on POST, PUT,
 * PATCH and DELETE, or a personal API token. `session`: a session only (administrators' routes, since an
 * administrator's token is refused, and the account's own credentials). `public`: no account needed.
 */
export type Access = 'public' | 'signedIn' | 'session';

declare module 'fastify' {
  interface FastifySchema {
    /** Who may call the route, as the API description declares it; `signedIn` unless said. */
    access?: Access;
    /** Problem answers beyond those derived for every route: 413 and 415 for an upload, 409 for a read of a state. */
    problems?: readonly ProblemStatus[];
  }
}

type SecurityRequirement = Record<string, string[]>;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The security requirement of a route: alternatives, each a set of schemes used together. */
export function securityOf(access: Access, method: string): SecurityRequirement[] {
  if (access === 'public') return [];
  const session: SecurityRequirement = UNSAFE.has(method) ? { session: [], csrf: [] } : { session: [] };
  return access === 'session' ? [session] : [session, { token: [] }];
}

/** The problem+json answers a route can give, from what it declares (see the rules in the comments). */
export function problemsOf(route: {
  method: string;
  url: string;
  access: Access;
  hasInput: boolean;
  idempotent: boolean;
  rateLimited: boolean;
  declared?: readonly ProblemStatus[];
}): ProblemStatus[] {
  const unsafe = UNSAFE.has(route.method);
  const out = new Set<ProblemStatus>(route.declared);
  // Bad input: a body, a query or path parameter that fails its schema (fields named), malformed JSON.
  if (route.hasInput || unsafe) out.add(400);
  // Not signed in; on every route, public ones too, a bearer token that is invalid or expired.
  out.add(401);
  if (route.access !== 'public') out.add(403);
  // A session's write without its CSRF header is refused, on a public route too.
  if (unsafe) out.add(403);
  // A resource named in the path that does not exist (or that the caller may not know exists).
  if (route.url.includes(':')) out.add(404);
  // A write that the resource's state does not allow, or a duplicate.
  if (unsafe) out.add(409);
  if (route.idempotent) out.add(422);
  if (route.rateLimited) out.add(429);
  return [...out].sort((a, b) => a - b);
}

const problemResponses = {
  400: { name: 'BadRequest', description: 'The request is invalid; `errors` names each field' },
  401: { name: 'Unauthorized', description: 'Not signed in, or the API token is invalid or expired' },
  403: {
    name: 'Forbidden',
    description: 'Not allowed: the role or scope does not allow it, or a session write lacks its CSRF header',
  },
  404: { name: 'NotFound', description: 'No such resource (or the caller may not know it exists)' },
  409: {
    name: 'Conflict',
    description: 'The resource’s state does not allow this now, or it would duplicate another',
  },
  413: {
    name: 'ContentTooLarge',
    description: 'The upload exceeds its size limit (bytes, or an image’s pixels)',
  },
  415: {
    name: 'UnsupportedMediaType',
    description: 'The upload is not of a type accepted here, or cannot be read',
  },
  422: { name: 'IdempotencyKeyReused', description: 'This Idempotency-Key was used for a different request' },
  429: { name: 'TooManyRequests', description: 'Too many requests; slow down' },
} satisfies Record<number, { name: string; description: string }>;

export type ProblemStatus = keyof typeof problemResponses;

const localized = {
  type: 'object',
  required: ['zh', 'en'],
  properties: { zh: { type: 'string' }, en: { type: 'string' } },
};

/** RFC 9457 problem details as `sendProblem` writes them. */
const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail', 'messages', 'instance', 'requestId'],
  properties: {
    type: { type: 'string', format: 'uri', description: 'https://minyi.dev/problems/<code>' },
    title: { type: 'string', description: 'The message in the request’s language (Accept-Language)' },
    status: { type: 'integer' },
    code: { type: 'string', description: 'A stable machine-readable code, e.g. validation_failed' },
    detail: { type: 'string' },
    messages: { ...localized, description: 'The message in Chinese and in English' },
    instance: { type: 'string', description: 'The path of the request' },
    requestId: { type: 'string', description: 'Also sent as the x-request-id header' },
    errors: {
      type: 'array',
      description: 'For 400: one entry per invalid field',
      items: {
        type: 'object',
        required: ['field', 'in', 'code', 'message'],
        properties: {
          field: { type: 'string', description: 'Dotted path, e.g. content or choices.2' },
          in: { type: 'string', enum: ['body', 'querystring', 'params', 'headers'] },
          code: { type: 'string' },
          message: localized,
        },
      },
    },
  },
};

const PROBLEMS = 'x-minyi-problems';
const IDEMPOTENT = 'x-minyi-idempotent';

type Operation = {
  operationId?: string;
  summary?: string;
  parameters?: unknown[];
  responses: Record<string, unknown>;
  [PROBLEMS]?: ProblemStatus[];
  [IDEMPOTENT]?: boolean;
};

/** Options of @fastify/swagger for the app's description. */
export function openapiOptions(): SwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Minyi API',
        version: '1',
        description:
          "民意: the API of a people's congress platform. Errors answer application/problem+json with " +
          'messages in Chinese and English; a write that accepts an Idempotency-Key replays its first answer.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      servers: [{ url: '/', description: 'The server this description was served from' }],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: 'The session cookie POST /api/v1/auth/login sets (30 idle minutes)',
          },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'X-CSRF-Token',
            description:
              'The csrfToken of the login answer or of GET /api/v1/auth/me; every POST, PUT, PATCH and ' +
              'DELETE made with the session cookie carries it, on public routes too',
          },
          token: {
            type: 'http',
            scheme: 'bearer',
            description:
              'A personal API token (mny_…) from POST /api/v1/auth/tokens; administrators’ tokens are refused',
          },
        },
      },
    },
    transform: (input) => {
      const { schema, url } = jsonSchemaTransform(input) as {
        schema: Record<string, unknown>;
        url: string;
      };
      const { route } = input;
      const method = String(route.method);
      const access = (schema.access as Access | undefined) ?? 'signedIn';
      const declared = schema.problems as ProblemStatus[] | undefined;
      delete schema.access;
      delete schema.problems;
      const config = (route.config ?? {}) as { idempotent?: boolean; rateLimit?: unknown };
      schema.security = securityOf(access, method);
      schema[PROBLEMS] = problemsOf({
        method,
        url,
        access,
        hasInput: ['body', 'querystring', 'params', 'headers'].some((k) => schema[k] !== undefined),
        idempotent: !!config.idempotent,
        rateLimited: !!config.rateLimit,
        declared,
      });
      if (config.idempotent) schema[IDEMPOTENT] = true;
      return { schema, url };
    },
    transformObject: (document) => {
      if (!('openapiObject' in document)) return document.swaggerObject;
      const { openapiObject } = document;
      const doc = openapiObject as {
        components: { schemas?: Record<string, unknown>; responses?: Record<string, unknown> };
        paths: Record<string, Record<string, Operation>>;
      };
      doc.components.schemas = { ...doc.components.schemas, Problem: problemSchema };
      const used = new Set<ProblemStatus>();
      for (const item of Object.values(doc.paths)) {
        for (const op of Object.values(item)) {
          for (const status of op[PROBLEMS] ?? []) {
            op.responses[status] ??= { $ref: `#/components/responses/${problemResponses[status].name}` };
            used.add(status);
          }
          delete op[PROBLEMS];
          if (op[IDEMPOTENT]) {
            op.parameters = [
              ...(op.parameters ?? []),
              {
                name: 'Idempotency-Key',
                in: 'header',
                required: false,
                description: 'The same key (1 to 200 characters) twice creates once and replays the answer',
                schema: { type: 'string', minLength: 1, maxLength: 200 },
              },
            ];
            delete op[IDEMPOTENT];
          }
        }
      }
      doc.components.responses = Object.fromEntries(
        [...used]
          .sort((a, b) => a - b)
          .map((status) => [
            problemResponses[status].name,
            {
              description: problemResponses[status].description,
              content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
            },
          ]),
      );
      return openapiObject;
    },
  };
}
