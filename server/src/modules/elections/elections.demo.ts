// The demo's elections: the 2021 direct election of 东岭区's seventh congress, entered after the event — eight
// electoral districts of 1 to 3 seats, their official candidate lists confirmed within the ratio on the
// timetable's day, every return, one district (坂湖街道第2选区) where only one of two seats was filled and the
// other went to a runoff — and the coming election, set up from today with its timetable running and its lists
// still being drawn up, its register of a few thousand voters imported through the real import and kept (two
// exclusions, a transfer, a list published with a complaint, voter cards), and the polling stations of both,
// 2021's with the turnout they reported through the day. Every step goes through the module's commands
// (audited as the staff's).
import { and, eq } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import { addDays } from '@minyi/domain/elections';
import type { DemoContext } from '../../platform/demo';
import { systemCtx, type AppServices, type Ctx } from '../../platform/context';
import { createElection } from './commands/create-election';
import { addDistrict } from './commands/add-district';
import { addCandidate } from './commands/add-candidate';
import { confirmCandidates } from './commands/confirm-candidates';
import { enterReturn } from './commands/enter-return';
import { importVoters } from './commands/import-voters';
import { excludeVoter } from './commands/exclude-voter';
import { transferVoter } from './commands/transfer-voter';
import { publishVoterList } from './commands/publish-voter-list';
import { fileComplaint } from './commands/file-complaint';
import { issueVoterCards } from './commands/issue-voter-cards';
import { addStation } from './commands/add-station';
import { reportTurnout } from './commands/report-turnout';
import { electionVoters } from './elections.table';
import { registerCsv, registerRows, REPORT_TIMES, stations2021 } from './elections.demo-data';

interface DemoDistrict {
  name: string;
  seats: number;
  kind?: 'residence' | 'workUnit';
  population: number;
  candidates: string[];
  /** registered, participated, ballots issued, returned, void, others; votes in the candidates' order. */
  first?: [number, number, number, number, number, number, number[]];
  /** The runoff's return: registered, participated, issued, returned, void, others; votes for the two. */
  runoff?: [number, number, number, number, number, number, number[]];
}

const PAST: DemoDistrict[] = [
  {
    name: '东岭街道第1选区',
    seats: 3,
    population: 16_800,
    candidates: ['陈晓峰', '林惠珍', '黄志勇', '郑秀兰', '吴建华'],
    first: [12_486, 11_402, 11_402, 11_398, 86, 41, [8_912, 8_604, 7_731, 4_210, 3_877]],
  },
  {
    name: '东岭街道第2选区',
    seats: 2,
    population: 11_350,
    candidates: ['刘永强', '蔡丽娟', '许国栋'],
    first: [8_377, 7_590, 7_590, 7_588, 52, 17, [6_031, 5_448, 2_917]],
  },
  {
    name: '平岗街道第1选区',
    seats: 3,
    population: 17_200,
    candidates: ['张海燕', '王德明', '李春梅', '杨文斌', '周玉华', '何志坚'],
    first: [12_903, 11_640, 11_640, 11_637, 104, 38, [8_420, 8_133, 7_905, 3_650, 2_981, 2_704]],
  },
  {
    name: '平岗街道第2选区',
    seats: 1,
    population: 5_900,
    candidates: ['罗慧敏', '谢振华'],
    first: [4_318, 3_902, 3_902, 3_902, 23, 9, [2_764, 1_106]],
  },
  {
    name: '溪头街道第1选区',
    seats: 2,
    population: 11_800,
    candidates: ['梁少辉', '邓美玲', '冯启明', '曾晓红'],
    first: [8_705, 7_821, 7_821, 7_819, 61, 22, [5_870, 5_312, 2_405, 1_988]],
  },
  {
    // Two seats, three candidates: only 钟伟杰 passed half of those who took part; the second seat went to a
    // runoff between the next two on the ranking (one seat → two candidates), won with over a third.
    name: '坂湖街道第2选区',
    seats: 2,
    population: 11_600,
    candidates: ['钟伟杰', '温秋霞', '苏家豪'],
    first: [8_590, 7_702, 7_702, 7_699, 77, 30, [5_108, 3_806, 3_652]],
    runoff: [8_590, 7_233, 7_233, 7_231, 58, 12, [3_994, 3_167]],
  },
  {
    name: '东岭区人民医院选区',
    seats: 1,
    kind: 'workUnit',
    population: 5_600,
    candidates: ['骆明辉', '彭淑仪'],
    first: [3_160, 3_071, 3_071, 3_071, 11, 4, [2_415, 639]],
  },
  {
    name: '南岗街道第1选区',
    seats: 3,
    population: 16_400,
    candidates: ['潘建国', '范丽萍', '余德胜', '方晓琳', '邱永福'],
    first: [12_154, 10_988, 10_988, 10_986, 93, 36, [7_960, 7_614, 7_230, 3_581, 3_102]],
  },
];

