// The opinions on the draft and the finance department's feedback, as .docx, printed for the deputies at the
// sitting (预算法 Art. 22 ¶7): round by round (area, date, place, who was invited), each opinion with its line or
// topic, who gave it and the feedback (or that none has come yet). Also the document helpers of the review report.
import { eq } from 'drizzle-orm';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { congresses } from '../../../platform/platform.table';
import { readableBudget } from '../budget.repository';
import { loadConsultation } from './get-consultation';

const BODY_FONT = '仿宋_GB2312';
const HEAD_FONT = '黑体';
const TITLE_FONT = '方正小标宋简体';
const SIZE_3 = 32; // 三号, in half-points
const SIZE_2 = 44; // 二号
const PAGE = { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } };

export const docTitle = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 400 },
    children: [new TextRun({ text, font: TITLE_FONT, size: SIZE_2 })],
  });
export const heading = (text: string) =>
  new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
    children: [new TextRun({ text, font: HEAD_FONT, size: SIZE_3 })],
  });
export const para = (text: string, opts: { indent?: boolean; right?: boolean } = {}) =>
  new Paragraph({
    alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    indent: opts.indent === false || opts.right ? undefined : { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
    children: [new TextRun({ text, font: BODY_FONT, size: SIZE_3 })],
  });
export const pack = async (title: string, creator: string, children: Paragraph[]) =>
  Buffer.from(
    await Packer.toBuffer(new Document({ creator, title, sections: [{ properties: PAGE, children }] })),
  );

/** 2026-12-07 → 2026年12月7日 */
export const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export async function congressName(db: Db, congressId: string) {
  const [c] = await db
    .select({ name: congresses.name })
    .from(congresses)
    .where(eq(congresses.id, congressId));
  return c?.name ?? '';
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export const numeral = (i: number) => NUMERALS[i] ?? String(i + 1);

export async function renderConsultationOpinions(db: Db, actor: Actor, budgetId: string) {
  const budget = await readableBudget(db, actor, budgetId);
  const name = await congressName(db, budget.congressId);
  const all = await loadConsultation(db, budget);
  const count = all.reduce((a, r) => a + r.opinions.length, 0);
  const answered = all.reduce((a, r) => a + r.opinions.filter((o) => o.status === 'answered').length, 0);
  const children: Paragraph[] = [
    docTitle(`${budget.year}年预算草案征求代表和选民代表意见建议及财政部门反馈情况`),
    para(
      `根据《中华人民共和国预算法》第二十二条、第四十五条的规定，${name}常务委员会在大会召开前分${all.length}个片区组织代表和选民代表对${budget.year}年预算草案提出意见建议，共收集意见建议${count}条，财政部门已逐条研究反馈${answered}条。现将意见建议及反馈情况印发各位代表。`,
    ),
  ];
  all.forEach(({ round, invitees, opinions }, i) => {
    const deputies = invitees.filter((x) => x.kind === 'deputy').length;
    const voters = invitees.length - deputies;
    children.push(
      heading(`${numeral(i)}、${round.area}`),
      para(
        `${chineseDate(round.heldOn)}${round.place ? `在${round.place}` : ''}召开座谈会，邀请区人大代表${deputies}名、选民代表${voters}名参加：${invitees.map((x) => x.name).join('、')}。`,
      ),
    );
    if (!opinions.length) children.push(para('本片区座谈会未提出意见建议。'));
    opinions.forEach((o, j) => {
      const subject = o.code ? `${o.code} ${o.lineName}` : o.topic;
      children.push(
        para(
          `${j + 1}. 【${subject}${o.code && o.topic ? `·${o.topic}` : ''}】${o.by}（${o.byKind === 'deputy' ? '代表' : '选民代表'}）：${o.content}`,
        ),
        para(o.status === 'answered' ? `财政部门反馈：${o.feedback}` : '财政部门反馈：正在研究，尚未反馈。'),
      );
    });
  });
  return {
    fileName: `budget-${budget.year}-opinions.docx`,
    data: await pack(`${budget.year}年预算草案意见建议及反馈`, name, children),
  };
}
