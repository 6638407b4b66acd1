// Platform screens' API: accounts and roles (三员分立), the audit trail, the calendar, the inbox, files,
// module settings; and, in bench mode only, the benchmark baselines.
import type { FastifyInstance } from 'fastify';
import { accountRoutes } from './admin/accounts.routes';
import { auditRoutes } from './admin/audit.routes';
import { calendarRoutes } from './admin/calendar.routes';
import { notificationRoutes } from './admin/notifications.routes';
import { fileRoutes } from './admin/files.routes';
import { settingsRoutes } from './admin/settings.routes';
import { benchRoutes } from './admin/bench.routes';

export async function platformRoutes(app: FastifyInstance) {
  await app.register(accountRoutes);
  await app.register(auditRoutes);
  await app.register(calendarRoutes);
  await app.register(notificationRoutes);
  await app.register(fileRoutes);
  await app.register(settingsRoutes);
  if (app.services.config.bench) await app.register(benchRoutes);
}
