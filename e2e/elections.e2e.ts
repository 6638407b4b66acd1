// Browser journey of an election (issue 18): staff at 1280 px see the demo's 2021 election with its summary
// sentence and the district elected through a runoff; set up a new election with two districts; import a
// register with planted errors (under 18 on election day, the same person in two districts, a wrong check
// character) and see the row report, then import the fixed rows; confirm the candidates (one alone is refused:
// one seat needs two); on a 375 px phone in English two tellers enter the return — differing entries cannot
// be posted, agreeing ones can — and the result and the summary sentence appear.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { login, shot, useJourney, type Lang } from './lib';

const journey = useJourney();

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The election page's serious and critical axe violations (it has an id, so e2e/a11y.e2e.ts lists only /elections). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> };
    };
    return (await w.axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as { id: string; impact: string | null; nodes: { target: string[] }[] }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

let electionUrl = '';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A resident ID number with a valid GB 11643 check character. */
function idNumber(birth: string, seq: string): string {
  const f = `440305${birth.replaceAll('-', '')}${seq}`;
  const sum = [...f].reduce((s, c, i) => s + Number(c) * WEIGHTS[i], 0);
  return f + '10X98765432'[sum % 11];
}
const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
// Election day today: the register is imported late (flagged), the return is entered after the count.
const electionDay = today;
// Born the day after election day 18 years before: 17 on election day.
const underAgeBirth = `${Number(electionDay.slice(0, 4)) - 18}${addDays(electionDay, 1).slice(4)}`;

const newPage = (width: number, height: number, lang: Lang) =>
  journey.newPage(width, height, lang, { bypassCSP: true });

const noHorizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

const csv = (rows: string[][]) =>
  Buffer.from(['name,idNumber,district,group,address', ...rows.map((r) => r.join(','))].join('\n'));

describe('election journey', () => {
  test('staff see the 2021 election: its summary sentence and a district elected through a runoff', async () => {
    const page = await newPage(1280, 900, 'zh-CN');
    await login(page, journey.server.url, 'staff');
    await page.goto(`${journey.server.url}/elections`);
    await page.getByRole('link', { name: '东岭区第七届人民代表大会代表选举' }).click();
    await page.getByTestId('summary-sentence').waitFor();
    expect(await page.getByTestId('summary-sentence').textContent()).toMatch(
      /^8个选区中7个一次选举成功，\d+\.\d{2}万选民参与投票，参选率\d+\.\d{2}%$/,
    );
    await page.getByText('另行选举候选人：温秋霞、苏家豪').waitFor();
    await shot(page, 'elections-1-demo-2021-1280');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('staff set up an election, import a register with planted errors, fix them, and confirm the candidates', async () => {
    const page = await newPage(1280, 900, 'zh-CN');
    await login(page, journey.server.url, 'staff');
    await page.goto(`${journey.server.url}/elections`);
    await page.getByTestId('new-election').click();
    await page.getByTestId('election-title').fill('东岭区第八届人大代表选举（演练）');
    await page.getByTestId('election-day').fill(electionDay);
    await page.getByRole('button', { name: /^确\s*定$/ }).click();
    await page.waitForURL(/\/elections\/[0-9a-f-]+$/);
    electionUrl = page.url();
    await page.getByText(`公布选民名单`).first().waitFor();
    // The timetable counted back from election day: the voter list 20 days before.
    await page.getByText(addDays(electionDay, -20)).first().waitFor();

    for (const [name, seats] of [
      ['溪头街道第3选区', '2'],
      ['荷山街道第2选区', '1'],
    ]) {
      await page.getByTestId('add-district').click();
      await page.getByTestId('district-name').fill(name);
      await page.getByTestId('district-seats').fill(seats);
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /^确\s*定$/ })
        .click();
      await page.getByText(name).waitFor();
    }

    const twice = idNumber('1975-07-02', '063');
    const good = [
      ['梁少辉', idNumber('1981-04-18', '015'), '溪头街道第3选区', '第1选民小组', '溪头社区'],
      ['邓美玲', idNumber('1990-09-03', '026'), '荷山街道第2选区', '第2选民小组', '荷塘社区'],
    ];
    const bad = idNumber('1966-01-12', '037');
    const planted = [
      ...good,
      ['冯小雨', idNumber(underAgeBirth, '048'), '溪头街道第3选区', '第1选民小组', ''],
      ['曾晓红', twice, '溪头街道第3选区', '第1选民小组', ''],
      ['曾晓红', twice, '荷山街道第2选区', '第2选民小组', ''],
      ['温国平', bad.slice(0, 17) + (bad[17] === '1' ? '2' : '1'), '荷山街道第2选区', '', ''],
    ];
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: csv(planted) });
    await page.getByTestId('import-report').waitFor();
    const report = await page.getByTestId('import-report').textContent();
    expect(report).toContain('选举日未满十八周岁');
    expect(report).toContain('与文件中另一行重复');
    expect(report).toContain('身份证号码校验位错误');
    await shot(page, 'elections-2-import-report-1280');
    // Fixed: the wrong check character corrected; the second registration of 曾晓红 dropped.
    await page.locator('input[type=file]').setInputFiles({
      name: 'register-fixed.csv',
      mimeType: 'text/csv',
      buffer: csv([['温国平', bad, '荷山街道第2选区', '', '']]),
    });
    await page.getByText('已登记 1 名选民').waitFor();
    // Three rows from the first file and the fixed one.
    await page.getByTestId('voter-count').filter({ hasText: /^4$/ }).waitFor();

    // One seat needs two candidates, each nominated by a party (Art. 30): one alone is refused.
    const district = page.getByTestId('district').filter({ hasText: '荷山街道第2选区' });
    await district.getByTestId('add-candidate').click();
    await page.getByTestId('candidate-name').fill('何志坚');
    await page.getByTestId('nominator').fill('中国共产党东岭区委员会');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^确\s*定$/ })
      .click();
    await district.getByText('何志坚').waitFor();
    await district.getByTestId('confirm-candidates').click();
    await page.getByText(/正式候选人应为2至2名/).waitFor();
    await district.getByTestId('add-candidate').click();
    await page.getByTestId('candidate-name').fill('彭淑仪');
    await page.getByTestId('nominator').fill('中国民主同盟东岭区委员会');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^确\s*定$/ })
      .click();
    await district.getByText('彭淑仪').waitFor();
    await district.getByTestId('confirm-candidates').click();
    await district.getByText(/已确定/).waitFor();
  });

  test('on a 375 px phone in English two tellers enter the return; it posts only when they agree', async () => {
    const page = await newPage(375, 800, 'en');
    await login(page, journey.server.url, 'staff');
    await page.goto(electionUrl);
    const district = page.getByTestId('district').filter({ hasText: '荷山街道第2选区' });
    await district.getByTestId('enter-return').click();
    const figures: [string, number][] = [
      ['registered', 5120],
      ['participated', 4630],
      ['ballotsIssued', 4630],
      ['ballotsReturned', 4628],
      ['void', 31],
      ['others', 12],
      ['c0', 2890],
      ['c1', 1695],
    ];
    for (const [k, v] of figures) {
      await page.getByTestId(`teller-A-${k}`).fill(String(v));
      // Teller B misreads the void ballots first.
      await page.getByTestId(`teller-B-${k}`).fill(String(k === 'void' ? 13 : v));
    }
    await page.getByText(/The entries differ: Void ballots/).waitFor();
    expect(await page.getByTestId('submit-return').isDisabled()).toBe(true);
    await shot(page, 'elections-3-tellers-differ-375-en');
    await page.getByTestId('teller-B-void').fill('31');
    await page.getByText('Both entries agree', { exact: true }).waitFor();
    await page.getByTestId('submit-return').click();
    await district.getByText('Valid', { exact: true }).waitFor();
    await district.getByText(/Elected: 何志坚/).waitFor();
    await page.getByTestId('summary-sentence').waitFor();
    expect(await page.getByTestId('summary-sentence').textContent()).toContain(
      '1 of 2 electoral districts elected in the first round',
    );
    expect(await page.getByTestId('summary-sentence').textContent()).toContain('turnout of 90.43%');
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'elections-4-result-375-en');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('on a 375 px phone a polling station reports its ballots and the turnout rolls up; staff take a voter off the list', async () => {
    const page = await newPage(375, 800, 'en');
    await login(page, journey.server.url, 'staff');
    await page.goto(`${electionUrl}/turnout`);
    await page.getByTestId('add-station').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox').first().click();
    await page.getByTitle('溪头街道第3选区').click();
    await dialog.getByLabel('Name').fill('溪头社区居委会投票站');
    await dialog.getByRole('button', { name: /^OK$/ }).click();
    const station = page.getByTestId('station').filter({ hasText: '溪头社区居委会投票站' });
    await station.waitFor();
    await station.getByTestId('report-issued').fill('2');
    await station.getByTestId('report-returned').fill('1');
    await station.getByTestId('report-turnout').click();
    await station.getByText(/Last report/).waitFor();
    // 2 ballots issued of the 4 voters on the list.
    await page.getByTestId('turnout-rate').getByText('50.00').waitFor();
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'elections-5-turnout-375-en');

    await page.goto(`${electionUrl}/register`);
    const row = page.getByRole('row').filter({ hasText: '邓美玲' });
    await row.getByTestId('exclude-voter').click();
    await page.getByTestId('exclusion-reason').fill('经法院判决剥夺政治权利二年');
    await page.getByTestId('exclusion-decision').fill('选举委员会第2次全体会议确认');
    await page.getByRole('dialog').getByRole('button', { name: /^OK$/ }).click();
    await row.getByText('Deprived of political rights').waitFor();
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'elections-6-register-375-en');
  });
});
