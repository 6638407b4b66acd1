// The demo's livelihood cycle: last year's 22 projects done and rated (the report's 2021 figure), this
// year's 15 projects in implementation with one adjusted (the report's 2022 figure), public ideas with
// support, and next year's vote OPEN — candidates, the roll frozen, quorum signed in by other deputies,
// the demo `deputy` on the roll and not yet signed in, so a newcomer can sign in and vote at once.
import { eq } from 'drizzle-orm';
import { DEFAULT_EVALUATION_CRITERIA } from '@minyi/domain/livelihood';
import type { DemoContext } from '../../platform/demo';
import { systemCtx, type AppServices } from '../../platform/context';
import { newId } from '../../platform/ids';
import {
  livelihoodCandidates,
  livelihoodDeliberations,
  livelihoodEvaluations,
  livelihoodIdeaSupports,
  livelihoodIdeas,
  livelihoodMilestones,
  livelihoodProgressReports,
  livelihoodProjects,
} from './livelihood.table';
import { callRoll, createVote, findRoll, openVote, signInMembers } from '../ballots';
import { projectBallots } from './livelihood.repository';

const PROJECT_TITLES = [
  '新建公办幼儿园学位 2000 个',
  '老旧小区加装电梯 120 台',
  '城中村消防安全整治',
  '社区长者食堂全覆盖',
  '新增公共停车位 5000 个',
  '口袋公园建设 30 个',
  '中小学空调进教室',
  '河道碧道建设 20 公里',
  '社区健康服务中心提质',
  '公交接驳微循环线路 15 条',
  '背街小巷环境整治',
  '充电桩进小区',
  '儿童友好街区建设',
  '残疾人康复服务站',
  '垃圾分类屋升级改造',
  '学校周边交通安全设施',
  '社区图书馆智慧化改造',
  '农贸市场升级改造',
  '夜间照明亮化工程',
  '街心公园无障碍改造',
  '燃气管道老化更新',
  '社区体育公园建设',
  '校园食堂明厨亮灶',
  '二次供水设施改造',
  '一老一小综合服务体',
  '人行天桥加装电梯',
  '慢行绿道连通',
  '积水内涝点整治',
  '便民服务中心延时服务',
  '社区工作站适老化改造',
];

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

