// The one HTTP client of the web app: JSON under /api/v1, the session cookie, the CSRF header on
// state-changing requests, optional Idempotency-Key, and problem+json errors as ApiError.
import type { FormInstance } from 'antd';
import i18n from './i18n';

export const API_BASE = '/api/v1';

/** A text in both locales, as the server sends it. */
export interface LocalizedText {
  zh: string;
  en: string;
}

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `content` or `choices.2`. */
  field: string;
  in?: string;
  code?: string;
  message: LocalizedText;
  /** Import reports carry the spreadsheet row. */
  row?: number;
}

/** RFC 9457 problem+json as the Minyi server writes it. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code: string;
  detail?: string;
  messages?: LocalizedText;
  errors?: FieldProblem[];
  currentStatus?: string;
  requestId?: string;
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.messages?.en ?? problem.title ?? `HTTP ${status}`);
  }
  get code(): string {
    return this.problem.code;
  }
}

/** A page of a list: `?cursor=&limit=` → `{ items, nextCursor }`. */
export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/** Every single resource carries what the current user may do with it. */
export type Abilities = Record<string, boolean>;

export interface RequestOptions {
  idempotencyKey?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

let csrfToken: string | null = null;
/** Set by the auth provider from login and /auth/me. */
export function setCsrfToken(token: string | null | undefined) {
  csrfToken = token ?? null;
}

/** Listeners told when the server says the session is gone (401 on a non-auth call). */
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(fn: () => void): () => void {
  unauthorizedListeners.add(fn);
  return () => unauthorizedListeners.delete(fn);
}

export const currentLang = (): 'zh' | 'en' => (i18n.language?.startsWith('en') ? 'en' : 'zh');

/** Builds a query string, leaving out empty values: `qs({ q: 'x', cursor: undefined })` → `?q=x`. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  }
  const s = u.toString();
  return s ? `?${s}` : '';
}

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  opts: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'accept-language': currentLang() === 'en' ? 'en' : 'zh-CN',
    ...opts.headers,
  };
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  let res: Response;
  try {
    res = await fetch(API_BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, {
      status: 0,
      code: 'network_error',
      messages: {
        zh: '网络连接失败，请检查网络后重试',
        en: 'The network is unreachable; check it and retry',
      },
    });
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) {
    const problem: Problem =
      data && typeof data === 'object'
        ? { status: res.status, code: 'error', ...data }
        : {
            status: res.status,
            code: 'http_error',
            messages: { zh: `请求失败（${res.status}）`, en: `The request failed (${res.status})` },
          };
    if (res.status === 401 && !path.startsWith('/auth/')) unauthorizedListeners.forEach((fn) => fn());
    throw new ApiError(res.status, problem);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>('POST', path, body ?? {}, opts),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, body ?? {}, opts),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>('PATCH', path, body ?? {}, opts),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
  /** multipart/form-data upload (e.g. `file` + `purpose`). */
  upload: <T>(path: string, form: FormData, opts?: RequestOptions) => request<T>('POST', path, form, opts),
};

/** A fresh key for `{ idempotencyKey }`: keep one per form submission so a retry replays the first answer. */
export const newIdempotencyKey = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** Picks the current language from a `{zh,en}` text. */
export function localized(text: LocalizedText | null | undefined): string {
  if (!text) return '';
  return currentLang() === 'en' ? text.en || text.zh : text.zh || text.en;
}

/** The message to show for any error thrown by `api`, in the current language. */
export function problemMessage(err: unknown): string {
  if (err instanceof ApiError) {
    const p = err.problem;
    if (p.messages) return localized(p.messages);
    return p.detail ?? p.title ?? err.message;
  }
  if (err instanceof Error) return err.message;
  return String(err);
}

/**
 * Puts the server's `errors[].field` onto the antd Form fields of the same name (dotted paths become
 * name paths: `choices.2` → ['choices', 2]). Returns true when at least one field was marked; otherwise
 * show `problemMessage(err)` yourself.
 */
export function applyFieldErrors(form: FormInstance, err: unknown): boolean {
  if (!(err instanceof ApiError) || !err.problem.errors?.length) return false;
  const byField = new Map<string, string[]>();
  for (const e of err.problem.errors) {
    const list = byField.get(e.field) ?? [];
    list.push(localized(e.message));
    byField.set(e.field, list);
  }
  // Only the fields this form has registered (getFieldsError lists exactly those).
  const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const fields = [...byField.entries()]
    .filter(([field]) => known.has(field))
    .map(([field, errors]) => ({
      name: field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      errors,
    }));
  if (!fields.length) return false;
  form.setFields(fields);
  return true;
}

/** Triggers a browser download of a binary endpoint (xlsx exports, files). */
export async function download(path: string, filename: string): Promise<void> {
  const res = await fetch(API_BASE + path, {
    credentials: 'same-origin',
    headers: { 'accept-language': currentLang() === 'en' ? 'en' : 'zh-CN' },
  });
  if (!res.ok) {
    const data = await res.json().catch(() => null);
    throw new ApiError(res.status, { status: res.status, code: 'error', ...(data ?? {}) });
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
