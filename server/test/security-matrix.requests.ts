// Valid-shaped requests for every operation of /api/openapi.json, for the security matrix
// (security-matrix.test.ts): path parameters name records of the demo district (by the table the path
// segment names), required query parameters and request bodies are sampled from the schemas so they pass
// validation and reach the access check. Deterministic: the first value that fits, never a random one.
import { PATTERN_CANDIDATES, type OpenApi, type Operation, type Schema } from './openapi-operations';
import type { Db } from '../src/db/client';
import { sql } from 'drizzle-orm';

/** Ids of records of the demo congress, by table (a table without a congress column: all its ids). */
export type IdPool = Map<string, string[]>;

export async function idPoolOf(db: Db, congressId: string): Promise<IdPool> {
  const rowsOf = async <T>(q: ReturnType<typeof sql>) =>
    ((await db.execute(q)) as unknown as { rows: T[] }).rows;
  const tables = await rowsOf<{ table_name: string; scoped: boolean }>(sql`
    SELECT c.table_name,
           EXISTS (SELECT 1 FROM information_schema.columns k
                   WHERE k.table_schema = 'public' AND k.table_name = c.table_name
                     AND k.column_name = 'congress_id') AS scoped
    FROM information_schema.columns c
    WHERE c.table_schema = 'public' AND c.column_name = 'id' AND c.data_type = 'uuid'
    ORDER BY c.table_name`);
  const pool: IdPool = new Map();
  for (const { table_name, scoped } of tables) {
    const where = scoped ? sql`WHERE congress_id = ${congressId}` : sql``;
    const rows = await rowsOf<{ id: string }>(
      sql`SELECT id::text AS id FROM ${sql.identifier(table_name)} ${where} ORDER BY id LIMIT 8`,
    );
    if (rows.length)
      pool.set(
        table_name,
        rows.map((r) => r.id),
      );
  }
  return pool;
}

const snake = (s: string) =>
  s
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toLowerCase();

/** Path segments whose table has another name (`/appointments/{id}`: the appointment cases; a budget's investment projects; a firm visit's issues). */
const TABLE_OF: Record<string, string> = {
  appointments: 'appointment_cases',
  'budget-investment-projects': 'investment_plan_items',
  'firm-issues': 'firm_visit_issues',
};

/** The ids a name (a path segment, a property `deputyId`) should draw from: the table it names. */
export function idsNamed(pool: IdPool, name: string): string[] | null {
  const aliased = TABLE_OF[name];
  if (aliased && pool.has(aliased)) return pool.get(aliased)!;
  const base = snake(name.replace(/Ids?$/, ''));
  if (!base) return null;
  const candidates = [base, `${base}s`, base.replace(/y$/, 'ies'), `${base}es`];
  for (const c of candidates) if (pool.has(c)) return pool.get(c)!;
  for (const [table, ids] of pool) if (candidates.some((c) => table.endsWith(`_${c}`))) return ids;
  return null;
}

/**
 * The ids of the path segment before a parameter that names the same thing (`/project-votes/{voteId}`: the
 * project votes, not another module's votes), or null.
 */
function idsOfSegment(pool: IdPool, segment: string, param: string): string[] | null {
  const base = snake(param.replace(/Ids?$/, ''));
  return base && snake(segment).includes(base) ? idsNamed(pool, segment) : null;
}

