// Browser journey of the opinion loop at 375 px: a citizen submits from a phone, staff triage and forward it,
// the handling unit replies, and the citizen tracks it and rates the answer. Screenshots in test-results/.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { login, shot, useJourney } from './lib';

const journey = useJourney();
let trackingCode = '';
let opinionUrl = '';

const phonePage = () => journey.newPage(375, 812, 'zh-CN');

const noHorizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

// Options are named: while one dropdown closes (animated) another may open, so "the first visible option"
// could belong to the closing one.
/**
 * Picks an option of the select labelled `label`, and checks it took: on a loaded machine a click can land while
 * the dropdown (or a closing modal) is still animating, so it tries again, up to three times.
 */
async function choose(page: Page, label: string, option: string) {
  const item = page.locator('.ant-form-item').filter({ hasText: label });
  for (let attempt = 1; ; attempt++) {
    try {
      await item.locator('.ant-select').first().click({ timeout: 10_000 });
      await page
        .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`)
        .first()
        .click({ timeout: 10_000 });
      await item.filter({ hasText: option }).first().waitFor({ timeout: 5_000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
}

describe('opinion journey at 375 px', () => {
  test('1. a citizen submits an opinion from a phone, without an account', async () => {
    const page = await phonePage();
    await page.goto(`${journey.server.url}/opinions/new`);
    await page.getByText('向人大代表反映意见').waitFor();
    await choose(page, '类别', '交通出行');
    await choose(page, '街道', '东岭街道');
    await page
      .getByLabel('您的意见或诉求')
      .fill('星河路公交站台没有遮雨棚，下雨天老人和孩子候车全身淋湿，希望尽快加装雨棚。');
    await page.getByLabel('手机号（用于接收办理结果，不会公开）').fill('13912345678');
    await page.getByText('同意公开', { exact: true }).click();
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'opinions-1-form-375');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    const code = page.getByTestId('tracking-code');
    await code.waitFor();
    trackingCode = (await code.innerText()).trim().slice(0, 10);
    expect(trackingCode).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    await shot(page, 'opinions-2-submitted-375');
  });

  test('2. staff claim it from the workbench and forward it to the transport bureau', async () => {
    const page = await phonePage();
    await login(page, journey.server.url, 'staff');
    await page.goto(`${journey.server.url}/opinions/workbench`);
    const link = page.getByRole('link', { name: trackingCode });
    await link.waitFor();
    await shot(page, 'opinions-3-workbench-375');
    await link.click();
    await page.waitForURL(/\/opinions\/item\/[0-9a-f-]+$/);
    opinionUrl = page.url();
    await page.getByRole('button', { name: /认\s*领/ }).click();
    await page.locator('.page-header .ant-tag').filter({ hasText: '已认领' }).waitFor();
    await page.getByRole('button', { name: '处理决定' }).click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByText('主办单位').waitFor();
    const lead = dialog.locator('.ant-form-item').filter({ hasText: '主办单位' }).locator('.ant-select');
    await lead.click();
    await page.keyboard.type('交通运输局');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '区交通运输局' })
      .first()
      .click();
    await shot(page, 'opinions-4-decide-375');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.page-header .ant-tag').filter({ hasText: '办理中' }).waitFor();
    await page.getByText('主办：区交通运输局').waitFor();
    await shot(page, 'opinions-5-forwarded-375');
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5)
        .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
    );
    expect(await noHorizontalOverflow(page), wide.join('\n')).toBe(true);
  });

  test('3. the handling unit replies with its outcome', async () => {
    const page = await phonePage();
    await login(page, journey.server.url, 'unit');
    await page.goto(`${journey.server.url}/opinions/workbench`);
    await page.getByRole('link', { name: trackingCode }).waitFor();
    await page.goto(opinionUrl);
    await page.getByRole('button', { name: '正式答复' }).click();
    const dialog = page.locator('.ant-modal');
    // check() clicks until the radio is checked: a click while the dialog still opens can miss it.
    await dialog.getByRole('radio', { name: '已解决', exact: true }).check();
    await dialog.getByLabel('答复内容').fill('经现场勘查，已于本周在星河路公交站加装雨棚，感谢您的反映。');
    await shot(page, 'opinions-6-reply-375');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.locator('.page-header .ant-tag').filter({ hasText: '已答复待评价' }).waitFor();
    await shot(page, 'opinions-7-replied-375');
  });

  test('4. the citizen tracks it with the code and the last four digits, and rates it', async () => {
    const page = await phonePage();
    await page.goto(`${journey.server.url}/opinions/track?code=${trackingCode}`);
    await page.getByLabel('手机号后四位').fill('5678');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByTestId('rate-card').waitFor();
    expect(await page.content()).not.toContain('13912345678');
    await shot(page, 'opinions-8-track-375');
    await page.getByTestId('rate-card').getByText('满意', { exact: true }).click();
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('您的评价：满意').waitFor();
    await page.locator('.ant-tag').filter({ hasText: '已解决' }).first().waitFor();
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'opinions-9-rated-375');
  });

  test('5. staff open the routing table, the block list, the settings and a reception with its QR code', async () => {
    const page = await phonePage();
    await login(page, journey.server.url, 'staff');
    await page.goto(`${journey.server.url}/opinions/routes`);
    await page.getByTestId('routing-rule').first().waitFor();
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'opinions-10-routing-375');
    await page.goto(`${journey.server.url}/opinions/settings`);
    await page.getByLabel('办理期限（工作日）').waitFor();
    expect(await page.getByLabel('办理期限（工作日）').inputValue()).toMatch(/^\d+$/);
    await shot(page, 'opinions-11-settings-375');
    await page.goto(`${journey.server.url}/receptions`);
    await page.getByRole('link', { name: '详情' }).first().waitFor();
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'opinions-19-receptions-375');
    // Newest first, the upcoming receptions: neither check-in nor the record is offered before they open.
    expect(await page.getByRole('button', { name: /^签\s*到$/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '登记接待记录' }).count()).toBe(0);
    expect(await page.getByTestId('reception-opens-later').first().innerText()).toContain(
      '开始前两小时可签到',
    );
    // A page of 20, then more on demand (the demo holds 120 receptions).
    const details = page.getByRole('link', { name: '详情' });
    expect(await details.count()).toBe(20);
    await page.getByRole('button', { name: '加载更多' }).click();
    await details.nth(39).waitFor();
    expect(await details.count()).toBe(40);
    await page.getByRole('link', { name: '详情' }).first().click();
    await page.waitForURL(/\/receptions\/[0-9a-f-]+$/);
    await page.getByText('接待代表').first().waitFor();
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'opinions-12-reception-375');
    await page.getByRole('button', { name: /二维码/ }).click();
    const qr = page.getByTestId('opinion-qr');
    await qr.waitFor();
    await page.waitForFunction(
      () => (document.querySelector<HTMLImageElement>('[data-testid="opinion-qr"]')?.naturalWidth ?? 0) > 0,
    );
    await shot(page, 'opinions-13-qr-375');
    const placeId = new URL((await qr.getAttribute('src'))!, journey.server.url).searchParams.get(
      'liaisonPlaceId',
    );
    await page.keyboard.press('Escape');
    await qr.waitFor({ state: 'hidden' });
    // Let the modal's mask finish fading, or the next click lands on it.
    await page.locator('.ant-modal-mask').first().waitFor({ state: 'hidden' });
    await page.locator('.ant-modal-wrap').first().waitFor({ state: 'hidden' });

    // Staff register what a citizen said at the reception; it is listed under the reception.
    await choose(page, '类别', '城市管理');
    await page
      .locator('.ant-form-item')
      .filter({ hasText: '类别' })
      .filter({ hasText: '城市管理' })
      .waitFor();
    await page.getByLabel('您的意见或诉求').fill('小区门口夜间施工噪音扰民，希望限制施工时间。');
    await page.getByLabel('手机号（用于接收办理结果，不会公开）').fill('13812345678');
    await page.getByRole('button', { name: '登记意见' }).click();
    await page.locator('.ant-message-notice').filter({ hasText: '已登记' }).waitFor();
    await page.getByTestId('reception-opinion').filter({ hasText: '夜间施工噪音' }).waitFor();
    await shot(page, 'opinions-16-reception-registered-375');

    // The place's QR code opens the public form, which names the place it came through.
    await page.goto(`${journey.server.url}/opinions/new?liaisonPlaceId=${placeId}`);
    await page.getByTestId('opinion-via').filter({ hasText: '通过联络站' }).waitFor();
    await shot(page, 'opinions-17-form-via-place-375');
  });

  test('6. the routing table and block list read in English too', async () => {
    const page = await journey.newPage(375, 812, 'en');
    await login(page, journey.server.url, 'staff');
    await page.goto(`${journey.server.url}/opinions/routes`);
    await page.getByText('Routing table').first().waitFor();
    await page.getByTestId('routing-rule').first().waitFor();
    await shot(page, 'opinions-14-routing-en-375');
    await page.goto(`${journey.server.url}/opinions/blocks`);
    await page.getByText('Block list').first().waitFor();
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'opinions-15-blocks-en-375');
    await page.goto(`${journey.server.url}/receptions`);
    await page.getByRole('link', { name: 'Details' }).first().click();
    await page.waitForURL(/\/receptions\/[0-9a-f-]+$/);
    await page.locator('.ant-card-head-title').filter({ hasText: 'Opinions registered (' }).waitFor();
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'opinions-18-reception-en-375');
  });
});
