// The demo's review before the sitting and the year's changes (东岭区 is fictional, the people too):
// - next year's draft went before deputies in four areas (片区) of two or three streets each, with the district
//   deputies of those streets and voter representatives; their opinions are on real lines of the draft or on a
//   topic, and the finance department has answered all but the last round's newest two; the preliminary review
//   has findings on half of the Art. 48 points so far and no conclusion yet;
// - this year's budget was reviewed in full last winter (every point, recommended for approval);
// - last year's final accounts were submitted in July with the audit work report, reviewed on some of the 12
//   points of Art. 79; the audit's five findings are with the units that would really rectify them, two rectified;
// - this year's transfers to the streets (基层治理 general, 老旧小区改造 special): one general issued on its 35th day
//   and one special never issued (both transferLate); a carry-over from two years ago still unused
//   (carryOverIdle) and one from last year mostly spent; an adjustment for the typhoon season approved in June and
//   one for new special bonds put to the December meeting.
import { and, eq, inArray } from 'drizzle-orm';
import { addCalendarDays } from '@minyi/domain/calendar';
import { REVIEW_POINTS, type ReviewPoint } from '@minyi/domain/budget';
import type { DemoContext } from '../../platform/demo';
import type { Work } from '../../platform/context';
import { newId } from '../../platform/ids';
import { deputies, mandates } from '../registry';
import {
  budgetAdjustmentLines,
  budgetAdjustments,
  budgetAuditFindings,
  budgetCarryOvers,
  budgetConsultationInvitees,
  budgetConsultationOpinions,
  budgetConsultationRounds,
  budgetFinalAccountPoints,
  budgetFinalAccounts,
  budgetReviewConclusions,
  budgetReviewPoints,
  budgetTransfers,
} from './budget.table';

const WAN = 1000000n; // fen in 万元

const VOTERS: [string, string][] = [
  ['陈桂芳', '社区居委会委员'],
  ['刘建新', '退休教师'],
  ['张美玲', '个体工商户'],
  ['黄国栋', '物业服务企业负责人'],
  ['李秀英', '社区网格员'],
  ['吴志明', '外卖骑手'],
  ['郑丽娟', '幼儿园园长'],
  ['何伟强', '工业园区企业职工'],
  ['罗海燕', '社区卫生服务站护士'],
  ['谢宏亮', '出租车司机'],
  ['梁淑华', '老年协会会长'],
  ['邓文杰', '小微企业主'],
];

/** [code or '', topic, opinion, feedback]: on real lines of the draft or on a topic. */
const OPINIONS: [string, string, string, string][] = [
  [
    '2050202',
    '',
    '片区内几所小学大班额问题仍较突出，建议小学教育支出优先保障在建学校按期开学，不要把钱都放在新增项目上。',
    '已在小学教育项下优先安排在建学校续建及开办经费，新建项目按学位缺口排序分年实施。',
  ],
  [
    '21203',
    '',
    '今年城乡社区公共设施执行进度偏慢，明年预算又有增长，建议先把今年的项目做完，再安排新项目。',
    '已对今年未完工项目进行梳理，明年预算中优先安排续建项目资金，新开工项目压减约8%。',
  ],
  [
    '',
    '老旧小区改造',
    '老旧小区改造要征求居民意见，加装电梯补助标准建议公开，资金安排到具体小区。',
    '老旧小区改造项目清单将随部门预算一并公开，加装电梯补助按市统一标准执行并在街道公示。',
  ],
  [
    '21004',
    '',
    '公共卫生支出建议加强社区健康服务中心人员配备，不能只建房子不配人。',
    '明年公共卫生支出中单列社区健康服务中心人员经费，新增全科医生岗位42个。',
  ],
  [
    '',
    '预算草案读懂',
    '预算草案表格太多，建议每个街道有一页说明：钱用在我们身边哪些事上。',
    '采纳。今年起随预算草案附各街道民生支出一览，并在区政府门户网站以图解形式公开。',
  ],
  [
    '21401',
    '',
    '公路水路运输支出中建议安排学校周边道路改造和接送车辆临时停靠点。',
    '已将8所学校周边交通改善纳入公路水路运输项下，分两年实施。',
  ],
  [
    '2010108',
    '',
    '代表工作经费建议用于代表联络站开展活动和代表培训，不要挤占。',
    '代表工作经费按人大常委会提出的需求足额安排，专款专用。',
  ],
  [
    '',
    '三公经费',
    '公务接待费今年超了预算，明年建议从严控制并说明原因。',
    '明年公务接待费预算按今年实际压减10%，超支原因已在执行情况报告中说明。',
  ],
  [
    '21303',
    '',
    '水利支出建议优先安排内涝积水点整治，去年台风期间几个路口积水严重。',
    '已将全区23处内涝积水点整治列入明年水利支出，汛期前完成12处。',
  ],
  [
    '',
    '中小企业',
    '建议明年预算安排中小企业纾困资金要有预算科目，不要年中再临时追加。',
    '明年在资源勘探工业信息等支出中单列中小企业发展专项，年中如需追加将依法报常委会。',
  ],
  [
    '2050201',
    '',
    '学前教育支出建议提高普惠性幼儿园生均补助，减轻家长负担。',
    '明年普惠性幼儿园生均补助标准拟提高5%，已在学前教育项下安排。',
  ],
  [
    '',
    '政府投资项目',
    '急用项目名单中建议补充片区内两处边坡治理，雨季有隐患。',
    '区应急管理局已完成现场评估，两处边坡治理已列入政府投资项目预安排急用项目。',
  ],
  ['21205', '', '城乡社区环境卫生支出建议增加垃圾分类转运站升级，夏天异味大。', ''],
  ['', '债务', '建议在预算报告中说明明年政府债务还本付息的资金来源和偿还计划。', ''],
];

