// Browser journey of a deputy's suggestion through its statutory lifecycle: the deputy submits on a phone, staff
// accept and assign, the unit applies for an extension which staff approve and the deputy is told of, the unit
// logs its contact and replies, the deputy is dissatisfied and gives reasons, staff send it back for re-handling,
// the unit re-handles and replies again, the deputy rates the second reply; then the leader's dashboard and the handling report; staff
// publish the reply, which anyone reads on the public page; staff name a key suggestion's leading leader; the
// year-end follow-up view. A draft saved half-done, reopened, completed and submitted (issue 23 point 1); the
// handling history from submission to rating on the detail page (issue 23 point 4).
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { login, shot, useJourney } from './lib';

const journey = useJourney();

let suggestionUrl = '';
let unitName = '';

const newPage = journey.newPage;

const getJson = (page: Page, path: string) =>
  page.evaluate(async (p) => (await fetch(p, { credentials: 'same-origin' })).json(), path);
const statusTag = (page: Page) => page.getByTestId('status');
const noHorizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

async function pickOption(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first()
    .click();
}

describe('suggestion lifecycle journey', () => {
  test('a deputy at 375 px writes a suggestion with a photo attached, submits it and gets its number', async () => {
    const page = await newPage(375, 812);
    await login(page, journey.server.url, 'deputy');
    await page.goto(`${journey.server.url}/suggestions/mine`);
    await page.getByTestId('suggestion-card').first().waitFor();
    await shot(page, 'suggestions-1-mine-375');
    await page.getByTestId('new-suggestion').click();
    await page.getByTestId('title').fill('关于在平岗街道增设社区公交微循环线路的建议');
    await page.getByTestId('category').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '交通出行' })
      .click();
    await page
      .getByTestId('content')
      .fill(
        '平岗街道部分社区距离地铁站较远，居民出行不便。建议增设社区公交微循环线路，连接主要小区与平岗地铁站，早晚高峰加密班次。',
      );
    // A photo attached through the form's upload button (a 1×1 PNG).
    const uploaded = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/files') && r.request().method() === 'POST',
    );
    await page.locator('input[type=file]').setInputFiles({
      name: 'site-photo.png',
      mimeType: 'image/png',
      buffer: Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        'base64',
      ),
    });
    expect((await uploaded).status()).toBe(201);
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'suggestions-2-form-375');
    await page.getByTestId('submit').click();
    await page.waitForURL(/\/suggestions\/[0-9a-f-]{36}$/);
    suggestionUrl = page.url();
    await expect
      .poll(async () => (await statusTag(page).innerText()).trim(), { timeout: 20_000 })
      .toBe('已提交');
    expect(await page.locator('.page-header').innerText()).toMatch(/第.+届.+第\d{4}号/);
    expect(await page.getByTestId('attachment').innerText()).toBe('site-photo.png');
    await shot(page, 'suggestions-3-submitted-375');
  });

  test('a deputy at 375 px saves a draft half-done, reopens it, is told what is missing, completes and submits it', async () => {
    const page = await newPage(375, 812);
    await login(page, journey.server.url, 'deputy');
    await page.goto(`${journey.server.url}/suggestions/new`);
    // Monday: a title and a first line, no category yet.
    const title = '关于在龙岭社区增设老年助餐点的建议';
    await page.getByTestId('title').fill(title);
    await page.getByTestId('content').fill('龙岭社区独居老人较多，');
    await page.getByTestId('save-draft').click();
    await page.waitForURL(/\/suggestions\/[0-9a-f-]{36}$/);
    const draftUrl = page.url();
    await expect
      .poll(async () => (await statusTag(page).innerText()).trim(), { timeout: 20_000 })
      .toBe('草稿');
    await page.getByTestId('draft-card').waitFor();
    await shot(page, 'suggestions-1a-draft-saved-375');

    // Tuesday: back from "my suggestions", on with the text, then submitted too early.
    await page.goto(`${journey.server.url}/suggestions/mine`);
    await page.getByText(title).first().click();
    await page.waitForURL(draftUrl);
    await page.getByTestId('edit-draft').click();
    await page.waitForURL(/\/edit$/);
    expect(await page.getByTestId('content').inputValue()).toBe('龙岭社区独居老人较多，');
    await page
      .getByTestId('content')
      .fill(
        '龙岭社区独居老人较多，吃饭难。建议在社区党群服务中心增设老年助餐点，中午供餐，行动不便的送餐上门。',
      );
    await page.getByTestId('submit').click();
    // The server names the missing category; the form shows it on the field and nothing is submitted.
    await page.locator('.ant-form-item-has-error').filter({ hasText: '类别' }).waitFor();
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'suggestions-1b-draft-missing-375');
    await page.getByTestId('category').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '交通出行' })
      .click();
    await page.getByTestId('submit').click();
    await page.waitForURL(draftUrl);
    await expect
      .poll(async () => (await statusTag(page).innerText()).trim(), { timeout: 20_000 })
      .toBe('已提交');
    expect(await page.locator('.page-header').innerText()).toMatch(/第.+届.+第\d{4}号/);
    const detail = await getJson(page, `/api/v1/suggestions/${draftUrl.split('/').at(-1)}`);
    // Each save an edit (the early submission saved the text before it was refused), then the submission.
    expect(detail.history.map((e: { action: string }) => e.action)).toEqual([
      'drafted',
      'edited',
      'edited',
      'submitted',
    ]);
  });

  test('the unit account knows its unit', async () => {
    const page = await newPage(1280, 900);
    await login(page, journey.server.url, 'unit');
    const me = await getJson(page, '/api/v1/auth/me');
    const staffPage = await newPage(1280, 900);
    await login(staffPage, journey.server.url, 'staff');
    const units = await getJson(staffPage, '/api/v1/handling-units?limit=200');
    unitName = units.items.find((u: { id: string }) => u.id === me.user.handlingUnitId).name;
    expect(unitName).toBeTruthy();
  });

  test('staff accept it in the quality review and assign it to the unit', async () => {
    const page = await newPage(1280, 900);
    await login(page, journey.server.url, 'staff');
    await page.goto(suggestionUrl);
    await page.getByTestId('review').waitFor();
    await shot(page, 'suggestions-4-review');
    await page.getByTestId('review-submit').click();
    await expect
      .poll(async () => (await statusTag(page).innerText()).trim(), { timeout: 20_000 })
      .toBe('已立案');
    await pickOption(page, 'lead-unit', unitName);
    await page.getByTestId('assign-submit').click();
    await expect
      .poll(async () => (await statusTag(page).innerText()).trim(), { timeout: 20_000 })
      .toBe('办理中');
    expect(await page.getByTestId('deadline').innerText()).toMatch(/\d{4}-\d{2}-\d{2}/);
    await shot(page, 'suggestions-5-assigned');
  });

  test('the unit applies for an extension with its reason, staff approve it, and the deputy is told', async () => {
    const unitPage = await newPage(1280, 900);
    await login(unitPage, journey.server.url, 'unit');
    await unitPage.goto(suggestionUrl);
    await unitPage.getByTestId('extension').waitFor();
    const before = await unitPage.getByTestId('deadline').innerText();
    await unitPage.getByTestId('extension-reason').fill('线路涉及多个部门协调，需延期答复');
    await unitPage.getByTestId('extension-submit').click();
    await unitPage.getByTestId('extension-pending').waitFor();
    await shot(unitPage, 'suggestions-5a-extension-applied');

    const staffPage = await newPage(1280, 900);
    await login(staffPage, journey.server.url, 'staff');
    // The staff list names the application awaiting a decision, with a link to it.
    await staffPage.goto(`${journey.server.url}/suggestions`);
    await staffPage.getByTestId('pending-extensions').waitFor();
    await staffPage
      .getByTestId('pending-extensions')
      .getByText('关于在平岗街道增设社区公交微循环线路的建议', { exact: false })
      .click();
    await staffPage.waitForURL(suggestionUrl);
    await staffPage.getByTestId('extension-decide').waitFor();
    await shot(staffPage, 'suggestions-5b-extension-decide');
    await staffPage.getByTestId('extension-decide-submit').click();
    await staffPage.getByText('已延期').waitFor();
    expect(await staffPage.getByTestId('deadline').innerText()).not.toBe(before);

    const deputyPage = await newPage(375, 812, 'en');
    await login(deputyPage, journey.server.url, 'deputy');
    await deputyPage.goto(suggestionUrl);
    await deputyPage.getByText('Extended', { exact: true }).waitFor();
    await deputyPage.getByTestId('first-assigned').waitFor();
    const inbox = await getJson(deputyPage, '/api/v1/notifications');
    expect(
      inbox.items.some(
        (n: { kind: string; link: string }) =>
          n.kind === 'suggestion.extensionApproved' && suggestionUrl.endsWith(n.link),
      ),
    ).toBe(true);
    expect(await noHorizontalOverflow(deputyPage)).toBe(true);
    await shot(deputyPage, 'suggestions-5c-extended-en-375');
  });

  test('the unit logs its contact with the deputy and replies with a category', async () => {
    const page = await newPage(1280, 900);
    await login(page, journey.server.url, 'unit');
    await page.goto(suggestionUrl);
    await page.getByTestId('contact').waitFor();
    await page.getByText('答复前须先记录与代表的沟通').waitFor();
    await page.getByTestId('contact-summary').fill('电话联系代表，了解线路走向的具体诉求');
    await page.getByTestId('contact-submit').click();
    await page.getByText('电话联系代表，了解线路走向的具体诉求').waitFor();
    await page.getByTestId('reply-category').getByText('B 正在解决或者列入规划逐步解决').click();
    await page
      .getByTestId('reply-content')
      .fill('已将平岗社区微循环线路列入明年公交线网优化计划，预计明年6月开通。');
    await page.getByTestId('reply-submit').click();
    await expect
      .poll(async () => (await statusTag(page).innerText()).trim(), { timeout: 20_000 })
      .toBe('已答复');
    await page.getByTestId('letter').first().waitFor();
    await shot(page, 'suggestions-6-replied');
  });

  test('the deputy rates the reply dissatisfied, which sends it back for re-handling', async () => {
    const page = await newPage(375, 812);
    await login(page, journey.server.url, 'deputy');
    await page.goto(suggestionUrl);
    await page.getByTestId('rate').waitFor();
    await page.getByTestId('rating').getByText('不满意').click();
    // A dissatisfied rating needs its reasons (上海规定 Art. 21).
    await page.getByTestId('rate-submit').click();
    await page.getByText('不满意时请说明具体理由').waitFor();
    await page.getByTestId('rating-comment').fill('开通时间太晚，希望提前');
    await shot(page, 'suggestions-7-rate-dissatisfied-375');
    await page.getByTestId('rate-submit').click();
    await expect
      .poll(async () => (await statusTag(page).innerText()).trim(), { timeout: 20_000 })
      .toBe('待研究重新办理');
    await page.getByTestId('rehandling-awaiting').waitFor();
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'suggestions-8-rehandling-review-375');
  });

  test("staff study the deputy's reasons and send it back to the unit", async () => {
    const page = await newPage(1280, 900);
    await login(page, journey.server.url, 'staff');
    await page.goto(suggestionUrl);
    await page.getByTestId('rehandling-review').waitFor();
    await page.getByText('开通时间太晚，希望提前', { exact: false }).first().waitFor();
    await page.getByTestId('rehandling-comment').fill('理由成立，请重新办理');
    await shot(page, 'suggestions-8a-rehandling-review');
    await page.getByTestId('rehandling-review-submit').click();
    await expect
      .poll(async () => (await statusTag(page).innerText()).trim(), { timeout: 20_000 })
      .toBe('重新办理');
    await page.getByText('重新办理，一个月内再次答复').waitFor();
    await shot(page, 'suggestions-8b-rehandling');
  });

  test('the unit meets the deputy again and sends the second reply', async () => {
    const page = await newPage(1280, 900);
    await login(page, journey.server.url, 'unit');
    await page.goto(suggestionUrl);
    await page.getByTestId('contact').waitFor();
    await page.getByTestId('contact').getByText('座谈见面').click();
    await page.getByTestId('contact-summary').fill('与代表座谈，商定提前开通试运行');
    await page.getByTestId('contact-submit').click();
    await page.getByText('与代表座谈，商定提前开通试运行').waitFor();
    await page.getByTestId('reply-category').getByText('A 所提问题已经解决或者基本解决').click();
    await page
      .getByTestId('reply-content')
      .fill('经与代表座谈，微循环线路已于本月提前开通试运行，早晚高峰10分钟一班。');
    await page.getByTestId('reply-submit').click();
    await expect
      .poll(async () => (await statusTag(page).innerText()).trim(), { timeout: 20_000 })
      .toBe('已答复');
    await page.getByText('第2次答复').waitFor();
    await shot(page, 'suggestions-9-second-reply');
  });

  test('the deputy rates the second reply satisfied and the suggestion is closed', async () => {
    const page = await newPage(375, 812);
    await login(page, journey.server.url, 'deputy');
    await page.goto(suggestionUrl);
    await page.getByTestId('rate').waitFor();
    await page.getByTestId('rating').getByText('满意', { exact: true }).click();
    await page.getByTestId('rate-submit').click();
    await expect
      .poll(async () => (await statusTag(page).innerText()).trim(), { timeout: 20_000 })
      .toBe('已办结');
    const detail = await getJson(page, `/api/v1/suggestions/${suggestionUrl.split('/').at(-1)}`);
    expect(detail.ratings.map((r: { round: number; rating: string }) => `${r.round}:${r.rating}`)).toEqual([
      '1:dissatisfied',
      '2:satisfied',
    ]);
    await shot(page, 'suggestions-10-closed-375');
  });

  test('the detail page shows the handling history from submission to rating, with who and when (375 px, English)', async () => {
    const page = await newPage(375, 812, 'en');
    await login(page, journey.server.url, 'deputy');
    await page.goto(suggestionUrl);
    const timeline = page.getByTestId('history-timeline');
    await timeline.waitFor();
    for (const step of [
      'submitted',
      'accepted',
      'assigned',
      'extensionApplied',
      'extensionDecided',
      'contacted',
      'replied',
      'rated',
      'rehandlingReferred',
      'rehandlingReviewed',
      'closed',
    ])
      expect(await timeline.getByTestId(`history-${step}`).count(), step).toBeGreaterThan(0);
    expect(await timeline.getByTestId('history-rated').count()).toBe(2);
    const assigned = await timeline.getByTestId('history-assigned').innerText();
    expect(assigned).toContain('Assigned');
    expect(assigned).toContain(`Lead: ${unitName}`);
    // Date and time, never cut short: 2026-12-07 15:38.
    expect(assigned).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?!:)/);
    expect(await timeline.getByTestId('history-submitted').innerText()).toContain('Deputy');
    expect(await timeline.getByTestId('history-rated').first().innerText()).toContain('Dissatisfied');
    await timeline.scrollIntoViewIfNeeded();
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'suggestions-10a-history-375-en');

    const staff = await newPage(1280, 900);
    await login(staff, journey.server.url, 'staff');
    await staff.goto(suggestionUrl);
    await staff.getByTestId('history-timeline').waitFor();
    expect(await staff.getByTestId('history-timeline').getByTestId('history-replied').count()).toBe(2);
    expect(await staff.getByTestId('history-rehandlingReviewed').innerText()).toContain('交承办单位重新办理');
    await shot(staff, 'suggestions-10b-history-staff');
  });

  test('the leader sees the key suggestions and staff see the handling report', async () => {
    const leader = await newPage(1280, 900);
    await login(leader, journey.server.url, 'leader');
    await leader.goto(`${journey.server.url}/suggestions/key`);
    await leader.getByTestId('key-list').waitFor();
    expect(await leader.getByTestId('key-list').locator('.ant-list-item').count()).toBe(17);
    await shot(leader, 'suggestions-11-key-dashboard');
    const staff = await newPage(1280, 900);
    await login(staff, journey.server.url, 'staff');
    await staff.goto(`${journey.server.url}/suggestions/report`);
    await staff.getByText('满意率', { exact: true }).first().waitFor();
    await staff.waitForTimeout(500);
    await shot(staff, 'suggestions-12-report');
    await staff.goto(`${journey.server.url}/suggestions?overdue=true`);
    await staff.getByTestId('suggestion-link').first().waitFor();
    await shot(staff, 'suggestions-13-staff-list');
  });

  test('staff publish the reply, and anyone reads it on the public page at 375 px, in English too', async () => {
    const staff = await newPage(1280, 900);
    await login(staff, journey.server.url, 'staff');
    await staff.goto(suggestionUrl);
    await staff.getByTestId('publish').waitFor();
    await staff.getByTestId('publish-submit').click();
    await staff.getByText('已公开').waitFor();

    const title = '关于在平岗街道增设社区公交微循环线路的建议';
    const page = await newPage(375, 812);
    await page.goto(`${journey.server.url}/`);
    await page
      .getByRole('link', { name: /建议答复公开/ })
      .first()
      .click();
    await page.waitForURL(/\/suggestion-replies$/);
    const card = page.getByTestId('public-reply').filter({ hasText: title });
    await card.waitFor();
    expect(await card.innerText()).toContain('A 所提问题已经解决或者基本解决');
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'suggestions-14-public-replies-375');
    await card.getByText(title).click();
    await page.waitForURL(/\/suggestion-replies\/[0-9a-f-]{36}$/);
    await page.getByTestId('public-reply-round').first().waitFor();
    expect(await page.getByTestId('public-reply-round').count()).toBe(2);
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'suggestions-15-public-reply-375');

    const en = await newPage(375, 812, 'en');
    await en.goto(`${journey.server.url}/suggestion-replies`);
    await en.getByTestId('public-reply').first().waitFor();
    await en.getByText('Published replies to deputies').waitFor();
    expect(await noHorizontalOverflow(en)).toBe(true);
    await shot(en, 'suggestions-16-public-replies-375-en');
  });

  test("staff record the chairpersons' meeting choice of a key suggestion and its leading leaders", async () => {
    const page = await newPage(1280, 900);
    await login(page, journey.server.url, 'staff');
    const leaders = await getJson(page, '/api/v1/suggestion-leaders');
    const leaderName = leaders.items[0].name as string;
    const secondName = leaders.items[1]?.name as string | undefined;
    const accepted = await getJson(page, '/api/v1/suggestions?status=accepted&limit=10');
    const target = accepted.items.find((x: { isKey: boolean }) => !x.isKey) as { id: string };
    await page.goto(`${journey.server.url}/suggestions/${target.id}`);
    await page.getByTestId('select-key').waitFor();
    await pickOption(page, 'key-leader', leaderName);
    // Several district leaders may lead together.
    if (secondName) await pickOption(page, 'key-leader', secondName);
    await page.keyboard.press('Escape');
    await page.getByTestId('select-key-submit').click();
    await expect
      .poll(async () => page.locator('.page-header').innerText(), { timeout: 20_000 })
      .toContain('重点督办');
    const named = await page.getByTestId('key-leaders').innerText();
    expect(named).toContain(leaderName);
    if (secondName) expect(named).toContain(secondName);
    await shot(page, 'suggestions-17-key-selected');
  });

  test('staff see the year-end follow-up view and the report charts at 375 px', async () => {
    const page = await newPage(375, 812);
    await login(page, journey.server.url, 'staff');
    await page.goto(`${journey.server.url}/suggestions/follow-up`);
    await page.getByTestId('follow-up-year').waitFor();
    // The demo's replies may fall in last year: look at every year.
    await page.getByTestId('follow-up-year').hover();
    await page.getByTestId('follow-up-year').locator('.ant-select-clear').click();
    await page.getByTestId('follow-up-item').first().waitFor();
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'suggestions-18-follow-up-375');
    await page.goto(`${journey.server.url}/suggestions/report`);
    await page.getByText('满意率', { exact: true }).first().waitFor();
    await page.waitForTimeout(500);
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'suggestions-19-report-375');
    const en = await newPage(375, 812, 'en');
    await login(en, journey.server.url, 'staff');
    await en.goto(`${journey.server.url}/suggestions/follow-up`);
    await en.getByText('Follow-up: the year at a glance').waitFor();
    await en.getByText('Answered B/C').first().waitFor();
    expect(await noHorizontalOverflow(en)).toBe(true);
    await shot(en, 'suggestions-20-follow-up-375-en');
  });
  test("the motion form says what the congress's level needs; staff enter a body's motion", async () => {
    const deputy = await newPage(375, 812);
    await login(deputy, journey.server.url, 'deputy');
    await deputy.goto(`${journey.server.url}/motions`);
    await deputy.getByTestId('new-motion').click();
    // A district congress: 10 deputies at a sitting, 3 standing-committee members between sittings.
    const need = await deputy.getByTestId('motion-threshold').innerText();
    expect(need).toMatch(/10名以上代表|3名以上常委会组成人员/);
    await deputy.waitForTimeout(400); // the dialog's opening animation
    expect(await noHorizontalOverflow(deputy)).toBe(true);
    await shot(deputy, 'suggestions-21-motion-form-375');

    const staff = await newPage(1280, 900, 'en');
    await login(staff, journey.server.url, 'staff');
    await staff.goto(`${journey.server.url}/motions`);
    await staff.getByTestId('new-motion').click();
    await staff.getByTestId('motion-source').waitFor();
    await staff.getByText("A body's motion needs no co-signers", { exact: false }).waitFor();
    await staff.waitForTimeout(400);
    await shot(staff, 'suggestions-22-motion-body-en');
  });
});
