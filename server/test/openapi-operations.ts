// The operations of /api/openapi.json as the request-making tests read them (the fuzz test, the security
// matrix): their methods, paths, parameters and bodies, and the strings a `pattern` may want.

export const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
};
export interface Param {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}
interface RawOperation {
  operationId?: string;
  parameters?: Param[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: Record<string, string[]>[];
}
export interface OpenApi {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
}
export interface Operation {
  id: string;
  method: (typeof METHODS)[number];
  path: string;
  params: Param[];
  body: Schema | null;
  multipart: boolean;
  /** No security requirement: `access: 'public'`. */
  isPublic: boolean;
}

/**
 * Operations that take multipart bodies (the description does not list their body): the upload of a file, of
 * a photo, and the imports. Each gets a small PNG, with the purpose the path implies.
 */
const MULTIPART = new Set([
  'uploadFile',
  'uploadOpinionPhoto',
  'importDeputies',
  'importHandlingUnits',
  'importOpinions',
]);

export function operationsOf(doc: OpenApi): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const content = op.requestBody?.content ?? {};
      ops.push({
        id: op.operationId ?? `${method} ${path}`,
        method,
        path,
        params: op.parameters ?? [],
        body: content['application/json']?.schema ?? null,
        multipart: !!content['multipart/form-data'] || MULTIPART.has(op.operationId ?? ''),
        isPublic: (op.security ?? []).length === 0,
      });
    }
  }
  return ops;
}

/** Strings a `pattern` may want, tried in order; the first that matches is used. */
export const PATTERN_CANDIDATES = [
  '13800138000',
  '1234',
  'ABCDEFGH23',
  '2026-12-07',
  '2026',
  'abc',
  'a1',
  'A1',
  '#1d6fa5',
  '12:00',
  '2026-12',
  'opinion.photo',
  '440300',
  '110101199003070012',
];
