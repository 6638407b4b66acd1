// The demo's budget years (东岭区 is fictional; every figure is made up but shaped like a large district's):
// - last year (Y−1): approved, executed in full, its tax revenue month by month (this year's comparison);
// - this year (Y, the last year whose November has passed): the four budgets by function classification with
//   real 政府收支分类科目 codes down to 项, the 三公 sections, the reserve at about 2%, approved and published on
//   time, and execution January–November. What the data makes hold: two lines well behind the elapsed year
//   (community facilities and R&D, projects slipping), spending on a code with no budget line (SME support
//   paid before an adjustment), emergency spending above its line after the typhoon season, 公务接待费 above its
//   三公 budget, and tax revenue below last year. No year-end rush: December has not come. Two of them are
//   inquiries, one answered by the finance department, one open with the housing and construction bureau.
// - next year (Y+1): the draft, submitted on time, with the investment pre-arrangement list: 172 urgent
//   projects of about ¥2.8 bn for early release (预算法 Art. 54) and a few not urgent, each with the unit that
//   would really carry it out (the works department builds schools and hospitals, the water bureau the sewers).
import { formatFen, parseYuan, type BudgetKind } from '@minyi/domain/budget';
import { addCalendarDays, shanghaiDate } from '@minyi/domain/calendar';
import type { DemoContext } from '../../platform/demo';
import { systemCtx, transact, type AppServices, type Ctx } from '../../platform/context';
import { newId } from '../../platform/ids';
import { seedChanges, seedConsultation, seedFinalAccounts } from './budget.demo-data';
import {
  budgetExecution,
  budgetInquiries,
  budgetInvestmentProjects,
  budgetLines,
  budgets,
} from './budget.table';

/** A leaf line: budget, code, name, amount in 万元 (ten thousand yuan). */
type Leaf = [BudgetKind, string, string, number];

/** Names of the parents the leaves roll up into. */
const PARENTS: Record<string, string> = {
  '101': '税收收入',
  '103': '非税收入',
  '201': '一般公共服务支出',
  '20101': '人大事务',
  '20103': '政府办公厅（室）及相关机构事务',
  '204': '公共安全支出',
  '205': '教育支出',
  '20502': '普通教育',
  '206': '科学技术支出',
  '207': '文化旅游体育与传媒支出',
  '208': '社会保障和就业支出',
  '210': '卫生健康支出',
  '211': '节能环保支出',
  '212': '城乡社区支出',
  '213': '农林水支出',
  '214': '交通运输支出',
  '221': '住房保障支出',
  '224': '灾害防治及应急管理支出',
  '232': '债务付息支出',
  '209': '社会保险基金支出',
  '223': '国有资本经营预算支出',
};

/** This year's leaves (万元). Revenue (1xx) is in the general budget too; it is not expenditure. */
const LEAVES: Leaf[] = [
  ['general', '10101', '增值税', 612000],
  ['general', '10104', '企业所得税', 298000],
  ['general', '10106', '个人所得税', 121000],
  ['general', '10302', '行政事业性收费收入', 18600],
  ['general', '2010101', '行政运行', 2860],
  ['general', '2010104', '人大会议', 420],
  ['general', '2010108', '代表工作', 680],
  ['general', '2010301', '行政运行', 9650],
  ['general', '20106', '财政事务', 7420],
  ['general', '20402', '公安', 168500],
  ['general', '20501', '教育管理事务', 8900],
  ['general', '2050201', '学前教育', 96800],
  ['general', '2050202', '小学教育', 286400],
  ['general', '2050203', '初中教育', 168200],
  ['general', '2050204', '高中教育', 74600],
  ['general', '20604', '技术研究与开发', 132000],
  ['general', '20701', '文化和旅游', 21800],
  ['general', '20703', '体育', 15600],
  ['general', '20802', '民政管理事务', 12400],
  ['general', '20805', '行政事业单位养老支出', 58300],
  ['general', '20808', '抚恤', 6900],
  ['general', '21003', '基层医疗卫生机构', 78600],
  ['general', '21004', '公共卫生', 52400],
  ['general', '21103', '污染防治', 64200],
  ['general', '21201', '城乡社区管理事务', 88600],
  ['general', '21203', '城乡社区公共设施', 246000],
  ['general', '21205', '城乡社区环境卫生', 118500],
  ['general', '21303', '水利', 152800],
  ['general', '21401', '公路水路运输', 96400],
  ['general', '22101', '保障性安居工程', 108200],
  ['general', '22102', '住房改革支出', 46800],
  ['general', '22401', '应急管理事务', 9600],
  ['general', '23203', '地方政府一般债务付息支出', 21400],
  ['general', '30211', '因公出国（境）费用', 160],
  ['general', '30215', '公务接待费', 95],
  ['general', '30231', '公务用车运行维护费', 1380],
  ['governmentFund', '21208', '国有土地使用权出让收入安排的支出', 386000],
  ['governmentFund', '22960', '彩票公益金安排的支出', 4200],
  ['stateCapital', '22301', '解决历史遗留问题及改革成本支出', 3600],
  ['stateCapital', '22302', '国有企业资本金注入', 42000],
  ['socialInsurance', '20910', '城乡居民基本养老保险基金支出', 11800],
  ['socialInsurance', '20911', '机关事业单位基本养老保险基金支出', 96500],
];