const FINDINGS_NEXT: Partial<Record<ReviewPoint, string>> = {
  lastYearExecution:
    '今年一般公共预算支出截至11月执行率约86%，城乡社区公共设施、技术研究与开发等科目执行进度明显滞后；应急管理事务支出超出调整后预算，中小企业发展专项无预算安排先行支出，已向财政部门发出询问。',
  legality:
    '预算草案按全口径编制四本预算，预备费按一般公共预算支出的2%安排，符合预算法第四十条规定；部门预算随草案报送。',
  keyExpenditure:
    '教育、卫生健康、社会保障等重点支出保持增长；政府投资项目预安排172个急用项目约28亿元，已逐项审查建设必要性和资金来源，建议对前期工作不成熟的项目暂缓下达。',
  borrowing:
    '一般债务付息支出已足额安排；新增专项债券项目收益与融资平衡方案需进一步细化，建议在预算报告中补充偿还计划。',
};

const FINDINGS_CURRENT: Record<ReviewPoint, string> = {
  lastYearExecution: '上年预算执行总体平稳，区人大预算决议得到落实，年底突击花钱现象较往年减少。',
  legality: '预算安排符合预算法和有关法规规定。',
  policyFeasibility: '收入预期与经济增长预期基本匹配，支出政策可行。',
  keyExpenditure: '重点支出安排适当，政府投资项目与财力相匹配。',
  completeness: '四本预算编制完整，一般公共预算支出按功能分类编列到项、基本支出按经济分类编列到款。',
  transfers: '对街道转移支付安排规范，建议提前下达比例进一步提高。',
  borrowing: '债务规模在限额内，有偿还计划和稳定的偿还资金来源。',
  explanations: '预算报告对重要事项说明清晰。',
};

