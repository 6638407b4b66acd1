// Browser journey of budget supervision (issue 19): staff at 1280 px create a budget year and import a draft with
// two bad rows, see both rejections, fix them and re-import; a month's execution arrives with spending on a code
// no line covers; the off-budget warning appears with its evidence and becomes an inquiry to the finance
// department, whose staff answer it on a 375 px phone in English. The demo's current year is looked at on a phone
// in English too: the drill-down with its execution curve, the warnings, the investment list with its chart.
// Then, on the staff's year: a consultation round in one area with a voter's and a deputy's opinions (the deputy on
// a phone) and the finance department's feedback on each; an urgent investment project added and released early
// (Art. 54); December's execution makes a year-end-rush warning, put as an inquiry and answered; the invited deputy
// sees their area's warnings on a 375 px phone, in Chinese and English; the review report downloads as .docx.
import { execFileSync } from 'node:child_process';
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

  test('a consultation round in one area: a voter’s and a deputy’s opinions, the finance department’s feedback', async () => {
    const deputy = await newPage(375, 800, 'zh-CN');
    await login(deputy, journey.server.url, 'deputy');
    const deputyName = await deputy.evaluate(async () => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as {
        displayName?: string;
        user?: { displayName: string };
      };
      return me.user?.displayName ?? me.displayName ?? '';
    });
    expect(deputyName).toBeTruthy();

    const page = await newPage(1280, 900, 'zh-CN');
    await login(page, journey.server.url, 'staff');
    await page.goto(budgetUrl);
    await page.getByRole('tab', { name: '预先见代表' }).click();
    await page.getByTestId('consultation-new').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#area').fill('东岭北片区');
    await dialog.locator('#heldOn').fill(`${YEAR - 1}-12-08`);
    await dialog.locator('#place').fill('北岭街道人大代表之家');
    await dialog.locator('#deputyIds').click();
    await page.keyboard.type(deputyName.slice(0, 2));
    await page.locator('.ant-select-item-option').filter({ hasText: deputyName }).first().click();
    await dialog.locator('#voters').fill('陈桂芳，北岭社区居民');
    await dialog.getByRole('button', { name: /^确\s*定$/ }).click();
    const round = page.getByTestId('consultation-round').filter({ hasText: '东岭北片区' });
    await round.waitFor();
    await round.getByRole('button', { name: '记录意见' }).click();
    const op = page.getByRole('dialog').filter({ hasText: '东岭北片区' });
    await op.locator('#inviteeId').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '陈桂芳' }).click();
    await op.locator('#topic').fill('民生实事');
    await op.locator('#content').fill('建议增加社区养老服务中心的运营补助，惠及北岭社区老人。');
    await op.getByRole('button', { name: /^确\s*定$/ }).click();
    await round.getByText('社区养老服务中心').waitFor();

    // The invited deputy gives their own opinion on a line, on the phone.
    await deputy.goto(budgetUrl);
    await deputy.getByRole('tab', { name: '预先见代表' }).click();
    const theirs = deputy.getByTestId('consultation-round').filter({ hasText: '东岭北片区' });
    await theirs.getByRole('button', { name: '记录意见' }).click();
    const dop = deputy.getByRole('dialog');
    await dop.locator('#code').fill('20502');
    await dop.locator('#content').fill('普通教育经费要优先保障北岭片区新建学校的开办费用。');
    await dop.getByRole('button', { name: /^确\s*定$/ }).click();
    await theirs.getByText('新建学校的开办费用').waitFor();
    await shot(deputy, 'budget-7-deputy-opinion-375');
    expect(await noHorizontalOverflow(deputy)).toBe(true);

    const finance = await newPage(1280, 900, 'zh-CN');
    await login(finance, journey.server.url, 'finance');
    await finance.goto(budgetUrl);
    await finance.getByRole('tab', { name: '预先见代表' }).click();
    const fround = finance.getByTestId('consultation-round').filter({ hasText: '东岭北片区' });
    for (const [opinion, answer] of [
      ['新建学校的开办费用', '已在预算中安排北岭片区新建学校开办费，按学位数核定。'],
      ['社区养老服务中心', '社区养老服务中心运营补助按服务人次核拨，预算已增加。'],
    ]) {
      await fround
        .getByTestId('consultation-opinion')
        .filter({ hasText: opinion })
        .getByRole('button', { name: '财政部门反馈' })
        .click();
      await finance.getByRole('dialog').locator('#feedback').fill(answer);
      await finance
        .getByRole('dialog')
        .getByRole('button', { name: /^确\s*定$/ })
        .click();
      await fround
        .getByTestId('consultation-opinion')
        .filter({ hasText: opinion })
        .getByText(answer)
        .waitFor();
    }
    expect(await fround.getByText('已反馈').count()).toBe(2);
    await shot(finance, 'budget-8-feedback-1280');
  });

  test('an urgent investment project is added and released early on a ground of Art. 54', async () => {
    const page = await newPage(1280, 900, 'zh-CN');
    await login(page, journey.server.url, 'staff');
    await page.goto(budgetUrl);
    await page.getByRole('tab', { name: '政府投资项目' }).click();
    await page.getByRole('button', { name: '新增项目' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#name').fill('北岭小学扩建工程');
    await dialog.locator('#unit').fill('区教育局');
    await dialog.locator('#amount').fill('36500000.00');
    await dialog.getByRole('button', { name: /^确\s*定$/ }).click();
    await page.getByText('北岭小学扩建工程').waitFor();
    await page.getByTestId('investment-release').first().click();
    const rel = page.getByRole('dialog').filter({ hasText: '提前下达' });
    await rel.locator('#releasedOn').fill(`${YEAR}-01-03`);
    await rel.locator('#basis').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '上年结转支出' }).click();
    await rel.getByRole('button', { name: /^确\s*定$/ }).click();
    await page.getByTestId('investment-summary').getByText('36,500,000.00').first().waitFor();
    await page.getByTestId('investment-release').waitFor({ state: 'detached' });
    await shot(page, 'budget-9-investment-released-1280');
  });

  test('December’s execution makes a year-end-rush warning; it becomes an inquiry and is answered', async () => {
    const page = await newPage(1280, 900, 'zh-CN');
    await login(page, journey.server.url, 'staff');
    await page.goto(budgetUrl);
    await page.getByTestId('import-execution').click();
    await page.getByTestId('execution-month').fill(`${YEAR}-12`);
    await page
      .getByRole('dialog')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'december.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('code,amount\n2050201,3000000.00\n2010101,60000.00\n'),
      });
    await page.getByTestId('execution-result').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: '预警' }).click();
    const rush = page.getByTestId('warning-yearEndRush').filter({ hasText: '20502' });
    await rush.waitFor();
    // December is 3,000,000 of the year's 5,100,000: 58.8%.
    await rush.getByText('58.8%').waitFor();
    await page.getByTestId('warning-offBudget').waitFor();
    await shot(page, 'budget-10-year-end-rush-1280');
    await page.getByTestId('inquire-yearEndRush-20502').click();
    await page.getByTestId('inquiry-unit').click();
    await page.keyboard.type('财政');
    await page.locator('.ant-select-item-option').filter({ hasText: '区财政局' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^确\s*定$/ })
      .click();
    await page.getByTestId('inquiry-open').filter({ hasText: '20502' }).waitFor();

    const finance = await newPage(375, 800, 'en');
    await login(finance, journey.server.url, 'finance');
    await finance.goto(`${journey.server.url}/budget-inquiries`);
    const open = finance
      .getByTestId('inquiry-open')
      .filter({ hasText: '20502' })
      .filter({ hasText: String(YEAR) });
    await open.getByTestId('answer-inquiry').click();
    await finance
      .getByTestId('answer-text')
      .fill('12月集中支付为北岭小学扩建工程按合同节点付款，已督促教育局均衡执行。');
    await finance.getByRole('dialog').getByRole('button', { name: /^OK$/ }).click();
    await finance
      .getByTestId('inquiry-answered')
      .filter({ hasText: '北岭小学扩建工程按合同节点付款' })
      .waitFor();
  });

  test('a deputy on a 375 px phone sees their area’s warnings, in Chinese and in English', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const page = await newPage(375, 800, lang);
      await login(page, journey.server.url, 'deputy');
      await page.goto(budgetUrl);
      await page.getByTestId('budget-area').click();
      await page.waitForURL(/\/area$/);
      const warnings = page.getByTestId('area-warnings');
      // The line the deputy commented on rushed in December; the off-budget spending elsewhere is not the area's.
      await warnings.getByTestId('warning-yearEndRush').filter({ hasText: '20502' }).waitFor();
      expect(await warnings.getByTestId('warning-offBudget').count()).toBe(0);
      await page.getByTestId('area-round').getByText('新建学校的开办费用').waitFor();
      await shot(page, `budget-11-deputy-area-375${lang === 'en' ? '-en' : ''}`);
      expect(await noHorizontalOverflow(page)).toBe(true);
    }
  });

  test('the review report to the presidium downloads as a Word document', async () => {
    const page = await newPage(1280, 900, 'zh-CN');
    await login(page, journey.server.url, 'staff');
    await page.goto(budgetUrl);
    await page.getByRole('tab', { name: '初步审查' }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('review-report').click(),
    ]);
    const path = await file.path();
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    const xml = execFileSync('unzip', ['-p', path, 'word/document.xml']).toString();
    expect(xml).toContain(String(YEAR));
    expect(xml).toContain('审查');
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
