// The request log without secrets: tracking and receipt codes, tokens, phone numbers, passwords and TOTP codes
// are masked in logged URLs, headers, bodies and error messages (issue 22 item 13).
import type { FastifyServerOptions } from 'fastify';

const MASK = '***';

/** Query parameters whose value is a secret or personal data, by name (case-insensitive). */
const SECRET_QUERY = /phone|token|code|password|passwd|secret|totp|otp|receipt|idnumber|idcard|key|sid|csrf/i;

/** Path segments that are secrets: the segment after each of these (`/opinions/track/{code}`). */
const SECRET_AFTER_SEGMENT = new Set(['track', 'receipts', 'tokens']);

/** A URL as it may be logged: secret path segments and secret query values replaced by `***`. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const pathPart = q < 0 ? url : url.slice(0, q);
  const segments = pathPart.split('/');
  for (let i = 1; i < segments.length; i++) {
    if (SECRET_AFTER_SEGMENT.has(segments[i - 1]) && segments[i]) segments[i] = MASK;
  }
  let out = segments.join('/');
  if (q >= 0) {
    const query = url
      .slice(q + 1)
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq < 0) return pair;
        let name = pair.slice(0, eq);
        try {
          name = decodeURIComponent(name);
        } catch {
          /* keep it as sent */
        }
        return SECRET_QUERY.test(name) ? `${pair.slice(0, eq)}=${MASK}` : pair;
      })
      .join('&');
    out += `?${query}`;
  }
  return out;
}

/** Drizzle puts a failed statement's parameters (a phone, a code) into the error's message: drop them. */
const withoutParams = (text: unknown): string =>
  typeof text === 'string' ? text.replace(/\nparams: [\s\S]*$/, '\nparams: [redacted]') : '';

interface LoggedRequest {
  method: string;
  url: string;
  hostname?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Keys masked wherever they appear in a logged object, one level deep and in request bodies. */
const SECRET_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'phone',
  'phoneLast4',
  'trackingCode',
  'receiptCode',
  // A secret ballot's receipt, its ciphertexts and proofs, a teller's share (issue 21).
  'receipt',
  'ciphertexts',
  'proofs',
  'sumProof',
  'share',
  // Not `code`: errors carry theirs (ECONNREFUSED, 23505), which the log needs.
  'token',
  'totp',
  'totpCode',
  'secret',
];

/** The pino options of the app's logger; `stream` (tests) receives the lines instead of stdout. */
export function loggerOptions(
  level: string,
  stream?: { write(line: string): void },
): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        'sms.text',
        // A body's `code` is a TOTP code (an error's `code` stays).
        'body.code',
        'req.body.code',
        ...SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `body.${k}`, `req.body.${k}`]),
      ],
      censor: MASK,
    },
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: redactUrl(req.url),
        host: req.hostname,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
      err: (err: Error & { code?: string; statusCode?: number; cause?: unknown }) => ({
        type: err?.constructor?.name ?? 'Error',
        message: withoutParams(err?.message),
        stack: withoutParams(err?.stack),
        code: err?.code,
        statusCode: err?.statusCode,
        cause:
          err?.cause instanceof Error
            ? { message: withoutParams(err.cause.message), code: (err.cause as { code?: string }).code }
            : undefined,
      }),
    },
  };
}

interface LogLine {
  level: number;
  time: number;
  msg?: string;
  reqId?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { message?: string };
  [key: string]: unknown;
}

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

/**
 * The log as a person reads it in development: one short line per request when it completes
 * (`15:38:09 GET /api/v1/workbench 200 12 ms`), the arrival lines left out, other messages with their level.
 * Production keeps pino's JSON lines (`MINYI_LOG_FORMAT=json` keeps them in development too). Every line
 * passes through the same redaction first: this only changes how a line looks.
 */
export function readableLogStream(out: { write(text: string): unknown } = process.stdout) {
  // The completion line carries the request id, not the request: its method and URL come from the arrival.
  const pending = new Map<string, string>();
  return {
    write(line: string) {
      let l: LogLine;
      try {
        l = JSON.parse(line) as LogLine;
      } catch {
        out.write(line);
        return;
      }
      if (l.msg === 'incoming request') {
        if (l.reqId && l.req) {
          if (pending.size > 1000) pending.clear();
          pending.set(l.reqId, `${l.req.method} ${l.req.url}`);
        }
        return;
      }
      const time = new Date(l.time).toISOString().slice(11, 19);
      const level = LEVELS[l.level] ?? String(l.level);
      if (l.msg === 'request completed' && l.res) {
        const what = (l.reqId && pending.get(l.reqId)) || '';
        if (l.reqId) pending.delete(l.reqId);
        const ms = typeof l.responseTime === 'number' ? ` ${Math.round(l.responseTime)} ms` : '';
        out.write(`${time} ${what} ${l.res.statusCode}${ms}\n`);
        return;
      }
      const err = l.err?.message ? ` — ${l.err.message}` : '';
      out.write(`${time} ${level.padEnd(5)} ${l.msg ?? ''}${err}\n`);
    },
  };
}
