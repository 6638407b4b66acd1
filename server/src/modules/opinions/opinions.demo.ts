// The demo's opinions and receptions: a routing table, receptions past and upcoming at liaison places, and a
// realistic spread of opinions in every state over the last six months. Deterministic (demo.random, demo.now).
import { addWorkingDays, endOfShanghaiDay, shanghaiDate } from '@minyi/domain/calendar';
import { latestActivityMonth } from '@minyi/domain/activities';
import {
  OPINION_CATEGORY_CODES,
  OPINION_RULES,
  TRACKING_ALPHABET,
  TRACKING_CODE_LENGTH,
  redactContent,
  searchText,
  type OpinionCategory,
  type OpinionStatus,
  type Rating,
  type ReplyOutcome,
} from '@minyi/domain/opinions';
import type { AppServices } from '../../platform/context';
import type { DemoContext } from '../../platform/demo';
import { newId } from '../../platform/ids';
import { opinionListItem } from './opinions.repository';
import {
  opinionAssignments,
  opinionEvents,
  opinionRoutes,
  opinions,
  receptionDeputies,
  receptions,
} from './opinions.table';

/** A unit's name, or `street`: the street office of the opinion's street. */
type UnitRef = string;
const TRANSPORT = '区交通运输局';
const POLICE = '鹏城市公安局交通警察支队东岭大队';
/** The routing table: each category to the unit that handles most such things (urban management by street). */
const ROUTES: Record<OpinionCategory, { lead: string; assisting: string[] }> = {
  urbanManagement: { lead: '区城市管理和综合执法局', assisting: [] },
  transport: { lead: TRANSPORT, assisting: [POLICE] },
  education: { lead: '区教育局', assisting: [] },
  health: { lead: '区卫生健康局', assisting: [] },
  housing: { lead: '区住房和建设局', assisting: [] },
  environment: { lead: '鹏城市生态环境局东岭管理局', assisting: ['区水务局'] },
  socialSecurity: { lead: '区民政局', assisting: ['区人力资源局'] },
  publicSafety: { lead: '鹏城市公安局东岭分局', assisting: ['区消防救援大队'] },
  economy: { lead: '区市场监督管理局', assisting: [] },
  livelihoodProjectIdea: { lead: '区发展和改革局', assisting: [] },
  other: { lead: '区人民政府办公室', assisting: [] },
};
/** What people write, by category, with the unit that handles it and what it did when resolved. */
const TEXTS: Record<OpinionCategory, { text: string; unit: UnitRef; done: string }[]> = {
  urbanManagement: [
    {
      text: '小区门口路灯坏了两周，晚上很黑，老人出行不安全',
      unit: 'street',
      done: '已安排维修人员更换损坏的灯具，路灯已恢复照明。',
    },
    {
      text: '人行道上共享单车乱停放，轮椅无法通过',
      unit: 'street',
      done: '已约谈运营企业清理车辆，并在路口划设了停放区。',
    },
    {
      text: '夜市油烟扰民，晚上十点后仍有噪音',
      unit: 'street',
      done: '已督促夜市摊档加装油烟净化设施，22点后停止经营。',
    },
    {
      text: '路边垃圾桶满溢无人清运，气味很大',
      unit: 'street',
      done: '已督促环卫公司将清运频次增加到每天两次，并对垃圾桶清洗消毒。',
    },
    {
      text: '人行道砖松动了好几块，下雨天踩上去溅一身泥水',
      unit: '区城市管理和综合执法局',
      done: '已完成该路段破损人行道砖的更换。',
    },
    {
      text: '小区旁边有人违规搭建铁皮房，占用了绿地',
      unit: 'street',
      done: '已依法拆除违建铁皮房，恢复绿地。',
    },
  ],
  transport: [
    {
      text: '公交站台没有遮雨棚，雨天候车不便',
      unit: TRANSPORT,
      done: '已将该站台列入候车亭改造计划，雨棚已于近日安装完毕。',
    },
    {
      text: '学校门口上下学时段交通拥堵，建议增设交警疏导',
      unit: POLICE,
      done: '已安排警力在上下学高峰时段驻点疏导，并施划了临时停车区。',
    },
    {
      text: '地铁站出口到小区缺少人行过街设施',
      unit: TRANSPORT,
      done: '已在地铁站出口增设人行横道和行人信号灯。',
    },
    {
      text: '建议增加夜间公交班次',
      unit: TRANSPORT,
      done: '已将途经该片区的两条公交线路末班车延长到23:30。',
    },
    {
      text: '公交车经常晚点，早上等车要半个多小时',
      unit: TRANSPORT,
      done: '已督促公交企业调整排班，早高峰增加配车4辆。',
    },
    {
      text: '小区门前道路坑洼，电动车经过容易摔倒',
      unit: TRANSPORT,
      done: '已完成该路段坑槽修补和井盖调平。',
    },
  ],
  education: [
    {
      text: '社区附近缺少公办幼儿园学位',
      unit: '区教育局',
      done: '已将该片区纳入今年新增公办园学位计划，秋季新增学位180个。',
    },
    {
      text: '学校周边课外培训机构收费不透明',
      unit: '区教育局',
      done: '已对周边培训机构开展检查，督促其公示收费标准并使用资金监管账户。',
    },
    {
      text: '希望开放学校操场供居民周末锻炼',
      unit: '区教育局',
      done: '已协调学校在周末和寒暑假实行预约开放。',
    },
    {
      text: '孩子学校的午餐分量少，饭菜送到时已经凉了',
      unit: '区教育局',
      done: '已约谈配餐企业整改，学校推行家长陪餐制度。',
    },
  ],
  health: [
    {
      text: '社区健康服务中心周末不开门，看病不方便',
      unit: '区卫生健康局',
      done: '该社康中心已调整为周末上午正常开诊。',
    },
    { text: '建议社区增加家庭医生签约名额', unit: '区卫生健康局', done: '已为该社区增配一个家庭医生团队。' },
    { text: '老年人体检预约太难', unit: '区卫生健康局', done: '已增加老年人免费体检号源，并开通电话预约。' },
    {
      text: '在社康中心看病不能用门诊统筹报销',
      unit: '区医疗保障局',
      done: '该社康中心已纳入门诊统筹定点，可直接刷卡结算。',
    },
  ],
  housing: [
    {
      text: '小区电梯经常故障，物业维修不及时',
      unit: '区市场监督管理局',
      done: '已督促维保单位完成检修，并对物业公司下达整改通知。',
    },
    {
      text: '老旧小区加装电梯进展缓慢',
      unit: '区住房和建设局',
      done: '已协调低层住户达成一致，加装电梯已开工。',
    },
    {
      text: '物业费上涨未经业主大会讨论',
      unit: '区住房和建设局',
      done: '已约谈物业公司，物业费调整须经业主大会表决，在此之前按原标准收取。',
    },
    {
      text: '小区没有充电桩，报装一直办不下来',
      unit: '区住房和建设局',
      done: '已协调物业和供电部门，小区共享充电桩已建成投用。',
    },
  ],
  environment: [
    {
      text: '河道有异味，怀疑有人偷排污水',
      unit: '区水务局',
      done: '已排查沿河排口，封堵偷排口2处，对涉事商户立案处罚。',
    },
    {
      text: '工地夜间施工噪音扰民',
      unit: '鹏城市生态环境局东岭管理局',
      done: '已对施工单位立案查处，责令其停止夜间施工。',
    },
    {
      text: '公园绿化带被占用停车',
      unit: '区城市管理和综合执法局',
      done: '已在绿化带周边加装隔离桩，并恢复了被碾压的绿化。',
    },
    {
      text: '附近工厂晚上排放废气，有刺鼻气味',
      unit: '鹏城市生态环境局东岭管理局',
      done: '已对涉事企业开展夜间检查，责令整改废气处理设施。',
    },
  ],
  socialSecurity: [
    {
      text: '社区长者饭堂菜价上涨，希望给予补贴',
      unit: '区民政局',
      done: '已对80岁以上老人落实每餐5元的助餐补贴。',
    },
    {
      text: '灵活就业人员社保缴费流程复杂',
      unit: '区人力资源局',
      done: '已在街道党群服务中心开设参保窗口，可一次办结。',
    },
    {
      text: '残疾人出行补贴申请材料太多',
      unit: '区残疾人联合会',
      done: '已精简申请材料，可在社区直接提交。',
    },
    { text: '工厂拖欠了三个月工资', unit: '区人力资源局', done: '已督促企业足额支付拖欠的工资。' },
  ],
  publicSafety: [
    {
      text: '小区消防通道被车辆长期占用',
      unit: '区消防救援大队',
      done: '已联合物业清理占用车辆，施划消防通道标线。',
    },
    {
      text: '电动自行车在楼道充电存在隐患',
      unit: '区消防救援大队',
      done: '已在小区建成集中充电点，并清理了楼道内的电动自行车。',
    },
    {
      text: '路口缺少监控，夜间不安全',
      unit: '鹏城市公安局东岭分局',
      done: '已在该路口加装视频监控和补光灯。',
    },
    {
      text: '楼上经常有人高空抛物',
      unit: '鹏城市公安局东岭分局',
      done: '已协调物业加装高空抛物监控，并开展入户宣传。',
    },
  ],
  economy: [
    {
      text: '中小企业办事需要多个部门来回跑',
      unit: '区政务服务数据管理局',
      done: '相关事项已推行“一件事一次办”，可在一个窗口办结。',
    },
    {
      text: '产业园区缺少配套员工宿舍',
      unit: '区住房保障署',
      done: '已将园区宿舍纳入保障性租赁住房筹建计划。',
    },
    {
      text: '建议简化个体户开业手续',
      unit: '区市场监督管理局',
      done: '个体户登记已实现全程网上办理，1个工作日办结。',
    },
  ],
  livelihoodProjectIdea: [
    {
      text: '建议在街道建设一个社区书房',
      unit: '区文化广电旅游体育局',
      done: '已纳入明年民生实事候选项目，将提交代表票决。',
    },
    { text: '建议改造老旧农贸市场', unit: '区商务局', done: '已纳入农贸市场升级改造计划，明年分批实施。' },
    { text: '建议在河边修建健康步道', unit: '区水务局', done: '已纳入碧道建设计划，明年开工建设。' },
  ],
  other: [
    { text: '希望社区多组织文体活动', unit: 'street', done: '已协调社区党群服务中心每月组织文体活动。' },
    {
      text: '建议公开社区公共收益使用情况',
      unit: 'street',
      done: '已督促社区股份合作公司和物业按季度公示公共收益。',
    },
  ],
};
const REPLIES: Record<Exclude<ReplyOutcome, 'resolved'>, string[]> = {
  partlyResolved: [
    '已完成部分整改，剩余问题已列入下季度工作计划。',
    '已先行采取临时措施，彻底解决需结合明年的改造项目实施。',
    '已解决其中能立即处理的部分，其余需协调多个部门，已列入下季度工作计划。',
  ],
  explained: [
    '受用地和资金条件限制，目前暂无法实施，已作为明年项目储备。',
    '经现场核实，该处不具备增设条件，已向反映人当面说明，并提出替代方案。',
    '相关政策由市级部门制定，已将意见反映至市主管部门。',
  ],
  notInRemit: [
    '经核实，反映的位置属于小区物业管理范围，已告知反映人向物业服务企业反映，并抄送所在街道督促处理。',
    '该事项由市级主管部门负责，已将意见转交市主管部门，并告知反映人。',
  ],
};
const ON_SPOT = [
  '已当场向群众解释相关政策和办理渠道。',
  '接待代表当场联系社区工作站，约定次日上门处理。',
  '已当场告知办理流程和所需材料。',
];
const INADMISSIBLE = [
  '该事项已进入诉讼程序，请通过司法途径解决。',
  '该事项已有法院生效判决，不属于受理范围。',
  '反映内容属于信访事项，已告知向区信访局反映。',
];
const PROGRESS = [
  '已安排人员现场查看。',
  '已联系反映人核实具体位置。',
  '已会同社区工作站现场踏勘，正在制定处理方案。',
];

