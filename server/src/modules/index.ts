// The modules of the platform, in registration order. Each is a Fastify plugin under /api/v1 plus
// its jobs and schedules; modules talk to each other only through each other's index.ts.
import type { Module } from '../platform/module';
import { registryModule } from './registry';
import { opinionsModule } from './opinions';
import { suggestionsModule } from './suggestions';
import { ballotsModule } from './ballots';
import { livelihoodModule } from './livelihood';
import { meetingsModule } from './meetings';
import { budgetModule } from './budget';
import { activitiesModule } from './activities';
import { electionsModule } from './elections';

export const modules: Module[] = [
  registryModule,
  opinionsModule,
  ballotsModule,
  livelihoodModule,
  suggestionsModule,
  meetingsModule,
  budgetModule,
  activitiesModule,
  electionsModule,
];
