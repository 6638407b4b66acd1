// The demo district with the registered modules: the platform's loader (platform/demo.ts) given the module
// list, as app.ts gives it the routes. `npm run seed:demo`, the server's start and the tests load it here.
import type { AppServices } from './platform/context';
import { loadDemo as loadDemoWith, type DemoSummary } from './platform/demo';
import { modules } from './modules';

export { DEMO_ACCOUNTS, DEMO_MARKER, DEMO_PASSWORD, isDemoLoaded, mulberry32 } from './platform/demo';
export type { DemoAccount, DemoContext, DemoSummary } from './platform/demo';

/** Loads the demo district (refused in production). */
export const loadDemo = (app: AppServices): Promise<DemoSummary> => loadDemoWith(app, modules);