const COMING: DemoDistrict[] = [
  {
    name: '东岭街道第1选区',
    seats: 3,
    population: 17_300,
    candidates: ['陈晓峰', '林惠珍', '郭振宇', '郑秀兰'],
  },
  { name: '平岗街道第2选区', seats: 1, population: 6_100, candidates: ['罗慧敏'] },
  { name: '荷山街道第1选区', seats: 2, population: 12_050, candidates: [] },
  {
    name: '东岭区人民医院选区',
    seats: 1,
    kind: 'workUnit',
    population: 5_700,
    candidates: ['骆明辉', '彭淑仪'],
  },
];

async function seedElection(
  ctx: Ctx,
  title: string,
  electionDay: string,
  districts: DemoDistrict[],
  confirmedOn: string | null,
) {
  const { id } = await createElection(ctx, { title, electionDay });
  const districtIds = new Map<string, string>();
  for (const d of districts) {
    const { id: districtId } = await addDistrict(ctx, id, {
      name: d.name,
      seats: d.seats,
      kind: d.kind ?? 'residence',
      population: d.population,
    });
    districtIds.set(d.name, districtId);
    const ids: string[] = [];
    for (const name of d.candidates)
      ids.push(
        (await addCandidate(ctx, id, districtId, { name, ...(confirmedOn ? {} : COMING_NOMINATORS[name]) }))
          .id,
      );
    if (!confirmedOn) continue;
    await confirmCandidates(ctx, id, districtId, confirmedOn);
    if (!d.first) continue;
    const [registered, participated, ballotsIssued, ballotsReturned, voided, others, votes] = d.first;
    await enterReturn(ctx, id, districtId, {
      round: 'first',
      registered,
      participated,
      ballotsIssued,
      ballotsReturned,
      void: voided,
      others,
      votes: Object.fromEntries(ids.map((c, i) => [c, votes[i]])),
    });
    if (!d.runoff) continue;
    const [r2, p2, i2, b2, v2, o2, votes2] = d.runoff;
    // The runoff's two are the first round's second and third.
    await enterReturn(ctx, id, districtId, {
      round: 'runoff',
      registered: r2,
      participated: p2,
      ballotsIssued: i2,
      ballotsReturned: b2,
      void: v2,
      others: o2,
      votes: { [ids[1]]: votes2[0], [ids[2]]: votes2[1] },
    });
  }
  return { id, districtIds };
}

/**
 * Polling day 2021 as the stations reported it: each district's stations and mobile box, their running totals
 * at six times of the day, the last equal to the ballots the district's return says were issued.
 */
