// The demo's suggestions: 91 in the current sitting (the report's figure) in every state, some overdue, 17 key
// suggestions with leading leaders, a few motions; the demo deputy has their own and the demo unit has work waiting.
import { eq, sql } from 'drizzle-orm';
import { addMonths, endOfShanghaiDay, shanghaiDate } from '@minyi/domain/calendar';
import {
  DEFAULT_SUGGESTION_CATEGORIES,
  formatSuggestionNumber,
  SUGGESTION_SETTINGS_KEY,
  type SuggestionStatus,
} from '@minyi/domain/suggestions';
import type { AppServices } from '../../platform/context';
import type { DemoContext } from '../../platform/demo';
import { newId } from '../../platform/ids';
import { sittings, terms } from '../registry';
import { readSuggestionSettings, searchTextOf } from './suggestions.repository';
import {
  motionSigners,
  motions,
  suggestionAssignments,
  suggestionContacts,
  suggestionCounters,
  suggestionHandBacks,
  suggestionCosigners,
  suggestionRatings,
  suggestionReplies,
  suggestionSupervisions,
  suggestions,
} from './suggestions.table';

const TOPICS: [string, string, string][] = [
  [
    'transport',
    '关于优化坂田地铁站公交接驳的建议',
    '坂田地铁站周边居民区距离站点较远，建议增设社区微巴线路，优化早晚高峰班次。',
  ],
  [
    'transport',
    '关于缓解龙岗大道早晚高峰拥堵的建议',
    '龙岗大道布吉段早晚高峰拥堵严重，建议优化信号灯配时并增设掉头车道。',
  ],
  [
    'education',
    '关于增加横岗街道公办学位供给的建议',
    '横岗街道适龄儿童增长较快，公办学位紧张，建议加快新建学校项目。',
  ],
  [
    'health',
    '关于延长社区健康服务中心服务时间的建议',
    '部分社康中心周末不开诊，建议实行错时服务，方便上班族就医。',
  ],
  [
    'environment',
    '关于加强龙岗河流域水环境治理的建议',
    '龙岗河部分支流雨季仍有黑臭现象，建议完善雨污分流管网。',
  ],
  [
    'urbanConstruction',
    '关于加快老旧小区加装电梯的建议',
    '老旧小区老年人上下楼困难，建议简化加装电梯审批流程并给予补贴。',
  ],
  [
    'socialSecurity',
    '关于扩大长者饭堂覆盖面的建议',
    '建议在每个社区设立长者饭堂，对高龄、困难老人给予用餐补贴。',
  ],
  ['economy', '关于支持中小企业数字化转型的建议', '建议设立专项资金，支持中小制造企业上云用数赋智。'],
  [
    'publicSafety',
    '关于整治电动自行车楼道充电隐患的建议',
    '建议在城中村集中建设电动自行车充电设施，消除火灾隐患。',
  ],
  ['culture', '关于建设社区书房和文体场地的建议', '建议利用闲置物业建设社区书房，开放学校体育场地。'],
  ['governance', '关于完善城中村网格化管理的建议', '建议充实网格员力量，推动城中村治理精细化。'],
];
const REPLY_TEXT: Record<string, string> = {
  A: '经认真研究，您所提问题已解决。我单位已完成相关工作，并将持续跟踪落实效果。',
  B: '您的建议已列入明年工作计划，我单位正会同有关部门推进，预计年内完成。',
  C: '受目前用地和资金条件限制，暂时难以实施，我单位将作为项目储备，条件成熟时推进。',
  D: '您的建议对我们改进工作很有参考价值，我单位将在制定相关政策时认真研究吸收。',
};

