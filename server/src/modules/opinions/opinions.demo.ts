// The demo's opinions and receptions: a routing table, receptions past and upcoming at liaison places, and a
// realistic spread of opinions in every state over the last six months. Deterministic (demo.random, demo.now).
import { addWorkingDays, endOfShanghaiDay, shanghaiDate } from '@minyi/domain/calendar';
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

const TEXTS: Record<string, string[]> = {
  urbanManagement: [
    '小区门口路灯坏了两周，晚上很黑，老人出行不安全',
    '人行道上共享单车乱停放，轮椅无法通过',
    '夜市油烟扰民，晚上十点后仍有噪音',
    '路边垃圾桶满溢无人清运，气味很大',
  ],
  transport: [
    '公交站台没有遮雨棚，雨天候车不便',
    '学校门口上下学时段交通拥堵，建议增设交警疏导',
    '地铁站出口到小区缺少人行过街设施',
    '建议增加夜间公交班次',
  ],
  education: [
    '社区附近缺少公办幼儿园学位',
    '学校周边课外培训机构收费不透明',
    '希望开放学校操场供居民周末锻炼',
  ],
  health: ['社区健康服务中心周末不开门，看病不方便', '建议社区增加家庭医生签约名额', '老年人体检预约太难'],
  housing: ['小区电梯经常故障，物业维修不及时', '老旧小区加装电梯进展缓慢', '物业费上涨未经业主大会讨论'],
  environment: ['河道有异味，怀疑有偷排污水', '工地夜间施工噪音扰民', '公园绿化带被占用停车'],
  socialSecurity: [
    '社区长者饭堂菜价上涨，希望给予补贴',
    '灵活就业人员社保缴费流程复杂',
    '残疾人出行补贴申请材料太多',
  ],
  publicSafety: ['小区消防通道被车辆长期占用', '电动自行车在楼道充电存在隐患', '路口缺少监控，夜间不安全'],
  economy: ['中小企业办事需要多个部门来回跑', '产业园区缺少配套员工宿舍', '建议简化个体户开业手续'],
  livelihoodProjectIdea: ['建议在街道建设一个社区书房', '建议改造老旧农贸市场', '建议在河边修建健康步道'],
  other: ['希望社区多组织文体活动', '建议公开社区公共收益使用情况'],
};
const REPLIES: Record<ReplyOutcome, string> = {
  resolved: '经现场核查，问题已处理完毕，后续将加强日常巡查。',
  partlyResolved: '已完成部分整改，剩余问题已列入下季度工作计划。',
  explained: '受用地和资金条件限制，目前暂无法实施，已作为明年项目储备。',
  notInRemit: '该事项不属于本单位职责，已告知来信人向有关部门反映。',
};

export async function seedOpinionsDemo(app: AppServices, demo: DemoContext): Promise<void> {
  const db = app.db;
  const rnd = demo.random;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const congressId = demo.congressId;
  const now = demo.now;
  const exceptions = await app.calendar.exceptions(congressId);
  const units = demo.handlingUnits;
  if (units.length === 0 || demo.streets.length === 0) return;

  // Routing table: each category to the department that lists it, plus street offices for urban management.
  const unitFor = (category: string) =>
    units.find((u) => u.categories.includes(category) && u.kind !== 'streetOffice') ?? units[0];
  const routeRows = OPINION_CATEGORY_CODES.map((category) => ({
    id: newId(),
    congressId,
    category,
    streetId: null as string | null,
    leadUnitId: unitFor(category).id,
    assistingUnitIds: [] as string[],
  }));
  for (const s of demo.streets) {
    const office = units.find((u) => u.kind === 'streetOffice' && u.streetId === s.id);
    if (office)
      routeRows.push({
        id: newId(),
        congressId,
        category: 'urbanManagement',
        streetId: s.id,
        leadUnitId: office.id,
        assistingUnitIds: [unitFor('urbanManagement').id],
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
        notes: upcoming ? '' : '群众反映的问题已当场登记。',
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
    const content = `${pick(TEXTS[category] ?? TEXTS.other)}（${street.name}）`;
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
      row.decisionNote = '该事项已进入诉讼程序，请通过司法途径解决。';
      row.closedAt = at(1.5);
      ev('declareInadmissible', at(1.5), row.decisionNote);
    }
    if (status === 'answeredOnSpot') {
      row.replyContent = '已当场向群众解释相关政策和办理渠道。';
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
        street.id && category === 'urbanManagement'
          ? (units.find((u) => u.kind === 'streetOffice' && u.streetId === street.id) ?? unitFor(category))
          : unitFor(category);
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
        row.replyContent = REPLIES[outcome];
        row.repliedAt = at(repliedDay);
        if (rnd() < 0.5) ev('progress', at(repliedDay - 2), '已安排人员现场查看。');
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
