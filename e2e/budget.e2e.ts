// Browser journey of budget supervision (issue 19): staff at 1280 px create a budget year and import a draft with
// two bad rows, see both rejections, fix them and re-import; a month's execution arrives with spending on a code
// no line covers; the off-budget warning appears with its evidence and becomes an inquiry to the finance
// department, whose staff answer it on a 375 px phone in English. The demo's current year is looked at on a phone
// in English too: the drill-down with its execution curve, the warnings, the investment list with its chart.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { login, shot, useJourney } from './lib';

const journey = useJourney();

let budgetUrl = '';
const YEAR = new Date().getFullYear() + 2;

const newPage = journey.newPage;

const noHorizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

const draft = (rows: string[][]) =>
  Buffer.from(['code,name,budget,amount', ...rows.map((r) => r.join(','))].join('\n') + '\n');
const GOOD = [
  ['201', '一般公共服务支出', 'general', '3000000.00'],
  ['20101', '人大事务', 'general', '1000000.00'],
  ['20103', '政府办公厅（室）及相关机构事务', 'general', '2000000.00'],
  ['205', '教育支出', 'general', '9000000.00'],
  ['20502', '普通教育', 'general', '9000000.00'],
  ['227', '预备费', 'general', '240000.00'],
];

describe('budget journey', () => {
  test('staff import a draft with two bad rows, see them rejected, fix them and import again', async () => {
    const page = await newPage(1280, 900, 'zh-CN');
    await login(page, journey.server.url, 'staff');
    await page.goto(`${journey.server.url}/budgets`);
    await page.getByTestId('new-budget').click();
    await page.getByTestId('budget-year').fill(String(YEAR));
    await page.getByTestId('budget-sitting').fill(`${YEAR}-01-08`);
    await page.getByRole('button', { name: /^确\s*定$/ }).click();
    await page.waitForURL(/\/budgets\/[0-9a-f-]+$/);
    budgetUrl = page.url();

    await page.getByTestId('import-lines').click();
    const bad = GOOD.map((r) => [...r]);
    bad[2] = ['2010', '政府办公厅（室）及相关机构事务', 'general', '2000000.00'];
    bad[4] = ['20502', '普通教育', 'general', '-9000000.00'];
    await page
      .getByRole('dialog')
      .locator('input[type=file]')
      .setInputFiles({ name: 'draft.csv', mimeType: 'text/csv', buffer: draft(bad) });
    const report = page.getByTestId('import-rejections');
    await report.waitFor();
    // Two bad rows, and the parent whose children no longer add up (201: only 20101 left).
    const rows = await report.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t')[0].trim())).toEqual(['2', '4', '6']);
    await shot(page, 'budget-1-rejections-1280');
    await page
      .getByRole('dialog')
      .locator('input[type=file]')
      .setInputFiles({ name: 'draft.csv', mimeType: 'text/csv', buffer: draft(GOOD) });
    await page.getByTestId('import-result').getByText('已导入 6 行').waitFor();
    expect(await page.getByTestId('import-rejections').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('budget-lines').getByText('教育支出').waitFor();
    // The draft reached the standing committee 11 days after the Art. 44 deadline: flagged late.
    await page.getByTestId('budget-dates').click();
    await page
      .getByRole('dialog')
      .locator('input[type=date]')
      .first()
      .fill(`${YEAR - 1}-12-20`);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^确\s*定$/ })
      .click();
    await page.getByText('草案逾期').waitFor();
  });

  test('a month’s execution arrives; the off-budget warning appears with its evidence and becomes an inquiry', async () => {
    const page = await newPage(1280, 900, 'zh-CN');
    await login(page, journey.server.url, 'staff');
    await page.goto(budgetUrl);
    await page.getByTestId('import-execution').click();
    await page.getByTestId('execution-month').fill(`${YEAR}-03`);
    await page
      .getByRole('dialog')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'march.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('code,amount\n2050201,2100000.00\n2010101,240000.00\n2150805,500000.00\n'),
      });
    await page.getByTestId('execution-result').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: '预警' }).click();
    const warning = page.getByTestId('warning-offBudget');
    await warning.waitFor();
    await warning.getByText('¥500,000.00').waitFor();
    await shot(page, 'budget-2-warnings-1280');
    await page.getByTestId('inquire-offBudget-2150805').click();
    await page.getByTestId('inquiry-unit').click();
    await page.keyboard.type('财政');
    await page.locator('.ant-select-item-option').filter({ hasText: '区财政局' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^确\s*定$/ })
      .click();
    await page.getByTestId('inquiry-open').first().waitFor();
  });

  test('the finance department answers the inquiry on a 375 px phone in English', async () => {
    const page = await newPage(375, 800, 'en');
    await login(page, journey.server.url, 'finance');
    await page.goto(`${journey.server.url}/budget-inquiries`);
    const open = page
      .getByTestId('inquiry-open')
      .filter({ hasText: '2150805' })
      .filter({ hasText: String(YEAR) });
    await open.waitFor();
    await shot(page, 'budget-3-unit-inquiries-375-en');
    expect(await noHorizontalOverflow(page)).toBe(true);
    await open.getByTestId('answer-inquiry').click();
    await page
      .getByTestId('answer-text')
      .fill('上级专项转移支付安排的中小企业纾困补助，按预算法第七十一条向常委会报告。');
    await page.getByRole('dialog').getByRole('button', { name: /^OK$/ }).click();
    // The card turns answered, with the answer under the question.
    const answered = page
      .getByTestId('inquiry-answered')
      .filter({ hasText: '上级专项转移支付安排的中小企业纾困补助' });
    await answered.waitFor();
    expect(await answered.filter({ hasText: String(YEAR) }).count()).toBe(1);
    await shot(page, 'budget-3b-answered-375-en');
  });

  test('the demo year on a phone in English: drill-down with the curve, warnings, investment list', async () => {
    const page = await newPage(375, 800, 'en');
    await login(page, journey.server.url, 'leader');
    await page.goto(`${journey.server.url}/budgets`);
    const year = new Date().getMonth() === 11 ? new Date().getFullYear() : new Date().getFullYear() - 1;
    await page.getByRole('link', { name: String(year), exact: true }).click();
    await page.getByTestId('execution-curve').waitFor();
    // Line names are the finance department's data, in Chinese in either language.
    await page.getByTestId('budget-lines').getByRole('button', { name: '教育支出' }).click();
    await page.getByTestId('budget-lines').getByText('普通教育').waitFor();
    await shot(page, 'budget-4-drilldown-375-en');
    expect(await noHorizontalOverflow(page)).toBe(true);
    await page.getByRole('tab', { name: 'Warnings' }).click();
    await page.getByTestId('warning-behindSchedule').first().waitFor();
    await shot(page, 'budget-5-warnings-375-en');
    expect(await noHorizontalOverflow(page)).toBe(true);
    await page.goto(`${journey.server.url}/budgets`);
    await page.getByRole('link', { name: String(year + 1), exact: true }).click();
    await page.getByRole('tab', { name: 'Investment projects' }).click();
    await page.getByTestId('investment-summary').getByText('172').waitFor();
    await shot(page, 'budget-6-investment-375-en');
    expect(await noHorizontalOverflow(page)).toBe(true);
  });
});
