// Browser journey of the rules register (议事规则与工作制度, issue 17): anyone, without signing in, reads the
// congress's published rules on a 375 px phone in English and opens the standing committee's rules of procedure
// with its three versions (the latest adopted at last month's meeting); the internal document-handling rules are
// not listed; last month's resolution is shown with its result; the same list in Chinese at 1280 px.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, useJourney } from './lib';

const journey = useJourney();

const noHorizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

describe('rules register journey', () => {
  test('the public reads the published rules and one rule’s history at 375 px in English', async () => {
    const page = await journey.newPage(375, 800, 'en');
    await page.goto(`${journey.server.url}/procedural-rules`);
    await page.getByText('Rules of procedure and working rules').first().waitFor();
    const rules = page.getByTestId('public-rule');
    await rules.first().waitFor();
    expect(await rules.count()).toBe(6);
    expect(await page.getByText('东岭区人大常委会机关公文处理工作制度').count()).toBe(0);
    // Last month's closed meeting's resolution, with its result counted against all members.
    const resolution = page
      .getByTestId('public-resolution')
      .filter({ hasText: '关于加强区级预算审查监督的决定' });
    await resolution.waitFor();
    expect(await resolution.getByText('Passed').count()).toBe(1);
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'meetings-rules-1-list-375-en');
    await page.getByRole('link', { name: '东岭区人民代表大会常务委员会议事规则' }).click();
    await page.waitForURL(/\/procedural-rules\/[0-9a-f-]+$/);
    const versions = page.getByTestId('rule-version');
    await versions.first().waitFor();
    expect(await versions.count()).toBe(3);
    expect(await versions.first().getByText('In force').count()).toBe(1);
    expect(await versions.first().getByText('区第七届人大常委会第十一次会议').count()).toBe(1);
    expect(await page.getByText('Superseded').count()).toBe(2);
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'meetings-rules-2-rule-375-en');
  });

  test('the same list in Chinese at 1280 px', async () => {
    const page = await journey.newPage(1280, 860, 'zh-CN');
    await page.goto(`${journey.server.url}/procedural-rules`);
    await page.getByText('东岭区人大常委会主任会议议事规则').waitFor();
    expect(await page.getByText('主任会议', { exact: true }).count()).toBeGreaterThan(0);
    await shot(page, 'meetings-rules-3-list-1280');
  });
});
