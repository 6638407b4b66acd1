// The demo's activities: the activity month (人大代表活动月, 7–8月, the most recent one past) of 东岭区 with 95
// activities of every kind at the liaison places where the month's receptions were held (one at each of the
// first 60 places, the rest spread), the deputies invited, their answers, leaves and attendance (checked in on
// the phone or on the staff's sheet, some not invited), the records, and the inspections' findings sent to the
// units as opinions through the opinions pipeline (announced as the staff account, made when the worker runs).
// Besides the month: one activity today that the demo deputy may check in to, and two next week to answer.
// Deterministic (demo.random, demo.now). The campaign's report is computed from all this, never typed.
import { inArray } from 'drizzle-orm';
import { latestActivityMonth, usccCheckChar, type Question, type Responses } from '@minyi/domain/activities';
import { shanghaiDate } from '@minyi/domain/calendar';
import type { DemoContext } from '../../platform/demo';
import { systemCtx, transact, type AppServices, type Ctx } from '../../platform/context';
import { newId } from '../../platform/ids';
import { liaisonPlaces } from '../registry';
import {
  activities,
  activityFindings,
  activityParticipants,
  campaignFirms,
  campaigns,
  firms,
  firmVisitIssues,
  firmVisits,
  pledgeProgress,
  pledges,
} from './activities.table';
import { activityFindingRecorded, firmIssueRecorded } from './activities.events';
import { randomBytes } from 'node:crypto';

type Kind =
  | 'inspection'
  | 'investigation'
  | 'council'
  | 'lecture'
  | 'forum'
  | 'jointActivity'
  | 'voterRepresentativesMeeting'
  | 'reportToVoters'
  | 'lawEnforcementInspection';

/** How many of each kind the month holds (95 in all, as the report's "开展各类活动95场"). */
const MIX: [Kind, number][] = [
  ['inspection', 22],
  ['investigation', 18],
  ['council', 14],
  ['lecture', 9],
  ['forum', 7],
  ['voterRepresentativesMeeting', 9],
  ['reportToVoters', 7],
  ['jointActivity', 5],
  ['lawEnforcementInspection', 4],
];

/** Topics with the findings deputies bring back and the unit each goes to. */
const INSPECTIONS: { topic: string; findings: [string, string][] }[] = [
  {
    topic: '学校周边交通安全',
    findings: [
      [
        '上下学时段校门口接送车辆占道停放，护学岗人手不足，建议增设临时停车点并加派警力',
        '鹏城市公安局交通警察支队东岭大队',
      ],
      ['学校门前人行横道标线磨损严重，减速带缺失，建议尽快重新施划并增设警示标志', '区交通运输局'],
    ],
  },
  {
    topic: '老旧小区改造工程进展',
    findings: [
      ['改造工程施工围挡占用消防通道，雨污分流管网开挖后未及时回填，居民出行不便', '区住房和建设局'],
      [
        '加装电梯项目审批环节多、周期长，部分低层住户意见未协调好，建议街道牵头建立协商机制',
        '区住房和建设局',
      ],
    ],
  },
  {
    topic: '背街小巷环境整治',
    findings: [
      ['巷道内垃圾收集点设置不合理，夏季异味明显，建议调整收运时间并增加清洗频次', '区城市管理和综合执法局'],
      ['沿街商户占道经营回潮，夜间烧烤油烟扰民，建议加强巡查并引导入室经营', '区城市管理和综合执法局'],
    ],
  },
  {
    topic: '农贸市场升级改造',
    findings: [
      ['市场改造后摊位租金上涨较多，部分老摊主反映负担重，建议规范租金定价', '区市场监督管理局'],
      ['市场内冷链区排水不畅、地面湿滑，存在安全隐患', '区市场监督管理局'],
    ],
  },
  {
    topic: '城中村消防安全',
    findings: [
      ['出租屋电动自行车楼道充电现象普遍，集中充电桩数量不足，建议加快建设', '区消防救援大队'],
      ['部分握手楼之间消防通道被杂物堵塞，消防栓无水或损坏', '区消防救援大队'],
    ],
  },
  {
    topic: '河道水环境治理',
    findings: [
      ['雨后河道有黑臭回潮，疑有沿河排口偷排，建议加密巡查和水质监测', '区水务局'],
      ['河道两侧绿道照明损坏多处，夜间散步群众存在安全隐患', '区水务局'],
    ],
  },
  {
    topic: '社区养老服务中心运营',
    findings: [
      ['长者饭堂餐位不足，午餐高峰排队时间长，建议扩大供餐点并提供送餐服务', '区民政局'],
      ['日间照料中心专业护理人员短缺，康复设备使用率低', '区民政局'],
    ],
  },
  {
    topic: '公园绿地和口袋公园建设',
    findings: [
      ['口袋公园儿童游乐设施老化，地面防护软垫破损，建议尽快更换', '区城市管理和综合执法局'],
      ['公园公共厕所数量少、开放时间短，群众反映如厕难', '区城市管理和综合执法局'],
    ],
  },
];

