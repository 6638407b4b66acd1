// What a module registers with the platform: its routes, jobs, schedules, event subscriptions, churned
// tables and demo data. The platform gathers these from server/src/modules/index.ts without importing a module.
import type { FastifyInstance } from 'fastify';
import type { JobDefinition, Schedule } from './jobs';
import type { AppServices, Ctx, Work } from './context';
import type { WorkbenchItem } from '@minyi/domain';
import type { Subscription } from './events';
import type { FileReadCheck } from './files';
import type { DemoBase, DemoContext, DemoDistrict } from './demo-types';

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
  /**
   * What waits for the signed-in user in this module (GET /workbench): one item per kind of to-do, counted for
   * the actor's roles, with zero counts left out. One read, in the module's `queries/get-workbench.ts`.
   */
  workbench?: (ctx: Ctx) => Promise<WorkbenchItem[]>;
  /**
   * Lays out the demo district (the registry's records) in the demo loader's transaction, after the congress
   * rows and before the demo accounts, and says what it laid out (platform/demo.ts). One module has it.
   */
  seedDemoDistrict?: (app: AppServices, w: Work, base: DemoBase) => Promise<DemoDistrict>;
  /** Adds this module's part of the demo district, after the district is laid out and the accounts made. */
  seedDemo?: (app: AppServices, demo: DemoContext) => Promise<void>;
}
