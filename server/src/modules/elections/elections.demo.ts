// The demo's elections: the 2021 direct election of 东岭区's seventh congress, entered after the event — eight
// electoral districts of 1 to 3 seats, their official candidate lists confirmed within the ratio on the
// timetable's day, every return, one district (坂湖街道第2选区) where only one of two seats was filled and the
// other went to a runoff — and the coming election, set up from today with its timetable running and its lists
// still being drawn up. Every step goes through the module's commands (audited as the staff's).
import { shanghaiDate } from '@minyi/domain/calendar';
import { addDays } from '@minyi/domain/elections';
import type { DemoContext } from '../../platform/demo';
import { systemCtx, type AppServices, type Ctx } from '../../platform/context';
import { createElection } from './commands/create-election';
import { addDistrict } from './commands/add-district';
import { addCandidate } from './commands/add-candidate';
import { confirmCandidates } from './commands/confirm-candidates';
import { enterReturn } from './commands/enter-return';

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
];

async function seedElection(
  ctx: Ctx,
  title: string,
  electionDay: string,
  districts: DemoDistrict[],
  confirmedOn: string | null,
) {
  const { id } = await createElection(ctx, { title, electionDay });
  for (const d of districts) {
    const { id: districtId } = await addDistrict(ctx, id, {
      name: d.name,
      seats: d.seats,
      kind: d.kind ?? 'residence',
      population: d.population,
    });
    const ids: string[] = [];
    for (const name of d.candidates) ids.push((await addCandidate(ctx, id, districtId, { name })).id);
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
  return id;
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
  await seedElection(ctx, '东岭区第七届人民代表大会代表选举', '2021-11-26', PAST, '2021-11-19');
  // The coming election, 40 days from today: the voter list is due in 20 days, the lists are being drawn up.
  const today = shanghaiDate(demo.now);
  await seedElection(ctx, '东岭区第八届人民代表大会代表选举', addDays(today, 40), COMING, null);
}
