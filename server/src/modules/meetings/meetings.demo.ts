// The demo's meetings: last month's standing committee meeting held and closed (a resolution passed by named
// vote, two members on leave), last week's chairpersons' meeting that prepared today's agenda, and TODAY's
// standing committee meeting, planned, with its agenda — a resolution (one of its documents distributed late,
// and flagged), a work report, a removal and three appointments (voted secretly, issue 21) — so that staff
// can sign the members in and open the resolution's vote, and the demo `member` can vote on a phone. The register
// of office-holders: the new government's 21 department heads appointed at the term's first meeting, within the
// two months of 地方组织法 Art. 71 (the votes were taken on the room's system; secret votes are not taken here
// until issue 21), their predecessors' holdings ended that day, and today's removal and appointments on the agenda.
import { and, eq, inArray } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import { SECRET_OPTIONS, type VoteChoice } from '@minyi/domain/meetings';
import { encryptBallot, partialDecrypt } from '@minyi/domain/ballots/crypto';
import {
  DEFAULT_HANDLING_REPORT_MONTHS,
  handlingReportDue,
  newGovernmentDeadline,
  tallyVote,
} from '@minyi/domain/meetings';
import type { DemoContext } from '../../platform/demo';
import { systemCtx, transact, type AppServices, type Ctx } from '../../platform/context';
import { decideInquiry, fileInquiry } from './commands/inquiry';
import { newId } from '../../platform/ids';
import {
  appointmentCases,
  meetingAgendaItems,
  meetingBallots,
  meetingMembers,
  meetings,
  meetingVotes,
  officeHoldings,
  oversightReports,
} from './meetings.table';
import { getCurrentTerm } from '../registry';
import { getCeremony, holdKeyCeremony } from '../ballots';
import { writeRoll } from './meetings.repository';
import { createMeeting } from './commands/create-meeting';
import { openSecretVote } from './commands/open-secret-vote';
import { openSecretBallot } from './commands/open-secret-ballot';
import { castSecretBallot } from './commands/cast-secret-ballot';
import { closeMeetingVote } from './commands/close-vote';
import { postMeetingVotePartialDecryption } from './commands/secret-vote-tellers';
import { getMeetingVote } from './queries/get-meeting-vote';
import { addAgendaItem } from './commands/add-agenda-item';
import {
  createProceduralRule,
  publishProceduralRule,
  reviseProceduralRule,
} from './commands/procedural-rule';

const VENUE = '区人大常委会会议室（区行政服务大厅 5 楼）';