/** A value the schema accepts; `name` is the property or parameter it is for (ids come from its table). */
export function sample(
  doc: OpenApi,
  schema: Schema | undefined,
  pool: IdPool,
  name = '',
  depth = 0,
): unknown {
  if (!schema || depth > 10) return null;
  const inner = (s: Schema | undefined, n = name) => sample(doc, s, pool, n, depth + 1);
  if (schema.$ref) return inner(doc.components?.schemas?.[schema.$ref.split('/').pop()!]);
  if ('const' in schema) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) {
    const nonNull = alternatives.filter((s) => s.type !== 'null');
    return inner((nonNull.length ? nonNull : alternatives)[0]);
  }
  if (schema.allOf?.length) return inner(schema.allOf[0]);
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== 'null') ?? 'null') : schema.type;
  switch (type) {
    case 'string': {
      switch (schema.format) {
        case 'uuid': {
          const ids = idsNamed(pool, name);
          return ids?.[0] ?? '00000000-0000-7000-8000-000000000000';
        }
        case 'date':
          return '2026-12-07';
        case 'date-time':
          return '2026-12-07T02:00:00.000Z';
        case 'email':
          return 'someone@example.com';
        case 'uri':
        case 'url':
          return 'https://example.com/a';
      }
      if (schema.pattern) {
        const re = new RegExp(schema.pattern, 'u');
        const hit = PATTERN_CANDIDATES.find((c) => re.test(c));
        if (hit) return hit;
      }
      const min = schema.minLength ?? 1;
      const max = schema.maxLength ?? 40;
      return '安全矩阵测试内容'
        .repeat(4)
        .slice(0, Math.max(min, Math.min(max, 8)))
        .padEnd(min, '文');
    }
    case 'integer':
    case 'number': {
      const min =
        typeof schema.minimum === 'number'
          ? schema.minimum
          : typeof schema.exclusiveMinimum === 'number'
            ? schema.exclusiveMinimum + 1
            : 1;
      return typeof schema.maximum === 'number' ? Math.min(min, schema.maximum) : min;
    }
    case 'boolean':
      return true;
    case 'array': {
      const n = Math.max(schema.minItems ?? 0, Math.min(1, schema.maxItems ?? 1));
      return Array.from({ length: n }, () => inner(schema.items, name));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of schema.required ?? []) out[k] = inner(schema.properties?.[k], k);
      return out;
    }
    case 'null':
      return null;
    default:
      return 'x';
  }
}

export interface Request {
  method: string;
  url: string;
  payload?: string | Buffer;
  contentType?: string;
}

/** The request for an operation; `paths` overrides a path parameter (`{id}`), `body` the sampled body. */
export function requestFor(
  doc: OpenApi,
  op: Operation,
  pool: IdPool,
  png: Buffer,
  paths: Record<string, string> = {},
  body?: unknown,
): Request {
  let path = op.path;
  const segments = op.path.split('/');
  for (const p of op.params.filter((x) => x.in === 'path')) {
    const before = segments[segments.indexOf(`{${p.name}}`) - 1] ?? '';
    const value =
      paths[p.name] ??
      (p.schema?.format === 'uuid' || /id$/i.test(p.name)
        ? (idsOfSegment(pool, before, p.name) ??
            idsNamed(pool, /^id$/i.test(p.name) ? before : p.name) ??
            idsNamed(pool, before))?.[0]
        : undefined) ??
      sample(doc, p.schema, pool, p.name);
    path = path.replace(`{${p.name}}`, encodeURIComponent(String(value)));
  }
  const qs = op.params
    .filter((x) => x.in === 'query' && x.required)
    .map(
      (p) =>
        `${encodeURIComponent(p.name)}=${encodeURIComponent(String(sample(doc, p.schema, pool, p.name)))}`,
    );
  const url = qs.length ? `${path}?${qs.join('&')}` : path;
  const method = op.method.toUpperCase();
  if (op.multipart) {
    const boundary = 'matrixboundary';
    const purpose = op.path.includes('/opinions/') ? 'opinion.photo' : 'suggestion.attachment';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\n${purpose}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n` +
          `Content-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { method, url, payload, contentType: `multipart/form-data; boundary=${boundary}` };
  }
  if (!op.body || op.method === 'get') return { method, url };
  return {
    method,
    url,
    payload: JSON.stringify(body ?? sample(doc, op.body, pool)),
    contentType: 'application/json',
  };
}