export async function seedOpinionsDemo(app: AppServices, demo: DemoContext): Promise<void> {
  const db = app.db;
  const rnd = demo.random;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const congressId = demo.congressId;
  const now = demo.now;
  const exceptions = await app.calendar.exceptions(congressId);
  const units = demo.handlingUnits;
  if (units.length === 0 || demo.streets.length === 0) return;

  // Each unit by its name; a name that is not a demo unit is a mistake in this file.
  const unitNamed = (name: string) => {
    const unit = units.find((u) => u.name === name);
    if (!unit) throw new Error(`The demo opinions name a handling unit that does not exist: ${name}`);
    return unit;
  };
  const officeOf = (streetId: string) =>
    units.find((u) => u.kind === 'streetOffice' && u.streetId === streetId);
  // Routing table: each category to the unit that handles most such things, street offices for urban management.
  const routeRows = OPINION_CATEGORY_CODES.map((category) => ({
    id: newId(),
    congressId,
    category,
    streetId: null as string | null,
    leadUnitId: unitNamed(ROUTES[category].lead).id,
    assistingUnitIds: ROUTES[category].assisting.map((n) => unitNamed(n).id),
  }));
  for (const s of demo.streets) {
    const office = officeOf(s.id);
    if (office)
      routeRows.push({
        id: newId(),
        congressId,
        category: 'urbanManagement',
        streetId: s.id,
        leadUnitId: office.id,
        assistingUnitIds: [unitNamed(ROUTES.urbanManagement.lead).id],
      });
  }
  await db.insert(opinionRoutes).values(routeRows);

  // Receptions: four held in the last four months and one upcoming, at the first places of each kind.
  const places = demo.liaisonPlaces.filter((p) => p.deputyIds.length > 0).slice(0, 24);
  const receptionRows: (typeof receptions.$inferInsert)[] = [];
  const deputyRows: (typeof receptionDeputies.$inferInsert)[] = [];
  const heldReceptions: { id: string; placeId: string; streetId: string; at: Date; deputyId: string }[] = [];
  for (const p of places) {
    for (let k = 0; k < 5; k++) {
      const upcoming = k === 4;
      const dayOffset = upcoming ? 4 + Math.floor(rnd() * 20) : -(10 + k * 28 + Math.floor(rnd() * 10));
      const startsAt = new Date(
        `${shanghaiDate(new Date(now.getTime() + dayOffset * 86_400_000))}T09:30:00+08:00`,
      );
      const id = newId();
      const ds = p.deputyIds.slice(0, 2 + Math.floor(rnd() * 2));
      receptionRows.push({
        id,
        congressId,
        liaisonPlaceId: p.id,
        streetId: p.streetId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
        topic: upcoming ? pick(['物业管理', '交通出行', '民生实事项目征集', '营商环境']) : '',
        status: upcoming ? 'scheduled' : 'held',
        peopleReceived: upcoming ? null : 4 + Math.floor(rnd() * 26),
        notes: upcoming
          ? ''
          : pick([
              '群众反映的问题已当场登记，能答复的当场答复。',
              '接待中反映较集中的是物业管理和交通出行问题，已登记转办。',
              '代表逐一听取群众诉求，需部门办理的已登记转交。',
            ]),
        createdAt: new Date(startsAt.getTime() - 7 * 86_400_000),
      });
      for (const d of ds)
        deputyRows.push({
          congressId,
          receptionId: id,
          deputyId: d,
          checkedInAt: upcoming ? null : new Date(startsAt.getTime() - 600_000),
        });
      if (!upcoming)
        heldReceptions.push({ id, placeId: p.id, streetId: p.streetId, at: startsAt, deputyId: ds[0] });
    }
  }
  if (receptionRows.length) {
    await db.insert(receptions).values(receptionRows);
    await db.insert(receptionDeputies).values(deputyRows);
  }

  // Opinions: 600 over six months; older ones further along the loop.
  const code = () =>
    Array.from(
      { length: TRACKING_CODE_LENGTH },
      () => TRACKING_ALPHABET[Math.floor(rnd() * TRACKING_ALPHABET.length)],
    ).join('');
  const rows: (typeof opinions.$inferInsert)[] = [];
  const events: (typeof opinionEvents.$inferInsert)[] = [];
  const assigns: (typeof opinionAssignments.$inferInsert)[] = [];
  const used = new Set<string>();
  const deadline = (from: Date) =>
    endOfShanghaiDay(addWorkingDays(shanghaiDate(from), OPINION_RULES.replyWorkingDays, exceptions));
  for (let i = 0; i < 600; i++) {
    const ageDays = Math.floor(rnd() ** 1.3 * 180);
    const createdAt = new Date(now.getTime() - ageDays * 86_400_000 - Math.floor(rnd() * 36_000_000));
    const fromReception = rnd() < 0.35 ? pick(heldReceptions) : null;
    const street = fromReception
      ? (demo.streets.find((s) => s.id === fromReception.streetId) ?? pick(demo.streets))
      : pick(demo.streets);
    const category: OpinionCategory = pick(OPINION_CATEGORY_CODES);
    const said = pick(TEXTS[category]);
    const content = `${said.text}（${street.name}）`;
    let tc = code();
    while (used.has(tc)) tc = code();
    used.add(tc);
    const phone = `13${Math.floor(rnd() * 10)}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`;
    const id = newId();
    const ev = (
      kind: string,
      at: Date,
      note: string | null = null,
      data: Record<string, unknown> = {},
      isPublic = true,
    ) => events.push({ id: newId(), congressId, opinionId: id, kind, note, data, isPublic, createdAt: at });
    const at = (days: number) =>
      new Date(Math.min(createdAt.getTime() + days * 86_400_000, now.getTime() - 60_000));
    const row: typeof opinions.$inferInsert = {
      id,
      congressId,
      trackingCode: tc,
      content,
      publicContent: redactContent(content),
      category,
      streetId: street.id,
      communityId: street.communityIds.length ? pick(street.communityIds) : null,
      channel: fromReception ? 'reception' : pick(['form', 'form', 'qr', 'hotline', 'staff']),
      liaisonPlaceId: fromReception?.placeId ?? null,
      deputyId: fromReception?.deputyId ?? null,
      receptionId: fromReception?.id ?? null,
      phoneEnc: app.pii.encrypt(phone),
      phoneIndex: app.pii.index('phone', phone),
      phoneCheck: app.pii.index('phone', `track:${tc}:${phone.slice(-4)}`),
      isPublic: rnd() < 0.6,
      searchText: searchText(content),
      createdAt: fromReception ? fromReception.at : createdAt,
      updatedAt: createdAt,
    };
    ev('submitted', row.createdAt!, null, { channel: row.channel });
    // How far along: the older, the further.
    const r = rnd();
    let status: OpinionStatus;
    if (ageDays < 2) status = r < 0.7 ? 'submitted' : 'claimed';
    else if (ageDays < 25)
      status = r < 0.1 ? 'claimed' : r < 0.75 ? 'forwarded' : r < 0.9 ? 'replied' : 'answeredOnSpot';
    else
      status =
        r < 0.08
          ? 'forwarded'
          : r < 0.55
            ? 'closedResolved'
            : r < 0.7
              ? 'closedUnresolved'
              : r < 0.78
                ? 'replied'
                : r < 0.86
                  ? 'merged'
                  : r < 0.93
                    ? 'inadmissible'
                    : 'answeredOnSpot';
    if (status !== 'submitted') {
      ev('claim', at(1));
      row.claimedBy = null;
    }
    if (status === 'merged') {
      const target = rows.find(
        (o) => o.streetId === street.id && o.category === category && o.status !== 'merged',
      );
      if (target) {
        row.mergedIntoId = target.id;
        ev('merge', at(1.2));
      } else status = 'closedResolved';
    }
    if (status === 'inadmissible') {
      row.decisionNote = pick(INADMISSIBLE);
      row.closedAt = at(1.5);
      ev('declareInadmissible', at(1.5), row.decisionNote);
    }
    if (status === 'answeredOnSpot') {
      row.replyContent = pick(ON_SPOT);
      row.repliedAt = at(1);
      ev('answerOnSpot', at(1), row.replyContent);
      if (ageDays > 25) {
        row.rating = pick<Rating>(['satisfied', 'satisfied', 'basicallySatisfied']);
        row.ratedAt = at(3);
        row.closedAt = at(3);
        status = 'closedResolved';
        ev('rated', at(3), null, { rating: row.rating });
      }
    }
    if (
      ['forwarded', 'replied', 'closedResolved', 'closedUnresolved'].includes(status) &&
      !row.replyContent &&
      !row.mergedIntoId
    ) {
      const lead =
        said.unit === 'street'
          ? (officeOf(street.id) ?? unitNamed(ROUTES[category].lead))
          : unitNamed(said.unit);
      const assignedAt = at(2);
      row.leadUnitId = lead.id;
      row.assignedAt = assignedAt;
      row.deadlineAt = deadline(assignedAt);
      row.handBackUntil = endOfShanghaiDay(
        addWorkingDays(shanghaiDate(assignedAt), OPINION_RULES.handBackWorkingDays, exceptions),
      );
      ev('forward', assignedAt, lead.name, { leadUnitId: lead.id, assistingUnitIds: [] });
      const active = status === 'forwarded' || status === 'replied';
      assigns.push({
        congressId,
        opinionId: id,
        unitId: lead.id,
        role: 'lead',
        assignedAt,
        active,
        endedAt: active ? null : at(20),
        endReason: active ? null : 'closed',
      });
      if (status !== 'forwarded') {
        const outcome: ReplyOutcome =
          status === 'closedUnresolved'
            ? pick(['explained', 'partlyResolved', 'notInRemit'] as const)
            : 'resolved';
        const repliedDay = 4 + rnd() * 14;
        row.replyOutcome = outcome;
        row.replyContent = outcome === 'resolved' ? said.done : pick(REPLIES[outcome]);
        row.repliedAt = at(repliedDay);
        if (rnd() < 0.5) ev('progress', at(repliedDay - 2), pick(PROGRESS));
        ev('reply', row.repliedAt, row.replyContent, { outcome });
        if (status !== 'replied') {
          row.rating =
            status === 'closedResolved'
              ? pick<Rating>(['satisfied', 'satisfied', 'basicallySatisfied'])
              : pick<Rating>(['basicallySatisfied', 'dissatisfied', 'satisfied']);
          row.ratedAt = at(repliedDay + 2);
          row.closedAt = row.ratedAt;
          ev('rated', row.ratedAt, null, { rating: row.rating });
        }
      }
    }
    row.status = status;
    rows.push(row);
  }
  // The activity month (7–8月, the most recent one past): two receptions at each of the first 60 places with
  // deputies, and the opinions people brought to them, handled by now (issue 20: the campaign's dashboard
  // counts them from these records). Drawn after everything above, so the rest of the demo is unchanged.
  const month = latestActivityMonth(shanghaiDate(now));
  const monthPlaces = demo.liaisonPlaces.filter((p) => p.deputyIds.length > 0).slice(0, 60);
  const monthReceptions: (typeof receptions.$inferInsert)[] = [];
  const monthDeputies: (typeof receptionDeputies.$inferInsert)[] = [];
  for (const p of monthPlaces) {
    for (let k = 0; k < 2; k++) {
      const date = `${month.year}-0${7 + k}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
      const startsAt = new Date(`${date}T${pick(['09:00', '09:30', '14:30', '19:00'])}:00+08:00`);
      const id = newId();
      const people = 8 + Math.floor(rnd() * 11);
      const ds = p.deputyIds.slice(0, 2 + Math.floor(rnd() * 2));
      monthReceptions.push({
        id,
        congressId,
        liaisonPlaceId: p.id,
        streetId: p.streetId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2.5 * 3_600_000),
        topic: pick(['人大代表活动月·进站接待', '代表活动月：听民意、解民忧', '活动月主题接待：物业与出行']),
        status: 'held',
        peopleReceived: people,
        notes: pick([
          '活动月期间代表集中进站，群众反映的问题已逐一登记，需部门办理的已转办。',
          '接待群众较多，集中在老旧小区改造、停车和学位问题，已登记转交。',
          '代表现场解答政策咨询，其余诉求已登记并告知跟踪方式。',
        ]),
        createdAt: new Date(startsAt.getTime() - 7 * 86_400_000),
      });
      for (const d of ds)
        monthDeputies.push({
          congressId,
          receptionId: id,
          deputyId: d,
          checkedInAt: new Date(startsAt.getTime() - 600_000),
        });
      const brought = 2 + Math.floor(rnd() * 2);
      for (let j = 0; j < brought; j++) {
        const street = demo.streets.find((s) => s.id === p.streetId) ?? pick(demo.streets);
        const category: OpinionCategory = pick(OPINION_CATEGORY_CODES);
        const said = pick(TEXTS[category]);
        const content = `${said.text}（${street.name}）`;
        let tc = code();
        while (used.has(tc)) tc = code();
        used.add(tc);
        const phone = `13${Math.floor(rnd() * 10)}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`;
        const oid = newId();
        const at = (days: number) =>
          new Date(Math.min(startsAt.getTime() + days * 86_400_000, now.getTime() - 60_000));
        const ev = (
          kind: string,
          when: Date,
          note: string | null = null,
          data: Record<string, unknown> = {},
        ) =>
          events.push({
            id: newId(),
            congressId,
            opinionId: oid,
            kind,
            note,
            data,
            isPublic: true,
            createdAt: when,
          });
        const r = rnd();
        const status: OpinionStatus =
          r < 0.52 ? 'closedResolved' : r < 0.72 ? 'closedUnresolved' : r < 0.88 ? 'replied' : 'forwarded';
        const lead =
          said.unit === 'street'
            ? (officeOf(street.id) ?? unitNamed(ROUTES[category].lead))
            : unitNamed(said.unit);
        const assignedAt = at(1);
        const row: typeof opinions.$inferInsert = {
          id: oid,
          congressId,
          trackingCode: tc,
          content,
          publicContent: redactContent(content),
          category,
          streetId: street.id,
          communityId: street.communityIds.length ? pick(street.communityIds) : null,
          channel: 'reception',
          liaisonPlaceId: p.id,
          deputyId: ds[0] ?? null,
          receptionId: id,
          phoneEnc: app.pii.encrypt(phone),
          phoneIndex: app.pii.index('phone', phone),
          phoneCheck: app.pii.index('phone', `track:${tc}:${phone.slice(-4)}`),
          isPublic: rnd() < 0.6,
          searchText: searchText(content),
          createdAt: startsAt,
          updatedAt: startsAt,
          claimedBy: null,
          leadUnitId: lead.id,
          assignedAt,
          deadlineAt: deadline(assignedAt),
          handBackUntil: endOfShanghaiDay(
            addWorkingDays(shanghaiDate(assignedAt), OPINION_RULES.handBackWorkingDays, exceptions),
          ),
          status,
        };
        ev('submitted', startsAt, null, { channel: 'reception' });
        ev('claim', at(0.5));
        ev('forward', assignedAt, lead.name, { leadUnitId: lead.id, assistingUnitIds: [] });
        const active = status === 'forwarded' || status === 'replied';
        assigns.push({
          congressId,
          opinionId: oid,
          unitId: lead.id,
          role: 'lead',
          assignedAt,
          active,
          endedAt: active ? null : at(20),
          endReason: active ? null : 'closed',
        });
        if (status !== 'forwarded') {
          const outcome: ReplyOutcome =
            status === 'closedUnresolved'
              ? pick(['explained', 'partlyResolved', 'notInRemit'] as const)
              : 'resolved';
          const repliedDay = 5 + rnd() * 12;
          row.replyOutcome = outcome;
          row.replyContent = outcome === 'resolved' ? said.done : pick(REPLIES[outcome]);
          row.repliedAt = at(repliedDay);
          ev('reply', row.repliedAt, row.replyContent, { outcome });
          if (status !== 'replied') {
            row.rating =
              status === 'closedResolved'
                ? pick<Rating>(['satisfied', 'satisfied', 'basicallySatisfied'])
                : pick<Rating>(['basicallySatisfied', 'dissatisfied']);
            row.ratedAt = at(repliedDay + 2);
            row.closedAt = row.ratedAt;
            ev('rated', row.ratedAt, null, { rating: row.rating });
          }
        }
        rows.push(row);
      }
    }
  }
  await db.insert(receptions).values(monthReceptions);
  for (let k = 0; k < monthDeputies.length; k += 500)
    await db.insert(receptionDeputies).values(monthDeputies.slice(k, k + 500));
  // Each row with its list item, as every write of an opinion stores it.
  for (const r of rows)
    r.listItem = opinionListItem({
      id: r.id,
      trackingCode: r.trackingCode,
      publicContent: r.publicContent,
      category: r.category,
      streetId: r.streetId,
      channel: r.channel,
      status: r.status ?? 'submitted',
      hidden: r.hidden ?? false,
      leadUnitId: r.leadUnitId ?? null,
      deadlineAt: r.deadlineAt ?? null,
      reopenCount: r.reopenCount ?? 0,
      createdAt: r.createdAt ?? now,
    });
  for (let k = 0; k < rows.length; k += 200) await db.insert(opinions).values(rows.slice(k, k + 200));
  for (let k = 0; k < events.length; k += 500)
    await db.insert(opinionEvents).values(events.slice(k, k + 500));
  for (let k = 0; k < assigns.length; k += 500)
    await db.insert(opinionAssignments).values(assigns.slice(k, k + 500));
}
