// Every feature of the web app, in menu order. Add yours with ONE import and ONE entry (see types.ts).
import type { Feature } from './types';
import { homeFeature } from './home';
import { registryFeature } from './registry';
import { opinionsFeature } from './opinions';
import { adminFeature } from './admin';
import { accountFeature } from './account';
import { livelihoodFeature } from './livelihood';
import { suggestionsFeature } from './suggestions';
import { meetingsFeature } from './meetings';
import { budgetFeature } from './budget';
import { activitiesFeature } from './activities';
import { electionsFeature } from './elections';

export const features: Feature[] = [
  homeFeature,
  opinionsFeature,
  registryFeature,
  livelihoodFeature,
  suggestionsFeature,
  meetingsFeature,
  budgetFeature,
  activitiesFeature,
  electionsFeature,
  adminFeature,
  accountFeature,
];
