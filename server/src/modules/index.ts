// The modules of the platform, in registration order. Each is a Fastify plugin under /api/v1 plus
// its jobs and schedules; modules talk to each other only through each other's index.ts.
import type { FastifyInstance } from 'fastify';
import type { JobDefinition, Schedule } from '../platform/jobs';

export interface Module {
  name: string;
  routes: (app: FastifyInstance) => Promise<void>;
  jobs?: JobDefinition<any>[];
  schedules?: Schedule[];
}

export const modules: Module[] = [];