const WAN = 1000000n; // fen in 万元

/** The leaves with their parents summed, and the reserve (227) at about 2% of the general expenditure. */
function linesOf(leaves: Leaf[], growth = 1) {
  const out = new Map<string, { kind: BudgetKind; code: string; name: string; fen: bigint }>();
  for (const [kind, code, name, wan] of leaves) {
    const fen = BigInt(Math.round(wan * growth)) * WAN;
    out.set(`${kind}:${code}`, { kind, code, name, fen });
    for (let p = code.slice(0, -2); p.length >= 3; p = p.slice(0, -2)) {
      if (code[0] === '3') break; // economic sections stand alone
      const key = `${kind}:${p}`;
      const parent = out.get(key) ?? { kind, code: p, name: PARENTS[p] ?? p, fen: 0n };
      parent.fen += fen;
      out.set(key, parent);
    }
  }
  const expenditure = [...out.values()]
    .filter((l) => l.kind === 'general' && l.code.length === 3 && l.code[0] === '2')
    .reduce((a, l) => a + l.fen, 0n);
  const reserve = ((expenditure * 2n) / 100n / WAN) * WAN;
  out.set('general:227', { kind: 'general', code: '227', name: '预备费', fen: reserve });
  return [...out.values()].sort((a, b) => a.code.localeCompare(b.code) || a.kind.localeCompare(b.kind));
}

/** The share of a year's spending in each month, before noise (slow January, quarter ends, no December here). */
const PROFILE = [5, 7, 9, 8, 8, 9, 8, 8, 9, 8, 8, 13];

/** How far each leaf has run by November, as a share of its budget (default ~88%). */
const RUN_BY_NOVEMBER: Record<string, number> = {
  '21203': 0.52, // community facilities: several projects' tenders slipped
  '20604': 0.61, // R&D subsidies: the second batch not yet assessed
  '22401': 1.18, // emergency management: the typhoon season
  '30215': 1.06, // official reception: above its 三公 budget
};

