// /healthz (the process is up), /readyz (database reachable and migrated) and /metrics (Prometheus, only
// with `Authorization: Bearer <MINYI_METRICS_TOKEN>`; without that setting it does not exist).
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import client from 'prom-client';
import { isMigrated } from '../db/migrate';
import { safeEqual } from './crypto';
import { AppError, unauthorized } from './errors';
import { sendProblem } from './http';

export async function healthRoutes(app: FastifyInstance) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const httpDuration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    httpDuration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unknown', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  let migrated = false;
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await app.services.db.execute(sql`SELECT 1`);
      migrated ||= await isMigrated(app.services.database);
      if (!migrated) return reply.code(503).send({ status: 'migrating' });
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'database unavailable' });
    }
  });
  // Per-route traffic (ballots during a vote included) is for the operator's scraper, not the public.
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    const token = app.services.config.metricsToken;
    if (!token) {
      return sendProblem(
        req,
        reply,
        new AppError(404, 'not_found', { zh: '没有这个地址', en: 'No such route' }),
      );
    }
    const given = req.headers.authorization;
    if (
      typeof given !== 'string' ||
      !given.startsWith('Bearer ') ||
      !safeEqual(given.slice(7).trim(), token)
    ) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      return sendProblem(
        req,
        reply,
        unauthorized('invalid_token', {
          zh: '需要监控令牌（Authorization: Bearer）',
          en: 'The metrics token is required (Authorization: Bearer)',
        }),
      );
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}

// Not encapsulated (what fastify-plugin does): the duration hook must see every route, the API's
// included, not only the three registered here.
(healthRoutes as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
