// Browser journey of an enterprise-visit campaign (issue 20): staff at 1280 px create the campaign, import the
// firms from an .xlsx (one row refused for its credit code), build a two-question questionnaire and give a firm
// to the demo deputy; the deputy, on a 375 px phone in English, records the visit with the answers and two
// problems, each sent to a unit as an opinion; the dashboard counts the firm visited and the two problems. The
// unit replies to one problem on its phone; the deputy (375 px, English) sees the reply under "problems raised"
// and records the firm's rating (satisfied); the dashboard's solved count follows, and staff see the problems
// with the reply and the rating on the campaign page. Screenshots in test-results/.
import { describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { login, shot, useJourney } from './lib';

const journey = useJourney();

let campaignUrl = '';
const TITLE = '东岭区规上工业企业走访（四季度）';
const FIRM = '东岭恒信精工有限公司';
const ROAD = '企业门前道路限时通行，原料运输车辆进出困难';
const REPLY = '已调整该路段货车通行时段为夜间22时至次日6时，并为企业办理原料运输车辆通行证。';

const newPage = journey.newPage;

const day = (offset: number) =>
  new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

async function firmsSheet(street: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业');
  ws.addRow(['企业名称', '统一社会信用代码', '行业', '街道', '规模']);
  ws.addRow([FIRM, '91350100M000100Y43', '装备制造', street, '中型']);
  ws.addRow(['东岭嘉禾食品有限公司', '91110000802100433B', '食品加工', street, '小型']);
  ws.addRow(['校验位错误的公司', '91110000802100433C', '食品加工', street, '小型']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('enterprise-visit journey', () => {
  test('staff at 1280 px create the campaign, import the firms, build the questionnaire and assign a firm', async () => {
    const probe = await newPage(375, 800, 'en');
    await login(probe, journey.server.url, 'deputy');
    const deputyId = (await (await probe.request.get(`${journey.server.url}/api/v1/auth/me`)).json()).user
      .deputyId;
    const page = await newPage(1280, 900, 'zh-CN');
    await login(page, journey.server.url, 'staff');
    const name = (await (await page.request.get(`${journey.server.url}/api/v1/deputies/${deputyId}`)).json())
      .name;
    const street = (
      await (await page.request.get(`${journey.server.url}/api/v1/jurisdictions?level=street`)).json()
    ).items?.[0]?.name as string;
    expect(street).toBeTruthy();

    await page.goto(`${journey.server.url}/campaigns`);
    await page.getByTestId('new-campaign').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('类别').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '走访调研企业' })
      .click();
    await dialog.getByLabel('名称').fill(TITLE);
    await dialog.getByLabel('开始日期').fill(day(-1));
    await dialog.getByLabel('结束日期').fill(day(30));
    await dialog.getByRole('button', { name: /^确\s*定$/ }).click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]+$/);
    campaignUrl = page.url();

    await page.getByRole('tab', { name: '走访企业' }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: '企业名单.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await firmsSheet(street),
    });
    await page.getByTestId('import-report').getByText('导入 2 家企业，1 行未导入').waitFor();
    await page.getByTestId('campaign-firms').getByText(FIRM).waitFor();

    await page.getByRole('tab', { name: '走访问卷' }).click();
    await page.getByTestId('add-question').click();
    const q1 = page.getByTestId('question-0');
    await q1.getByPlaceholder('题目').fill('企业当前经营状况');
    await q1.getByPlaceholder('每行一个选项').fill('良好\n一般\n困难');
    await q1.getByRole('checkbox').check();
    await page.getByTestId('add-question').click();
    const q2 = page.getByTestId('question-1');
    await q2.getByPlaceholder('题目').fill('对政府部门的其他意见建议');
    await q2.getByLabel('题型').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '填空题' })
      .click();
    await page.getByTestId('save-questionnaire').click();
    await page.getByText('已保存').first().waitFor();
    await shot(page, 'visits-1-questionnaire-1280');

    await page.getByRole('tab', { name: '走访企业' }).click();
    await page
      .getByTestId('campaign-firms')
      .getByRole('row')
      .filter({ hasText: FIRM })
      .getByRole('button', { name: '分配' })
      .click();
    await page.getByTestId('assign-deputy').click();
    await page.keyboard.type(name);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: name })
      .first()
      .click();
    await page.keyboard.press('Escape');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^确\s*定$/ })
      .click();
    await page
      .getByTestId('campaign-firms')
      .getByRole('row')
      .filter({ hasText: FIRM })
      .getByText(name)
      .waitFor();
    await shot(page, 'visits-2-firms-1280');
  });

  test('the deputy on a 375 px phone in English records the visit with two problems', async () => {
    const page = await newPage(375, 800, 'en');
    await login(page, journey.server.url, 'deputy');
    await page.goto(`${journey.server.url}/campaigns`);
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByTestId('my-firms').getByText(FIRM).waitFor();
    await page.getByRole('button', { name: 'Record the visit' }).click();
    const form = page.getByTestId('visit-form');
    await form.getByRole('radio', { name: '困难' }).check();
    await form.getByLabel('People met').fill('总经理、财务负责人');
    for (const [i, text] of [ROAD, '周边公交班次少，职工通勤不便'].entries()) {
      await page.getByTestId('add-issue').click();
      const issue = page.getByTestId('issue').nth(i);
      await issue.getByRole('textbox').fill(text);
      await issue.getByRole('combobox').click();
      await page.keyboard.type('交通');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    }
    await shot(page, 'visits-3-form-375-en');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(
      true,
    );
    await page.getByTestId('save-visit').click();
    await page
      .getByTestId('my-firms')
      .getByText(/Visited/)
      .first()
      .waitFor();
    await shot(page, 'visits-4-done-375-en');
  });

  test('the dashboard counts the firm visited and the two problems', async () => {
    const page = await newPage(1280, 900, 'zh-CN');
    await login(page, journey.server.url, 'staff');
    await page.goto(campaignUrl);
    await page
      .getByTestId('report-sentence')
      .getByText(/走访企业1家，发放问卷1份，收集问题和建议2条，已解决0条/)
      .waitFor();
    await shot(page, 'visits-5-dashboard-1280');
  });
  test('the unit replies to one of the problems on its phone', async () => {
    const staff = await newPage(1280, 900, 'zh-CN');
    await login(staff, journey.server.url, 'staff');
    const campaignId = campaignUrl.split('/').pop();
    // The opinion is made after the visit's commit: wait until the problem shows it forwarded.
    let opinionId = '';
    for (let i = 0; i < 20 && !opinionId; i++) {
      const { items } = (await (
        await staff.request.get(`${journey.server.url}/api/v1/campaigns/${campaignId}/issues`)
      ).json()) as { items: { content: string; opinionId: string; status: string }[] };
      const road = items.find((x) => x.content === ROAD && x.status === 'forwarded');
      if (road) opinionId = road.opinionId;
      else await staff.waitForTimeout(500);
    }
    expect(opinionId).toBeTruthy();
    const page = await newPage(375, 800, 'zh-CN');
    await login(page, journey.server.url, 'unit');
    await page.goto(`${journey.server.url}/opinions/item/${opinionId}`);
    await page.getByText(ROAD, { exact: false }).first().waitFor();
    await page.getByRole('button', { name: '正式答复' }).click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByRole('radio', { name: '已解决', exact: true }).check();
    await dialog.getByLabel('答复内容').fill(REPLY);
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.locator('.page-header .ant-tag').filter({ hasText: '已答复待评价' }).waitFor();
  });

  test('the deputy on a 375 px phone in English sees the reply and records the firm is satisfied', async () => {
    const page = await newPage(375, 800, 'en');
    await login(page, journey.server.url, 'deputy');
    await page.goto(`${journey.server.url}/campaigns`);
    await page.getByRole('link', { name: TITLE }).click();
    const issues = page.getByTestId('firm-issues');
    const road = issues.getByTestId('firm-issue').filter({ hasText: ROAD });
    await road.getByTestId('firm-issue-reply').getByText(REPLY).waitFor();
    await road.getByTestId('firm-issue-status').getByText('Replied, to be rated').waitFor();
    // The other problem is still with the unit: no reply, nothing to rate.
    const bus = issues.getByTestId('firm-issue').filter({ hasText: '周边公交班次少' });
    await bus.getByText('The unit has not replied yet').waitFor();
    expect(await bus.getByRole('button', { name: 'Rate the answer' }).count()).toBe(0);
    await road.scrollIntoViewIfNeeded();
    await shot(page, 'visits-6-reply-375-en');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(
      true,
    );
    await road.getByRole('button', { name: 'Rate the answer' }).click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByRole('radio', { name: 'Satisfied', exact: true }).check();
    await dialog.getByLabel("Firm's comment (optional)").fill('企业表示通行证已办好，运输恢复正常');
    await shot(page, 'visits-7-rate-375-en');
    await dialog.getByRole('button', { name: /OK/ }).click();
    await road.getByTestId('firm-issue-status').getByText('Solved').waitFor();
    await road
      .getByTestId('firm-issue-rating')
      .getByText(/Satisfied/)
      .waitFor();
    expect(await road.getByRole('button', { name: 'Rate the answer' }).count()).toBe(0);
    await road.scrollIntoViewIfNeeded();
    await shot(page, 'visits-8-rated-375-en');
  });

  test("the dashboard's solved count follows, and staff see the problems with the reply and the rating", async () => {
    const page = await newPage(1280, 900, 'zh-CN');
    await login(page, journey.server.url, 'staff');
    await page.goto(campaignUrl);
    await page
      .getByTestId('report-sentence')
      .getByText(/收集问题和建议2条，已解决1条/)
      .waitFor();
    await page.getByRole('tab', { name: '企业反映的问题' }).click();
    const road = page.getByTestId('firm-issues').getByTestId('firm-issue').filter({ hasText: ROAD });
    await road.getByTestId('firm-issue-status').getByText('已解决').waitFor();
    await road.getByTestId('firm-issue-rating').getByText(/满意/).waitFor();
    await road.getByText(REPLY).waitFor();
    await shot(page, 'visits-9-issues-1280');
  });
});
