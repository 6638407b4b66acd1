// Loads the demo district: deterministic, fictional, modelled on the Longgang report. Refused in production.
import type { AppServices } from '../../platform/context';

export interface DemoAccount {
  username: string;
  role: string;
}

export interface DemoSummary {
  congressId: string;
  accounts: DemoAccount[];
}

export const DEMO_PASSWORD = 'minyi-demo';

export async function isDemoLoaded(_app: AppServices): Promise<boolean> {
  return false;
}

export async function loadDemo(app: AppServices): Promise<DemoSummary> {
  if (app.config.env === 'production') throw new Error('The demo district is never loaded in production');
  throw new Error('demo seed not written yet');
}
