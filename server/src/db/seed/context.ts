// Moved to platform/demo.ts. This re-export remains only for the modules' demo files not yet switched
// (opinions, suggestions, livelihood); delete it once they import DemoContext from '../../platform/demo'.
export type { DemoContext } from '../../platform/demo';