async function seedPollingDay(
  ctx: Ctx,
  electionId: string,
  electionDay: string,
  districtIds: Map<string, string>,
) {
  for (const d of PAST) {
    const districtId = districtIds.get(d.name)!;
    const issued = d.first![2];
    const returned = d.first![3];
    const stations = stations2021(d.name);
    // The ballots not returned (issued − returned) shared out too, so that no station returns more than it issued.
    const unreturned = issued - returned;
    let issuedLeft = issued;
    let unreturnedLeft = unreturned;
    for (const [i, [name, kind, share]] of stations.entries()) {
      const last = i === stations.length - 1;
      const { id: stationId } = await addStation(ctx, electionId, districtId, { name, kind });
      const total = last ? issuedLeft : Math.round(issued * share);
      const short = last ? unreturnedLeft : Math.floor(unreturned * share);
      const back = total - short;
      issuedLeft -= total;
      unreturnedLeft -= short;
      for (const [time, part] of REPORT_TIMES) {
        const ballotsIssued = Math.round(total * part);
        await reportTurnout(ctx, electionId, stationId, {
          ballotsIssued,
          ballotsReturned: part === 1 ? back : Math.min(ballotsIssued, Math.round(back * part * 0.97)),
          reportedAt: `${electionDay}T${time}:00+08:00`,
        });
      }
    }
  }
}

/**
 * The coming election's register, imported as the staff would (the real import: checks, encryption, blind
 * index), then kept: a voter struck off and one not listed as the election committee confirmed, one who moved
 * to another district, the first district's list published today with a complaint waiting for the committee,
 * voter cards issued in 平岗街道第2选区, and each district's polling stations.
 */
async function seedRegister(
  ctx: Ctx,
  electionId: string,
  electionDay: string,
  districtIds: Map<string, string>,
  today: string,
) {
  const rows = registerRows(electionDay);
  const report = await importVoters(ctx, electionId, registerCsv(rows), '东岭区选民登记汇总.csv');
  if (report.rejected.length)
    throw new Error(`demo register: ${report.rejected.length} rows refused (${report.rejected[0].reason})`);
  // A voter of the register found as staff find one: by the blind index of the ID number.
  const voterId = async (row: { idNumber: string }) => {
    const [v] = await ctx.app.db
      .select({ id: electionVoters.id })
      .from(electionVoters)
      .where(
        and(
          eq(electionVoters.electionId, electionId),
          eq(electionVoters.idNumberIndex, ctx.app.pii.index('idNumber', row.idNumber)),
        ),
      );
    return v.id;
  };
  const d1 = districtIds.get('东岭街道第1选区')!;
  const d2 = districtIds.get('平岗街道第2选区')!;
  const inD1 = rows.filter((r) => r.district === '东岭街道第1选区');
  await excludeVoter(ctx, electionId, await voterId(inD1[17]), {
    kind: 'deprivedOfRights',
    reason: '经东岭区人民法院判决，剥夺政治权利三年，刑期执行中',
    decision: '东岭区选举委员会第2次全体会议确认',
    confirmedOn: today,
  });
  await excludeVoter(ctx, electionId, await voterId(inD1[301]), {
    kind: 'unableToExercise',
    reason: '经区精神卫生中心鉴定及监护人确认，不能行使选举权利',
    decision: '东岭区选举委员会第2次全体会议确认',
    confirmedOn: today,
  });
  const mover = rows.find((r) => r.district === '荷山街道第1选区')!;
  await transferVoter(ctx, electionId, await voterId(mover), {
    districtId: d1,
    group: '东湖社区第2选民小组',
  });
  await publishVoterList(ctx, electionId, d1, today);
  const complainant = inD1[88];
  await fileComplaint(ctx, electionId, {
    districtId: d1,
    voterId: await voterId(complainant),
    complainant: complainant.name,
    subject: '选民名单中本人所在选民小组有误：本人已于今年迁入东湖社区，名单仍列在翠岭社区第1选民小组',
    filedOn: today,
  });
  await issueVoterCards(ctx, electionId, d2, today);
  const stations: [string, string, 'station' | 'mobileBox'][] = [
    ['东岭街道第1选区', '翠岭社区居委会投票站', 'station'],
    ['东岭街道第1选区', '东湖小学投票站', 'station'],
    ['东岭街道第1选区', '第1流动票箱', 'mobileBox'],
    ['平岗街道第2选区', '平岗新村文化室投票站', 'station'],
    ['荷山街道第1选区', '荷山社区党群服务中心投票站', 'station'],
    ['荷山街道第1选区', '荷塘社区居委会投票站', 'station'],
    ['东岭区人民医院选区', '门诊楼一楼大厅投票站', 'station'],
    ['东岭区人民医院选区', '住院部流动票箱', 'mobileBox'],
  ];
  for (const [district, name, kind] of stations)
    await addStation(ctx, electionId, districtIds.get(district)!, { name, kind });
}

