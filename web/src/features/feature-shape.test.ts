// One feature shape for the web app (issue 15 point 7, CONTRIBUTING "The web app has the same discipline"):
// every folder under web/src/features has index.tsx (the Feature), i18n.ts (its words) and api.ts (its
// endpoints), and api.ts is the only file of a feature that knows a URL of the API: no other file imports
// `api`, `download` or `API_BASE` from ../../api, calls `api.get/post/...`, or hands a literal '/path' to
// useResource, usePagedList or download.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const FEATURES = dirname(fileURLToPath(import.meta.url));

/**
 * Features still calling the HTTP layer from their pages (issue 15 point 7). All are converted: keep it empty;
 * a feature named here is exempt from the URL check and from needing api.ts, so only add one while moving it.
 */
const NOT_YET = new Set<string>([]);

const REQUIRED = ['index.tsx', 'i18n.ts', 'api.ts'];

/** The names of ../../api that carry a URL: only a feature's api.ts may import them. */
const HTTP_NAMES = new Set(['api', 'download', 'API_BASE']);

const HTTP_CALL = /\bapi\s*\.\s*(get|post|put|patch|delete|upload)\s*[<(]/;
const PATH_LITERAL = /['"`]\//;

/** The argument text of each call to `name` (after an optional `<...>` type argument), brackets balanced. */
function callArguments(source: string, name: string): string[] {
  const found: string[] = [];
  const re = new RegExp(`\\b${name}\\b`, 'g');
  for (let m = re.exec(source); m; m = re.exec(source)) {
    let i = m.index + m[0].length;
    while (/\s/.test(source[i] ?? '')) i++;
    if (source[i] === '<') {
      let depth = 0;
      for (; i < source.length; i++) {
        if (source[i] === '<') depth++;
        else if (source[i] === '>' && source[i - 1] !== '=' && --depth === 0) break;
      }
      i++;
      while (/\s/.test(source[i] ?? '')) i++;
    }
    if (source[i] !== '(') continue;
    let depth = 0;
    const start = i;
    for (; i < source.length; i++) {
      if (source[i] === '(') depth++;
      else if (source[i] === ')' && --depth === 0) break;
    }
    found.push(source.slice(start + 1, i));
  }
  return found;
}

/** What in `source` (a feature file other than api.ts) knows an API URL. */
export function apiUrlProblems(source: string): string[] {
  const problems: string[] = [];
  for (const m of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"](?:\.\.\/)+api['"]/g)) {
    for (const spec of m[1].split(',')) {
      const name = spec
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0];
      if (HTTP_NAMES.has(name)) problems.push(`imports ${name} from the HTTP layer`);
    }
  }
  if (HTTP_CALL.test(source)) problems.push('calls api.<method>(…)');
  for (const hook of ['useResource', 'usePagedList', 'download']) {
    for (const args of callArguments(source, hook)) {
      if (PATH_LITERAL.test(args))
        problems.push(`${hook}(…) with an inline path: ${args.trim().slice(0, 60)}`);
    }
  }
  return problems;
}

const features = readdirSync(FEATURES).filter((f) => statSync(join(FEATURES, f)).isDirectory());

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sourceFiles(p).map((x) => join(f, x));
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [f] : [];
  });
}

describe('every web feature has one shape', () => {
  it('finds the features', () => {
    expect(features).toEqual(expect.arrayContaining(['opinions', 'registry', 'suggestions', 'home']));
    for (const f of NOT_YET) expect(features, `NOT_YET names a folder that is gone: ${f}`).toContain(f);
  });

  it.each(features)('%s has index.tsx, i18n.ts and api.ts', (feature) => {
    const files = readdirSync(join(FEATURES, feature));
    const required = NOT_YET.has(feature) ? REQUIRED.filter((f) => f !== 'api.ts') : REQUIRED;
    expect(required.filter((f) => !files.includes(f))).toEqual([]);
  });

  it.each(features.filter((f) => !NOT_YET.has(f)))('%s: only api.ts knows an API URL', (feature) => {
    const problems = sourceFiles(join(FEATURES, feature))
      .filter((f) => f !== 'api.ts')
      .flatMap((f) =>
        apiUrlProblems(readFileSync(join(FEATURES, feature, f), 'utf8')).map((p) => `${feature}/${f}: ${p}`),
      );
    expect(problems).toEqual([]);
  });
});

describe('the URL check itself', () => {
  it('finds each way a page can know a URL', () => {
    const page = [
      "import { api, applyFieldErrors, type Abilities } from '../../api';",
      "import { download as save } from '../../api';",
      'const a = useResource<{ items: { id: string }[] }>(',
      '  open ? `/opinions/${id}` : null,',
      ');',
      "const b = usePagedList<Row>('/deputies', { q }, 50);",
      'await api',
      '  .post(`/opinions/${id}/claim`, {});',
      "void save('/x.xlsx', 'x.xlsx'); download(`/files/${f}`, name);",
    ].join('\n');
    expect(apiUrlProblems(page)).toEqual([
      'imports api from the HTTP layer',
      'imports download from the HTTP layer',
      'calls api.<method>(…)',
      'useResource(…) with an inline path: open ? `/opinions/${id}` : null,',
      "usePagedList(…) with an inline path: '/deputies', { q }, 50",
      'download(…) with an inline path: `/files/${f}`, name',
    ]);
  });

  it('leaves router paths, links and calls through the feature api alone', () => {
    const page = [
      "import { applyFieldErrors, problemMessage, qs } from '../../api';",
      "import { claimOpinion, paths } from './api';",
      'const r = useResource<Opinion>(o ? paths.opinion(id) : null);',
      'const l = usePagedList<Row>(paths.deputies(), { q: q || undefined }, 50);',
      "{ path: '/opinions/new', element: <SubmitPage /> }",
      "<Link to={`/opinions/item/${o.id}`}>x</Link>; void navigate('/account');",
      'await claimOpinion(id);',
    ].join('\n');
    expect(apiUrlProblems(page)).toEqual([]);
  });
});
