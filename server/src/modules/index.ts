// The modules of the platform, in registration order. Each is a Fastify plugin under /api/v1 plus
// its jobs and schedules; modules talk to each other only through each other's index.ts.
import type { FastifyInstance } from 'fastify';
import type { JobDefinition, Schedule } from '../platform/jobs';
import type { AppServices } from '../platform/context';
import type { FileReadCheck } from '../platform/files';
import type { DemoContext } from '../db/seed/context';
import { registryModule } from './registry';
import { opinionsModule } from './opinions';
import { suggestionsModule } from './suggestions';
import { livelihoodModule } from './livelihood';

export interface Module {
  name: string;
  routes: (app: FastifyInstance) => Promise<void>;
  jobs?: JobDefinition<any>[];
  schedules?: Schedule[];
  /** Tables whose rows are updated or deleted all day, vacuumed by the platform where autovacuum does not run. */
  churnedTables?: string[];
  /** Who may read the files of each purpose this module attaches to its records (GET /files/:id). */
  fileReaders?: Record<string, FileReadCheck>;
  /** Adds this module's part of the demo district, after the registry's. */
  seedDemo?: (app: AppServices, demo: DemoContext) => Promise<void>;
}

export const modules: Module[] = [registryModule, opinionsModule, livelihoodModule, suggestionsModule];