const shift = (isoDate: string, days: number) => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export async function seedMeetingsDemo(app: AppServices, demo: DemoContext): Promise<void> {
  const { congressId } = demo;
  const today = shanghaiDate(demo.now);
  const staff = demo.accounts.staff;
  const ctx: Ctx = {
    ...systemCtx(app, { requestId: 'demo-seed' }),
    actor: {
      accountId: staff.accountId,
      username: 'staff',
      displayName: 'staff',
      roles: ['congressStaff'],
      congressId,
      deputyId: null,
      handlingUnitId: null,
      via: 'session',
    },
  };
  const termId = demo.currentTermId;

  // ----- held: last month's standing committee meeting, and last week's chairpersons' meeting -----
  const held = await transact(ctx, async (w) => {
    const held = {
      id: newId(),
      congressId,
      body: 'standingCommittee' as const,
      termId,
      number: 11,
      title: '区第七届人大常委会第十一次会议',
      startDate: shift(today, -35),
      endDate: shift(today, -35),
      venue: VENUE,
      // In session until its secret vote below is taken through the engine, then closed.
      status: 'inSession' as const,
      rollFrozenAt: new Date(demo.now.getTime() - 35 * 86_400_000),
    };
    await w.db.insert(meetings).values(held);
    await writeRoll(w, held);
    const roll = await w.db
      .select({ deputyId: meetingMembers.deputyId })
      .from(meetingMembers)
      .where(eq(meetingMembers.meetingId, held.id));
    const ids = roll.map((r) => r.deputyId);
    const [leave1, leave2, absent] = ids.slice(-3);
    const present = ids.filter((id) => id !== leave1 && id !== leave2 && id !== absent);
    await w.db
      .update(meetingMembers)
      .set({ attendance: 'present', signedInAt: held.rollFrozenAt })
      .where(and(eq(meetingMembers.meetingId, held.id), inArray(meetingMembers.deputyId, present)));
    await w.db
      .update(meetingMembers)
      .set({ attendance: 'onLeave', leaveReason: '因公出差' })
      .where(and(eq(meetingMembers.meetingId, held.id), inArray(meetingMembers.deputyId, [leave1, leave2])));
    const itemId = newId();
    await w.db.insert(meetingAgendaItems).values({
      id: itemId,
      congressId,
      meetingId: held.id,
      position: 1,
      kind: 'motion',
      title: '关于加强区级预算审查监督的决定（草案）',
    });
    const choices: VoteChoice[] = present.map((_, i) => (i < 27 ? 'yes' : i < 29 ? 'no' : 'abstain'));
    const tally = tallyVote(choices, ids.length);
    const voteId = newId();
    await w.db.insert(meetingVotes).values({
      id: voteId,
      congressId,
      meetingId: held.id,
      itemId,
      status: 'closed',
      ...tally,
      openedAt: held.rollFrozenAt,
      closedAt: held.rollFrozenAt,
    });
    await w.db
      .insert(meetingBallots)
      .values(present.map((deputyId, i) => ({ congressId, voteId, deputyId, choice: choices[i] })));

    // Two reports heard that day, followed under 监督法 Art. 17: the government's safety report, its opinions sent
    // and its handling report awaited; the court's, its handling report in and a satisfaction vote to arrange.
    const reports = [
      {
        organ: '区人民政府',
        title: '听取区人民政府关于2026年安全生产工作情况的报告',
        opinions:
          '一、压实企业安全生产主体责任，加强对城中村出租屋、工业园区的消防安全排查；二、加快老旧燃气管网改造；三、加强应急救援队伍建设和演练。',
        sentOn: shift(today, -28),
        handled: null,
      },
      {
        organ: '区人民法院',
        title: '听取区人民法院关于民事审判工作情况的报告',
        opinions:
          '一、推进诉源治理，发挥人民调解作用；二、缩短民事案件平均审理周期；三、加强执行难问题的源头治理。',
        sentOn: shift(today, -30),
        handled: {
          on: shift(today, -4),
          summary:
            '已在全区8个街道设立诉调对接工作站，民事案件平均审理周期缩短至46天，执行到位率提高6个百分点。',
        },
      },
    ];
    for (const [i, r] of reports.entries()) {
      const reportItem = newId();
      await w.db.insert(meetingAgendaItems).values({
        id: reportItem,
        congressId,
        meetingId: held.id,
        position: i + 2,
        kind: 'report',
        title: r.title,
      });
      await w.db.insert(oversightReports).values({
        id: newId(),
        congressId,
        meetingId: held.id,
        agendaItemId: reportItem,
        organ: r.organ,
        title: r.title,
        status: r.handled ? 'handled' : 'opinionsSent',
        heardOn: held.startDate,
        opinions: r.opinions,
        opinionsSentOn: r.sentOn,
        handlingDueOn: handlingReportDue(r.sentOn, DEFAULT_HANDLING_REPORT_MONTHS),
        handlingSummary: r.handled?.summary ?? null,
        handlingReceivedOn: r.handled?.on ?? null,
      });
    }

    const prep = {
      id: newId(),
      congressId,
      body: 'chairpersonsMeeting' as const,
      termId,
      number: 23,
      title: '区第七届人大常委会第二十三次主任会议',
      startDate: shift(today, -6),
      endDate: shift(today, -6),
      venue: '区人大常委会第一会议室',
      status: 'closed' as const,
      rollFrozenAt: new Date(demo.now.getTime() - 6 * 86_400_000),
    };
    await w.db.insert(meetings).values(prep);
    await writeRoll(w, prep);
    await w.db
      .update(meetingMembers)
      .set({ attendance: 'present', signedInAt: prep.rollFrozenAt })
      .where(eq(meetingMembers.meetingId, prep.id));
    await w.db.insert(meetingAgendaItems).values({
      id: newId(),
      congressId,
      meetingId: prep.id,
      position: 1,
      kind: 'other',
      title: '研究区第七届人大常委会第十二次会议议程（草案）',
    });
    await w.audit({
      action: 'demo.load',
      entityType: 'meeting',
      entityId: held.id,
      congressId,
      after: { meetings: 2, tally },
    });
    return { id: held.id, date: held.startDate, at: held.rollFrozenAt, present };
  });
  await seedSecretAppointment(app, demo, ctx, held);

  // ----- today: the standing committee's twelfth meeting, planned, with its agenda -----
  const { id } = await createMeeting(ctx, {
    body: 'standingCommittee',
    date: today,
    title: '区第七届人大常委会第十二次会议',
    venue: VENUE,
    nonVotingAttendees: [
      { name: '副区长', organization: '区人民政府' },
      { name: '区监察委员会副主任', organization: '区监察委员会' },
      { name: '区人民法院院长', organization: '区人民法院' },
      { name: '区人民检察院检察长', organization: '区人民检察院' },
    ],
  });
  const items = [
    {
      kind: 'motion' as const,
      title: '关于《东岭区“幸福家园 老有颐养”行动计划（2022—2025年）》的决议（草案）',
      documents: [
        { stage: 'submitted' as const, title: '行动计划（草案）及说明', doneOn: shift(today, -12) },
        // Distributed to members five days before the meeting: two days late (监督法 Art. 15: seven).
        { stage: 'distributedToMembers' as const, title: '决议（草案）', doneOn: shift(today, -5) },
      ],
    },
    {
      kind: 'report' as const,
      title: '区人民政府关于2026年法治政府建设工作情况的报告',
      documents: [
        { stage: 'sentForComment' as const, title: '报告（征求意见稿）', doneOn: shift(today, -24) },
        { stage: 'submitted' as const, title: '报告', doneOn: shift(today, -11) },
        { stage: 'distributedToMembers' as const, title: '报告', doneOn: shift(today, -8) },
      ],
    },
    {
      kind: 'motion' as const,
      title: '关于批准2026年区级预算调整方案的决议（草案）',
      documents: [
        { stage: 'distributedToMembers' as const, title: '预算调整方案', doneOn: shift(today, -7) },
      ],
    },
    {
      kind: 'removal' as const,
      title: '免去林建平的区教育局局长职务',
      documents: [
        { stage: 'appointmentCase' as const, title: '区长提请免职的议案', doneOn: shift(today, -10) },
      ],
    },
    ...['王立新为区教育局局长', '陈晓梅为区卫生健康局局长', '赵志刚为区交通运输局局长'].map((who) => ({
      kind: 'appointment' as const,
      title: `任命${who}`,
      documents: [
        { stage: 'appointmentCase' as const, title: '区长提请任命的议案及简历', doneOn: shift(today, -10) },
      ],
    })),
  ];
  const itemIds: string[] = [];
  for (const item of items) itemIds.push((await addAgendaItem(ctx, id, item)).id);
  await seedRegister(app, demo, ctx, { meetingId: id, itemIds, today });
  await seedInquiry(ctx, demo, id, today);
  await seedRulesRegister(ctx, held.id, held.date);
}

