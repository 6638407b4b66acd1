// The meeting's documents as .docx in the standard official-document layout (GB/T 9704 style, as the reply
// letters of the suggestions module): the minutes (会议纪要: date, venue, attendance and quorum, the agenda with
// each vote's count against ALL members and its result) and an appointment letter (任命书) for an appointed case.
import { and, eq } from 'drizzle-orm';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { conflict, notFound } from '../../../platform/errors';
import { congresses } from '../../../platform/platform.table';
import { appointmentCases, meetings } from '../meetings.table';
import { getMeeting } from './get-meeting';

const BODY_FONT = '仿宋_GB2312';
const TITLE_FONT = '方正小标宋简体';
const SIZE_3 = 32; // 三号 = 16 pt, in half-points
const SIZE_2 = 44; // 二号 = 22 pt
const PAGE = { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } }; // 37/35/28/26 mm

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
const para = (text: string, opts: { indent?: boolean; align?: Align } = {}) =>
  new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    indent: opts.indent === false ? undefined : { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
    children: [new TextRun({ text, font: BODY_FONT, size: SIZE_3 })],
  });
const title = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 400 },
    children: [new TextRun({ text, font: TITLE_FONT, size: SIZE_2 })],
  });

/** 2026-12-07 → 2026年12月7日 */
export const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

async function congressName(db: Db, congressId: string) {
  const [c] = await db
    .select({ name: congresses.name })
    .from(congresses)
    .where(eq(congresses.id, congressId));
  return c?.name ?? '';
}

const pack = async (docTitle: string, creator: string, children: Paragraph[]) =>
  Packer.toBuffer(new Document({ creator, title: docTitle, sections: [{ properties: PAGE, children }] }));

/** The minutes of a meeting, for whoever may read the meeting. */
export async function renderMinutes(db: Db, actor: Actor, meetingId: string) {
  const m = await getMeeting(db, actor, meetingId);
  const name = await congressName(db, actor.congressId);
  const onLeave = m.roll.filter((r) => r.attendance === 'onLeave');
  const absent = m.roll.filter((r) => r.attendance === 'absent');
  const children = [
    title(`${m.title}纪要`),
    para(
      `${m.title}于${chineseDate(m.date)}${m.venue ? `在${m.venue}` : ''}举行。会议应到组成人员${m.members}人，实到${m.present}人，${m.quorum ? '符合法定人数' : '不足法定人数'}。`,
    ),
    ...(onLeave.length
      ? [para(`请假：${onLeave.map((r) => `${r.name}（${r.leaveReason}）`).join('、')}。`)]
      : []),
    ...(absent.length && m.status !== 'planned'
      ? [para(`缺席：${absent.map((r) => r.name).join('、')}。`)]
      : []),
    ...(m.nonVotingAttendees.length
      ? [
          para(
            `列席：${m.nonVotingAttendees.map((a) => (a.organization ? `${a.organization}${a.name}` : a.name)).join('、')}。`,
          ),
        ]
      : []),
    para('会议议程及表决结果如下：'),
    ...m.agenda.map((i) => {
      const v = i.vote;
      const result =
        v && v.status === 'closed'
          ? `表决结果：赞成${v.yes}票，反对${v.no}票，弃权${v.abstain}票，未按表决器${v.notVoting}人（组成人员${v.members}人），${v.passed ? '通过' : '未通过'}。`
          : i.voted
            ? '未付表决。'
            : '听取和审议。';
      return para(`${i.position}. ${i.title}。${result}`);
    }),
    para(`${name}常务委员会办公室`, { indent: false, align: AlignmentType.RIGHT }),
    para(chineseDate(m.endDate), { indent: false, align: AlignmentType.RIGHT }),
  ];
  return {
    fileName: `${m.title}纪要.docx`,
    data: await pack(`${m.title}纪要`, `${name}常务委员会`, children),
  };
}

/** The appointment letter (任命书) of an appointed case: the decision of the standing committee's meeting. */
export async function renderAppointmentLetter(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({ c: appointmentCases, meetingTitle: meetings.title })
    .from(appointmentCases)
    .leftJoin(meetings, eq(meetings.id, appointmentCases.meetingId))
    .where(and(eq(appointmentCases.id, id), eq(appointmentCases.congressId, actor.congressId)));
  if (!row) throw notFound({ zh: '任免案', en: 'appointment case' });
  const { c } = row;
  if (c.status !== 'appointed' || !c.decidedOn)
    throw conflict('not_appointed', {
      zh: '仅对已任命的人员出具任命书',
      en: 'An appointment letter is issued only for an appointed case',
    });
  const name = await congressName(db, actor.congressId);
  const committee = `${name}常务委员会`;
  const children = [
    title('任 命 书'),
    para(
      `根据《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》第五十条的规定，${row.meetingTitle ?? committee}于${chineseDate(c.decidedOn)}决定：`,
    ),
    para(`任命${c.nomineeName}为${c.post}${c.acting ? '（代理）' : ''}。`),
    para(committee, { indent: false, align: AlignmentType.RIGHT }),
    para(chineseDate(c.decidedOn), { indent: false, align: AlignmentType.RIGHT }),
  ];
  return {
    fileName: `任命书-${c.nomineeName}-${c.post}.docx`,
    data: await pack(`任命书 ${c.nomineeName}`, committee, children),
  };
}
