// What a module registers with the platform: its routes, jobs, schedules, event subscriptions, churned
// tables and demo data. The platform gathers these from server/src/modules/index.ts without importing a module.
import type { FastifyInstance } from 'fastify';
import type { JobDefinition, Schedule } from './jobs';
import type { AppServices } from './context';
import type { Subscription } from './events';
import type { FileReadCheck } from './files';
import type { DemoContext } from '../db/seed/context';

export interface Module {
  name: string;
  routes: (app: FastifyInstance) => Promise<void>;
  jobs?: JobDefinition<any>[];
  schedules?: Schedule[];
  /** Reactions to other modules' events, each run after their commit as a job of its own (see events.ts). */
  subscriptions?: Subscription<any>[];
  /** Tables whose rows are updated or deleted all day, vacuumed by the platform where autovacuum does not run. */
  churnedTables?: string[];
  /** Who may read the files of each purpose this module attaches to its records (GET /files/:id). */
  fileReaders?: Record<string, FileReadCheck>;
  /** Adds this module's part of the demo district, after the registry's. */
  seedDemo?: (app: AppServices, demo: DemoContext) => Promise<void>;
}