export async function seedLivelihoodDemo(app: AppServices, demo: DemoContext): Promise<void> {
  const { congressId, random } = demo;
  const db = app.db;
  const year = demo.now.getUTCFullYear();
  const units = demo.handlingUnits.filter(
    (u) => u.kind === 'governmentDepartment' || u.kind === 'streetOffice',
  );
  const unitFor = (i: number) => units[(i * 7) % units.length];
  const street = (i: number) => demo.streets[i % demo.streets.length];
  const deputyAccount = demo.accounts.deputy;
  const budget = () => (200 + Math.floor(random() * 4800)) * 10_000;

  const candidateRows = (y: number, titles: string[]) =>
    titles.map((title, i) => ({
      id: newId(),
      congressId,
      year: y,
      title,
      description: `${y}年度民生实事候选项目：${title}。`,
      leadUnitId: unitFor(i + y).id,
      budget: budget(),
      streetId: i % 3 === 0 ? street(i).id : null,
      feasibilityNote: '已完成前期调研，资金已纳入年度预算安排。',
    }));

  // ---------- last year: 22 projects implemented, accepted and rated ----------
  const lastCands = candidateRows(year - 1, PROJECT_TITLES.slice(0, 26));
  await db.insert(livelihoodCandidates).values(lastCands);
  const lastProjects = lastCands.slice(0, 22).map((c) => ({
    id: newId(),
    congressId,
    year: year - 1,
    candidateId: c.id,
    title: c.title,
    leadUnitId: c.leadUnitId,
    budget: c.budget,
    streetId: c.streetId,
    status: 'accepted' as const,
    percent: 100,
    targetDate: `${year - 1}-12-31`,
  }));
  await db.insert(livelihoodProjects).values(lastProjects);
  const raters = demo.deputyIds.slice(0, 40);
  await db.insert(livelihoodEvaluations).values(
    lastProjects.flatMap((p) =>
      raters.map((deputyId) => ({
        id: newId(),
        congressId,
        projectId: p.id,
        deputyId,
        comment: '',
        scores: Object.fromEntries(DEFAULT_EVALUATION_CRITERIA.map((c) => [c, 3 + Math.floor(random() * 3)])),
      })),
    ),
  );

  // ---------- this year: 15 projects in implementation, one adjusted ----------
  const thisCands = candidateRows(year, PROJECT_TITLES.slice(5, 23));
  await db.insert(livelihoodCandidates).values(thisCands);
  const month = demo.now.getUTCMonth() + 1;
  const thisProjects = thisCands.slice(0, 15).map((c, i) => {
    const adjusted = i === 4;
    const percent = Math.min(95, Math.round((month / 12) * 100 * (adjusted ? 0.5 : 0.9 + random() * 0.2)));
    return {
      id: newId(),
      congressId,
      year,
      candidateId: c.id,
      title: c.title,
      leadUnitId: c.leadUnitId,
      budget: c.budget,
      streetId: c.streetId,
      status: adjusted ? ('adjusted' as const) : ('onTrack' as const),
      percent,
      targetDate: adjusted ? `${year + 1}-06-30` : `${year}-12-31`,
      adjustmentReason: adjusted ? '受疫情影响，施工进度调整，经区人大常委会审议同意顺延至次年6月。' : '',
      adjustmentApprovedOn: adjusted ? `${year}-07-15` : null,
      adjustmentReference: adjusted ? `常委会第${12 + (year % 10)}次会议决定` : '',
    };
  });
  await db.insert(livelihoodProjects).values(thisProjects);
  await db.insert(livelihoodMilestones).values(
    thisProjects.flatMap((p) => [
      {
        id: newId(),
        congressId,
        projectId: p.id,
        title: '完成立项和招标',
        targetDate: `${year}-03-31`,
        doneOn: `${year}-03-25`,
      },
      {
        id: newId(),
        congressId,
        projectId: p.id,
        title: '完成过半工程量',
        targetDate: `${year}-06-30`,
        doneOn: p.status === 'adjusted' ? null : `${year}-06-28`,
      },
      { id: newId(), congressId, projectId: p.id, title: '完工验收', targetDate: p.targetDate },
    ]),
  );
  const reports = thisProjects.flatMap((p) =>
    Array.from({ length: Math.max(1, month - 1) }, (_, k) => ({
      id: newId(),
      congressId,
      projectId: p.id,
      month: `${year}-${String(k + 1).padStart(2, '0')}`,
      percent: Math.round((p.percent * (k + 1)) / Math.max(1, month - 1)),
      narrative: `${k + 1}月：按计划推进，完成阶段性任务。`,
      status: p.status === 'adjusted' && k >= 5 ? 'adjusted' : 'onTrack',
    })),
  );
  for (let i = 0; i < reports.length; i += 500)
    await db.insert(livelihoodProgressReports).values(reports.slice(i, i + 500));

  // ---------- next year: public ideas with support, candidates with deliberation, the vote OPEN ----------
  const ideaTitles = [
    '小区门口增设公交站',
    '社区增设24小时自助图书馆',
    '老旧路灯更换为LED',
    '学校周边增设家长接送区',
    '公园增设儿童游乐设施',
    '菜市场增设公共厕所',
    '社区增设长者助餐点',
    '河边步道增设夜间照明',
    '增设电动自行车集中充电点',
    '城中村道路修缮',
    '增加篮球场夜间开放',
    '地铁站接驳共享单车停放区',
  ];
  const ideas = ideaTitles.map((title, i) => ({
    id: newId(),
    congressId,
    year: year + 1,
    title,
    content: `建议${title}，方便周边居民。`,
    streetId: street(i).id,
    estimatedCost: (20 + Math.floor(random() * 300)) * 10_000,
    source: i % 4 === 0 ? ('deputy' as const) : ('public' as const),
    deputyId: i % 4 === 0 ? pick(random, demo.deputyIds) : null,
    submitterName: i % 4 === 0 ? '' : '居民',
  }));
  await db.insert(livelihoodIdeas).values(ideas);
  const supports = ideas.flatMap((idea, i) =>
    Array.from({ length: 3 + ((i * 11) % 40) }, (_, k) => ({
      congressId,
      ideaId: idea.id,
      supporterKey: `demo:${i}:${k}`,
    })),
  );
  await db.insert(livelihoodIdeaSupports).values(supports);
  for (const idea of ideas) {
    await db
      .update(livelihoodIdeas)
      .set({ supportCount: supports.filter((s) => s.ideaId === idea.id).length })
      .where(eq(livelihoodIdeas.id, idea.id));
  }

  const nextCands = candidateRows(year + 1, [...PROJECT_TITLES.slice(16, 30)]);
  await db.insert(livelihoodCandidates).values(nextCands);
  await db.insert(livelihoodDeliberations).values(
    nextCands.slice(0, 5).map((c, i) => ({
      id: newId(),
      congressId,
      candidateId: c.id,
      delegation: `${street(i).name}代表团`,
      accountId: deputyAccount.accountId,
      deputyId: deputyAccount.deputyId ?? null,
      content: '建议明确建设标准和完成时限，兼顾后续管护经费。',
    })),
  );

  // The vote is made and run as the demo's staff account would (the engine authorizes every step).
  const staff = demo.accounts.staff;
  const ctx = {
    ...systemCtx(app, { requestId: 'demo-seed' }),
    actor: {
      accountId: staff.accountId,
      username: 'staff',
      displayName: 'staff',
      roles: ['congressStaff' as const],
      congressId,
      deputyId: null,
      handlingUnitId: null,
      via: 'session' as const,
    },
  };
  const { id: voteId } = await createVote(ctx, projectBallots, {
    year: year + 1,
    title: `${year + 1}年度区民生实事项目票决`,
    scope: 'district',
    streetId: null,
    maxChoices: 10,
    candidateIds: nextCands.map((c) => c.id),
    voterRepresentatives: [],
  });
  await callRoll(ctx, voteId);
  // Quorum signed in at the desk: every deputy on the roll but one in ten, and never the demo deputy.
  const roll = (await findRoll(app.db, congressId, voteId)).items.filter(
    (m) => m.memberId !== deputyAccount.deputyId,
  );
  const present = roll.filter((_, i) => i % 10 !== 0).map((r) => r.memberId);
  await signInMembers(ctx, voteId, present, demo.now);
  await openVote(ctx, voteId);
}