const INVESTIGATIONS: { topic: string; findings: [string, string][] }[] = [
  {
    topic: '社区嵌入式托育服务',
    findings: [
      ['普惠托位供给不足，双职工家庭反映“入托难、入托贵”，建议在新建小区配建托育点', '区卫生健康局'],
    ],
  },
  {
    topic: '小微企业融资难融资贵',
    findings: [
      ['小微企业反映贴息、担保政策申请材料繁琐，建议简化流程并开通线上办理', '区投资推广和企业服务中心'],
    ],
  },
  {
    topic: '新就业形态劳动者权益保障',
    findings: [['外卖骑手、网约车司机反映工伤保障不足、歇脚点少，建议增设“暖心驿站”', '区人力资源局']],
  },
  {
    topic: '居住区停车设施规划建设',
    findings: [['老旧小区停车位缺口大，周边闲置地块未能利用，建议建设临时立体停车场', '区交通运输局']],
  },
  {
    topic: '生活垃圾分类落实情况',
    findings: [['部分小区分类投放点定时定点督导缺位，混投现象较多', '区城市管理和综合执法局']],
  },
  {
    topic: '基层医疗卫生服务能力',
    findings: [['社区健康服务中心夜间不开诊，常用药品种类少，居民就医仍需跑大医院', '区卫生健康局']],
  },
];

const COUNCIL = [
  '小区加装电梯协调',
  '社区停车位分配方案',
  '菜市场周边占道经营治理',
  '物业服务质量提升',
  '社区“微实事”项目选定',
];
const LECTURES = [
  '学习新修改的代表法',
  '如何提出高质量代表建议',
  '预算审查监督基础知识',
  '民法典与社区治理',
  '代表如何开展视察调研',
];
const FORUMS = ['优化营商环境', '“一老一小”服务体系建设', '基层治理创新', '青年人才安居'];
const JOINT = ['全区道路交通安全整治', '校外培训机构规范管理', '食品安全“你点我检”'];
const LAWS = [
  '《中华人民共和国食品安全法》',
  '《中华人民共和国大气污染防治法》',
  '《中华人民共和国未成年人保护法》',
  '《中华人民共和国消防法》',
];
const LEAVE_REASONS = ['单位有紧急任务', '外地出差', '身体不适', '家中有事', '参加市人大培训'];