export async function seedBudgetDemo(app: AppServices, demo: DemoContext): Promise<void> {
  const { congressId, random } = demo;
  const today = shanghaiDate(demo.now);
  const month = Number(today.slice(5, 7));
  // The last year whose November has passed, so its execution through November is history.
  const year = Number(today.slice(0, 4)) - (month === 12 ? 0 : 1);
  const unit = (name: string) => demo.handlingUnits.find((u) => u.name === name);
  const finance = unit('区财政局');
  const staff = demo.accounts.staff;
  const ctx: Ctx = systemCtx(app, { requestId: 'demo-seed' });
  const jitter = (x: number, spread: number) => x * (1 - spread + 2 * spread * random());

  await transact(ctx, async (w) => {
    const db = w.db;
    const ids = { last: newId(), current: newId(), next: newId() };
    await db.insert(budgets).values([
      {
        id: ids.last,
        congressId,
        year: year - 1,
        sittingDate: `${year - 1}-01-09`,
        financeUnitId: finance?.id ?? null,
        draftSubmittedOn: `${year - 2}-12-03`,
        approvedOn: `${year - 1}-01-11`,
        publishedOn: `${year - 1}-01-28`,
      },
      {
        id: ids.current,
        congressId,
        year,
        sittingDate: `${year}-01-08`,
        financeUnitId: finance?.id ?? null,
        draftSubmittedOn: `${year - 1}-12-05`,
        approvedOn: `${year}-01-10`,
        publishedOn: `${year}-01-26`,
      },
      {
        id: ids.next,
        congressId,
        year: year + 1,
        sittingDate: `${year + 1}-01-07`,
        financeUnitId: finance?.id ?? null,
        draftSubmittedOn: addCalendarDays(`${year + 1}-01-07`, -33),
      },
    ]);

    const insertLines = async (budgetId: string, lines: ReturnType<typeof linesOf>) =>
      db.insert(budgetLines).values(
        lines.map((l) => ({
          id: newId(),
          congressId,
          budgetId,
          kind: l.kind,
          code: l.code,
          name: l.name,
          amountFen: l.fen,
        })),
      );
    const lastLines = linesOf(LEAVES, 0.96);
    const currentLines = linesOf(LEAVES);
    await insertLines(ids.last, lastLines);
    await insertLines(ids.current, currentLines);
    await insertLines(ids.next, linesOf(LEAVES, 1.035));

    // Execution: every leaf month by month. Last year all twelve months; this year January–November.
    const leafCodes = new Set(LEAVES.map(([, code]) => code));
    const rows: (typeof budgetExecution.$inferInsert)[] = [];
    const spend = (
      budgetId: string,
      lines: ReturnType<typeof linesOf>,
      months: number,
      run: (code: string) => number,
    ) => {
      for (const l of lines) {
        if (!leafCodes.has(l.code)) continue;
        const share = run(l.code);
        const weights = PROFILE.slice(0, months).map((p) => jitter(p, 0.25));
        const sum = weights.reduce((a, b) => a + b, 0);
        const total = Number(l.fen / 100n) * share; // yuan
        weights.forEach((wgt, i) =>
          rows.push({
            congressId,
            budgetId,
            code: l.code,
            month: i + 1,
            amountFen: BigInt(Math.round((total * wgt) / sum)) * 100n,
          }),
        );
      }
    };
    spend(ids.last, lastLines, 12, (code) => (code[0] === '1' ? 1.08 : jitter(0.97, 0.02)));
    spend(ids.current, currentLines, 11, (code) =>
      code[0] === '1' ? 0.84 : (RUN_BY_NOVEMBER[code] ?? jitter(0.88, 0.03)),
    );
    // Spending with no budget line: SME support paid in June and September before any adjustment.
    rows.push(
      { congressId, budgetId: ids.current, code: '2150805', month: 6, amountFen: parseYuan('12800000.00')! },
      { congressId, budgetId: ids.current, code: '2150805', month: 9, amountFen: parseYuan('6400000.00')! },
    );
    for (let i = 0; i < rows.length; i += 500)
      await db.insert(budgetExecution).values(rows.slice(i, i + 500));

    // Two warnings put as inquiries: one answered by the finance department, one open with the unit.
    const housing = unit('区住房和建设局');
    const inquiries = [];
    if (finance)
      inquiries.push({
        id: newId(),
        congressId,
        budgetId: ids.current,
        rule: 'offBudget',
        code: '2150805',
        evidence: { spent: '19200000.00', budget: null, name: '', severity: 'high' },
        unitId: finance.id,
        question:
          '科目 2150805（中小企业发展专项）无预算安排，6月、9月共支出1920万元，请说明资金来源、审批依据，以及是否需要提请常委会审查批准预算调整方案。',
        deadline: addCalendarDays(today, -5),
        status: 'answered' as const,
        answer:
          '该笔支出为落实市级稳经济一揽子政策的中小企业纾困补助，资金来源为上级专项转移支付，区级无配套。按预算法第七十一条不属于预算调整，已于10月向区人大常委会报告；财政局将在年度决算中单独列示。',
        answeredAt: new Date(`${addCalendarDays(today, -12)}T10:20:00+08:00`),
        answeredBy: demo.accounts.finance?.accountId ?? null,
        createdBy: staff.accountId,
        createdAt: new Date(`${addCalendarDays(today, -20)}T09:30:00+08:00`),
      });
    if (housing)
      inquiries.push({
        id: newId(),
        congressId,
        budgetId: ids.current,
        rule: 'behindSchedule',
        code: '21203',
        evidence: {
          budget: formatFen(246000n * WAN),
          rate: '52.0',
          month: 11,
          elapsed: '91.7',
          name: '城乡社区公共设施',
          severity: 'medium',
        },
        unitId: housing.id,
        question:
          '城乡社区公共设施支出截至11月执行率约52%，低于序时进度近40个百分点，请说明涉及的项目、滞后原因及12月支付计划。',
        deadline: addCalendarDays(today, 10),
        createdBy: staff.accountId,
        createdAt: new Date(`${addCalendarDays(today, -3)}T15:00:00+08:00`),
      });
    if (inquiries.length) await db.insert(budgetInquiries).values(inquiries);

    await db.insert(budgetInvestmentProjects).values(investmentProjects(congressId, ids.next, demo, random));
    await seedChanges(w, demo, { year, budgetId: ids.current });
    await seedFinalAccounts(w, demo, { year, budgetId: ids.last });
    await seedConsultation(w, demo, { year, budgetId: ids.next, lastBudgetId: ids.current });
    await w.audit({
      action: 'demo.load',
      entityType: 'budget',
      entityId: ids.current,
      congressId,
      after: { budgets: 3, executionRows: rows.length, inquiries: inquiries.length },
    });
  });
}

