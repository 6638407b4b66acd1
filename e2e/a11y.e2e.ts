// Accessibility journey (issue 23): axe-core on the main pages of every main role (the public and a citizen,
// a deputy, congress staff, a handling unit, a leader), at 375 px and 1280 px, in Chinese and English. Any
// `serious` or `critical` violation fails; no axe rule is disabled. The app's CSP forbids inline scripts, so the
// context bypasses CSP to inject axe (the app itself is unchanged).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { login, shot, useJourney, type Lang } from './lib';

const journey = useJourney();

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

afterAll(() => {
  if (process.env.A11Y_SERVER_LOG) console.log(journey.server.output().slice(-5000));
});

const WIDTHS = [375, 1280] as const;
const LANGS: Lang[] = ['zh-CN', 'en'];
/** A11Y_ONLY=activit,campaign: only the pages whose path contains one of these words (while working on them). */
const ONLY = process.env.A11Y_ONLY?.split(',').filter(Boolean) ?? [];
const chosen = (paths: string[]) =>
  ONLY.length ? paths.filter((p) => ONLY.some((w) => p.includes(w))) : paths;

const newPage = (lang: Lang) => journey.newPage(1280, 860, lang, { bypassCSP: true });

interface AxeNode {
  target: string[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/** Runs axe on the current page and returns its serious and critical violations, one line each. */
async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> };
    };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id} (${v.help}): ${v.nodes
          .slice(0, 4)
          .map((n) => n.target.join(' '))
          .join(
            ' | ',
          )}${v.nodes.length > 4 ? ` … +${v.nodes.length - 4}` : ''} — ${(v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)}`,
    );
}

/** Opens a page and waits until the app has rendered it (no spinner, the requests answered). */
async function open(page: Page, path: string): Promise<void> {
  try {
    await page.goto(`${journey.server.url}${path}`);
  } catch (err) {
    throw new Error(`${String(err)}\nserver output:\n${journey.server.output().slice(-3000)}`, {
      cause: err,
    });
  }
  await page.locator('main, .ant-layout-content').first().waitFor();
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForTimeout(200);
}

/**
 * Fills a path's placeholders from the demo, as the signed-in page's own requests would list them: `{closedVote}`
 * the demo's closed vote, `{deputy}` a deputy of the public list, `{activity}` the first activity the role sees,
 * `{campaign}` the activity month, `{visitsCampaign}` the enterprise-visit campaign and `{budget}` the first budget
 * year the role sees.
 */
async function resolvePaths(page: Page, paths: string[]): Promise<string[]> {
  const get = async (path: string) => {
    const res = await page.request.get(`${journey.server.url}/api/v1${path}`);
    expect(res.status(), path).toBe(200);
    return (await res.json()) as { items: { id: string; kind?: string }[] };
  };
  const found: Record<string, () => Promise<string>> = {
    closedVote: async () => (await get('/public/project-votes')).items[0].id,
    deputy: async () => (await get('/public/deputies')).items[0].id,
    activity: async () => (await get('/activities')).items[0].id,
    campaign: async () => (await get('/campaigns')).items.find((c) => c.kind === 'activityMonth')!.id,
    visitsCampaign: async () =>
      (await get('/campaigns')).items.find((c) => c.kind === 'enterpriseVisits')!.id,
    budget: async () => (await get('/budgets')).items[0].id,
  };
  const out: string[] = [];
  for (const p of paths) {
    let path = p;
    for (const name of p.match(/\{(\w+)\}/g) ?? []) {
      const key = name.slice(1, -1);
      const id = await found[key]();
      expect(id, `the demo has a ${key}`).toBeTruthy();
      path = path.replace(name, id);
    }
    out.push(path);
  }
  return out;
}

/** Checks every page at both widths for one role and language; returns the failures found. */
async function checkPages(page: Page, role: string, lang: Lang, paths: string[]): Promise<string[]> {
  const failures: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width < 600 ? 800 : 860 });
    for (const path of paths) {
      await open(page, path);
      const found = await axe(page);
      // axe rates a page without an h1 only "moderate": we want exactly one on every page (its title).
      const h1s = await page.locator('h1').count();
      if (h1s !== 1) found.push(`page title: ${h1s} h1 elements, one wanted`);
      if (found.length > 0) {
        await shot(page, `a11y-${role}-${lang}-${width}-${path.replace(/[^a-z0-9]+/gi, '_')}`);
        for (const f of found) failures.push(`[${role} ${lang} ${width}px ${path}] ${f}`);
      }
    }
  }
  return failures;
}

const ROLES: { role: string; username?: string; paths: string[] }[] = [
  {
    role: 'public',
    paths: [
      '/',
      '/login',
      '/opinions/new',
      '/opinions/track',
      '/elections/registration-check',
      '/livelihood/projects',
      '/suggestion-replies',
      // The published rules, the resolutions and today's office-holders (issue 17).
      '/procedural-rules',
      // The demo's closed vote (its id is made at load): its results and its public bulletin.
      '/livelihood/votes/{closedVote}/results',
      '/livelihood/votes/{closedVote}/bulletin',
      // A deputy's public record (代表履职档案, issue 20).
      '/deputies/{deputy}/record',
    ],
  },
  { role: 'citizen', username: 'citizen', paths: ['/', '/opinions/new', '/inbox', '/account'] },
  {
    role: 'deputy',
    username: 'deputy',
    paths: [
      '/workbench',
      '/suggestions/mine',
      '/suggestions/new',
      '/livelihood/votes',
      '/receptions',
      '/inbox',
      '/activities',
      '/activities/{activity}',
      '/campaigns/{visitsCampaign}/visits',
      '/pledges',
      '/budgets/{budget}/area',
    ],
  },
  {
    role: 'staff',
    username: 'staff',
    paths: [
      '/workbench',
      '/opinions/workbench',
      '/registry/deputies',
      '/registry/handling-units',
      '/registry/liaison-places',
      '/registry/jurisdictions',
      '/registry/terms',
      '/registry/committees',
      '/suggestions',
      '/livelihood/candidates',
      '/opinions/routes',
      '/opinions/blocks',
      '/admin/calendar',
      '/meetings',
      '/office-holders',
      '/rules-register',
      '/budgets',
      '/budget-inquiries',
      '/budget-audit-findings',
      '/activities',
      '/activities/{activity}',
      '/campaigns',
      '/campaigns/{campaign}',
      '/campaigns/{visitsCampaign}',
      '/deputy-rankings',
      '/appointments',
      '/oversight-reports',
      '/elections',
    ],
  },
  {
    role: 'unit',
    username: 'unit',
    paths: [
      '/workbench',
      '/opinions/workbench',
      '/suggestions',
      '/livelihood/projects',
      '/budget-audit-findings',
    ],
  },
  { role: 'finance', username: 'finance', paths: ['/budget-inquiries', '/budgets'] },
  {
    role: 'leader',
    username: 'leader',
    paths: [
      '/workbench',
      '/opinions/report',
      '/opinions/statistics',
      '/suggestions/report',
      '/suggestions/key',
      '/meetings',
      '/office-holders',
      '/budgets',
      '/appointments',
      '/oversight-reports',
    ],
  },
  { role: 'member', username: 'member', paths: ['/meetings/votes', '/meetings'] },
];

describe('accessibility (axe-core): no serious or critical violation', () => {
  for (const { role, username, paths } of ROLES.filter((r) => chosen(r.paths).length > 0)) {
    for (const lang of LANGS) {
      test(`${role}, ${lang}`, { timeout: 300_000 }, async () => {
        const page = await newPage(lang);
        if (username) await login(page, journey.server.url, username);
        const failures = await checkPages(page, role, lang, await resolvePaths(page, chosen(paths)));
        expect(failures, failures.join('\n')).toEqual([]);
      });
    }
  }
});

describe('the sider menu at 1280 × 800', () => {
  test('its last entry scrolls clear of the collapse bar and can be clicked', async () => {
    const page = await newPage('zh-CN');
    await page.setViewportSize({ width: 1280, height: 800 });
    await login(page, journey.server.url, 'staff');
    await open(page, '/suggestions');
    const last = page.locator('[data-testid="nav-menu"] > li').last();
    await last.scrollIntoViewIfNeeded();
    const clear = await last.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const bar = document.querySelector('.ant-layout-sider-trigger')!.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return r.bottom <= bar.top + 1 && !!hit && el.contains(hit);
    });
    await shot(page, 'a11y-sider-1280x800');
    expect(clear).toBe(true);
  });
});
