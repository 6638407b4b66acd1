// Each working role's work home (我的工作台, issue 23 point 5): signing in lands there, it lists what waits for
// the user across the modules with counts and deadlines, each card opens its list with the filter preset, and
// the public portal is one click away. Every demo role at 1280 px in Chinese and at 375 px in English.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { login, shot, useJourney, type Lang } from './lib';

const journey = useJourney();

const newPage = (width: number, lang: Lang) => journey.newPage(width, width < 600 ? 812 : 860, lang);

const noHorizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

/** The card each role opens, and where it must land with which filter. */
const ROLES = [
  {
    username: 'staff',
    card: 'workbench-opinions-toClaim',
    lands: /\/opinions\/workbench\?status=submitted$/,
  },
  { username: 'unit', card: 'workbench-suggestions-toReply', lands: /\/suggestions$/ },
  { username: 'deputy', card: 'workbench-livelihood-toVote', lands: /\/livelihood\/votes\/[0-9a-f-]{36}$/ },
  {
    username: 'liaison',
    card: 'workbench-opinions-toClaim',
    lands: /\/opinions\/workbench\?status=submitted$/,
  },
  { username: 'leader', card: 'workbench-opinions-atUnitsDue', lands: /\/opinions\/workbench\?due=/ },
] as const;

describe('the work home', () => {
  for (const { username, card, lands } of ROLES) {
    test(`${username}: lands on the work home, sees the to-dos with counts, opens one`, async () => {
      const page = await newPage(1280, 'zh-CN');
      await login(page, journey.server.url, username);
      await page.waitForURL((u) => u.pathname === '/workbench');
      await page.getByRole('heading', { name: '我的工作台' }).first().waitFor();
      const target = page.getByTestId(card);
      await target.waitFor();
      const cards = page.locator('[data-testid^="workbench-"][href]');
      expect(await cards.count()).toBeGreaterThan(0);
      expect(Number((await target.locator('.ant-badge').innerText()).trim())).toBeGreaterThan(0);
      // The menu has the work home; the portal is one click away.
      await page.getByTestId('nav-menu').getByText('我的工作台').first().waitFor();
      await page.getByRole('link', { name: '前往公众门户' }).waitFor();
      await shot(page, `workbench-${username}-1280`);
      // The list opens with the filter preset from the link (the queue asks for that status).
      const listed =
        username === 'staff'
          ? page.waitForResponse((r) => /\/api\/v1\/opinions\?.*status=submitted/.test(r.url()))
          : null;
      await target.click();
      await page.waitForURL(lands);
      if (listed) expect((await listed).status()).toBe(200);

      const phone = await newPage(375, 'en');
      await login(phone, journey.server.url, username);
      await phone.waitForURL((u) => u.pathname === '/workbench');
      await phone.getByRole('heading', { name: 'My work' }).first().waitFor();
      await phone.getByTestId(card).waitFor();
      expect(await noHorizontalOverflow(phone)).toBe(true);
      await shot(phone, `workbench-${username}-375-en`);
    });
  }

  test('a deputy returns to the page they were going to, not the work home', async () => {
    const page = await newPage(1280, 'zh-CN');
    await page.goto(`${journey.server.url}/login?next=${encodeURIComponent('/suggestions/mine')}`);
    await page.getByTestId('login-username').fill('deputy');
    await page.getByTestId('login-password').fill('minyi-demo');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => u.pathname === '/suggestions/mine');
  });
});
