// Browser journey of a deputies' activity in the activity month (issue 20): staff at 1280 px create an
// inspection in the demo's activity month and invite the demo deputy; the deputy, on a 375 px phone in English,
// has the notice, opens the activity and checks in; staff record a finding that goes to 区交通运输局 as an
// opinion; the unit replies on its phone; the campaign's dashboard counts the activity and the attendance in its
// computed sentence, and the deputy's public record shows the inspection. Screenshots in test-results/.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { login, shot, useJourney } from './lib';

const journey = useJourney();

let activityUrl = '';
let campaignId = '';
let deputyId = '';
let opinionPath = '';
let before = { activities: 0, attendances: 0 };
const TITLE = '视察东湖片区学校周边交通安全（活动月加场）';
const FINDING = '东湖小学门口上下学时段接送车辆占道停放，建议增设临时停车点并加派护学岗';

const newPage = journey.newPage;

const noHorizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

/** A datetime-local value in Shanghai time, `minutes` from now. */
const local = (minutes: number) =>
  new Date(Date.now() + 8 * 3_600_000 + minutes * 60_000).toISOString().slice(0, 16);

describe('activity journey', () => {
  test('staff at 1280 px create an inspection in the activity month and invite the deputy', async () => {
    // The demo deputy's id and name, as the deputy's own account tells them.
    const probe = await newPage(375, 800, 'en');
    await login(probe, journey.server.url, 'deputy');
    deputyId = (await (await probe.request.get(`${journey.server.url}/api/v1/auth/me`)).json()).user.deputyId;
    expect(deputyId).toBeTruthy();

    const page = await newPage(1280, 900, 'zh-CN');
    await login(page, journey.server.url, 'staff');
    const name = (await (await page.request.get(`${journey.server.url}/api/v1/deputies/${deputyId}`)).json())
      .name as string;
    const campaigns = (await (await page.request.get(`${journey.server.url}/api/v1/campaigns`)).json()).items;
    campaignId = campaigns.find((c: { kind: string }) => c.kind === 'activityMonth').id;
    before = await (
      await page.request.get(`${journey.server.url}/api/v1/campaigns/${campaignId}/report`)
    ).json();

    await page.goto(`${journey.server.url}/activities`);
    await page.getByText('代表议事会：小区加装电梯协调').first().waitFor();
    await shot(page, 'activities-1-list-1280');
    await page.getByTestId('new-activity').click();
    await page.getByTestId('activity-title').fill(TITLE);
    await page.getByTestId('activity-starts').fill(local(-10));
    await page.getByTestId('activity-ends').fill(local(120));
    await page.getByTestId('activity-place').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.getByTestId('activity-campaign').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '人大代表活动月' })
      .click();
    await page.getByRole('button', { name: /^确\s*定$/ }).click();
    await page.waitForURL(/\/activities\/[0-9a-f-]+$/);
    activityUrl = page.url();
    await page.getByTestId('invite-picker').click();
    await page.keyboard.type(name);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: name })
      .first()
      .click();
    await page.keyboard.press('Escape');
    await page.getByTestId('invite-send').click();
    await page.getByTestId('sign-in-sheet').getByRole('cell', { name, exact: true }).first().waitFor();
    await shot(page, 'activities-2-created-1280');
  });

  test('the deputy on a 375 px phone has the notice, opens the activity and checks in', async () => {
    const page = await newPage(375, 800, 'en');
    await login(page, journey.server.url, 'deputy');
    await page.goto(`${journey.server.url}/inbox`);
    await page.getByText('You are invited to an activity').first().waitFor({ timeout: 30_000 });
    await page.goto(`${journey.server.url}/activities`);
    await page.getByTestId('my-activities').getByText(TITLE).waitFor();
    await shot(page, 'activities-3-mine-375-en');
    expect(await noHorizontalOverflow(page)).toBe(true);
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByTestId('check-in').click();
    await page.getByText(/Checked in at/).waitFor();
    await shot(page, 'activities-4-checked-in-375-en');
    expect(await noHorizontalOverflow(page)).toBe(true);
  });

  test('staff record a finding that goes to the transport bureau as an opinion', async () => {
    const page = await newPage(1280, 900, 'zh-CN');
    await login(page, journey.server.url, 'staff');
    await page.goto(activityUrl);
    await page.getByTestId('sign-in-sheet').getByText('扫码签到').waitFor();
    await page
      .getByTestId('record-summary')
      .fill('代表们察看了东湖小学、东湖路口三处点位，听取交警大队和街道情况汇报。');
    await page.getByTestId('add-finding').click();
    await page.getByTestId('finding-content-0').fill(FINDING);
    await page.getByTestId('finding-unit-0').click();
    await page.keyboard.type('区交通运输局');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: /^区交通运输局$/ })
      .click();
    await page.getByTestId('save-record').click();
    // The opinions pipeline makes the opinion after commit: it shows once the worker has run.
    const link = page.getByTestId('findings').getByRole('link');
    for (let i = 0; i < 20 && !(await link.count()); i++) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    await link.first().waitFor();
    opinionPath = (await link.first().getAttribute('href')) ?? '';
    expect(opinionPath).toMatch(/^\/opinions\/item\//);
    await shot(page, 'activities-5-recorded-1280');
  });

  test('the unit replies on its phone', async () => {
    const page = await newPage(375, 800, 'zh-CN');
    await login(page, journey.server.url, 'unit');
    await page.goto(`${journey.server.url}${opinionPath}`);
    await page.getByText(FINDING, { exact: false }).first().waitFor();
    await page.getByRole('button', { name: '正式答复' }).click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByRole('radio', { name: '已解决', exact: true }).check();
    await dialog
      .getByLabel('答复内容')
      .fill('已在东湖小学门口增设临时停车点 12 个，交警每日上下学时段派员值守。');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.locator('.page-header .ant-tag').filter({ hasText: '已答复待评价' }).waitFor();
  });

  test('the campaign dashboard counts them in its sentence, and the public record shows the inspection', async () => {
    const page = await newPage(1280, 900, 'zh-CN');
    await login(page, journey.server.url, 'leader');
    await page.goto(`${journey.server.url}/campaigns/${campaignId}`);
    const sentence = page.getByTestId('report-sentence');
    await sentence.waitFor();
    const text = await sentence.innerText();
    expect(text).toContain(`开展各类活动${before.activities + 1}场`);
    expect(text).toContain(`参加活动${before.attendances + 1}人次`);
    await page.locator('canvas').first().waitFor();
    await shot(page, 'activities-6-dashboard-1280');

    const phone = await newPage(375, 800, 'en');
    await phone.goto(`${journey.server.url}/activities`.replace('/activities', '/'));
    await phone.goto(`${journey.server.url}/deputies/${deputyId}/record`);
    await phone.getByTestId('record-by-kind').getByText('Inspection', { exact: true }).waitFor();
    await phone.getByTestId('duty-points').waitFor();
    await shot(phone, 'activities-7-record-375-en');
    expect(await noHorizontalOverflow(phone)).toBe(true);

    const dash = await newPage(375, 800, 'en');
    await login(dash, journey.server.url, 'staff');
    await dash.goto(`${journey.server.url}/campaigns/${campaignId}`);
    await dash.getByTestId('report-sentence').waitFor();
    await dash.locator('canvas').first().waitFor();
    await shot(dash, 'activities-8-dashboard-375-en');
    expect(await noHorizontalOverflow(dash)).toBe(true);
  });
});
