// Platform screens' API: accounts and roles (三员分立), the audit trail, the calendar, the inbox, files.
import type { FastifyInstance } from 'fastify';

export async function platformRoutes(_app: FastifyInstance) {}