const ROADS = [
  '东岭大道',
  '平岗路',
  '溪头路',
  '坂湖一路',
  '吉岭南路',
  '南岗大道',
  '横坪路',
  '荷山北路',
  '宝溪路',
  '坪岭大道',
  '湖田路',
  '岭南路',
];
const RIVERS = ['东岭河', '平岗河', '溪头河', '坂湖水', '南岗河', '荷山河'];

interface ProjectKind {
  category: string;
  unit: string;
  /** 万元 range. */
  range: [number, number];
  names: ((street: string, i: number) => string)[];
  stages: string[];
  fundingSource: string;
}

const KINDS: ProjectKind[] = [
  {
    category: '教育',
    unit: '区建筑工务署',
    range: [1800, 6800],
    names: [
      (s, i) => `${s}第${['一', '二', '三', '四', '五', '六'][i % 6]}小学改扩建工程`,
      (s) => `${s}九年一贯制学校新建工程`,
      (s) => `${s}中学学生宿舍及食堂改造`,
      (s, i) => `${s}${['荔园', '翠湖', '锦绣', '阳光', '晨曦'][i % 5]}幼儿园新建工程`,
    ],
    stages: ['施工', '施工图设计', '初步设计'],
    fundingSource: '一般公共预算',
  },
  {
    category: '卫生健康',
    unit: '区建筑工务署',
    range: [900, 5200],
    names: [
      (s) => `${s}社区健康服务中心新建工程`,
      () => '区人民医院住院综合楼改造工程',
      () => '区中医院发热门诊及传染病区提升工程',
      (s) => `${s}急救站点建设`,
    ],
    stages: ['施工', '初步设计'],
    fundingSource: '一般公共预算',
  },
  {
    category: '水务',
    unit: '区水务局',
    range: [600, 4200],
    names: [
      (s) => `${s}片区雨污分流管网完善工程`,
      (s, i) => `${RIVERS[i % RIVERS.length]}（${s}段）综合整治工程`,
      (s) => `${s}内涝积水点整治工程`,
      (s) => `${s}二次供水设施改造`,
    ],
    stages: ['施工', '施工图设计'],
    fundingSource: '政府性基金预算',
  },
  {
    category: '交通',
    unit: '区交通运输局',
    range: [500, 3600],
    names: [
      (s, i) => `${ROADS[i % ROADS.length]}（${s}段）道路改造工程`,
      (s, i) => `${ROADS[(i + 3) % ROADS.length]}慢行系统及人行道提升`,
      (s) => `${s}公交首末站建设工程`,
      (s, i) => `${ROADS[(i + 5) % ROADS.length]}与${ROADS[(i + 7) % ROADS.length]}交叉口渠化改造`,
    ],
    stages: ['施工', '施工图设计', '可行性研究'],
    fundingSource: '一般公共预算',
  },
  {
    category: '城市管理',
    unit: '区城市管理和综合执法局',
    range: [200, 1800],
    names: [
      (s) => `${s}社区公园提升工程`,
      (s) => `${s}垃圾分类转运站升级改造`,
      (s) => `${s}公厕新建及改造`,
      (s, i) => `${ROADS[i % ROADS.length]}沿线绿化品质提升`,
    ],
    stages: ['施工', '施工图设计'],
    fundingSource: '一般公共预算',
  },
  {
    category: '住房',
    unit: '区住房和建设局',
    range: [400, 2600],
    names: [
      (s, i) => `${s}${['幸福里', '建设村', '机关大院', '桥头', '新村'][i % 5]}老旧小区改造`,
      (s) => `${s}既有住宅加装电梯补助`,
      (s) => `${s}城中村消防及电力设施改造`,
    ],
    stages: ['施工', '方案设计'],
    fundingSource: '一般公共预算',
  },
  {
    category: '应急',
    unit: '区应急管理局',
    range: [150, 1200],
    names: [(s) => `${s}边坡地质灾害隐患治理`, (s) => `${s}应急避难场所提升`, (s) => `${s}森林防火通道建设`],
    stages: ['施工', '勘察设计'],
    fundingSource: '一般公共预算',
  },
  {
    category: '文体',
    unit: '区文化广电旅游体育局',
    range: [200, 1600],
    names: [(s) => `${s}文体中心改造`, (s) => `${s}全民健身广场建设`, (s) => `${s}综合文化站提升`],
    stages: ['施工图设计', '施工'],
    fundingSource: '政府性基金预算',
  },
];

