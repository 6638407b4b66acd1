// The printed pages and the public look-up in the browser: the voter list notice and a voter card as they print
// (print media emulated: no header, menu, footer or buttons; a PDF of the notice on A4), and a citizen on a
// 375 px phone, signed out, checking their registration by name and ID number (found, then not found).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { registerRows } from '../server/src/modules/elections/elections.demo-data';
import { login, RESULTS_DIR, shot, useJourney } from './lib';

const journey = useJourney();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe('printed notices and the registration look-up', () => {
  test('the voter list notice and a voter card print without the application around them', async () => {
    const page = await journey.newPage(1280, 900, 'zh-CN');
    await login(page, journey.server.url, 'staff');
    const api = `${journey.server.url}/api/v1`;
    const list = await (await page.request.get(`${api}/elections`)).json();
    const coming = list.items.find((e: { title: string }) => e.title.includes('第八届'));
    const election = await (await page.request.get(`${api}/elections/${coming.id}`)).json();
    const published = election.districts.find(
      (d: { voterListPublishedOn: string | null }) => d.voterListPublishedOn,
    );
    await page.goto(`${journey.server.url}/elections/${coming.id}/districts/${published.id}/voter-list`);
    await page.getByRole('table').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.app-header', '.app-sider', '.app-footer', '.no-print'])
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    expect(
      await page
        .locator('.print-sheet thead')
        .first()
        .evaluate((e) => getComputedStyle(e).display),
    ).toBe('table-header-group');
    await shot(page, 'elections-print-1-notice');
    mkdirSync(RESULTS_DIR, { recursive: true });
    const pdf = await page.pdf({
      path: path.join(RESULTS_DIR, 'elections-print-notice.pdf'),
      preferCSSPageSize: true,
    });
    expect(pdf.length).toBeGreaterThan(10_000);

    await page.emulateMedia({ media: 'screen' });
    const withCard = election.districts.find((d: { name: string }) => d.name === '平岗街道第2选区');
    const voters = await (
      await page.request.get(`${api}/elections/${coming.id}/voters?districtId=${withCard.id}&limit=5`)
    ).json();
    const voter = voters.items.find((v: { voterCardNo: string | null }) => v.voterCardNo);
    await page.goto(`${journey.server.url}/elections/${coming.id}/voters/${voter.id}/card`);
    await page.getByTestId('voter-card').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-sider').first().isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: /打\s*印/ }).isVisible()).toBe(false);
    const border = await page.getByTestId('voter-card').evaluate((e) => getComputedStyle(e).borderTopWidth);
    expect(parseFloat(border)).toBeGreaterThanOrEqual(1.5);
    await shot(page, 'elections-print-2-card');
  });

  test('on a 375 px phone, signed out, a citizen checks their registration', async () => {
    const page = await journey.newPage(375, 800, 'zh-CN', { bypassCSP: true });
    const row = registerRows(addDays(today, 40))[3];
    await page.goto(`${journey.server.url}/elections/registration-check`);
    await page.getByTestId('lookup-name').fill(row.name);
    await page.getByTestId('lookup-id').fill('12345');
    await page.getByTestId('lookup-submit').click();
    await page.getByText('请填写18位公民身份号码').waitFor();
    await page.getByTestId('lookup-id').fill(row.idNumber);
    await page.getByTestId('lookup-submit').click();
    const answer = page.getByTestId('lookup-answer');
    await answer.getByText(/您已登记为/).waitFor();
    await answer.getByText(row.district).waitFor();
    expect(await answer.textContent()).not.toContain(row.idNumber);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(
      true,
    );
    await shot(page, 'elections-lookup-1-found-375');
    await page.getByTestId('lookup-name').fill(`${row.name}一`);
    await page.getByTestId('lookup-submit').click();
    await answer.getByText(/未查到您/).waitFor();
    await shot(page, 'elections-lookup-2-not-found-375');
    await page.addScriptTag({ content: axeSource });
    const violations = (await page.evaluate(async () => {
      const w = window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> };
      };
      return (await w.axe.run(document, { resultTypes: ['violations'] })).violations;
    })) as { id: string; impact: string | null }[];
    expect(
      violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
  });
  test('staff publish too many nominees for one seat, enter a primary, and confirm the two left', async () => {
    const page = await journey.newPage(1280, 900, 'zh-CN');
    await login(page, journey.server.url, 'staff');
    const list = await (await page.request.get(`${journey.server.url}/api/v1/elections`)).json();
    const coming = list.items.find((e: { title: string }) => e.title.includes('第八届'));
    await page.goto(`${journey.server.url}/elections/${coming.id}`);
    const district = page.getByTestId('district').filter({ hasText: '平岗街道第2选区' });
    await district.getByText(/罗慧敏 · 中国共产党东岭区委员会/).waitFor();
    for (const [name, party] of [
      ['梁振华', '中国民主建国会东岭区支部'],
      ['欧阳倩', '九三学社东岭区支社'],
    ]) {
      await district.getByTestId('add-candidate').click();
      await page.getByTestId('candidate-name').fill(name);
      await page.getByTestId('nominator').fill(party);
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /^确\s*定$/ })
        .click();
      await district.getByText(name).waitFor();
    }
    await district.getByTestId('publish-nominees').click();
    await district.getByText(/已公布候选人/).waitFor();
    await district.getByText('超过最高差额比例：须协商或预选').waitFor();
    expect(await district.getByTestId('add-candidate').count()).toBe(0);
    await district.getByTestId('enter-primary').click();
    await page.getByTestId('primary-votes-罗慧敏').fill('512');
    await page.getByTestId('primary-votes-梁振华').fill('288');
    await page.getByTestId('primary-votes-欧阳倩').fill('301');
    await shot(page, 'elections-nominees-1-primary');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^确\s*定$/ })
      .click();
    await district
      .getByTestId('left-off')
      .getByText(/梁振华（预选 288）/)
      .waitFor();
    await district.getByTestId('confirm-candidates').click();
    await district.getByText(/已确定/).waitFor();
    await shot(page, 'elections-nominees-2-confirmed');
  });
});