export async function seedConsultation(
  w: Work,
  demo: DemoContext,
  opts: { year: number; budgetId: string; lastBudgetId: string },
) {
  const db = w.db;
  const { congressId } = demo;
  const sitting = `${opts.year + 1}-01-07`;
  // Four areas of two or three neighbouring streets.
  const groups = [
    [0, 1, 2],
    [3, 4, 5],
    [6, 7, 8],
    [9, 10],
  ].map((g) => g.map((i) => demo.streets[i]).filter(Boolean));
  const rounds = [];
  const invitees = [];
  const opinions = [];
  let o = 0;
  let v = 0;
  for (const [gi, streets] of groups.entries()) {
    if (!streets.length) continue;
    const heldOn = addCalendarDays(sitting, -45 + gi * 4);
    const roundId = newId();
    const area = `${streets[0].name.replace(/街道$/, '')}片区`;
    rounds.push({
      id: roundId,
      congressId,
      budgetId: opts.budgetId,
      area,
      streetIds: streets.map((s) => s.id),
      heldOn,
      place: `${streets[0].name}人大代表联络站`,
      material: `${opts.year + 1}年预算草案（${area}座谈材料）：一般公共预算支出较上年增长约3.5%，教育、卫生健康、城乡社区支出占比最高；政府投资项目预安排涉及本片区${streets.map((s) => s.name).join('、')}的学校、管网、道路等项目。请各位代表和选民代表重点关注与片区群众切身利益相关的支出。`,
      createdBy: demo.accounts.staff.accountId,
      createdAt: new Date(`${heldOn}T08:30:00+08:00`),
    });
    const rows = await db
      .select({ id: deputies.id, name: deputies.name, organization: deputies.organization })
      .from(mandates)
      .innerJoin(deputies, eq(deputies.id, mandates.deputyId))
      .where(
        and(
          eq(mandates.congressId, congressId),
          eq(mandates.level, 'district'),
          inArray(
            mandates.streetId,
            streets.map((s) => s.id),
          ),
        ),
      )
      .limit(6);
    const mine = [
      ...rows.map((d) => ({
        id: newId(),
        congressId,
        roundId,
        kind: 'deputy' as const,
        deputyId: d.id,
        name: d.name,
        organization: d.organization,
      })),
      ...[0, 1, 2].map(() => {
        const [name, organization] = VOTERS[v++ % VOTERS.length];
        return {
          id: newId(),
          congressId,
          roundId,
          kind: 'voterRepresentative' as const,
          deputyId: null,
          name,
          organization,
        };
      }),
    ];
    invitees.push(...mine);
    const n = gi === groups.length - 1 ? OPINIONS.length - o : 3;
    for (let k = 0; k < n && o < OPINIONS.length; k++, o++) {
      const [code, topic, content, feedback] = OPINIONS[o];
      const at = new Date(`${heldOn}T${String(9 + k).padStart(2, '0')}:20:00+08:00`);
      opinions.push({
        id: newId(),
        congressId,
        budgetId: opts.budgetId,
        roundId,
        inviteeId: mine[(k * 2 + gi) % mine.length].id,
        code,
        topic,
        content,
        status: feedback ? ('answered' as const) : ('open' as const),
        feedback,
        feedbackAt: feedback ? new Date(`${addCalendarDays(heldOn, 6)}T16:00:00+08:00`) : null,
        feedbackBy: feedback ? (demo.accounts.finance?.accountId ?? null) : null,
        createdBy: demo.accounts.staff.accountId,
        createdAt: at,
      });
    }
  }
  if (rounds.length) {
    await db.insert(budgetConsultationRounds).values(rounds);
    await db.insert(budgetConsultationInvitees).values(invitees);
    await db.insert(budgetConsultationOpinions).values(opinions);
  }
  const staff = demo.accounts.staff.accountId;
  const next = Object.entries(FINDINGS_NEXT).map(([point, findings]) => ({
    budgetId: opts.budgetId,
    congressId,
    point: point as ReviewPoint,
    findings,
    updatedBy: staff,
  }));
  const current = REVIEW_POINTS.map((point) => ({
    budgetId: opts.lastBudgetId,
    congressId,
    point,
    findings: FINDINGS_CURRENT[point],
    updatedBy: staff,
    updatedAt: new Date(`${opts.year - 1}-12-20T10:00:00+08:00`),
  }));
  await db.insert(budgetReviewPoints).values([...next, ...current]);
  await db.insert(budgetReviewConclusions).values({
    budgetId: opts.lastBudgetId,
    congressId,
    recommendation: 'approve',
    suggestions:
      '一、严格预算执行，加快项目支出进度，防止年底突击花钱。\n二、加强政府投资项目前期工作，提高预算编制的准确性。\n三、从严控制“三公”经费，厉行节约。',
    updatedBy: staff,
    updatedAt: new Date(`${opts.year - 1}-12-22T10:00:00+08:00`),
  });
}

export async function seedChanges(w: Work, demo: DemoContext, opts: { year: number; budgetId: string }) {
  const db = w.db;
  const { congressId } = demo;
  const { year, budgetId } = opts;
  // Approved on Y-01-10: general transfers due by Feb 9, special by Mar 11.
  const transfers = demo.streets.flatMap((s, i) => {
    const wan = 1800 + ((i * 37) % 9) * 100; // 1,800–2,600 万元 each
    const general = {
      id: newId(),
      congressId,
      budgetId,
      code: '23002',
      recipient: s.name,
      kind: 'general' as const,
      purpose: '街道基层治理和社区运转经费',
      amountFen: BigInt(wan) * WAN,
      issuedOn: i === 4 ? `${year}-02-14` : `${year}-02-05`,
    };
    const special = {
      id: newId(),
      congressId,
      budgetId,
      code: '23003',
      recipient: s.name,
      kind: 'special' as const,
      purpose: '老旧小区改造街道配套资金',
      amountFen: BigInt(600 + ((i * 53) % 7) * 100) * WAN,
      issuedOn: i === 7 ? null : `${year}-03-04`,
    };
    return [general, special];
  });
  await db.insert(budgetTransfers).values(transfers);
  await db.insert(budgetCarryOvers).values([
    {
      id: newId(),
      congressId,
      budgetId,
      code: '21203',
      name: '社区公园提升工程结转资金',
      fromYear: year - 2,
      amountFen: 1260n * WAN,
      unusedFen: 1260n * WAN,
    },
    {
      id: newId(),
      congressId,
      budgetId,
      code: '2050202',
      name: '小学改扩建工程结转资金',
      fromYear: year - 1,
      amountFen: 3800n * WAN,
      unusedFen: 920n * WAN,
    },
  ]);
  const typhoon = newId();
  const bonds = newId();
  await db.insert(budgetAdjustments).values([
    {
      id: typhoon,
      congressId,
      budgetId,
      title: `关于${year}年区本级预算调整方案（应急管理）`,
      grounds: ['expenditureIncrease'],
      reason: '汛期连续遭受台风影响，抢险救灾和灾后恢复支出超出年初预算，动用预备费后仍有缺口。',
      meetingDate: `${year}-06-26`,
      planSubmittedOn: `${year}-05-25`,
      status: 'approved',
      decidedOn: `${year}-06-26`,
      createdBy: demo.accounts.staff.accountId,
      createdAt: new Date(`${year}-05-25T10:00:00+08:00`),
    },
    {
      id: bonds,
      congressId,
      budgetId,
      title: `关于${year}年区本级预算调整方案（新增专项债券）`,
      grounds: ['borrowingIncrease', 'expenditureIncrease'],
      reason: '市财政转贷新增专项债券额度，用于保障性住房和道路建设项目。',
      meetingDate: `${year}-12-24`,
      planSubmittedOn: `${year}-11-20`,
      createdBy: demo.accounts.staff.accountId,
      createdAt: new Date(`${year}-11-20T10:00:00+08:00`),
    },
  ]);
  await db.insert(budgetAdjustmentLines).values([
    { congressId, adjustmentId: typhoon, kind: 'general', code: '22401', changeFen: 1500n * WAN },
    { congressId, adjustmentId: bonds, kind: 'general', code: '22101', changeFen: 18000n * WAN },
    { congressId, adjustmentId: bonds, kind: 'general', code: '21401', changeFen: 6500n * WAN },
  ]);
}

