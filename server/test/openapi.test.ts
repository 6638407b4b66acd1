// The API description (/api/openapi.json) is complete, and true to how each route answers: every operation
// has an operationId, a summary, its security and its problem responses; the security an operation declares
// is the one it enforces (a route marked signed-in refuses an anonymous caller, a public one does not ask
// for an account, a session-only one refuses an API token, a session's write needs its CSRF header).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { newId } from '../src/platform/ids';
import { createTestEnv, testClient, type TestClient, type TestEnv } from './harness';

interface Operation {
  operationId?: string;
  summary?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { $ref?: string }>;
}
interface Document {
  servers?: { url: string }[];
  components: {
    securitySchemes: Record<string, unknown>;
    responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }>;
  };
  paths: Record<string, Record<string, Operation>>;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let t: TestEnv;
let doc: Document;
let ops: { method: string; path: string; url: string; op: Operation }[];
let token: string;
let member: TestClient;

beforeAll(async () => {
  t = await createTestEnv();
  doc = (await t.anon.get('/api/openapi.json')).json();
  ops = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      // A resource that does not exist: ids are fresh, other path parameters a word.
      url: path.replace(/\{(\w+)\}/g, (_m, name: string) => (/id$/i.test(name) ? newId() : 'x')),
      op,
    })),
  );
  // Every role an API token may carry (administrators' tokens are refused at the door).
  member = await t.as('openapi_member', [
    'citizen',
    'deputy',
    'liaisonStaff',
    'handlingUnitStaff',
    'congressStaff',
    'leader',
  ]);
  const created = await member.post('/api/v1/auth/tokens', { name: 'openapi' });
  expect(created.statusCode).toBe(201);
  token = created.json().token;
});
afterAll(async () => t?.close());

/** The operations that break a rule, as `METHOD path: what is wrong`, so a failure names them all. */
const breaking = (rule: (o: (typeof ops)[number]) => string | null) =>
  ops.flatMap((o) => {
    const why = rule(o);
    return why ? [`${o.method} ${o.path}: ${why}`] : [];
  });

/** A 4xx answer the operation does not document. */
const undocumented = (op: Operation, res: LightMyRequestResponse) =>
  res.statusCode >= 400 && res.statusCode < 500 && !op.responses[res.statusCode];

const requiresSignIn = (op: Operation) => (op.security ?? []).length > 0;
const acceptsToken = (op: Operation) => (op.security ?? []).some((s) => 'token' in s);

describe('the API description', () => {
  it('declares its servers and the session, CSRF and token security schemes', () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['csrf', 'session', 'token']);
    expect(ops.length).toBeGreaterThan(150);
  });

  it('gives every operation a unique camelCase operationId (verb + noun) and a summary', () => {
    const seen = new Map<string, string>();
    const wrong = breaking(({ method, path, op }) => {
      if (!op.operationId) return 'no operationId';
      if (!/^[a-z]+(?:[A-Z][a-z0-9]*)+$/.test(op.operationId))
        return `operationId ${op.operationId} is not camelCase verb + noun`;
      const other = seen.get(op.operationId);
      seen.set(op.operationId, `${method} ${path}`);
      if (other) return `operationId ${op.operationId} is also ${other}`;
      if (!op.summary?.trim()) return 'no summary';
      return null;
    });
    expect(wrong).toEqual([]);
  });

  it('gives every operation its security: public, or a session (with the CSRF header on writes) or a token', () => {
    const wrong = breaking(({ method, op }) => {
      if (!Array.isArray(op.security)) return 'no security';
      for (const requirement of op.security) {
        const schemes = Object.keys(requirement);
        if (schemes.some((s) => !(s in doc.components.securitySchemes))) return 'an undeclared scheme';
        if (schemes.includes('session') && UNSAFE.has(method) !== schemes.includes('csrf'))
          return 'the CSRF header goes with the session on writes, and only there';
      }
      return null;
    });
    expect(wrong).toEqual([]);
  });

  it('documents the problem+json answers of every operation: 401 always, 400, 403, 404 and 409 as they apply', () => {
    const problem = '#/components/schemas/Problem';
    for (const r of Object.values(doc.components.responses))
      expect(r.content['application/problem+json'].schema.$ref).toBe(problem);
    const wrong = breaking(({ method, path, op }) => {
      const has = (status: number) => op.responses[status]?.$ref?.startsWith('#/components/responses/');
      if (!has(401)) return 'no 401';
      if (requiresSignIn(op) && !has(403)) return 'signed-in, without 403';
      if (path.includes('{') && !has(404)) return 'a resource in the path, without 404';
      if (UNSAFE.has(method) && !(has(400) && has(409))) return 'a write, without 400 and 409';
      return null;
    });
    expect(wrong).toEqual([]);
  });
});

describe('the security each operation declares is the one it enforces', () => {
  const status = (res: LightMyRequestResponse) =>
    `${res.statusCode}${res.statusCode >= 400 ? ` ${JSON.parse(res.body || '{}').code}` : ''}`;

  it('refuses an anonymous caller where the description asks for an account, never asks where it does not, and answers only documented problems', async () => {
    const wrong: string[] = [];
    for (const { method, path, url, op } of ops) {
      const res = await t.anon.request({ method, url });
      if (res.statusCode >= 500 || undocumented(op, res))
        wrong.push(`${method} ${path}: anonymous got ${status(res)}, not documented`);
      else if (requiresSignIn(op) && res.statusCode < 400)
        wrong.push(`${method} ${path}: documented as signed-in, answered an anonymous caller ${status(res)}`);
      else if (!requiresSignIn(op) && res.statusCode === 401)
        wrong.push(`${method} ${path}: documented as public, asked an anonymous caller to sign in`);
    }
    expect(wrong).toEqual([]);
  }, 180_000);

  it('accepts an API token where the description offers one, refuses it on session-only operations, and answers only documented problems', async () => {
    const wrong: string[] = [];
    for (const { method, path, url, op } of ops.filter((o) => requiresSignIn(o.op))) {
      const res = await t.app.inject({
        method: method as 'GET',
        url,
        headers: { authorization: `Bearer ${token}` },
      });
      if (res.statusCode >= 500 || undocumented(op, res))
        wrong.push(`${method} ${path}: a token got ${status(res)}, not documented`);
      else if (acceptsToken(op) && res.statusCode === 401)
        wrong.push(`${method} ${path}: documented to accept a token, refused it as unauthenticated`);
      else if (!acceptsToken(op) && res.statusCode < 400)
        wrong.push(`${method} ${path}: documented as session-only, answered a token ${status(res)}`);
    }
    expect(wrong).toEqual([]);
  }, 180_000);

  it('refuses a session’s write without its CSRF header wherever a write takes a session', async () => {
    const withoutCsrf = testClient(t.app, member.cookie);
    const wrong: string[] = [];
    for (const { method, path, url, op } of ops.filter((o) => UNSAFE.has(o.method))) {
      const res = await withoutCsrf.request({ method, url });
      if (res.statusCode !== 403 || res.json().code !== 'csrf_failed' || undocumented(op, res))
        wrong.push(`${method} ${path}: a session write without the CSRF header got ${status(res)}`);
    }
    expect(wrong).toEqual([]);
  }, 180_000);
});