/**
 * An inquiry (质询案) at today's meeting: three members, the demo member among them, question the housing and
 * construction department on stalled lift retrofits; the chairpersons' meeting has put it for an oral answer.
 */
async function seedInquiry(ctx: Ctx, demo: DemoContext, meetingId: string, today: string) {
  const member = demo.accounts.member?.deputyId;
  const roll = await ctx.app.db
    .select({ deputyId: meetingMembers.deputyId })
    .from(meetingMembers)
    .where(and(eq(meetingMembers.meetingId, meetingId), eq(meetingMembers.position, 'member')))
    .orderBy(meetingMembers.name)
    .limit(4);
  const filerIds = [...new Set([...(member ? [member] : []), ...roll.map((r) => r.deputyId)])].slice(0, 3);
  const { id } = await fileInquiry(ctx, {
    meetingId,
    organ: '区住房和建设局',
    subject: '关于既有住宅加装电梯项目推进缓慢的质询案',
    content:
      '2026年区政府确定的既有住宅加装电梯任务为120部，截至目前完工不足三成，部分小区已签约项目停工逾四个月。请区住房和建设局说明停工原因、审批与管线迁改的堵点，以及确保年底前完成任务的具体措施和时间表。',
    filerIds,
  });
  await decideInquiry(ctx, id, {
    put: true,
    mode: 'oral',
    decidedOn: shift(today, -3),
    note: '主任会议决定，由区住房和建设局主要负责人在本次会议上口头答复。',
  });
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁于余叶蒋杜苏魏程吕丁沈任姚卢傅钟';
const GIVEN = [
  '建国',
  '志强',
  '丽娟',
  '海涛',
  '晓东',
  '秀英',
  '国华',
  '明辉',
  '春燕',
  '立军',
  '文杰',
  '桂芳',
  '振宇',
  '慧敏',
  '永红',
];

/** Short CVs (简历) of the nominees, varied. */
const CV = [
  '1975年生，研究生学历，中共党员。历任街道办事处副主任、主任，区发展和改革局副局长。',
  '1978年生，大学学历，中共党员。历任区教育局科长、副局长，某中学校长。',
  '1980年生，研究生学历，民盟盟员。历任区卫生健康局副局长、区人民医院院长。',
  '1972年生，大学学历，中共党员。历任镇党委副书记、街道党工委书记。',
  '1977年生，研究生学历，中共党员。历任区财政局预算科科长、副局长。',
  '1983年生，研究生学历，中共党员。历任区交通运输局规划科科长、副局长。',
];

/** Department heads who resigned last month (days ago): their posts are vacant for today's appointments. */
const VACATED: Record<string, number> = { 区卫生健康局: 32, 区交通运输局: 25 };

/** The post of a department's head: 局长 of a 局, 主任 of an office or a commission. */
const headOf = (unit: string) =>
  unit.endsWith('局') ? '局长' : unit.endsWith('办公室') || unit.endsWith('委员会') ? '主任' : '负责人';

async function seedRegister(
  app: AppServices,
  demo: DemoContext,
  ctx: Ctx,
  todays: { meetingId: string; itemIds: string[]; today: string },
) {
  const { congressId, random } = demo;
  const term = await getCurrentTerm(app.db, congressId);
  if (!term) return;
  const name = () =>
    SURNAMES[Math.floor(random() * SURNAMES.length)] + GIVEN[Math.floor(random() * GIVEN.length)];
  const start: unknown = term.startDate;
  const termStart =
    typeof start === 'string' ? start.slice(0, 10) : new Date(start as Date).toISOString().slice(0, 10);
  const firstDay = shift(termStart, 45);
  // The district government's own departments (not the city's branches in the district, whose heads the city appoints).
  const departments = demo.handlingUnits
    .filter((u) => u.kind === 'governmentDepartment' && u.name.startsWith('区'))
    .slice(0, 21);
  // Today's agenda: remove 林建平 as head of education, appoint three heads (items 4–7 of today's meeting).
  const todaysHolders: Record<string, string> = { 区教育局: '林建平' };
  await transact(ctx, async (w) => {
    const first = {
      id: newId(),
      congressId,
      body: 'standingCommittee' as const,
      termId: demo.currentTermId,
      number: 1,
      title: '区第七届人大常委会第一次会议',
      startDate: firstDay,
      endDate: firstDay,
      venue: VENUE,
      status: 'closed' as const,
      rollFrozenAt: new Date(`${firstDay}T01:00:00Z`),
    };
    await w.db.insert(meetings).values(first);
    await writeRoll(w, first);
    await w.db
      .update(meetingMembers)
      .set({ attendance: 'present', signedInAt: first.rollFrozenAt })
      .where(eq(meetingMembers.meetingId, first.id));
    const cases: (typeof appointmentCases.$inferInsert)[] = [];
    const holdings: (typeof officeHoldings.$inferInsert)[] = [];
    const agenda: (typeof meetingAgendaItems.$inferInsert)[] = [];
    departments.forEach((u, i) => {
      const post = `${u.name}${headOf(u.name)}`;
      const holder = todaysHolders[u.name] ?? name();
      const itemId = newId();
      const caseId = newId();
      agenda.push({
        id: itemId,
        congressId,
        meetingId: first.id,
        position: i + 1,
        kind: 'appointment',
        title: `任命${holder}为${post}`,
        secret: true,
      });
      cases.push({
        id: caseId,
        congressId,
        kind: 'appoint',
        post,
        organization: u.name,
        handlingUnitId: u.id,
        nomineeName: holder,
        nominatingOrgan: 'districtHead',
        meetingId: first.id,
        agendaItemId: itemId,
        status: 'appointed',
        filedOn: shift(firstDay, -12),
        decidedOn: firstDay,
        oathOn: firstDay,
        oathWitness: '区人大常委会主任',
        reasons: '新一届区人民政府组成，区长提请任命工作部门主要负责人',
        cv: CV[i % CV.length],
        electedOn: termStart,
        deadlineOn: newGovernmentDeadline(termStart),
      });
      holdings.push({
        id: newId(),
        congressId,
        post,
        organization: u.name,
        handlingUnitId: u.id,
        holderName: holder,
        startedOn: firstDay,
        appointmentId: caseId,
      });
      // The health and transport heads resigned last month: their posts are vacant until today's appointments.
      if (u.name in VACATED) {
        const last = holdings.at(-1)!;
        last.endedOn = shift(todays.today, -VACATED[u.name]);
        last.endReason = 'resigned';
      }
      // The previous term's head held the post until the new one was appointed.
      holdings.push({
        id: newId(),
        congressId,
        post,
        organization: u.name,
        handlingUnitId: u.id,
        holderName: name(),
        startedOn: shift(firstDay, -5 * 365),
        endedOn: firstDay,
        endReason: 'termEnded',
      });
    });
    await w.db.insert(meetingAgendaItems).values(agenda);
    await w.db.insert(appointmentCases).values(cases);
    await w.db.insert(officeHoldings).values(holdings);

    // Today's cases, on today's agenda (items 4–7): a removal and three appointments.
    const [removal, ...appointments] = todays.itemIds.slice(3);
    const unitNamed = (n: string) => departments.find((u) => u.name === n) ?? null;
    await w.db.insert(appointmentCases).values([
      {
        id: newId(),
        congressId,
        kind: 'remove',
        post: '区教育局局长',
        organization: '区教育局',
        handlingUnitId: unitNamed('区教育局')?.id ?? null,
        nomineeName: '林建平',
        nominatingOrgan: 'districtHead',
        meetingId: todays.meetingId,
        agendaItemId: removal,
        status: 'onAgenda',
        filedOn: shift(todays.today, -10),
        reasons: '因工作调动，区长提请免去其区教育局局长职务',
      },
      ...[
        ['王立新', '区教育局', '局长'],
        ['陈晓梅', '区卫生健康局', '局长'],
        ['赵志刚', '区交通运输局', '局长'],
      ].map(([nominee, org, head], i) => ({
        id: newId(),
        congressId,
        kind: 'appoint' as const,
        post: `${org}${head}`,
        organization: org,
        handlingUnitId: unitNamed(org)?.id ?? null,
        nomineeName: nominee,
        nominatingOrgan: 'districtHead' as const,
        meetingId: todays.meetingId,
        agendaItemId: appointments[i],
        status: 'onAgenda' as const,
        filedOn: shift(todays.today, -10),
        reasons:
          org === '区教育局' ? '原局长工作调动，区长提请任命' : '原局长辞去职务，岗位空缺，区长提请任命',
        cv: CV[(i + 3) % CV.length],
      })),
    ]);
    await w.audit({
      action: 'demo.load',
      entityType: 'meeting',
      entityId: first.id,
      congressId,
      after: { appointed: cases.length, holdings: holdings.length },
    });
  });
}

/**
 * At last month's meeting, an appointment voted by secret ballot on the encrypted-ballot engine, as it is at a
 * real meeting: the court president's nominee for vice-president, the three tellers' key ceremony (each as
 * itself; their shares used here and kept nowhere: the vote is over), the members present voting on their
 * phones (the browser's encryption, real proofs; the demo `member` among them), the close, two tellers'
 * decryption of the totals, and the count against all members. Its bulletin is public. The case and the
 * register follow the vote; their dates are then put back to the meeting's day, and the meeting closed.
 */
async function seedSecretAppointment(
  app: AppServices,
  demo: DemoContext,
  ctx: Ctx,
  held: { id: string; date: string; at: Date; present: string[] },
) {
  const { congressId } = demo;
  const title = '任命周文华为区人民法院副院长、审判委员会委员、审判员';
  const itemId = newId();
  const caseId = newId();
  await transact(ctx, async (w) => {
    await w.db.insert(meetingAgendaItems).values({
      id: itemId,
      congressId,
      meetingId: held.id,
      position: 4,
      kind: 'appointment',
      title,
      secret: true,
    });
    await w.db.insert(appointmentCases).values({
      id: caseId,
      congressId,
      kind: 'appoint',
      post: '区人民法院副院长',
      organization: '区人民法院',
      nomineeName: '周文华',
      nominatingOrgan: 'courtPresident',
      meetingId: held.id,
      agendaItemId: itemId,
      status: 'onAgenda',
      filedOn: shift(held.date, -14),
      reasons: '原副院长到龄退休，区人民法院院长提请任命',
      cv: CV[1 % CV.length],
    });
  });
  const tellers = (['teller1', 'teller2', 'teller3'] as const).map((username) => ({
    username,
    accountId: demo.accounts[username].accountId,
    roles: ['congressStaff' as const],
  }));
  const { voteId } = await openSecretVote(
    ctx,
    held.id,
    { id: itemId, title },
    { tellerAccountIds: tellers.map((t) => t.accountId) },
  );
  const shares = await holdKeyCeremony(app, congressId, voteId, tellers);
  await openSecretBallot(ctx, voteId);
  const vote = await getMeetingVote(app.db, ctx.actor!, voteId);
  const encryption = vote.secret?.encryption;
  if (!encryption) throw new Error('the secret vote has no key after its ceremony');
  const ballotCtx = {
    voteId,
    curve: encryption.curve,
    publicKey: encryption.publicKey,
    candidates: vote.secret!.options.length,
    maxChoices: vote.secret!.maxChoices,
  };
  const member = demo.accounts.member;
  // All present but two voted: most yes, one no, two abstentions.
  for (const [i, deputyId] of held.present.slice(0, -2).entries()) {
    const choice: VoteChoice = i === 3 ? 'no' : i === 8 || i === 15 ? 'abstain' : 'yes';
    const voter: Ctx = {
      ...ctx,
      actor: {
        ...ctx.actor!,
        // The demo lays out accounts for its named users only: a deputy's own id stands for their account.
        accountId: deputyId === member?.deputyId ? member.accountId : deputyId,
        username: deputyId === member?.deputyId ? 'member' : 'deputy',
        roles: ['deputy'],
        deputyId,
      },
    };
    await castSecretBallot(voter, voteId, encryptBallot(ballotCtx, [SECRET_OPTIONS.indexOf(choice)]));
  }
  await closeMeetingVote(ctx, voteId);
  for (const n of [0, 2]) {
    const teller: Ctx = {
      ...ctx,
      actor: { ...ctx.actor!, accountId: tellers[n].accountId, username: tellers[n].username },
    };
    const c = await getCeremony(app.db, teller.actor!, voteId);
    await postMeetingVotePartialDecryption(teller, voteId, partialDecrypt(ballotCtx, shares[n], c.combined!));
  }
  await transact(ctx, async (w) => {
    await w.db
      .update(appointmentCases)
      .set({ decidedOn: held.date, oathOn: held.date, oathWitness: '区人大常委会主任' })
      .where(eq(appointmentCases.id, caseId));
    await w.db
      .update(officeHoldings)
      .set({ startedOn: held.date })
      .where(eq(officeHoldings.appointmentId, caseId));
    await w.db
      .update(meetingVotes)
      .set({ openedAt: held.at, closedAt: held.at })
      .where(eq(meetingVotes.id, voteId));
    await w.db.update(meetings).set({ status: 'closed' }).where(eq(meetings.id, held.id));
    await w.audit({
      action: 'demo.load',
      entityType: 'meetingVote',
      entityId: voteId,
      congressId,
      after: { secretVote: title },
    });
  });
}

/**
 * The rules register (议事规则与工作制度): seven of the district's rules, four of them revised (the standing
 * committee's rules of procedure a second time at last month's meeting); the office's document-handling rules
 * stay internal, the others are published.
 */
async function seedRulesRegister(ctx: Ctx, heldMeetingId: string, heldOn: string) {
  type Body = 'congress' | 'standingCommittee' | 'chairpersonsMeeting';
  type Kind = 'rulesOfProcedure' | 'workingMeasures' | 'workingSystem';
  const rules: {
    title: string;
    body: Body;
    kind: Kind;
    published: boolean;
    versions: { adoptedOn: string; content: string; note?: string; meetingId?: string }[];
  }[] = [
    {
      title: '东岭区人民代表大会议事规则',
      body: 'congress',
      kind: 'rulesOfProcedure',
      published: true,
      versions: [
        {
          adoptedOn: '2004-01-12',
          content:
            '第一条 为了保障区人民代表大会依法行使职权，提高议事效率，根据《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》，结合本区实际，制定本规则。\n第二条 区人民代表大会会议每年至少举行一次，由区人民代表大会常务委员会召集。\n第三条 区人民代表大会会议须有三分之二以上的代表出席，始得举行。',
        },
        {
          adoptedOn: '2022-01-08',
          content:
            '第一条 为了健全区人民代表大会的议事程序，保障代表依法行使职权，根据2022年修正的《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》，结合本区实际，制定本规则。\n第二条 区人民代表大会会议每年至少举行一次，由区人民代表大会常务委员会召集；经过五分之一以上代表提议，可以临时召集会议。\n第三条 区人民代表大会会议须有三分之二以上的代表出席，始得举行。\n第十八条 大会表决议案，以全体代表的过半数通过。',
          note: '依据2022年修正的地方组织法，增加临时召集会议和代表联名提出议案的程序',
        },
      ],
    },
    {
      title: '东岭区人民代表大会常务委员会议事规则',
      body: 'standingCommittee',
      kind: 'rulesOfProcedure',
      published: true,
      versions: [
        {
          adoptedOn: '2004-03-25',
          content:
            '第一条 为了规范区人民代表大会常务委员会的议事活动，根据有关法律，制定本规则。\n第二条 常务委员会会议一般每两个月举行一次，由主任召集并主持。\n第三条 常务委员会会议须有常务委员会全体组成人员过半数出席，始得举行。',
        },
        {
          adoptedOn: '2017-06-20',
          content:
            '第一条 为了规范区人民代表大会常务委员会的议事活动，提高议事质量，根据有关法律，制定本规则。\n第二条 常务委员会会议一般每两个月举行一次；有特殊需要的时候，可以临时召集会议。\n第三条 常务委员会会议须有常务委员会全体组成人员过半数出席，始得举行。\n第十二条 会议文件一般应当在会议举行的七日前送达组成人员。',
          note: '增加会议文件送达期限和列席人员范围的规定',
        },
        {
          adoptedOn: heldOn,
          meetingId: heldMeetingId,
          content:
            '第一条 为了规范区人民代表大会常务委员会的议事活动，提高议事质量和效率，根据有关法律，制定本规则。\n第二条 常务委员会会议一般每两个月举行一次；有特殊需要的时候，可以临时召集会议。\n第三条 常务委员会会议须有常务委员会全体组成人员过半数出席，始得举行。\n第十二条 会议文件一般应当在会议举行的七日前送达组成人员；专项工作报告应当在会议举行的十日前送交。\n第二十六条 表决议案，采用电子表决方式；以常务委员会全体组成人员的过半数通过。任免案逐人表决，可以采用无记名投票方式。',
          note: '规定电子表决和无记名投票，明确专项工作报告的送交期限',
        },
      ],
    },
    {
      title: '东岭区人大常委会主任会议议事规则',
      body: 'chairpersonsMeeting',
      kind: 'rulesOfProcedure',
      published: true,
      versions: [
        {
          adoptedOn: '2012-05-10',
          content:
            '第一条 主任会议由常务委员会主任、副主任组成，处理常务委员会的重要日常工作。\n第二条 主任会议一般每半个月举行一次，须有过半数组成人员出席。\n第三条 主任会议拟定常务委员会会议议程草案，提请常务委员会会议决定。',
        },
        {
          adoptedOn: '2022-04-14',
          content:
            '第一条 主任会议由常务委员会主任、副主任组成，处理常务委员会的重要日常工作。\n第二条 主任会议一般每半个月举行一次，须有过半数组成人员出席；秘书长、各工作委员会主任列席。\n第三条 主任会议拟定常务委员会会议议程草案，决定质询案的答复方式，通过年度工作要点和监督工作计划。',
          note: '增加决定质询案答复方式、通过年度监督工作计划的职责',
        },
      ],
    },
    {
      title: '东岭区人大常委会讨论决定重大事项的规定',
      body: 'standingCommittee',
      kind: 'workingMeasures',
      published: true,
      versions: [
        {
          adoptedOn: '2019-08-28',
          content:
            '第一条 为了保障常务委员会依法行使讨论、决定本行政区域内重大事项的职权，制定本规定。\n第二条 区人民政府应当将涉及全区经济社会发展全局、与群众切身利益密切相关的重大事项提请常务委员会审议决定。\n第九条 常务委员会作出的决议、决定，区人民政府应当在规定期限内报告执行情况。',
        },
      ],
    },
    {
      title: '东岭区人大常委会任免国家机关工作人员办法',
      body: 'standingCommittee',
      kind: 'workingMeasures',
      published: true,
      versions: [
        {
          adoptedOn: '2008-09-16',
          content:
            '第一条 为了规范常务委员会任免国家机关工作人员的工作，制定本办法。\n第二条 提请任免的机关应当在常务委员会会议举行的十日前提交任免案和拟任人员简历。\n第八条 任免案逐人表决，以全体组成人员过半数通过。',
        },
        {
          adoptedOn: '2022-03-30',
          content:
            '第一条 为了规范常务委员会任免国家机关工作人员的工作，制定本办法。\n第二条 提请任免的机关应当在常务委员会会议举行的十五日前提交任免案、拟任人员简历和考察材料。\n第六条 拟任人员在表决前作供职发言。\n第八条 任免案逐人表决，以全体组成人员过半数通过；被任命人员依法进行宪法宣誓。',
          note: '提前提交期限改为十五日，增加供职发言和宪法宣誓',
        },
      ],
    },
    {
      title: '东岭区人大常委会听取和审议专项工作报告办法',
      body: 'standingCommittee',
      kind: 'workingMeasures',
      published: true,
      versions: [
        {
          adoptedOn: '2018-11-22',
          content:
            '第一条 为了规范常务委员会听取和审议专项工作报告，根据《中华人民共和国各级人民代表大会常务委员会监督法》，制定本办法。\n第四条 报告机关应当在会议举行的二十日前将报告送交有关工作委员会征求意见。\n第七条 审议意见交由报告机关研究处理，报告机关应当在三个月内书面报告研究处理情况。',
        },
      ],
    },
    {
      title: '东岭区人大常委会机关公文处理工作制度',
      body: 'chairpersonsMeeting',
      kind: 'workingSystem',
      published: false,
      versions: [
        {
          adoptedOn: '2015-02-11',
          content:
            '一、机关公文由办公室统一登记、分办和归档。\n二、来文一般在两个工作日内提出拟办意见，急件随到随办。\n三、以常务委员会名义发文的，由秘书长审核，主任签发。',
        },
      ],
    },
  ];
  for (const r of rules) {
    const [first, ...later] = r.versions;
    const { id } = await createProceduralRule(ctx, {
      title: r.title,
      body: r.body,
      kind: r.kind,
      note: '',
      ...first,
    });
    for (const v of later) await reviseProceduralRule(ctx, id, { note: '', ...v });
    if (r.published) await publishProceduralRule(ctx, id, true);
  }
}