export async function seedElectionsDemo(app: AppServices, demo: DemoContext): Promise<void> {
  const staff = demo.accounts.staff;
  const ctx: Ctx = {
    ...systemCtx(app, { requestId: 'demo-seed' }),
    actor: {
      accountId: staff.accountId,
      username: 'staff',
      displayName: 'staff',
      roles: ['congressStaff'],
      congressId: demo.congressId,
      deputyId: null,
      handlingUnitId: null,
      via: 'session',
    },
  };
  // 2021: election day 26 November, the official lists confirmed on 19 November (7 days before, Art. 34).
  const past = await seedElection(ctx, '东岭区第七届人民代表大会代表选举', '2021-11-26', PAST, '2021-11-19');
  await seedPollingDay(ctx, past.id, '2021-11-26', past.districtIds);
  // The coming election, 40 days from today: the voter list is due in 20 days, the lists are being drawn up.
  const today = shanghaiDate(demo.now);
  const comingDay = addDays(today, 40);
  const coming = await seedElection(ctx, '东岭区第八届人民代表大会代表选举', comingDay, COMING, null);
  await seedRegister(ctx, coming.id, comingDay, coming.districtIds, today);
  await seedJointNomination(ctx, coming.id, comingDay, coming.districtIds.get('荷山街道第1选区')!);
}

/**
 * The coming election's nominations (选举法 Art. 30): parties and people's organisations named for the nominees
 * already listed, and in 荷山街道第1选区 (2 seats, no nominee yet) a party's nominee and one nominated jointly by
 * 12 voters of its register, their ID numbers as staff copy them from the signed nomination form.
 */
const COMING_NOMINATORS: Record<string, { nominatedBy: 'party' | 'organisation'; nominator: string }> = {
  陈晓峰: { nominatedBy: 'party', nominator: '中国共产党东岭区委员会' },
  林惠珍: { nominatedBy: 'organisation', nominator: '东岭区妇女联合会' },
  郭振宇: { nominatedBy: 'party', nominator: '中国民主促进会东岭区支部' },
  郑秀兰: { nominatedBy: 'organisation', nominator: '东岭区总工会' },
  罗慧敏: { nominatedBy: 'party', nominator: '中国共产党东岭区委员会' },
  骆明辉: { nominatedBy: 'organisation', nominator: '东岭区人民医院工会委员会' },
  彭淑仪: { nominatedBy: 'party', nominator: '中国共产党东岭区人民医院委员会' },
};

async function seedJointNomination(ctx: Ctx, electionId: string, electionDay: string, districtId: string) {
  const rows = registerRows(electionDay).filter((r) => r.district === '荷山街道第1选区');
  await addCandidate(ctx, electionId, districtId, {
    name: '温建新',
    nominatedBy: 'party',
    nominator: '中国共产党东岭区委员会',
    profile: '男，1976年生，荷山社区党委书记、居委会主任',
  });
  await addCandidate(ctx, electionId, districtId, {
    name: '柯美玲',
    nominatedBy: 'voters',
    // The 12 nominators: voters of the district's register (the first is later moved to 东岭, so skip it).
    nominatorIdNumbers: rows.slice(1, 13).map((r) => r.idNumber),
    profile: '女，1983年生，荷山社区居民，社区志愿服务队队长',
  });
}
