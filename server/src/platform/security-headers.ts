// Security headers on every response (issue 22, item 10): a CSP without inline script, no framing, no
// MIME sniffing, referrers kept on the site, and HSTS when the public address is https. Set by hand rather
// than with @fastify/helmet: a handful of fixed headers do not need a dependency.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';

/**
 * The app, its chunks and the API are all same-origin. Ant Design writes its styles at run time (style-src
 * 'unsafe-inline'); images may be data: (TOTP QR codes) or blob: (photo previews). No inline script anywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(config: Pick<Config, 'publicUrl'>): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    // Tracking pages carry codes in their URLs: other sites never see them.
    'referrer-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
    ...(config.publicUrl.startsWith('https:')
      ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' }
      : {}),
  };
}

export function installSecurityHeaders(app: FastifyInstance, config: Pick<Config, 'publicUrl'>) {
  const headers = securityHeaders(config);
  app.addHook('onSend', async (_req, reply) => {
    for (const [name, value] of Object.entries(headers)) {
      if (!reply.hasHeader(name)) reply.header(name, value);
    }
  });
}
