// Builds the Fastify app from a Config and a Database: platform plugins, then every module under /api/v1.
import path from 'node:path';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database } from './db/client';
import type { AppServices } from './platform/context';
import { installErrorHandling, installIdempotency, installInputHygiene, sendProblem } from './platform/http';
import { loggerOptions } from './platform/logging';
import { openapiOptions } from './platform/openapi';
import { installAuthentication } from './platform/auth/session';
import { authRoutes } from './platform/auth/auth.routes';
import { healthRoutes } from './platform/health';
import { installSecurityHeaders } from './platform/security-headers';
import { createPii } from './platform/pii';
import { createJobQueue } from './platform/jobs';
import { EventBus } from './platform/events';
import { createFileStorage } from './platform/files';
import {
  createNotifier,
  dailyDigestJob,
  deliverNotificationsJob,
  sendSmsJob,
} from './platform/notifications';
import { createCalendar } from './platform/calendar';
import { AppError } from './platform/errors';
import {
  PLATFORM_CHURNED_TABLES,
  backupJob,
  platformJobs,
  platformSchedules,
  vacuumJob,
} from './platform/platform.jobs';
import { platformRoutes } from './platform/platform.routes';
import { shareSessionForgets } from './platform/instances';
import { workbenchRoutes } from './platform/workbench';
import { modules } from './modules';
import { newId } from './platform/ids';

export async function buildApp(
  config: Config,
  database: Database,
  /** Where the log goes instead of stdout (tests read it). */
  logStream?: { write(line: string): void },
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, logStream),
    bodyLimit: config.bodyLimitBytes,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,100}$/.test(given) ? given : newId();
    },
    // X-Forwarded-* only from the configured proxies: anyone else could forge the client's address.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const log = (msg: string, err?: unknown) => app.log.error({ err }, msg);
  const jobs = createJobQueue(() => services, config.jobPollMs, log);
  const services: AppServices = {
    config,
    database,
    db: database.db,
    pii: createPii(config.keys),
    jobs,
    events: new EventBus(),
    files: createFileStorage(path.join(config.dataDir ?? path.join(config.rootDir, 'data'), 'files')),
    notifier: createNotifier(config, (obj, msg) => app.log.info(obj, msg)),
    calendar: createCalendar(() => database.db),
  };
  app.decorate('services', services);
  const churned = [...PLATFORM_CHURNED_TABLES, ...modules.flatMap((m) => m.churnedTables ?? [])];
  for (const job of [
    deliverNotificationsJob,
    sendSmsJob,
    dailyDigestJob,
    vacuumJob(churned),
    ...platformJobs,
  ])
    jobs.register(job);
  for (const s of platformSchedules) jobs.schedule(s);
  if (config.backup.dir && config.backup.everyHours > 0)
    jobs.schedule({ job: backupJob.name, everyMs: config.backup.everyHours * 3_600_000 });
  for (const m of modules) {
    for (const job of m.jobs ?? []) jobs.register(job);
    for (const s of m.schedules ?? []) jobs.schedule(s);
    for (const [purpose, check] of Object.entries(m.fileReaders ?? {}))
      services.files.registerReader(purpose, check);
    for (const sub of m.subscriptions ?? []) jobs.register(services.events.subscribe(sub));
  }

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  installSecurityHeaders(app, config);
  installErrorHandling(app);
  installInputHygiene(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 10 * 1_048_576, files: 10 } });
  await app.register(swagger, openapiOptions());
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes);
  await app.register(
    async (api) => {
      installAuthentication(api);
      installIdempotency(api, () => services);
      await api.register(authRoutes);
      await api.register(platformRoutes);
      for (const m of modules) await api.register(m.routes);
      await api.register(workbenchRoutes(modules.flatMap((m) => (m.workbench ? [m.workbench] : []))));
    },
    { prefix: '/api/v1' },
  );

  if (config.webDist && existsSync(path.join(config.webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false });
  }
  app.setNotFoundHandler(async (req, reply) => {
    const isApi = req.url.startsWith('/api/');
    if (
      !isApi &&
      req.method === 'GET' &&
      config.webDist &&
      existsSync(path.join(config.webDist, 'index.html'))
    ) {
      return reply.sendFile('index.html');
    }
    return sendProblem(
      req,
      reply,
      new AppError(404, 'not_found', { zh: '没有这个地址', en: 'No such route' }),
    );
  });

  const stopSharing = shareSessionForgets(database, (msg, err) => app.log.warn({ err }, msg));
  app.addHook('onClose', async () => {
    await stopSharing();
    await jobs.stop();
  });
  return app;
}
