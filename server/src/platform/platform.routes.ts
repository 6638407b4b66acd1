// Platform screens' API: accounts and roles (三员分立), the audit trail, the calendar, the inbox, files,
// settings; and, in bench mode only, the benchmark baselines.
import type { FastifyInstance } from 'fastify';
import { benchRoutes } from './admin/bench.routes';

export async function platformRoutes(app: FastifyInstance) {
  if (app.services.config.bench) await app.register(benchRoutes);
}
