// Types of eslint.boundaries.js, for the test that checks the repository against it.
import type { ESLint } from 'eslint';

/** Why importing `specifier` from `file` (an absolute path) crosses a boundary, or null. */
export function violation(file: string, specifier: string): string | null;

declare const plugin: ESLint.Plugin;
export default plugin;