const SUMMARIES: Record<Kind, string[]> = {
  inspection: [
    '代表们实地察看了现场，听取了相关部门和街道的情况汇报，并与群众面对面交流，对发现的问题逐条梳理。',
    '视察组分两路察看了重点点位，随机走访了周边居民和商户，现场提出了整改意见。',
  ],
  investigation: [
    '调研组召开座谈会，听取部门、企业和群众代表意见，形成了调研报告初稿。',
    '代表们走访了相关单位和服务对象，收集了第一手情况，梳理出主要问题和对策建议。',
  ],
  council: [
    '议事会上，代表、居民代表和物业、社区工作人员充分协商，形成了初步解决方案。',
    '各方围绕议题逐一发言，社区将根据议事结果拟定实施方案并公示。',
  ],
  lecture: ['邀请区人大常委会法工委同志授课，代表们结合履职实际交流了体会。'],
  forum: ['代表、专家和企业代表围绕主题深入交流，提出了多条有针对性的意见建议。'],
  voterRepresentativesMeeting: [
    '街道向选民代表通报了民生实事项目进展，选民代表现场提问并对部分项目提出意见。',
  ],
  reportToVoters: ['代表向选民报告了一年来的履职情况，选民代表进行了现场评议。'],
  jointActivity: ['区人大常委会与区政协联合开展视察，并召开座谈会，听取职能部门工作汇报。'],
  lawEnforcementInspection: ['代表们参加了区人大常委会执法检查组的实地检查，并在座谈会上发言。'],
};

