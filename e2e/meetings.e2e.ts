// Browser journey of a standing committee meeting (issue 17): staff at 1280 px create today's meeting, add a
// resolution and an appointment, sign the members in and open the resolution's vote; the demo `member` votes on
// a 375 px phone in English and the chair (the demo `leader`) on a phone in Chinese; staff close the vote and
// the resolution FAILS although yes outnumbers no: 2 yes, 0 no of 35 members is not more than half of ALL
// members (地方组织法 Art. 51). Then the appointment's secret vote on the encrypted-ballot engine: staff name three
// tellers, who hold their key ceremony each in their own browser (one at 375 px in English) and download their
// share files; the member casts an encrypted ballot on a 375 px phone in English and gets a receipt; staff close;
// two tellers decrypt the totals from their files; the result (failed: 1 yes of 35 members) and the bulletin show.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { login, shot, useJourney } from './lib';

const journey = useJourney();

let meetingUrl = '';

const newPage = journey.newPage;

const noHorizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

describe('meeting journey', () => {
  test('staff at 1280 px prepare today’s meeting, sign the members in and open the resolution’s vote', async () => {
    const page = await newPage(1280, 900, 'zh-CN');
    await login(page, journey.server.url, 'staff');
    await page.goto(`${journey.server.url}/meetings`);
    // The demo's meeting of today is listed, with last month's.
    await page.getByText('区第七届人大常委会第十二次会议').waitFor();
    await shot(page, 'meetings-1-list-1280');
    // Today's demo meeting: its agenda with a document distributed late, flagged.
    await page.getByRole('link', { name: '区第七届人大常委会第十二次会议' }).click();
    await page.getByText('任命王立新为区教育局局长').waitFor();
    expect(await page.getByText('逾期', { exact: true }).count()).toBe(1);
    await shot(page, 'meetings-1b-demo-meeting-1280');
    await page.goto(`${journey.server.url}/meetings`);
    await page.getByTestId('new-meeting').click();
    await page.getByTestId('meeting-title').fill('区第七届人大常委会第十三次会议（临时）');
    await page.getByRole('button', { name: /^确\s*定$|^OK$/ }).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]+$/);
    meetingUrl = page.url();
    await page.getByText('未达法定人数（需 18 人）').waitFor();

    for (const [kind, title] of [
      ['议案', '关于加强社区养老服务的决议（草案）'],
      ['任命', '任命张三为区民政局局长'],
    ]) {
      await page.getByTestId('add-item').click();
      await page.getByTestId('item-kind').click();
      await page
        .locator('.ant-select-item-option')
        .filter({ hasText: new RegExp(`^${kind}$`) })
        .click();
      await page.getByTestId('item-title').fill(title);
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /^确\s*定$/ })
        .click();
      await page.getByText(title).waitFor();
    }
    await page.getByTestId('sign-in-all').click();
    await page.getByText('已达法定人数').waitFor();
    await page.getByTestId('open-vote-1').click();
    await page.getByText(/表决中（已投 0\/35）/).waitFor();
    await shot(page, 'meetings-2-console-1280');
  });

  test('the member votes yes on a 375 px phone in English, once', async () => {
    const page = await newPage(375, 812, 'en');
    await login(page, journey.server.url, 'member');
    await page.goto(`${journey.server.url}/meetings/votes`);
    await page.getByText('关于加强社区养老服务的决议（草案）').waitFor();
    await shot(page, 'meetings-3-my-votes-375-en');
    expect(await noHorizontalOverflow(page)).toBe(true);
    await page.getByRole('button', { name: 'Vote' }).first().click();
    await page.waitForURL(/\/meeting-votes\/[0-9a-f-]+$/);
    await page.getByText('Passing needs 18 yes votes (35 members)').waitFor();
    await page.getByTestId('choice-yes').click();
    await page.getByText('You vote “Yes”. A vote cannot be changed.').waitFor();
    await shot(page, 'meetings-4-confirm-375-en');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('You voted: Yes').waitFor();
    expect(await page.getByTestId('choice-yes').count()).toBe(0);
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'meetings-5-voted-375-en');
    // The meeting as the member sees it on the phone.
    await page.getByRole('link', { name: /第十三次会议/ }).click();
    await page.getByText('You are a member of this meeting: Present').waitFor();
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'meetings-5b-meeting-375-en');
  });

  test('the chair (the leader account, by membership) votes yes on a phone', async () => {
    const page = await newPage(375, 812, 'zh-CN');
    await login(page, journey.server.url, 'leader');
    await page.goto(`${journey.server.url}/meetings/votes`);
    await page
      .getByRole('button', { name: /^去表决$/ })
      .first()
      .click();
    await page.getByTestId('choice-yes').click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^确\s*认$/ })
      .click();
    await page.getByText('您已表决：赞成').waitFor();
  });

  test('staff close the vote: 2 yes to 0 no of 35 members fails (more than half of ALL members needed)', async () => {
    const page = await newPage(1280, 900, 'zh-CN');
    await login(page, journey.server.url, 'staff');
    await page.goto(meetingUrl);
    await page.getByText(/表决中（已投 2\/35）/).waitFor();
    await page.getByTestId('close-vote-1').click();
    await page
      .getByRole('button', { name: /^确\s*定$|^OK$/ })
      .last()
      .click();
    const result = page.getByTestId('result-1');
    await result.waitFor();
    expect(await result.innerText()).toContain('未通过');
    expect(await result.innerText()).toContain('赞成 2，反对 0，弃权 0，未按表决器 33（组成人员 35 人）');
    await shot(page, 'meetings-6-result-1280');
    // The minutes download as a Word document with the result in it.
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('minutes-docx').click(),
    ]);
    const data = readFileSync(await file.path());
    expect(data.subarray(0, 2).toString()).toBe('PK');
    expect(data.includes(Buffer.from('word/document.xml'))).toBe(true);
    expect(file.suggestedFilename()).toMatch(/纪要\.docx$/);
  });

  test('the appointment’s secret vote: three tellers’ key ceremony in their browsers, the member’s encrypted ballot at 375 px, two tellers’ decryption, the result', async () => {
    const staff = await newPage(1280, 900, 'zh-CN');
    await login(staff, journey.server.url, 'staff');
    await staff.goto(meetingUrl);
    await staff.getByTestId('open-vote-2').click();
    await staff.getByTestId('secret-tellers').click();
    for (const n of [1, 2, 3]) {
      await staff
        .locator('.ant-select-item-option')
        .filter({ hasText: `（teller${n}）` })
        .click();
    }
    // The dropdown stays open over the buttons: close it by clicking the dialog's title.
    await staff.getByRole('dialog').getByText('开始无记名表决').click();
    await staff
      .getByRole('dialog')
      .getByRole('button', { name: /^开始表决$/ })
      .click();
    await staff.waitForURL(/\/meeting-votes\/[0-9a-f-]+$/);
    const voteUrl = staff.url();
    await staff.getByText('计票人生成密钥').waitFor();
    await shot(staff, 'meetings-6b-secret-preparing-1280');

    // The three tellers, each on their own device (the key-exchange key stays in that browser until dealt).
    const tellers = [];
    for (const n of [1, 2, 3]) {
      const tp = n === 2 ? await newPage(375, 812, 'en') : await newPage(1280, 900, 'zh-CN');
      await login(tp, journey.server.url, `teller${n}`);
      await tp.goto(voteUrl);
      await tp.getByTestId('teller-make-key').click();
      await tp.getByTestId('teller-deal').waitFor();
      tellers.push(tp);
    }
    for (const tp of tellers) {
      await tp.reload();
      const deal = tp.getByTestId('teller-deal');
      await deal.waitFor();
      await deal.click();
      await deal.waitFor({ state: 'detached' });
    }
    const shares: string[] = [];
    for (const [i, tp] of tellers.entries()) {
      await tp.reload();
      const [file] = await Promise.all([
        tp.waitForEvent('download'),
        tp.getByTestId('teller-save-share').click(),
      ]);
      const saved = path.join(journey.server.dataDir, `e2e-teller${i + 1}.share`);
      await file.saveAs(saved);
      shares.push(saved);
      if (i === 1) {
        await shot(tp, 'meetings-6c-teller-share-375-en');
        expect(await noHorizontalOverflow(tp)).toBe(true);
      }
    }
    await staff.reload();
    await staff.getByTestId('open-ballot').click();
    await staff
      .getByText(/表决中|已投/)
      .first()
      .waitFor();

    // The member, on a phone in English: the ballot is encrypted on the phone, answered with a receipt.
    const phone = await newPage(375, 812, 'en');
    await login(phone, journey.server.url, 'member');
    await phone.goto(voteUrl);
    await phone.getByTestId('secret-intro').waitFor();
    await phone.getByTestId('choice-yes').click();
    await shot(phone, 'meetings-6d-secret-confirm-375-en');
    await phone.getByRole('button', { name: 'Confirm' }).click();
    await phone.getByText('You have voted (secret ballot)').waitFor();
    expect((await phone.getByTestId('receipt').innerText()).length).toBeGreaterThan(20);
    expect(await phone.getByTestId('choice-yes').count()).toBe(0);
    expect(await noHorizontalOverflow(phone)).toBe(true);
    await shot(phone, 'meetings-6e-secret-voted-375-en');

    await staff.reload();
    await staff.getByRole('button', { name: '结束表决' }).click();
    await staff.getByText('表决已结束，等待计票人解密总数（三人中两人即可）').waitFor();
    for (const i of [0, 1]) {
      const tp = tellers[i];
      await tp.reload();
      await tp.getByTestId('teller-share-file').setInputFiles(shares[i]);
      if (i === 0) await tp.getByTestId('teller-decrypted').waitFor({ timeout: 30_000 });
    }
    // One yes of 35 members: not appointed (more than half of ALL members needed).
    await phone.reload();
    const result = phone.getByTestId('vote-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.innerText()).toContain('Yes 1, no 0, abstain 0, not voting 34 (35 members)');
    await phone.getByTestId('bulletin').waitFor();
    expect(await noHorizontalOverflow(phone)).toBe(true);
    await shot(phone, 'meetings-6f-secret-result-375-en');
    await staff.reload();
    const counted = staff.getByTestId('vote-result');
    await counted.waitFor();
    // Cast on phones, not on the room's voting device: "not voting", not "did not press the voter".
    expect(await counted.innerText()).toContain('赞成 1，反对 0，弃权 0，未投票 34（组成人员 35 人）');
    await shot(staff, 'meetings-6g-secret-result-1280');
  });

  test('staff at 1280 px file an appointment case and put it on the new meeting’s agenda; its deadline is checked', async () => {
    const page = await newPage(1280, 900, 'zh-CN');
    await login(page, journey.server.url, 'staff');
    await page.goto(`${journey.server.url}/appointments`);
    // The demo's cases: today's removal and three appointments on the agenda, the 21 appointed heads.
    await page.getByText('免职 · 林建平 · 区教育局局长', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: '提请任免' }).click();
    await page.getByTestId('case-nominee').fill('许文华');
    await page.getByTestId('case-post').fill('区民政局副局长（试用）');
    await page.getByTestId('case-organization').fill('区民政局');
    await page.getByTestId('case-reasons').fill('区长提请：工作需要');
    // Without the CV the server's field error is shown on the field.
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^确\s*定$/ })
      .click();
    await page
      .getByText('请输入简历', { exact: false })
      .or(page.locator('.ant-form-item-explain-error'))
      .first()
      .waitFor();
    await page.getByTestId('case-cv').fill('1981年生，大学学历，历任区民政局社会救助科科长。');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^确\s*定$/ })
      .click();
    await page.waitForURL(/\/appointments\/[0-9a-f-]+$/);
    await page.getByTestId('case-status').getByText('已提请').waitFor();
    await page.getByRole('button', { name: '列入会议议程' }).click();
    await page.getByTestId('case-meeting').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '第十三次会议（临时）' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^确\s*定$/ })
      .click();
    await page.getByTestId('case-status').getByText('已列入议程').waitFor();
    await shot(page, 'meetings-7-appointment-1280');
    await page.getByRole('link', { name: /第十三次会议/ }).click();
    await page.getByText('3. 任命许文华为区民政局副局长（试用）').waitFor();
  });

  test('a leader reads the cases and the register on a 375 px phone in English', async () => {
    const page = await newPage(375, 812, 'en');
    await login(page, journey.server.url, 'leader');
    await page.goto(`${journey.server.url}/appointments`);
    await page.getByRole('heading', { name: 'Appointment cases' }).waitFor();
    await page.getByText('Appointment · 许文华', { exact: false }).waitFor();
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'meetings-8-appointments-375-en');
    await page.getByText('Appointment · 许文华', { exact: false }).click();
    await page.getByTestId('case-status').getByText('On the agenda').waitFor();
    expect(await page.getByRole('button', { name: 'Put on a meeting’s agenda' }).count()).toBe(0);
    expect(await noHorizontalOverflow(page)).toBe(true);
    await shot(page, 'meetings-9-appointment-375-en');
  });

  test('staff follow the court’s report: its handling report in, a satisfaction vote to arrange; in English at 375 px', async () => {
    const page = await newPage(1280, 900, 'zh-CN');
    await login(page, journey.server.url, 'staff');
    await page.goto(`${journey.server.url}/oversight-reports`);
    await page.getByText('区人民法院 · 听取区人民法院关于民事审判工作情况的报告').click();
    await page.getByTestId('oversight-status').getByText('已报告处理情况').waitFor();
    await page.getByRole('button', { name: '安排满意度测评' }).waitFor();
    await shot(page, 'meetings-10-oversight-1280');

    const phone = await newPage(375, 812, 'en');
    await login(phone, journey.server.url, 'leader');
    await phone.goto(`${journey.server.url}/oversight-reports`);
    await phone.getByRole('heading', { name: 'Oversight of reports' }).waitFor();
    await phone.getByText('Opinions sent').waitFor();
    expect(await noHorizontalOverflow(phone)).toBe(true);
    await shot(phone, 'meetings-11-oversight-375-en');
  });
});
