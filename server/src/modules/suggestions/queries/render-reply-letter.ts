// The official reply letter (答复函) as .docx in the standard document layout (GB/T 9704 style): the result
// category at the top right of the first page, title, addressee, body, assisting units' opinions, unit and date.
import { and, eq, inArray } from 'drizzle-orm';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { Ctx } from '../../../platform/context';
import { notFound, unauthorized } from '../../../platform/errors';
import { deputies, handlingUnits } from '../../registry';
import { findSuggestion, resourceOf, SUGGESTION } from '../suggestions.repository';
import { isHiddenFrom, suggestionPolicy } from '../suggestions.policy';
import { suggestionCosigners, suggestionReplies, suggestionUnitOpinions } from '../suggestions.table';

const BODY_FONT = '仿宋_GB2312';
const TITLE_FONT = '方正小标宋简体';
const SIZE_3 = 32; // 三号 = 16 pt, in half-points
const SIZE_2 = 44; // 二号 = 22 pt

const body = (
  text: string,
  opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
) =>
  new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    indent: opts.indent === false ? undefined : { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
    children: [new TextRun({ text, font: BODY_FONT, size: SIZE_3 })],
  });

export const chineseDate = (d: Date) => {
  const s = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
  const [y, m, day] = s.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

export async function renderReplyLetter(
  ctx: Ctx,
  suggestionId: string,
  replyId: string,
): Promise<{ fileName: string; data: Buffer }> {
  if (!ctx.actor) throw unauthorized();
  const db = ctx.app.db;
  const row = await findSuggestion(db, ctx.actor.congressId, suggestionId);
  const res = await resourceOf(db, row);
  if (isHiddenFrom(ctx.actor, res)) throw notFound(SUGGESTION);
  suggestionPolicy.authorize(ctx.actor, 'view', res);
  const [reply] = await db
    .select()
    .from(suggestionReplies)
    .where(and(eq(suggestionReplies.id, replyId), eq(suggestionReplies.suggestionId, row.id)));
  if (!reply) throw notFound({ zh: '答复', en: 'reply' });
  const cos = await db
    .select()
    .from(suggestionCosigners)
    .where(and(eq(suggestionCosigners.suggestionId, row.id), eq(suggestionCosigners.status, 'confirmed')));
  const names = await db
    .select({ id: deputies.id, name: deputies.name })
    .from(deputies)
    .where(inArray(deputies.id, [row.proposerDeputyId, ...cos.map((c) => c.deputyId)]));
  const proposer = names.find((n) => n.id === row.proposerDeputyId)?.name ?? '';
  const others = names.filter((n) => n.id !== row.proposerDeputyId).map((n) => n.name);
  const opinions = await db
    .select()
    .from(suggestionUnitOpinions)
    .where(eq(suggestionUnitOpinions.suggestionId, row.id));
  const unitIds = [reply.unitId, ...opinions.map((o) => o.unitId)];
  const units = await db
    .select({ id: handlingUnits.id, name: handlingUnits.name })
    .from(handlingUnits)
    .where(inArray(handlingUnits.id, unitIds));
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? '';

  const doc = new Document({
    creator: unitName(reply.unitId),
    title: `关于${row.number ?? ''}建议的答复`,
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } }, // 37/35/28/26 mm
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [
              new TextRun({ text: `${reply.category}`, font: 'Times New Roman', size: SIZE_3, bold: true }),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: `${row.number ?? ''}`, font: BODY_FONT, size: 24 })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 400, after: 400 },
            children: [
              new TextRun({
                text: `${unitName(reply.unitId)}关于${row.number ?? ''}建议的${reply.round > 1 ? '再次' : ''}答复`,
                font: TITLE_FONT,
                size: SIZE_2,
              }),
            ],
          }),
          body(`${[proposer, ...others].join('、')}代表：`, { indent: false }),
          body(`您提出的《${row.title}》建议收悉。现答复如下：`),
          ...reply.content.split(/\n+/).map((p) => body(p)),
          ...(opinions.length
            ? [
                body('附：协办单位意见', { indent: false }),
                ...opinions.map((o) => body(`${unitName(o.unitId)}：${o.content}`)),
              ]
            : []),
          body('感谢您对我们工作的关心和支持。', {}),
          new Paragraph({ spacing: { before: 600 }, children: [] }),
          body(unitName(reply.unitId), { indent: false, align: AlignmentType.RIGHT }),
          body(chineseDate(reply.createdAt), { indent: false, align: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return {
    fileName: `reply-${row.number ?? row.id}-${reply.round}.docx`,
    data: Buffer.from(await Packer.toBuffer(doc)),
  };
}