export async function seedActivitiesDemo(app: AppServices, demo: DemoContext): Promise<void> {
  const { congressId } = demo;
  const rnd = demo.random;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
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
  const today = shanghaiDate(demo.now);
  const month = latestActivityMonth(today);
  // The places of the month's receptions (opinions.demo.ts): the first 60 with deputies.
  const places = demo.liaisonPlaces.filter((p) => p.deputyIds.length > 0).slice(0, 60);
  const names = new Map(
    (
      await app.db
        .select({ id: liaisonPlaces.id, name: liaisonPlaces.name })
        .from(liaisonPlaces)
        .where(
          inArray(
            liaisonPlaces.id,
            places.map((p) => p.id),
          ),
        )
    ).map((p) => [p.id, p.name]),
  );
  const streetName = (id: string) => demo.streets.find((s) => s.id === id)?.name ?? '';
  const unitId = (name: string) =>
    demo.handlingUnits.find((u) => u.name === name)?.id ?? demo.handlingUnits[0].id;
  const streetCommittee = (streetId: string) =>
    demo.workingCommittees.find((c) => c.kind === 'streetWorkingCommittee' && c.streetId === streetId)
      ?.name ?? '';
  const deputiesCommittee =
    demo.workingCommittees.find((c) => c.kind === 'workingCommittee' && c.name.includes('代表'))?.name ??
    '区人大常委会代表工作委员会';
  const demoDeputy = demo.accounts.deputy.deputyId;

  const campaignId = newId();
  const kinds = MIX.flatMap(([k, n]) => Array.from({ length: n }, () => k));
  // Shuffle the kinds so every street sees a mix.
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j], kinds[i]];
  }
  const rows: (typeof activities.$inferInsert)[] = [];
  const lines: (typeof activityParticipants.$inferInsert)[] = [];
  const findings: (typeof activityFindings.$inferInsert & {
    title: string;
    deputyIds: string[];
    placeId: string;
  })[] = [];
  kinds.forEach((kind, i) => {
    const place = i < places.length ? places[i] : pick(places);
    const placeName = names.get(place.id) ?? '';
    const street = streetName(place.streetId);
    const inspection = pick(INSPECTIONS);
    const investigation = pick(INVESTIGATIONS);
    const title = {
      inspection: `视察${street}${inspection.topic}`,
      investigation: `${investigation.topic}专题调研`,
      council: `代表议事会：${pick(COUNCIL)}`,
      lecture: `代表大讲堂：${pick(LECTURES)}`,
      forum: `代表论坛：${pick(FORUMS)}`,
      voterRepresentativesMeeting: `${street}选民代表会议`,
      reportToVoters: `代表向选民述职（${placeName}）`,
      jointActivity: `联合区政协开展${pick(JOINT)}视察`,
      lawEnforcementInspection: `参加${pick(LAWS)}执法检查`,
    }[kind];
    const organiser: {
      kind: 'standingCommittee' | 'workingCommittee' | 'streetWorkingCommittee' | 'liaisonPlace';
      name: string;
    } =
      kind === 'lecture' || kind === 'forum'
        ? { kind: 'workingCommittee', name: deputiesCommittee }
        : kind === 'jointActivity' || kind === 'lawEnforcementInspection'
          ? { kind: 'standingCommittee', name: '区人大常委会' }
          : kind === 'council' || kind === 'reportToVoters'
            ? { kind: 'liaisonPlace', name: placeName }
            : { kind: 'streetWorkingCommittee', name: streetCommittee(place.streetId) };
    const date = `${month.year}-0${i % 2 ? 8 : 7}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const start = pick(['09:00', '09:30', '14:30', '15:00']);
    const startsAt = new Date(`${date}T${start}:00+08:00`);
    const endsAt = new Date(startsAt.getTime() + (2 + Math.floor(rnd() * 2)) * 3_600_000);
    const id = newId();
    rows.push({
      id,
      congressId,
      kind,
      title,
      topic:
        kind === 'inspection'
          ? `围绕${inspection.topic}开展视察，推动群众反映集中的问题解决。`
          : kind === 'investigation'
            ? `了解${investigation.topic}的现状和困难，提出对策建议。`
            : '',
      organiserKind: organiser.kind,
      organiserName: organiser.name,
      placeId: place.id,
      streetId: place.streetId,
      address: '',
      startsAt,
      endsAt,
      campaignId,
      outsideParticipants:
        kind === 'jointActivity' ? ['区政协委员 3 名', '区公安分局、区交通运输局负责同志'] : [],
      checkInToken: randomBytes(12).toString('base64url'),
      summary: pick(SUMMARIES[kind]),
      recordedAt: new Date(endsAt.getTime() + 86_400_000),
      createdBy: staff.accountId,
      createdAt: new Date(startsAt.getTime() - 10 * 86_400_000),
      updatedAt: new Date(endsAt.getTime() + 86_400_000),
    });
    // Invited: the place's deputies and others; most come (on the phone or the sheet), some ask for leave.
    const size = 6 + Math.floor(rnd() * 7);
    const invited = [
      ...new Set([...place.deputyIds, ...Array.from({ length: size }, () => pick(demo.deputyIds))]),
    ]
      .slice(0, size)
      .concat(i % 9 === 0 && demoDeputy ? [demoDeputy] : [])
      .filter((d, k, xs) => xs.indexOf(d) === k);
    const present: string[] = [];
    for (const deputyId of invited) {
      const r = rnd();
      const onLeave = r < 0.08;
      const absent = !onLeave && r < 0.11;
      const came = !onLeave && !absent;
      const via = rnd() < 0.7 ? 'checkIn' : 'sheet';
      if (came) present.push(deputyId);
      lines.push({
        congressId,
        activityId: id,
        deputyId,
        invited: true,
        rsvp: onLeave ? 'onLeave' : rnd() < 0.85 ? 'accepted' : 'pending',
        leaveReason: onLeave ? pick(LEAVE_REASONS) : '',
        attendedAt: came ? new Date(startsAt.getTime() - Math.floor(rnd() * 25) * 60_000) : null,
        attendedVia: came ? via : null,
      });
    }
    // Now and then a deputy of the street who was not invited comes along and checks in.
    if (rnd() < 0.25) {
      const extra = pick(demo.deputyIds);
      if (!invited.includes(extra)) {
        present.push(extra);
        lines.push({
          congressId,
          activityId: id,
          deputyId: extra,
          invited: false,
          attendedAt: new Date(startsAt.getTime() + 5 * 60_000),
          attendedVia: 'checkIn',
        });
      }
    }
    const source = kind === 'inspection' ? inspection : kind === 'investigation' ? investigation : null;
    if (source && rnd() < 0.6)
      for (const [content, unit] of source.findings.slice(0, 1 + Math.floor(rnd() * source.findings.length)))
        findings.push({
          id: newId(),
          congressId,
          activityId: id,
          content,
          unitId: unitId(unit),
          streetId: place.streetId,
          opinionId: newId(),
          createdAt: new Date(endsAt.getTime() + 86_400_000),
          title,
          deputyIds: present,
          placeId: place.id,
        });
  });

  // Besides the month: today at the demo deputy's place (check-in open all day), and two next week.
  const home = demo.liaisonPlaces.find((p) => demoDeputy && p.deputyIds.includes(demoDeputy)) ?? places[0];
  const day = (offset: number) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + offset);
    return d.toISOString().slice(0, 10);
  };
  const upcoming: [string, Kind, string, string, string][] = [
    [day(0), 'council', '08:30', '20:30', '代表议事会：小区加装电梯协调'],
    [day(6), 'inspection', '09:30', '11:30', `视察${streetName(home.streetId)}背街小巷环境整治`],
    [day(8), 'lecture', '14:30', '16:30', '代表大讲堂：如何提出高质量代表建议'],
  ];
  for (const [date, kind, from, to, title] of upcoming) {
    const id = newId();
    const startsAt = new Date(`${date}T${from}:00+08:00`);
    rows.push({
      id,
      congressId,
      kind,
      title,
      topic: '',
      organiserKind: kind === 'lecture' ? 'workingCommittee' : 'liaisonPlace',
      organiserName: kind === 'lecture' ? deputiesCommittee : (names.get(home.id) ?? ''),
      placeId: home.id,
      streetId: home.streetId,
      address: '',
      startsAt,
      endsAt: new Date(`${date}T${to}:00+08:00`),
      campaignId: null,
      outsideParticipants: [],
      checkInToken: randomBytes(12).toString('base64url'),
      createdBy: staff.accountId,
      createdAt: new Date(demo.now.getTime() - 3 * 86_400_000),
      updatedAt: new Date(demo.now.getTime() - 3 * 86_400_000),
    });
    const invited = [...new Set([...(demoDeputy ? [demoDeputy] : []), ...home.deputyIds.slice(0, 5)])];
    for (const deputyId of invited)
      lines.push({ congressId, activityId: id, deputyId, invited: true, rsvp: 'pending' });
  }

  await transact(ctx, async (w) => {
    await w.db.insert(campaigns).values({
      id: campaignId,
      congressId,
      kind: 'activityMonth',
      title: `${month.year}年“人大代表活动月”`,
      fromDate: month.from,
      toDate: month.to,
      goal: '依托“家、站、点”组织各级人大代表集中开展视察调研、议事会、大讲堂、论坛和进站接待，听民意、解民忧。',
      createdBy: staff.accountId,
      createdAt: new Date(`${month.year}-06-20T10:00:00+08:00`),
    });
    await w.db.insert(activities).values(rows);
    for (let k = 0; k < lines.length; k += 500)
      await w.db.insert(activityParticipants).values(lines.slice(k, k + 500));
    if (findings.length)
      await w.db
        .insert(activityFindings)
        .values(findings.map(({ title: _t, deputyIds: _d, placeId: _p, ...f }) => f));
    // The findings go to the units through the opinions pipeline, as every finding does.
    for (const f of findings)
      await w.publish(activityFindingRecorded, {
        congressId,
        activityId: f.activityId,
        activityTitle: f.title,
        findingId: f.id,
        opinionId: f.opinionId,
        unitId: f.unitId,
        streetId: f.streetId,
        placeId: f.placeId,
        deputyIds: f.deputyIds,
        content: f.content,
        actor: ctx.actor!,
        meta: ctx.meta,
      });
  });
  await seedVisitsAndPledges(ctx, demo, today, pick);
}

// Enterprise visits (走访调研企业、保经济增长) and pledges (承诺践诺), drawn after the rest so the activity month
// above stays as it was. The campaign runs from 60 days before the demo's day to 30 after: 24 deputies who
// hold leading posts (the standing committee's members and the demo deputy) are each given two or three of 64
// firms with a planned day; the visits of the days past are recorded with the questionnaire's responses and
// the firms' problems, sent to the units through the opinions pipeline as every visit's are. Pledges of the
// year for 40 deputies (the demo deputy's among them), with progress notes dated through the year so far.
const INDUSTRIES: [string, string[]][] = [
  ['装备制造', ['精密机械', '智能装备', '模具', '数控设备']],
  ['电子信息', ['微电子', '光电', '智能终端', '电子元器件']],
  ['软件和信息技术服务', ['云图科技', '数智科技', '软件', '信息技术']],
  ['食品加工', ['食品', '绿源食品', '粮油', '饮品']],
  ['批发零售', ['商贸', '供应链', '百货', '贸易']],
  ['物流运输', ['物流', '冷链', '货运', '仓储']],
  ['建筑业', ['建设工程', '建筑装饰', '市政工程', '幕墙']],
  ['住宿餐饮', ['餐饮管理', '酒店管理', '食府', '茶餐厅']],
];
const FIRM_WORDS = [
  '东岭',
  '岭南',
  '东湖',
  '启航',
  '恒信',
  '华拓',
  '振邦',
  '嘉禾',
  '丰泽',
  '锦程',
  '鼎盛',
  '新源',
];
const SIZES = ['medium', 'small', 'small', 'micro', 'large', 'small'] as const;
const VISIT_ISSUES: [string, string][] = [
  ['企业门前道路限时通行，原料和成品运输车辆进出困难，希望调整货车通行时段', '区交通运输局'],
  ['厂区周边公交班次少、末班车早，职工通勤不便', '区交通运输局'],
  ['技术工人招工难，希望组织专场招聘会并落实职业技能培训补贴', '区人力资源局'],
  ['高层次人才子女入学和住房保障政策申请流程不清楚', '区人才工作局'],
  ['扩产需要新增厂房，希望协调产业用房或盘活闲置厂房', '区工业和信息化局'],
  ['申请技术改造资金的材料要求多、审核周期长', '区工业和信息化局'],
  ['企业研发费用加计扣除和高新技术企业认定政策需要上门辅导', '区科技创新局'],
  ['中小企业贷款难、担保费高，希望扩大政策性担保和贴息范围', '区地方金融监督管理局'],
  ['食品经营许可证变更办理时间较长，希望压缩审批时限', '区市场监督管理局'],
  ['厂区雨季内涝，周边市政排水管网需要改造', '区水务局'],
  ['园区道路破损、路灯不亮，影响夜班职工出行安全', '区城市管理和综合执法局'],
  ['消防验收标准理解不一致，希望提前介入指导', '区消防救援大队'],
  ['出口订单下降，希望提供境外展会和市场开拓支持', '区商务局'],
  ['招商引资承诺的政策兑现进度较慢', '区投资推广和企业服务中心'],
  ['企业开办和变更登记希望实现全程网上办理', '区政务服务数据管理局'],
];
const DIFFICULTIES = ['融资', '用工', '用地和厂房', '审批办事', '物流交通', '市场订单'];
const PLEDGES = [
  '每月到联络站接待选民不少于一次，做好记录和反馈',
  '围绕老旧小区加装电梯提出一件高质量建议',
  '走访辖区企业不少于五家，帮助协调解决实际困难',
  '参加常委会组织的执法检查和视察调研不少于三次',
  '推动社区养老服务站建设，定期听取老年人意见',
  '就学校周边交通安全开展一次专题调研',
  '年底前向原选区选民书面报告履职情况',
  '跟踪督促所提建议办理落实，确保件件有回音',
];
const PROGRESS = [
  '已到联络站接待选民 {n} 次，收集意见 {m} 条，均已转交办理',
  '完成专题调研，形成建议提交常委会',
  '已走访企业 {n} 家，反映的问题已交有关部门办理',
  '参加视察调研 {n} 次，提出意见建议 {m} 条',
  '与街道、社区多次沟通，项目已列入今年民生实事计划',
];

async function seedVisitsAndPledges(
  ctx: Ctx,
  demo: DemoContext,
  today: string,
  pick: <T>(xs: readonly T[]) => T,
) {
  const { congressId } = demo;
  const rnd = demo.random;
  const dayOff = (offset: number) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + offset);
    return d.toISOString().slice(0, 10);
  };
  const unitNamed = (name: string) => demo.handlingUnits.find((u) => u.name === name)?.id;
  const demoDeputy = demo.accounts.deputy.deputyId;
  const visitors = [
    ...new Set([...(demoDeputy ? [demoDeputy] : []), ...demo.standingCommitteeDeputyIds.slice(0, 23)]),
  ];
  const campaignId = newId();
  const from = dayOff(-60);
  const to = dayOff(30);
  const questionnaire: Question[] = [
    {
      id: 'q1',
      kind: 'single',
      label: '企业当前经营状况',
      options: ['良好', '一般', '困难'],
      required: true,
    },
    {
      id: 'q2',
      kind: 'multiple',
      label: '企业面临的主要困难（可多选）',
      options: DIFFICULTIES,
      required: true,
      showIf: { questionId: 'q1', option: '困难' },
    },
    { id: 'q3', kind: 'number', label: '企业职工人数', options: [], required: false },
    {
      id: 'q4',
      kind: 'scale',
      label: '对本区营商环境的满意度（1–5分）',
      options: [],
      required: true,
      max: 5,
    },
    { id: 'q5', kind: 'text', label: '对政府部门的其他意见建议', options: [], required: false },
  ];
  const firmRows: (typeof firms.$inferInsert)[] = [];
  const plan: (typeof campaignFirms.$inferInsert)[] = [];
  const visitRows: (typeof firmVisits.$inferInsert)[] = [];
  const issueRows: (typeof firmVisitIssues.$inferInsert & { firmName: string; deputyId: string })[] = [];
  const used = new Set<string>();
  for (let i = 0; i < 64; i++) {
    const [industry, kinds] = INDUSTRIES[i % INDUSTRIES.length];
    let name: string;
    do name = `${pick(FIRM_WORDS)}${pick(kinds)}${pick(['有限公司', '股份有限公司', '有限公司'])}`;
    while (used.has(name));
    used.add(name);
    const first17 = `914403${String(100 + (i % 900)).padStart(3, '0')}MA5${Math.floor(rnd() * 1e5)
      .toString()
      .padStart(5, '0')}`.slice(0, 17);
    const uscc = first17 + usccCheckChar(first17)!;
    const street = demo.streets[i % demo.streets.length];
    const id = newId();
    firmRows.push({ id, congressId, name, uscc, industry, streetId: street.id, size: pick(SIZES) });
    const deputyId = visitors[i % visitors.length];
    // Planned across the campaign; those planned before the demo's day were mostly visited.
    const plannedOffset = -55 + Math.floor((i / 64) * 80);
    plan.push({ congressId, campaignId, firmId: id, deputyId, plannedOn: dayOff(plannedOffset) });
    if (plannedOffset < 0 && rnd() < 0.9) {
      const visitId = newId();
      const visitedOn = dayOff(Math.min(-1, plannedOffset + Math.floor(rnd() * 4)));
      const status = rnd() < 0.55 ? '良好' : rnd() < 0.6 ? '一般' : '困难';
      const responses: Responses = {
        q1: status,
        q3: 20 + Math.floor(rnd() * 400),
        q4: status === '困难' ? 2 + Math.floor(rnd() * 2) : 3 + Math.floor(rnd() * 3),
      };
      if (status === '困难')
        responses.q2 = DIFFICULTIES.filter(() => rnd() < 0.35)
          .slice(0, 3)
          .concat(['融资'])
          .filter((d, k, xs) => xs.indexOf(d) === k);
      if (rnd() < 0.4) responses.q5 = pick(['希望政策兑现更及时', '希望多组织政企座谈', '希望简化办事流程']);
      visitRows.push({
        id: visitId,
        congressId,
        campaignId,
        firmId: id,
        deputyId,
        visitedOn,
        peopleMet: pick(['总经理、财务负责人', '董事长、人事主管', '总经理', '厂长、安全主任']),
        responses,
        createdBy: ctx.actor!.accountId,
        createdAt: new Date(`${visitedOn}T18:00:00+08:00`),
      });
      const n = rnd() < 0.25 ? 0 : 1 + Math.floor(rnd() * 3);
      const chosen = new Set<number>();
      while (chosen.size < n) chosen.add(Math.floor(rnd() * VISIT_ISSUES.length));
      for (const k of chosen) {
        const [content, unit] = VISIT_ISSUES[k];
        const unitId = unitNamed(unit);
        if (!unitId) continue;
        issueRows.push({
          id: newId(),
          congressId,
          visitId,
          content,
          unitId,
          streetId: street.id,
          opinionId: newId(),
          createdAt: new Date(`${visitedOn}T18:00:00+08:00`),
          firmName: name,
          deputyId,
        });
      }
    }
  }

  const year = Number(today.slice(0, 4));
  const yearStart = new Date(`${year}-01-10T10:00:00+08:00`);
  const pledgeRows: (typeof pledges.$inferInsert)[] = [];
  const progressRows: (typeof pledgeProgress.$inferInsert)[] = [];
  const pledgers = [...new Set([...(demoDeputy ? [demoDeputy] : []), ...demo.deputyIds.slice(0, 39)])];
  const elapsed = Math.max(1, Math.floor((demo.now.getTime() - yearStart.getTime()) / 86_400_000));
  for (const deputyId of pledgers) {
    const count = 2 + Math.floor(rnd() * 3);
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(Math.floor(rnd() * PLEDGES.length));
    for (const k of chosen) {
      const id = newId();
      const r = rnd();
      const status = r < 0.35 ? 'fulfilled' : r < 0.8 ? 'inProgress' : 'pledged';
      const notes = status === 'pledged' ? 0 : status === 'inProgress' ? 1 : 2;
      const at = (part: number) => new Date(yearStart.getTime() + Math.floor(elapsed * part) * 86_400_000);
      for (let j = 0; j < notes; j++)
        progressRows.push({
          id: newId(),
          congressId,
          pledgeId: id,
          note: pick(PROGRESS)
            .replace('{n}', String(2 + Math.floor(rnd() * 8)))
            .replace('{m}', String(3 + Math.floor(rnd() * 15))),
          status: j === notes - 1 && status === 'fulfilled' ? 'fulfilled' : 'inProgress',
          createdAt: at((j + 1) / (notes + 1)),
        });
      pledgeRows.push({
        id,
        congressId,
        deputyId,
        year,
        content: PLEDGES[k],
        status,
        createdAt: yearStart,
        updatedAt: notes ? at(notes / (notes + 1)) : yearStart,
      });
    }
  }

  await transact(ctx, async (w) => {
    await w.db.insert(campaigns).values({
      id: campaignId,
      congressId,
      kind: 'enterpriseVisits',
      title: `${year}年“走访调研企业、保经济增长”专项活动`,
      fromDate: from,
      toDate: to,
      goal: '担任领导职务的人大代表带头深入企业，发放调查问卷，收集问题和建议，以分片区座谈、督办落实等形式推动解决。',
      questionnaire,
      createdBy: ctx.actor!.accountId,
      createdAt: new Date(`${dayOff(-70)}T10:00:00+08:00`),
    });
    await w.db.insert(firms).values(firmRows);
    await w.db.insert(campaignFirms).values(plan);
    if (visitRows.length) await w.db.insert(firmVisits).values(visitRows);
    if (issueRows.length)
      await w.db.insert(firmVisitIssues).values(issueRows.map(({ firmName: _f, deputyId: _d, ...r }) => r));
    await w.db.insert(pledges).values(pledgeRows);
    if (progressRows.length) await w.db.insert(pledgeProgress).values(progressRows);
    // The firms' problems go to the units through the opinions pipeline, as every visit's do.
    for (const i of issueRows)
      await w.publish(firmIssueRecorded, {
        congressId,
        campaignId,
        visitId: i.visitId,
        issueId: i.id,
        opinionId: i.opinionId,
        firmName: i.firmName,
        unitId: i.unitId,
        streetId: i.streetId,
        deputyId: i.deputyId,
        content: i.content,
        // Dated as recorded (days before the server's start), so the opinion's deadline is counted from then.
        recordedAt: i.createdAt?.toISOString(),
        actor: ctx.actor!,
        meta: ctx.meta,
      });
  });
}