/** [unit, finding, amount in 万元, measures, status, rectified days after the report]. */
const AUDIT: [string, string, number, string, 'open' | 'rectifying' | 'rectified', number | null][] = [
  [
    '区教育局',
    '部分学校食堂食材采购未按规定履行政府采购程序。',
    128.6,
    '已对涉及的6所学校重新组织公开招标，约谈学校负责人并修订食堂管理办法。',
    'rectified',
    62,
  ],
  [
    '区住房和建设局',
    '3个老旧小区改造项目未按合同约定进度支付，结余资金未及时清理。',
    846,
    '已完成2个项目结算，剩余项目正在审核工程量。',
    'rectifying',
    null,
  ],
  [
    '区水务局',
    '雨污分流管网工程部分工程量多计，多付工程款。',
    312.4,
    '已追回多付工程款218万元，其余部分与施工单位协商中。',
    'rectifying',
    null,
  ],
  [
    '区卫生健康局',
    '社区健康服务中心设备购置后闲置，未及时投入使用。',
    96.5,
    '闲置设备已调配至3家社区健康服务中心投入使用。',
    'rectified',
    45,
  ],
  ['区城市管理和综合执法局', '环卫作业服务合同续签未重新评审服务标准和价格。', 430, '', 'open', null],
];

export async function seedFinalAccounts(
  w: Work,
  demo: DemoContext,
  opts: { year: number; budgetId: string },
) {
  const db = w.db;
  const { congressId } = demo;
  const auditReportOn = `${opts.year}-08-27`;
  await db.insert(budgetFinalAccounts).values({
    budgetId: opts.budgetId,
    congressId,
    submittedOn: `${opts.year}-07-25`,
    auditReportOn,
    approvedOn: `${opts.year}-08-27`,
  });
  await db.insert(budgetFinalAccountPoints).values(
    (
      [
        ['revenue', '一般公共预算收入完成预算的108%，税收收入占比保持在85%以上。'],
        ['carryOvers', '结转资金规模较上年下降，但仍有部分项目结转两年未使用，建议收回统筹。'],
        ['reserveFund', '预备费主要用于台风抢险救灾，使用程序规范。'],
        ['budgetResolution', '区人大预算决议提出的加快项目支出进度等要求基本落实。'],
      ] as const
    ).map(([point, findings]) => ({
      budgetId: opts.budgetId,
      congressId,
      point,
      findings,
      updatedBy: demo.accounts.staff.accountId,
    })),
  );
  const rows = AUDIT.flatMap(([unitName, finding, wan, measures, status, days]) => {
    const unit = demo.handlingUnits.find((u) => u.name === unitName);
    if (!unit) return [];
    return [
      {
        id: newId(),
        congressId,
        budgetId: opts.budgetId,
        unitId: unit.id,
        finding,
        amountFen: BigInt(Math.round(wan * 100)) * 10000n,
        measures,
        status,
        rectifiedOn: days === null ? null : addCalendarDays(auditReportOn, days),
        createdAt: new Date(`${auditReportOn}T10:00:00+08:00`),
      },
    ];
  });
  if (rows.length) await db.insert(budgetAuditFindings).values(rows);
}
