// The module boundaries are enforced by `npm run lint` (eslint.boundaries.js): a planted cross-module import
// fails the real lint configuration, and the repository as it stands has none.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { violation } from '../../eslint.boundaries.js';

const root = path.resolve(import.meta.dirname, '../..');
const at = (p: string) => path.join(root, p);

/** The boundary errors ESLint (the repository's config) reports for `code` placed at `file`. */
async function boundaryErrors(file: string, code: string) {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: at(file) });
  return result.messages.filter((m) => m.ruleId === 'minyi/boundaries').map((m) => m.message);
}

// Real files, so the type-aware configuration knows them; the text linted is the planted snippet.
const LIVELIHOOD_FILE = 'server/src/modules/livelihood/commands/record-inspection.ts';
const PLATFORM_FILE = 'server/src/platform/ids.ts';
const DB_FILE = 'server/src/db/client.ts';

describe('module boundaries (npm run lint)', () => {
  it("fails on a module importing another module's internals", async () => {
    const errors = await boundaryErrors(
      LIVELIHOOD_FILE,
      "import { opinions } from '../../opinions/opinions.table';\nexport const t = opinions;\n",
    );
    expect(errors).toEqual([expect.stringContaining('only through its index.ts')]);
  }, 120_000);

  it("passes a module importing another module's index.ts or its events file", async () => {
    const errors = await boundaryErrors(
      LIVELIHOOD_FILE,
      "import { getStreet } from '../../registry';\nimport { opinionSubmitted } from '../../opinions/opinions.events';\nexport const x = [getStreet, opinionSubmitted];\n",
    );
    expect(errors).toEqual([]);
  }, 120_000);

  it('fails on a module importing the module list, the platform importing a module, and db importing upward', async () => {
    expect(
      await boundaryErrors('server/src/modules/livelihood/index.ts', "export { modules } from '..';\n"),
    ).toEqual([expect.stringContaining('module list')]);
    expect(await boundaryErrors(PLATFORM_FILE, "export { getStreet } from '../modules/registry';\n")).toEqual(
      [expect.stringContaining('the platform imports no module')],
    );
    expect(await boundaryErrors(DB_FILE, "export { newId } from '../platform/ids';\n")).toEqual([
      expect.stringContaining('the database layer'),
    ]);
  }, 120_000);

  it('holds for every import in server/src as it stands', () => {
    const files = (readdirSync(at('server/src'), { recursive: true }) as string[])
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => at(path.join('server/src', f)));
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        const why = violation(file, m[1]);
        if (why) found.push(`${path.relative(root, file)}: ${m[1]} (${why})`);
      }
    }
    expect(files.length).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });
});
