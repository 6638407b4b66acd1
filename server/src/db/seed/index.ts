// Moved: the demo district is loaded by server/src/demo.ts (the platform's loader in platform/demo.ts, the
// registry's district in modules/registry/registry.demo.ts). This re-export remains only for the callers not
// yet switched (livelihood.seed.test.ts); delete it once they import '../../demo'.
export { DEMO_MARKER, DEMO_PASSWORD, isDemoLoaded, loadDemo, mulberry32 } from '../../demo';
export type { DemoAccount, DemoSummary } from '../../demo';
