import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Browser journeys: one real server per file, files one after another (2 shared cores).
export default defineConfig({
  root: path.resolve(import.meta.dirname, '..'),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    pool: 'forks',
    reporters: ['default'],
  },
});
