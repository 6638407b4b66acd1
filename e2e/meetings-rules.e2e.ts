// Browser journey of the rules register (议事规则与工作制度, issue 17): anyone, without signing in, reads the
// congress's published rules on a 375 px phone in English and opens the standing committee's rules of procedure
// with its three versions (the latest adopted at last month's meeting); the internal document-handling rules are
// not listed; last month's resolution is shown with its result, and today's office-holders (post, name, organ,
// since; no reasons); the same list in Chinese at 1280 px. Then congress staff at 1280 px record a new rule,
// revise it at today's meeting (a date before the current version is refused on its field), and publish it; a leader reads it at
// 375 px in English without the staff buttons; and the public sees it with its two versions.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { login, shot, useJourney } from './lib';

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
    // Today's office-holders appointed by the standing committee: nothing private.
    const holders = page.getByTestId('public-office-holder');
    await holders.first().waitFor();
    expect(await holders.count()).toBeGreaterThan(10);
    expect(
      await holders
        .first()
        .getByText(/in office since \d{4}-\d{2}-\d{2}/)
        .count(),
    ).toBe(1);
    expect(await page.getByText(/resigned|dismissed|辞职|撤职/).count()).toBe(0);
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

  const title = '东岭区人大常委会代表建议督办工作办法';
  test('staff at 1280 px record a rule, revise it and publish it', async () => {
    const page = await journey.newPage(1280, 900, 'zh-CN');
    await login(page, journey.server.url, 'staff');
    await page.goto(`${journey.server.url}/rules-register`);
    // Every rule, the unpublished internal one too.
    await page.getByText('东岭区人大常委会机关公文处理工作制度').waitFor();
    expect(await page.getByTestId('register-rule').count()).toBe(7);
    await page.getByTestId('new-rule').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('rule-title').fill(title);
    await dialog.getByTestId('rule-body').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^区人大常委会$/ })
      .click();
    await dialog.getByTestId('rule-kind').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^工作办法$/ })
      .click();
    await dialog.getByTestId('rule-adopted-on').fill('2022-04-26');
    await dialog
      .getByTestId('rule-content')
      .fill(
        '第一条 为做好代表建议督办工作，提高办理质量，根据代表法，制定本办法。\n第二条 常委会选委办负责督办。',
      );
    await shot(page, 'meetings-rules-4-new-1280');
    await dialog.getByRole('button', { name: /^确\s*定$/ }).click();
    await page.waitForURL(/\/rules-register\/[0-9a-f-]+$/);
    await page.getByRole('heading', { name: title }).waitFor();
    expect(await page.getByTestId('rule-version').count()).toBe(1);
    expect(await page.getByTestId('rule-published').getByText('未公开').count()).toBe(1);

    // A revision dated before the current version: the server's refusal shown on its field.
    await page.getByTestId('rule-revise').click();
    const revise = page.getByRole('dialog');
    await revise.getByTestId('rule-adopted-on').fill('2021-01-05');
    await revise.getByTestId('rule-note').fill('增加重点督办建议的确定程序');
    await revise
      .getByTestId('rule-content')
      .fill('第一条 为做好代表建议督办工作，根据代表法，制定本办法。\n第二条 重点督办建议由主任会议确定。');
    await revise.getByRole('button', { name: /^确\s*定$/ }).click();
    await revise.getByText('修订日期须晚于现行版本的通过日期（2022-04-26）').waitFor();
    await shot(page, 'meetings-rules-5-revise-refused-1280');
    // Adopted today, at today's standing-committee meeting.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await revise.getByTestId('rule-adopted-on').fill(today);
    await revise.getByTestId('rule-meeting').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: '区第七届人大常委会第十二次会议' })
      .click();
    await revise.getByRole('button', { name: /^确\s*定$/ }).click();
    await page.getByTestId('rule-version').nth(1).waitFor();
    const versions = page.getByTestId('rule-version');
    expect(await versions.count()).toBe(2);
    expect(await versions.first().getByText('现行有效').count()).toBe(1);
    expect(await versions.first().getByText('区第七届人大常委会第十二次会议').count()).toBe(1);
    await page.getByTestId('rule-publish').click();
    await page.getByTestId('rule-published').getByText('已公开').waitFor();
    await page.getByTestId('rule-withdraw').waitFor();
    await shot(page, 'meetings-rules-6-rule-1280');
  });

  test('a leader reads the register at 375 px in English, without the staff buttons', async () => {
    const page = await journey.newPage(375, 800, 'en');
    await login(page, journey.server.url, 'leader');
    await page.goto(`${journey.server.url}/rules-register`);
    await page.getByRole('link', { name: title }).waitFor();
    expect(await page.getByTestId('new-rule').count()).toBe(0);
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'meetings-rules-7-register-375-en');
    await page.getByRole('link', { name: title }).click();
    await page.getByTestId('rule-version').first().waitFor();
    expect(await page.getByTestId('rule-revise').count()).toBe(0);
    expect(await page.getByTestId('rule-published').getByText('Published').count()).toBe(1);
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'meetings-rules-8-rule-375-en');
  });

  test('the public sees the newly published rule with its two versions', async () => {
    const page = await journey.newPage(375, 800, 'en');
    await page.goto(`${journey.server.url}/procedural-rules`);
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(/\/procedural-rules\/[0-9a-f-]+$/);
    await page.getByTestId('rule-version').nth(1).waitFor();
    expect(await page.getByText('增加重点督办建议的确定程序').count()).toBe(1);
    await shot(page, 'meetings-rules-9-public-375-en');
  });
});