export async function seedSuggestionsDemo(app: AppServices, demo: DemoContext): Promise<void> {
  const db = app.db;
  const rnd = demo.random;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const congressId = demo.congressId;
  const now = demo.now;
  const units = demo.handlingUnits.filter((u) => u.kind !== 'streetOffice').length
    ? demo.handlingUnits.filter((u) => u.kind !== 'streetOffice')
    : demo.handlingUnits;
  if (units.length < 2 || demo.deputyIds.length < 12) return;
  const sittingRef = demo.sittings.find((s) => s.status === 'inSession') ?? demo.sittings.at(-1);
  if (!sittingRef) return;
  const [sitting] = await db.select().from(sittings).where(eq(sittings.id, sittingRef.id));
  const [term] = await db.select().from(terms).where(eq(terms.id, sitting.termId));

  const demoDeputy = demo.accounts.deputy?.deputyId ?? demo.deputyIds[0];
  const demoUnit = demo.accounts.unit?.handlingUnitId ?? units[0].id;
  const leaderAccounts = [demo.accounts.leader?.accountId].filter((x): x is string => !!x);
  const staffAccount = demo.accounts.staff?.accountId ?? null;

  // 91 in the sitting: the states as a fixed plan, so every state appears.
  const plan: SuggestionStatus[] = [
    ...Array<SuggestionStatus>(6).fill('submitted'),
    ...Array<SuggestionStatus>(4).fill('accepted'),
    ...Array<SuggestionStatus>(2).fill('returnedForRevision'),
    ...Array<SuggestionStatus>(2).fill('referredAsOpinion'),
    ...Array<SuggestionStatus>(1).fill('withdrawn'),
    ...Array<SuggestionStatus>(28).fill('assigned'),
    ...Array<SuggestionStatus>(2).fill('handBackRequested'),
    ...Array<SuggestionStatus>(10).fill('replied'),
    ...Array<SuggestionStatus>(3).fill('rehandling'),
    ...Array<SuggestionStatus>(13).fill('followUp'),
    ...Array<SuggestionStatus>(20).fill('closed'),
  ];
  const DAY = 86_400_000;
  const rows: (typeof suggestions.$inferInsert)[] = [];
  const cosigners: (typeof suggestionCosigners.$inferInsert)[] = [];
  const assignments: (typeof suggestionAssignments.$inferInsert)[] = [];
  const contacts: (typeof suggestionContacts.$inferInsert)[] = [];
  const replies: (typeof suggestionReplies.$inferInsert)[] = [];
  const ratings: (typeof suggestionRatings.$inferInsert)[] = [];
  const supervisions: (typeof suggestionSupervisions.$inferInsert)[] = [];
  const handBacks: (typeof suggestionHandBacks.$inferInsert)[] = [];
  let keyCount = 0;
  const handled = new Set<SuggestionStatus>([
    'assigned',
    'handBackRequested',
    'replied',
    'rehandling',
    'followUp',
    'closed',
  ]);

  plan.forEach((status, i) => {
    const seq = i + 1;
    const id = newId();
    const [category, title, content] = TOPICS[i % TOPICS.length];
    // The demo deputy proposes every 9th; the demo unit leads every 5th handled one.
    const proposer = i % 9 === 0 ? demoDeputy : pick(demo.deputyIds);
    const overdue = status === 'assigned' && i % 3 === 0;
    const submittedAt = new Date(
      now.getTime() - (overdue ? 100 + Math.floor(rnd() * 20) : 10 + Math.floor(rnd() * 60)) * DAY,
    );
    const assignedAt = handled.has(status) ? new Date(submittedAt.getTime() + 4 * DAY) : null;
    const lead = handled.has(status)
      ? i % 5 === 0 || status === 'rehandling'
        ? demoUnit
        : pick(units).id
      : null;
    const assisting = lead && rnd() < 0.4 ? (units.find((u) => u.id !== lead)?.id ?? null) : null;
    const deadline = assignedAt
      ? status === 'rehandling'
        ? endOfShanghaiDay(addMonths(shanghaiDate(new Date(now.getTime() - 5 * DAY)), 1))
        : endOfShanghaiDay(addMonths(shanghaiDate(assignedAt), 3))
      : null;
    const replyCat =
      status === 'followUp'
        ? pick(['B', 'C'])
        : ['replied', 'rehandling', 'closed'].includes(status)
          ? pick(['A', 'A', 'A', 'B', 'D'])
          : null;
    const isKey =
      keyCount < 17 &&
      handled.has(status) &&
      (i % 4 === 1 || status === 'followUp') &&
      leaderAccounts.length > 0;
    if (isKey) keyCount++;
    const cos =
      rnd() < 0.5
        ? [...new Set([pick(demo.deputyIds), pick(demo.deputyIds)])].filter((d) => d !== proposer)
        : [];
    const finalCat = status === 'closed' && replyCat === 'B' ? 'A' : replyCat;
    rows.push({
      id,
      congressId,
      termId: term.id,
      sittingId: sitting.id,
      number: formatSuggestionNumber(term.number, sitting.number, seq),
      seq,
      proposerDeputyId: proposer,
      title: i < TOPICS.length ? title : `${title}（${Math.floor(i / TOPICS.length) + 1}）`,
      content,
      category,
      searchText: searchTextOf(title, content),
      status,
      submittedAt,
      assignDueAt: new Date(submittedAt.getTime() + 7 * DAY),
      reviewedAt: status === 'submitted' ? null : new Date(submittedAt.getTime() + 2 * DAY),
      reviewedBy: status === 'submitted' ? null : staffAccount,
      reviewComment:
        status === 'returnedForRevision'
          ? '请聚焦一个具体问题，补充具体路段和数据'
          : status === 'referredAsOpinion'
            ? '属个人事项'
            : '',
      reviewChecks:
        status === 'submitted'
          ? null
          : {
              oneMatter: status !== 'returnedForRevision',
              notPersonal: status !== 'referredAsOpinion',
              specific: true,
            },
      referralReason: status === 'referredAsOpinion' ? '属个人事项，转为一般意见处理' : '',
      leadUnitId: lead,
      assignedAt,
      firstAssignedAt: assignedAt,
      deadline,
      handBackDueAt: assignedAt ? new Date(assignedAt.getTime() + 9 * DAY) : null,
      rehandlingRound: status === 'rehandling' ? 1 : 0,
      replyCategory: finalCat,
      repliedAt: replyCat ? new Date(submittedAt.getTime() + 40 * DAY) : null,
      rating: ['followUp', 'closed', 'rehandling'].includes(status)
        ? status === 'rehandling'
          ? 'dissatisfied'
          : pick(['satisfied', 'satisfied', 'basicallySatisfied'])
        : null,
      closedAt: status === 'closed' || status === 'withdrawn' ? new Date(now.getTime() - 3 * DAY) : null,
      followUpSolvedAt: status === 'closed' && replyCat === 'B' ? new Date(now.getTime() - 3 * DAY) : null,
      isKey,
      leaderAccountId: isKey ? leaderAccounts[0] : null,
      keyLeaderAccountIds: isKey ? leaderAccounts.slice(0, 1) : [],
      keyDecidedBy: isKey ? 'chairpersonsMeeting' : null,
      // The demo congress publishes its replies (答复公开) once the deputies have rated them.
      published: status === 'closed' || status === 'followUp',
      createdAt: submittedAt,
      updatedAt: now,
    });
    for (const d of cos)
      cosigners.push({
        congressId,
        suggestionId: id,
        deputyId: d,
        status: 'confirmed',
        decidedAt: submittedAt,
      });
    if (lead && assignedAt) {
      assignments.push({ id: newId(), congressId, suggestionId: id, unitId: lead, role: 'lead', assignedAt });
      if (assisting)
        assignments.push({
          id: newId(),
          congressId,
          suggestionId: id,
          unitId: assisting,
          role: 'assisting',
          assignedAt,
        });
    }
    // Contacts: every replied one, and half of the assigned ones (so the demo unit has both kinds waiting).
    if (lead && (replyCat || (status === 'assigned' && i % 2 === 0))) {
      contacts.push({
        id: newId(),
        congressId,
        suggestionId: id,
        unitId: lead,
        method: pick(['phone', 'visit', 'meeting'] as const),
        summary: '与代表沟通办理思路，听取意见',
        contactedOn: shanghaiDate(new Date(submittedAt.getTime() + 20 * DAY)),
        round: 0,
      });
    }
    if (replyCat && lead) {
      const replyId = newId();
      replies.push({
        id: replyId,
        congressId,
        suggestionId: id,
        unitId: lead,
        round: 1,
        category: replyCat,
        content: REPLY_TEXT[replyCat],
        createdAt: new Date(submittedAt.getTime() + 40 * DAY),
      });
      if (status !== 'replied') {
        for (const d of [proposer, ...cos]) {
          ratings.push({
            id: newId(),
            congressId,
            suggestionId: id,
            replyId,
            deputyId: d,
            rating:
              status === 'rehandling' && d === proposer
                ? 'dissatisfied'
                : pick(['satisfied', 'satisfied', 'basicallySatisfied'] as const),
            // A dissatisfied rating gives its reasons (上海规定 Art. 21).
            comment: status === 'rehandling' && d === proposer ? '答复未回应具体诉求，希望明确完成时间' : '',
          });
        }
      }
    }
    if (status === 'handBackRequested' && lead) {
      handBacks.push({
        id: newId(),
        congressId,
        suggestionId: id,
        unitId: lead,
        reason: '该事项主要涉及其他部门职责，申请退回重新交办',
        requestedAt: new Date((assignedAt ?? now).getTime() + 3 * DAY),
      });
    }
    if (isKey && leaderAccounts[0]) {
      supervisions.push({
        id: newId(),
        congressId,
        suggestionId: id,
        accountId: leaderAccounts[0],
        kind: pick(['meeting', 'siteVisit', 'progress'] as const),
        note: '召开督办会，听取承办单位进展汇报，要求按期办结。',
        occurredOn: shanghaiDate(new Date(now.getTime() - 7 * DAY)),
      });
    }
  });

  await db.transaction(async (tx) => {
    await tx.insert(suggestions).values(rows);
    if (cosigners.length) await tx.insert(suggestionCosigners).values(cosigners);
    if (assignments.length) await tx.insert(suggestionAssignments).values(assignments);
    if (contacts.length) await tx.insert(suggestionContacts).values(contacts);
    if (replies.length) await tx.insert(suggestionReplies).values(replies);
    if (ratings.length) await tx.insert(suggestionRatings).values(ratings);
    if (supervisions.length) await tx.insert(suggestionSupervisions).values(supervisions);
    if (handBacks.length) await tx.insert(suggestionHandBacks).values(handBacks);
    await tx
      .insert(suggestionCounters)
      .values({ congressId, scope: `suggestion:sitting:${sitting.id}`, lastValue: rows.length });

    // Motions: one awaiting the presidium, one on the agenda, one handled as a suggestion.
    const motionPlan = [
      { status: 'submitted' as const, title: '关于制定龙岗区城中村消防安全管理规定的议案' },
      { status: 'onAgenda' as const, title: '关于加快推进龙岗区教育优质均衡发展的议案' },
      { status: 'handledAsSuggestion' as const, title: '关于完善社区养老服务设施的议案' },
    ];
    let m = 0;
    for (const mp of motionPlan) {
      m++;
      const id = newId();
      const signers = [...new Set(Array.from({ length: 14 }, () => pick(demo.deputyIds)))].slice(0, 11);
      const linked =
        mp.status === 'handledAsSuggestion' ? rows.find((r) => r.status === 'accepted') : undefined;
      await tx.insert(motions).values({
        id,
        congressId,
        termId: term.id,
        sittingId: sitting.id,
        number: formatSuggestionNumber(term.number, sitting.number, m, 'motion'),
        proposerDeputyId: signers[0],
        title: mp.title,
        content: `${mp.title.replace(/^关于|的议案$/g, '')}，建议由区人大常委会组织研究并作出决定。`,
        category: DEFAULT_SUGGESTION_CATEGORIES[m].code,
        status: mp.status,
        decisionBody: mp.status === 'submitted' ? null : 'presidium',
        decidedAt: mp.status === 'submitted' ? null : now,
        decidedBy: mp.status === 'submitted' ? null : staffAccount,
        suggestionId: linked?.id ?? null,
      });
      await tx
        .insert(motionSigners)
        .values(signers.map((deputyId) => ({ congressId, motionId: id, deputyId })));
      if (linked) await tx.update(suggestions).set({ motionId: id }).where(eq(suggestions.id, linked.id));
    }
    await tx
      .insert(suggestionCounters)
      .values({ congressId, scope: `motion:sitting:${sitting.id}`, lastValue: motionPlan.length });

    // The demo congress's policy allows publishing replies (the default is off).
    const settings = await readSuggestionSettings(tx, congressId);
    await tx.execute(
      sql`UPDATE congresses SET settings = jsonb_set(settings, ${`{${SUGGESTION_SETTINGS_KEY}}`}::text[], ${JSON.stringify({ ...settings, publishReplies: true })}::jsonb) WHERE id = ${congressId}`,
    );
  });
}