/** The urgent share of each category among the 172 (schools, sewers and roads first). */
const URGENT_MIX = [34, 14, 32, 28, 22, 18, 12, 12];

function investmentProjects(
  congressId: string,
  budgetId: string,
  demo: DemoContext,
  random: () => number,
): (typeof budgetInvestmentProjects.$inferInsert)[] {
  const seen = new Set<string>();
  const drafts: { kind: ProjectKind; name: string; street: string; wan: number; urgent: boolean }[] = [];
  const draw = (kind: ProjectKind, urgent: boolean, n: number) => {
    for (
      let i = 0, tries = 0;
      drafts.filter((d) => d.kind === kind && d.urgent === urgent).length < n && tries < 500;
      tries++
    ) {
      const street = demo.streets[Math.floor(random() * demo.streets.length)].name;
      const name = kind.names[Math.floor(random() * kind.names.length)](street, i++);
      if (seen.has(name)) continue;
      seen.add(name);
      const [lo, hi] = kind.range;
      drafts.push({ kind, name, street, wan: lo + (hi - lo) * random() ** 1.6, urgent });
    }
  };
  KINDS.forEach((k, i) => draw(k, true, URGENT_MIX[i]));
  KINDS.forEach((k) => draw(k, false, 4));
  // Scale the urgent ones to about ¥2.8 bn (28 亿元), each rounded to 10,000 yuan.
  const urgentWan = drafts.filter((d) => d.urgent).reduce((a, d) => a + d.wan, 0);
  const factor = 280000 / urgentWan;
  // Entered in no particular order of category, as the departments' submissions came in.
  const shuffled = drafts
    .map((d) => ({ d, k: random() }))
    .sort((a, b) => a.k - b.k)
    .map(({ d }) => d);
  const base = new Date(demo.now.getTime() - 14 * 86400000);
  return shuffled.map((d, i) => {
    const wan = Math.max(50, Math.round(d.urgent ? d.wan * factor : d.wan));
    return {
      id: newId(),
      congressId,
      budgetId,
      name: d.name,
      unit:
        d.kind.unit === '区建筑工务署' || demo.handlingUnits.some((u) => u.name === d.kind.unit)
          ? d.kind.unit
          : '区发展和改革局',
      amountFen: BigInt(wan) * WAN,
      urgent: d.urgent,
      category: d.kind.category,
      street: d.street,
      fundingSource: d.kind.fundingSource,
      stage: d.kind.stages[Math.floor(random() * d.kind.stages.length)],
      createdAt: new Date(base.getTime() + i * 60000),
    };
  });
}
