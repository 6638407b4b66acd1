// Browser journeys of the platform shell: the public home page at 375 px, sign-in (wrong password,
// staff), navigation by role (staff, deputy, auditor with forced TOTP enrolment), the language switch, and
// the working-day calendar (a provisional year, entering and withdrawing its notice).
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { generate } from 'otplib';
import ExcelJS from 'exceljs';
import { DEMO_PASSWORD, login, logout, shot, useJourney } from './lib';

const journey = useJourney();

const newPage = journey.newPage;

/** The labels of the sider menu (top level and inside open groups). */
async function menuLabels(page: Page): Promise<string> {
  const menu = page.getByTestId('nav-menu');
  await menu.waitFor();
  // Open every group so that its items are in the DOM.
  const closed = menu.locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title');
  for (let i = 0; i < 20 && (await closed.count()) > 0; i++) {
    await closed.first().click();
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(300);
  return menu.innerText();
}

/** Administrators must enrol TOTP at their first sign-in: do it with the secret shown on the page. */
async function enrolTotp(page: Page): Promise<void> {
  await page.waitForURL((u) => u.pathname === '/account/totp');
  await page.getByTestId('totp-start').click();
  const secret = (await page.getByTestId('totp-secret').innerText()).trim();
  await confirmTotp(page, secret);
}

/**
 * Types the current code of `secret` and confirms the enrolment; answers the 30-second step of the code that was
 * accepted. The confirmation signs the session in fully and moves to the home page (in the app, no page load).
 * A code typed at the end of its step can be refused by then: type the current one again, as a person would.
 */
async function confirmTotp(page: Page, secret: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const step = Math.floor(Date.now() / 30_000);
    await page.getByTestId('totp-code').fill(await generate({ secret }));
    await page.getByTestId('totp-confirm').click();
    try {
      await page.waitForURL((u) => u.pathname === '/', { timeout: 20_000, waitUntil: 'commit' });
      return step;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

/** An .xlsx of deputies with two bad rows (no name; a wrong gender and phone). */
async function badDeputiesWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('代表');
  ws.addRow(['姓名', '性别', '手机号码', '街道']);
  ws.addRow(['', '男', '13800000000', '']);
  ws.addRow(['测试代表', '未知', '12345', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** True when nothing is wider than the viewport (no sideways scrolling). */
const noHorizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

describe('platform shell', () => {
  test('the public home page at 375 px lists streets, deputies and liaison places', async () => {
    const page = await newPage(375, 812);
    await page.goto(journey.server.url + '/');
    await page.getByTestId('home-hero').waitFor();
    const places = page.getByTestId('place-card');
    await places.first().waitFor({ timeout: 30_000 });
    // Phones see the first places, the rest on request.
    expect(await places.count()).toBeGreaterThanOrEqual(3);
    const firstPlace = await places.first().innerText();
    expect(firstPlace).toMatch(/代表(之家|联络站|联系点)/);
    expect(firstPlace.length).toBeGreaterThan(10);
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'platform-home-375-zh');
    await page.getByTestId('places-show-all').click();
    expect(await places.count()).toBeGreaterThanOrEqual(10);

    // Streets: open the street picker of the deputy finder. On a loaded machine the dropdown can close again
    // while the page re-lays out after "show all" (seen twice in CI: an option visible, then none; reopening
    // at once raced the closing animation), so the picker is opened whenever no dropdown is open, until it
    // shows the streets (for up to 20 s).
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    const openDropdowns = page.locator('.ant-select-dropdown:visible');
    for (const until = Date.now() + 20_000; (await options.count()) < 5 && Date.now() < until;) {
      if ((await openDropdowns.count()) === 0) await page.getByTestId('finder-street').click();
      await page.waitForTimeout(250);
    }
    expect(await options.count()).toBeGreaterThanOrEqual(5);
    const streetName = await options.first().innerText();
    expect(streetName).toMatch(/街道/);
    await shot(page, 'platform-home-375-streets');
    await options.first().click();
    const results = page.getByTestId('deputy-results');
    await results.waitFor({ timeout: 20_000 });
    expect(await results.locator('.deputy-chip').count()).toBeGreaterThan(0);
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'platform-home-375-deputies');

    // The mobile header has the drawer menu, with the elderly-friendly switch.
    await page.getByTestId('menu-button').click();
    await page.locator('.ant-drawer-open').waitFor();
    await shot(page, 'platform-home-375-drawer');
    const before = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.querySelector('.ant-app') ?? document.body).fontSize),
    );
    await page.locator('.ant-drawer-open').getByTestId('elderly-switch').click();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.documentElement.classList.contains('elderly'));
    const after = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.querySelector('.ant-app') ?? document.body).fontSize),
    );
    expect(after).toBeGreaterThanOrEqual(18);
    expect(after).toBeGreaterThan(before);
    expect(await noHorizontalOverflow(page)).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'platform-home-375-elderly');
    // The choice is kept across visits.
    await page.reload();
    await page.getByTestId('home-hero').waitFor();
    expect(await page.evaluate(() => document.documentElement.classList.contains('elderly'))).toBe(true);
  });

  test('the public home page in English at 1280 px', async () => {
    const page = await newPage(1280, 860, 'en');
    await page.goto(journey.server.url + '/');
    await page.getByTestId('place-card').first().waitFor({ timeout: 30_000 });
    const text = await page.locator('body').innerText();
    expect(text).toContain('Find your deputies');
    expect(text).toContain('Liaison places');
    expect(text).not.toContain('找代表');
    await shot(page, 'platform-home-1280-en');
  });

  test('English at 375 px: the home page and the staff drawer menu', async () => {
    const page = await newPage(375, 812, 'en');
    await page.goto(journey.server.url + '/');
    await page.getByTestId('place-card').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('body').innerText()).toContain('Liaison places');
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'platform-home-375-en');
    await login(page, journey.server.url, 'staff');
    await page.goto(journey.server.url + '/registry/deputies');
    await page.locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
    expect(await noHorizontalOverflow(page)).toBe(true);
    await page.getByTestId('menu-button').click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.waitFor();
    expect(await drawer.innerText()).toContain('Deputies');
    await shot(page, 'platform-staff-375-en-drawer');
  });

  test('a wrong password shows the error message and stays on the login page', async () => {
    const page = await newPage();
    await page.goto(journey.server.url + '/login');
    await page.getByTestId('login-username').fill('staff');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    await shot(page, 'platform-login-wrong-password');
  });

  test('staff sign in and see the registry, not the administration', async () => {
    const page = await newPage();
    await login(page, journey.server.url, 'staff');
    const labels = await menuLabels(page);
    expect(labels).toContain('代表名册');
    expect(labels).toContain('承办单位');
    expect(labels).toContain('家站点');
    expect(labels).not.toContain('账号管理');
    expect(labels).not.toContain('审计日志');
    await shot(page, 'platform-staff-home');

    await page.goto(journey.server.url + '/registry/deputies');
    await page.locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.ant-table-row').count()).toBeGreaterThan(10);
    await shot(page, 'platform-staff-deputies');

    // Switch to English: the visible labels change.
    await page.getByTestId('lang-switch').click();
    await page.getByText('Deputies', { exact: true }).first().waitFor();
    const en = await menuLabels(page);
    expect(en).toContain('Deputies');
    expect(en).toContain('Handling units');
    expect(en).not.toContain('代表名册');
    expect(await page.locator('.ant-table-thead').innerText()).toContain('Name');
    await shot(page, 'platform-staff-deputies-en');
  });

  test('the registry screens load for staff', async () => {
    const page = await newPage();
    await login(page, journey.server.url, 'staff');
    const screens: [string, string, string][] = [
      ['/registry/handling-units', '.ant-table-row', 'platform-registry-units'],
      ['/registry/liaison-places', '.ant-table-row', 'platform-registry-places'],
      ['/registry/jurisdictions', '.ant-tree-node-content-wrapper', 'platform-registry-jurisdictions'],
      ['/registry/terms', '.ant-table-row', 'platform-registry-terms'],
      ['/registry/committees', '.ant-table-row', 'platform-registry-committees'],
    ];
    for (const [path, row, name] of screens) {
      await page.goto(journey.server.url + path);
      await page.locator(row).first().waitFor({ timeout: 30_000 });
      expect(await page.locator('.ant-alert-error').count(), path).toBe(0);
      await shot(page, name);
    }
    // An Excel import with bad rows: the per-row report, nothing imported.
    await page.goto(journey.server.url + '/registry/deputies');
    await page.locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: /导入 Excel/ }).click();
    await page.locator('.ant-modal input[type=file]').setInputFiles({
      name: 'deputies.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await badDeputiesWorkbook(),
    });
    const report = page.getByTestId('import-errors');
    await report.waitFor({ timeout: 30_000 });
    const reportText = await report.innerText();
    expect(reportText).toContain('2');
    expect(reportText).toContain('3');
    expect(await report.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    await shot(page, 'platform-registry-import-errors');
    await page.keyboard.press('Escape');

    // A deputy's record with mandates.
    await page.goto(journey.server.url + '/registry/deputies');
    await page.locator('.ant-table-row a').first().click();
    await page.getByTestId('mandates').locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.ant-alert-error').count()).toBe(0);
    await shot(page, 'platform-registry-deputy');
  });

  test('the committee forms offer only the offices of a district congress, at 375 px', async () => {
    const page = await newPage(375, 812);
    await login(page, journey.server.url, 'staff');
    await page.goto(journey.server.url + '/registry/committees');
    await page.locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.ant-table-tbody').innerText()).not.toContain('秘书长');
    // A district standing committee has no secretary-general (地方组织法 Art. 47).
    await page.getByRole('button', { name: /新增组成人员/ }).click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.locator('.ant-form-item').filter({ hasText: '职务' }).locator('.ant-select').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    expect(await options.allInnerTexts()).toEqual(['主任', '副主任', '委员']);
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'platform-registry-committee-offices-375');
    await page.keyboard.press('Escape');
    await dialog.locator('.ant-modal-close').click();
    await page.locator('.ant-modal:visible').waitFor({ state: 'hidden' });
    // The chairpersons' meeting is the chair and vice-chairs, read from their offices (Art. 54).
    await page.getByRole('tab', { name: '主任会议' }).click();
    const panel = page.locator('[role=tabpanel]:visible');
    await panel.locator('.ant-alert').waitFor();
    expect(await panel.locator('.ant-alert').innerText()).toContain('地方组织法第五十四条');
    await panel.locator('.ant-table-row').first().waitFor();
    expect(await panel.locator('.ant-table-row').count()).toBe(6);
    expect(await panel.getByRole('button', { name: /新增组成人员/ }).count()).toBe(0);
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'platform-registry-chairpersons-meeting-375');
  });

  test('the registry dialogs add, refill on edit and save (electoral district, deputy)', async () => {
    const page = await newPage();
    await login(page, journey.server.url, 'staff');
    const dialog = page.locator('.ant-modal:visible');
    const field = (label: string) => dialog.locator('.ant-form-item').filter({ hasText: label });
    const ok = () => dialog.locator('.ant-modal-footer .ant-btn-primary').click();

    // A new electoral district of a street, then its seats edited in the same dialog, refilled.
    await page.goto(journey.server.url + '/registry/jurisdictions');
    await page.locator('.ant-tree-node-content-wrapper', { hasText: '街道' }).first().click();
    await page.getByRole('button', { name: /新增选区/ }).click();
    await field('选区名称').locator('input').fill('旅程第99选区');
    await field('应选名额').locator('input').fill('3');
    expect(await field('应选名额').innerText()).toContain('选举法第二十五条');
    await ok();
    const row = page.locator('.ant-table-row', { hasText: '旅程第99选区' });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.innerText()).toContain('3');
    await row.getByRole('button', { name: /编\s*辑/ }).click();
    expect(await field('选区名称').locator('input').inputValue()).toBe('旅程第99选区');
    expect(await field('应选名额').locator('input').inputValue()).toBe('3');
    await field('应选名额').locator('input').fill('2');
    await ok();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => row.innerText()).toContain('2');
    await shot(page, 'platform-registry-district-saved');

    // A deputy's particulars: the dialog opens filled with the record and saves what changed.
    await page.goto(journey.server.url + '/registry/deputies');
    await page.locator('.ant-table-row a').nth(3).click();
    await page.getByTestId('deputy-edit').click();
    expect(await field('姓名').locator('input').inputValue()).not.toBe('');
    await field('职业').locator('input').fill('旅程测试职业');
    await ok();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('旅程测试职业').waitFor();
    await shot(page, 'platform-registry-deputy-saved');
  });

  test('staff see the next year provisional on the calendar page, enter its notice and withdraw it', async () => {
    const page = await newPage();
    await login(page, journey.server.url, 'staff');
    expect(await menuLabels(page)).toContain('工作日历');
    // The first year without a confirmed notice (2027 while its notice is unpublished).
    const year = await page.evaluate(async () => {
      const res = await fetch('/api/v1/calendar/years', { credentials: 'same-origin' });
      const { years } = (await res.json()) as { years: { year: number; provisional: boolean }[] };
      return years.find((y) => y.provisional)?.year;
    });
    expect(year).toBeDefined();
    await page.getByTestId('nav-menu').getByText('工作日历').click();
    await page.getByTestId('calendar-summary').waitFor({ timeout: 30_000 });
    await page.goto(`${journey.server.url}/admin/calendar?year=${year}`);
    const provisional = page.getByTestId('calendar-provisional');
    await provisional.waitFor({ timeout: 30_000 });
    expect(await provisional.innerText()).toContain(`${year} 年为暂定日历`);
    // The year's label says provisional once the years are loaded.
    await expect
      .poll(() => page.getByTestId('calendar-year').innerText(), { timeout: 30_000 })
      .toContain('暂定');
    expect(await page.locator('[data-testid=calendar-day]', { hasText: '法定' }).count()).toBeGreaterThan(10);
    await shot(page, 'platform-calendar-provisional');

    await page.getByTestId('calendar-enter-notice').click();
    const modal = page.locator('.ant-modal');
    await modal.getByTestId('calendar-range').first().waitFor();
    // A pasted day with an impossible date is refused on the field, nothing sent.
    await modal.getByRole('tab', { name: '粘贴 JSON' }).click();
    await modal
      .getByTestId('calendar-notice-json')
      .fill(JSON.stringify([{ date: `${year}-02-30`, kind: 'holiday', name: '春节' }]));
    await modal.getByTestId('calendar-notice-save').click();
    const fieldError = modal.locator('.ant-form-item-explain-error').first();
    await fieldError.waitFor();
    expect(await fieldError.innerText()).toContain('第 1 项');
    // By ranges: the statutory days prefilled, and a make-up working day added.
    await modal.getByRole('tab', { name: '按区间填写' }).click();
    await modal.getByTestId('calendar-notice-reference').fill(`国办发明电〔${year! - 1}〕9号`);
    await modal.getByTestId('calendar-add-range').click();
    const row = modal.getByTestId('calendar-range').last();
    await row.getByLabel('名称').fill('春节调休');
    await row.getByLabel('类型').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '上班日' }).click();
    await row.getByLabel('起').fill(`${year}-02-20`);
    await row.getByLabel('起').press('Enter');
    await expect.poll(() => modal.getByTestId('calendar-range-count').innerText()).toContain('调休上班 1 天');
    await shot(page, 'platform-calendar-notice-form');
    await modal.getByTestId('calendar-notice-save').click();
    const confirmed = page.getByTestId('calendar-confirmed');
    await confirmed.waitFor({ timeout: 30_000 });
    expect(await confirmed.innerText()).toContain(`国办发明电〔${year! - 1}〕9号`);
    const workday = page.locator(`[data-testid=calendar-day][data-date="${year}-02-20"]`);
    expect(await workday.innerText()).toMatch(/班[\s\S]*春节调休[\s\S]*通知/);
    await expect.poll(() => page.getByTestId('calendar-year').innerText()).not.toContain('暂定');
    await shot(page, 'platform-calendar-confirmed');

    // Withdrawn, the year is provisional again (the other journeys keep the shipped calendar).
    await page.getByTestId('calendar-withdraw').click();
    await page.getByTestId('calendar-withdraw-confirm').click();
    await provisional.waitFor({ timeout: 30_000 });
  });

  test('the calendar page in English at 375 px', async () => {
    const page = await newPage(375, 812, 'en');
    await login(page, journey.server.url, 'staff');
    await page.goto(`${journey.server.url}/admin/calendar?year=2026`);
    const confirmed = page.getByTestId('calendar-confirmed');
    await confirmed.waitFor({ timeout: 30_000 });
    expect(await confirmed.innerText()).toContain('shipped with the system');
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'platform-calendar-375-en');
  });

  test('a deputy sees neither the registry nor the administration', async () => {
    const page = await newPage();
    await login(page, journey.server.url, 'deputy');
    const labels = await menuLabels(page);
    expect(labels).toContain('消息');
    expect(labels).not.toContain('代表名册');
    expect(labels).not.toContain('账号管理');
    expect(labels).not.toContain('审计日志');
    await shot(page, 'platform-deputy-home');
  });

  test('the auditor must enrol a second factor, then sees only the audit trail', async () => {
    const page = await newPage();
    await login(page, journey.server.url, 'auditor');
    await page.waitForURL((u) => u.pathname === '/account/totp');
    // Any other page sends the auditor back to the enrolment.
    await page.goto(journey.server.url + '/admin/audit');
    await page.waitForURL((u) => u.pathname === '/account/totp');
    await page.getByTestId('totp-start').click();
    const secret = (await page.getByTestId('totp-secret').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await page.getByTestId('totp-qr').waitFor();
    await shot(page, 'platform-auditor-totp');
    // As the other administrators' enrolment (it failed in CI so, waiting for the move after a refused code).
    const enrolledStep = await confirmTotp(page, secret);

    const labels = await menuLabels(page);
    expect(labels).toContain('审计日志');
    expect(labels).not.toContain('代表名册');
    expect(labels).not.toContain('账号管理');

    await page.goto(journey.server.url + '/admin/audit');
    await page.locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.innerText()).toContain('审计链完整');
    await shot(page, 'platform-auditor-verify');

    // Signing in again asks for the second factor; a wrong code is refused, the right one lets in.
    await logout(page);
    await page.goto(journey.server.url + '/login');
    await page.getByTestId('login-username').fill('auditor');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-totp').waitFor({ timeout: 20_000 });
    await page.getByTestId('login-totp').fill('000000');
    await page.getByTestId('login-totp-submit').click();
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').innerText()).toContain('动态验证码错误');
    await shot(page, 'platform-login-second-factor');
    // A code is accepted once: the enrolment's is used, so the sign-in takes the authenticator's next one.
    while (Math.floor(Date.now() / 30_000) <= enrolledStep) await page.waitForTimeout(500);
    await page.getByTestId('login-totp').fill(await generate({ secret }));
    await page.getByTestId('login-totp-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 20_000 });
    expect(await menuLabels(page)).toContain('审计日志');

    // The audit trail reads in words (issue 23 point 9): no raw action codes in the table.
    await page.goto(journey.server.url + '/admin/audit');
    await page.locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
    const words = await page.getByTestId('audit-action').allInnerTexts();
    expect(words.length).toBeGreaterThan(0);
    expect(words.join(' ')).not.toMatch(/[a-z]+\.[a-z][A-Za-z]+/);
    expect(words).toContain('登录');

    // A staff member reveals a deputy's mobile number on the deputy's page, at 375 px in English (point 10).
    const staff = await newPage(375, 812, 'en');
    await login(staff, journey.server.url, 'staff');
    await staff.goto(journey.server.url + '/registry/deputies');
    await staff.locator('.ant-table-row a').first().click();
    const phone = staff.getByTestId('deputy-phone');
    await phone.waitFor({ timeout: 30_000 });
    expect(await phone.innerText()).toMatch(/^1\d\d\*{4}\d{4}$/);
    expect(await staff.getByTestId('deputy-idNumber').innerText()).toContain('**********');
    await shot(staff, 'platform-deputy-masked-375-en');
    await staff.getByTestId('deputy-reveal-phone').click();
    await expect.poll(() => phone.innerText(), { timeout: 20_000 }).toMatch(/^1[3-9]\d{9}$/);
    expect(await noHorizontalOverflow(staff)).toBe(true);
    await shot(staff, 'platform-deputy-revealed-375-en');

    // The auditor, in English at 375 px, filters the log by person and action and finds that reveal.
    await page.getByTestId('lang-switch').click();
    await page.getByText('Audit trail', { exact: true }).first().waitFor();
    await page.setViewportSize({ width: 375, height: 812 });
    await page.getByTestId('audit-filter-person').fill('staff');
    const action = page.getByTestId('audit-filter-action');
    await action.click();
    await page.keyboard.type('revealPersonalData');
    await page
      .locator('.ant-select-item-option', { hasText: "Revealed a deputy's personal data" })
      .first()
      .click();
    await page.getByTestId('audit-search').click();
    const revealRow = page.locator('.ant-table-row', { hasText: "Revealed a deputy's personal data" });
    await revealRow.first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.ant-table-row').count()).toBe(await revealRow.count());
    expect(await revealRow.first().innerText()).toContain('staff');
    expect(await revealRow.first().innerText()).toContain('Deputy');
    await revealRow.first().locator('.ant-table-row-expand-icon').click();
    await page.getByTestId('audit-diff').first().waitFor();
    expect(await page.getByTestId('audit-diff').first().innerText()).toContain('phone');
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'platform-auditor-reveal-375-en');
  });

  test('the system administrator manages accounts', async () => {
    const page = await newPage();
    await login(page, journey.server.url, 'sysadmin');
    await enrolTotp(page);
    const labels = await menuLabels(page);
    expect(labels).toContain('账号管理');
    expect(labels).not.toContain('审计日志');
    await page.goto(journey.server.url + '/admin/accounts');
    await page.locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.ant-table-tbody').innerText()).toContain('staff');
    await shot(page, 'platform-sysadmin-accounts');

    // A reset gives a one-time password: its holder must set a new one before anything else (三员分立).
    await page.locator('.ant-table-row', { hasText: 'unit4' }).first().click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByTestId('reset-password').click();
    const reset = page.waitForResponse((r) => r.url().endsWith('/reset-password'));
    await page.locator('.ant-popover:visible .ant-btn-primary').click();
    expect((await reset).status()).toBe(200);
    const oneTime = (await page.getByTestId('temporary-password').innerText()).trim();
    expect(oneTime.length).toBeGreaterThanOrEqual(16);
    await shot(page, 'platform-sysadmin-reset-password');

    const holder = await newPage(375, 812);
    await login(holder, journey.server.url, 'unit4', oneTime);
    await holder.waitForURL((u) => u.pathname === '/account/password');
    // Any other page sends the holder back to the change.
    await holder.goto(journey.server.url + '/inbox');
    await holder.waitForURL((u) => u.pathname === '/account/password');
    await holder.getByTestId('password-change-required').waitFor();
    expect(await noHorizontalOverflow(holder)).toBe(true);
    await shot(holder, 'platform-password-change-375');
    await holder.getByTestId('password-current').fill(oneTime);
    await holder.getByTestId('password-new').fill(DEMO_PASSWORD);
    await holder.getByTestId('password-confirm').fill(DEMO_PASSWORD);
    await holder.getByTestId('password-submit').click();
    await holder.waitForURL((u) => u.pathname === '/workbench');
    await holder.goto(journey.server.url + '/inbox');
    await holder.getByText('您的密码已被重置').first().waitFor({ timeout: 30_000 });
    await shot(holder, 'platform-password-reset-notice-375');
  });

  test('the security administrator is refused a second administrator role (三员分立)', async () => {
    const page = await newPage();
    await login(page, journey.server.url, 'secadmin');
    await enrolTotp(page);
    await page.goto(journey.server.url + '/admin/accounts');
    await page.locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
    await page.locator('.ant-table-row', { hasText: 'auditor' }).first().click();
    const drawer = page.locator('.ant-drawer-open');
    const grant = drawer.getByTestId('grant-role');
    // A pick made while the drawer still slides in can miss (CI saw it once): pick until the button is enabled.
    for (let i = 0; i < 5 && !(await grant.isEnabled()); i++) {
      await drawer.getByTestId('grant-role-select').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '系统管理员' })
        .click();
      await page.waitForTimeout(300);
    }
    await grant.click();
    const alert = drawer.locator('.ant-alert-error');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.innerText()).toContain('三员分立');
    await shot(page, 'platform-secadmin-refused');
  });

  test('inbox and my account', async () => {
    const page = await newPage(375, 812);
    await login(page, journey.server.url, 'staff');
    await page.goto(journey.server.url + '/inbox');
    await page.getByText('通知方式').waitFor({ timeout: 30_000 });
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'platform-inbox-375');
    await page.goto(journey.server.url + '/account');
    await page.getByRole('tab', { name: 'API 令牌' }).click();
    await page.getByPlaceholder('令牌名称').fill('e2e');
    await page.getByRole('button', { name: '创建令牌' }).click();
    const token = page.getByTestId('new-token');
    await token.waitFor({ timeout: 20_000 });
    expect(await token.innerText()).toMatch(/^mny_/);
    await shot(page, 'platform-account-token-375');
  });
});
