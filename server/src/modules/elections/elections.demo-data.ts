// The demo's voter register, made as the household and population exports staff receive it (a CSV with the
// header name,idNumber,district,group,address) so that it enters through the real import: varied names, ID
// numbers of the fictional 东岭区 (area codes 4499xx, no real place) with their GB 11643 check characters and the
// sex digit matching the voter, ages 18 to 92 on election day (a few who turn 18 on it), voter groups by
// community or hospital department, addresses by building. Deterministic (a seeded generator): the same demo
// every time.
import { addDays, idCheckChar, isOfVotingAge } from '@minyi/domain/elections';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢钟谭陆汪范金廖夏方邹熊邱江薛雷侯龙黎贺赖温骆柯欧阳';
const MALE = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林峰建国志文德荣海振永成家祥锦耀';
const FEMALE = '芳娜敏静丽艳娟霞燕玲桂珍秀英慧琳婷雪梅兰凤洁红萍佳颖晓欣怡悦琪妍月惠淑美翠莹';

/** A small seeded generator (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RegisterDistrict {
  name: string;
  /** The ID number's area code of the voters living there. */
  area: string;
  voters: number;
  /** Voter groups: a community's (with its street for the address) or a work unit's department. */
  groups: { name: string; address: string }[];
}

export const REGISTER: RegisterDistrict[] = [
  {
    name: '东岭街道第1选区',
    area: '449901',
    voters: 1_100,
    groups: [
      { name: '翠岭社区第1选民小组', address: '东岭街道翠岭社区翠岭花园' },
      { name: '翠岭社区第2选民小组', address: '东岭街道翠岭社区岭南新村' },
      { name: '东湖社区第1选民小组', address: '东岭街道东湖社区湖滨苑' },
      { name: '东湖社区第2选民小组', address: '东岭街道东湖社区东湖路' },
    ],
  },
  {
    name: '平岗街道第2选区',
    area: '449902',
    voters: 520,
    groups: [
      { name: '平岗新村第1选民小组', address: '平岗街道平岗新村' },
      { name: '平岗新村第2选民小组', address: '平岗街道平岗新村北区' },
    ],
  },
  {
    name: '荷山街道第1选区',
    area: '449903',
    voters: 900,
    groups: [
      { name: '荷山社区第1选民小组', address: '荷山街道荷山社区荷山名苑' },
      { name: '荷山社区第2选民小组', address: '荷山街道荷山社区山前路' },
      { name: '荷塘社区第1选民小组', address: '荷山街道荷塘社区荷塘里' },
    ],
  },
  {
    name: '东岭区人民医院选区',
    area: '449901',
    voters: 380,
    groups: [
      { name: '内科选民小组', address: '东岭区人民医院职工宿舍' },
      { name: '外科选民小组', address: '东岭区人民医院职工宿舍' },
      { name: '医技药剂选民小组', address: '东岭区人民医院职工宿舍' },
      { name: '行政后勤选民小组', address: '东岭区人民医院职工宿舍' },
    ],
  },
];

export interface RegisterRow {
  name: string;
  idNumber: string;
  district: string;
  group: string;
  address: string;
}

/** The register's rows for an election on `electionDay`, every voter 18 or over on that day. */
export function registerRows(electionDay: string, districts = REGISTER, seed = 20261): RegisterRow[] {
  const r = random(seed);
  const pick = (s: string) => [...s][Math.floor(r() * [...s].length)];
  const rows: RegisterRow[] = [];
  let seq = 0;
  const year = Number(electionDay.slice(0, 4));
  for (const d of districts) {
    for (let i = 0; i < d.voters; i++) {
      const male = r() < 0.49;
      const surname = r() < 0.02 ? '欧阳' : pick(SURNAMES.replace('欧阳', ''));
      const given = pick(male ? MALE : FEMALE) + (r() < 0.7 ? pick(male ? MALE : FEMALE) : '');
      // Ages skewed as a district's adults are; every 150th voter turns 18 on election day itself.
      const birth =
        i % 150 === 7
          ? addDays(`${year - 18}${electionDay.slice(4)}`, 0)
          : (() => {
              const age = 18 + Math.floor(Math.pow(r(), 1.3) * 74);
              const day = addDays(`${year - age}-01-01`, Math.floor(r() * 365));
              return isOfVotingAge(day, electionDay) ? day : addDays(day, -366);
            })();
      seq++;
      const order = String((seq % 499) * 2 + (male ? 1 : 0)).padStart(3, '0');
      const first17 = `${d.area}${birth.replaceAll('-', '')}${order}`;
      const group = d.groups[Math.floor(r() * d.groups.length)];
      const building = 1 + Math.floor(r() * 24);
      rows.push({
        name: surname + given,
        idNumber: first17 + idCheckChar(first17),
        district: d.name,
        group: group.name,
        address: `${group.address}${building}栋${1 + Math.floor(r() * 3)}单元${100 * (1 + Math.floor(r() * 18)) + 1 + Math.floor(r() * 4)}`,
      });
    }
  }
  return rows;
}

const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** The rows as the CSV staff import (UTF-8 with a BOM, CRLF, as the population system exports it). */
export const registerCsv = (rows: RegisterRow[]): Buffer =>
  Buffer.from(
    `\uFEFFname,idNumber,district,group,address\r\n${rows
      .map((x) => [x.name, x.idNumber, x.district, x.group, x.address].map(cell).join(','))
      .join('\r\n')}\r\n`,
  );

/** Where a residential district of 2021 voted: its community's committee and a school. */
const PLACES: Record<string, [community: string, school: string]> = {
  东岭街道第1选区: ['翠岭社区居委会', '翠岭小学'],
  东岭街道第2选区: ['东湖社区居委会', '东湖小学'],
  平岗街道第1选区: ['平岗社区党群服务中心', '平岗中学'],
  平岗街道第2选区: ['平岗新村文化室', '平岗新村小学'],
  溪头街道第1选区: ['溪头社区居委会', '溪头小学'],
  坂湖街道第2选区: ['坂湖南社区居委会', '坂湖小学'],
  南岗街道第1选区: ['南岗社区居委会', '南岗实验小学'],
};

/** Polling stations per district of the 2021 election, with the share of its ballots each issued. */
export function stations2021(
  district: string,
): [name: string, kind: 'station' | 'mobileBox', share: number][] {
  const place = PLACES[district];
  if (!place)
    return [
      ['门诊楼一楼大厅投票站', 'station', 0.9],
      ['住院部流动票箱', 'mobileBox', 0.1],
    ];
  return [
    [`${place[0]}投票站`, 'station', 0.55],
    [`${place[1]}投票站`, 'station', 0.4],
    ['第1流动票箱', 'mobileBox', 0.05],
  ];
}

/** The hours of the day a station reports, and the share of its day's ballots issued by then. */
export const REPORT_TIMES: [time: string, share: number][] = [
  ['08:30', 0.12],
  ['10:00', 0.38],
  ['12:00', 0.61],
  ['14:00', 0.78],
  ['16:00', 0.93],
  ['17:30', 1],
];
