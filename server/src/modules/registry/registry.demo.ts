// The registry's part of the demo district: jurisdictions (province to communities), terms and sittings,
// electoral districts, liaison places, deputies and their mandates, committees and handling units. Laid out
// by the platform's demo loader (platform/demo.ts) in its opening transaction, after the congress rows and
// before the demo accounts, on the demo's own generator, so the district is the same on every machine.
import { addCalendarDays } from '@minyi/domain/calendar';
import type { AppServices, Work } from '../../platform/context';
import type { DemoBase, DemoDistrict } from '../../platform/demo';
import { newId } from '../../platform/ids';
import type { Db } from '../../db/client';
import {
  committeeMembers,
  deputies,
  electoralDistricts,
  handlingUnits,
  jurisdictions,
  liaisonPlaceDeputies,
  liaisonPlaces,
  mandates,
  sittings,
  terms,
  workingCommittees,
} from './registry.table';
import {
  BUREAU_WORDS,
  CITY,
  COMPANY_WORDS,
  DEMOCRATIC_PARTIES,
  DISTRICT,
  GIVEN_FEMALE,
  GIVEN_MALE,
  GOVERNMENT_UNITS,
  INDUSTRY_POINTS,
  JUDICIAL_UNITS,
  OCCUPATIONS,
  PROVINCE,
  roadsOf,
  romanize,
  STREETS,
  SURNAMES,
  WORKING_COMMITTEES,
} from './registry.demo-data';

/** 18-digit resident ID with a valid check digit (GB 11643). */
function idNumber(region: string, birth: string, seq: number, male: boolean): string {
  const order = String(seq * 2 + (male ? 1 : 0))
    .padStart(3, '0')
    .slice(-3);
  const body = `${region}${birth.replaceAll('-', '')}${order}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = body.split('').reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** Lays out the district in the loader's transaction `w`, and says what it laid out. */
export async function seedRegistryDemo(app: AppServices, w: Work, base: DemoBase): Promise<DemoDistrict> {
  const { congressId, cityCongressId, random, today } = base;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const shuffle = <T>(xs: T[]): T[] => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };
  const { pii } = app;
  const year = Number(today.slice(0, 4));

  const provinceJ = newId();
  const cityJ = newId();
  const districtJ = newId();

  // ----- jurisdictions -----
  const jRows: (typeof jurisdictions.$inferInsert)[] = [
    {
      id: provinceJ,
      congressId,
      level: 'province',
      name: PROVINCE.name,
      nameEn: PROVINCE.nameEn,
      code: PROVINCE.code,
    },
    {
      id: cityJ,
      congressId,
      parentId: provinceJ,
      level: 'city',
      name: CITY.name,
      nameEn: CITY.nameEn,
      code: CITY.code,
    },
    {
      id: districtJ,
      congressId,
      parentId: cityJ,
      level: 'district',
      name: DISTRICT.name,
      nameEn: DISTRICT.nameEn,
      code: DISTRICT.code,
    },
  ];
  const streets = STREETS.map((s, i) => {
    const id = newId();
    const code = `${DISTRICT.code}${String(i + 1).padStart(3, '0')}`;
    jRows.push({
      id,
      congressId,
      parentId: districtJ,
      level: 'street',
      name: s.name,
      nameEn: s.nameEn,
      code,
    });
    const communities = s.communities.map((c, k) => {
      const cid = newId();
      jRows.push({
        id: cid,
        congressId,
        parentId: id,
        level: 'community',
        name: `${c}社区`,
        nameEn: `${romanize(c)} Community`,
        code: `${code}${String(k + 1).padStart(3, '0')}`,
      });
      return { id: cid, name: `${c}社区`, short: c };
    });
    return { id, name: s.name, short: s.name.replace('街道', ''), nameEn: s.nameEn, communities };
  });

  // ----- terms and sittings -----
  const termId = newId();
  const prevTermId = newId();
  const cityTermId = newId();
  const termStart = `${year - 1}-01-10`;
  const sittingRows: (typeof sittings.$inferInsert)[] = [
    {
      id: newId(),
      congressId,
      termId,
      number: 1,
      startDate: termStart,
      endDate: `${year - 1}-01-13`,
      status: 'closed',
    },
    // The second sitting is in session on the demo's day, so motions and votes can be tried out.
    {
      id: newId(),
      congressId,
      termId,
      number: 2,
      startDate: addCalendarDays(today, -1),
      endDate: addCalendarDays(today, 2),
      status: 'inSession',
    },
  ];

  // ----- electoral districts: 160, 80 with three seats and 80 with two (400 seats) -----
  const seatPlan = shuffle([...Array(80).fill(3), ...Array(80).fill(2)] as number[]);
  const districtRows: (typeof electoralDistricts.$inferInsert & { streetIdx: number })[] = [];
  for (let k = 0; k < 160; k++) {
    const streetIdx = k % 11;
    const n = Math.floor(k / 11) + 1;
    districtRows.push({
      id: newId(),
      congressId,
      streetId: streets[streetIdx].id,
      name: `${streets[streetIdx].name}第${n}选区`,
      seats: seatPlan[k],
      voterCount: int(6000, 18000),
      streetIdx,
    });
  }

  // ----- liaison places: 2 homes, 17 stations, 11 industry points -----
  type Place = typeof liaisonPlaces.$inferInsert & { streetIdx: number; deputyIds: string[] };
  const places: Place[] = [];
  const address = (streetIdx: number) =>
    `${CITY.name}${DISTRICT.name}${streets[streetIdx].name}${pick(roadsOf(streets[streetIdx].name))}${int(1, 399)}号`;
  const phoneLine = () => `0755-${int(2000, 8999)}${String(int(0, 9999)).padStart(4, '0')}`;
  places.push({
    id: newId(),
    congressId,
    kind: 'home',
    name: '东岭区人大代表之家',
    sector: null,
    streetId: streets[0].id,
    communityId: streets[0].communities[0].id,
    address: address(0),
    openingHours: '周一至周五 9:00-12:00，14:00-18:00；每月第一个周六 9:00-12:00',
    phone: phoneLine(),
    streetIdx: 0,
    deputyIds: [],
  });
  places.push({
    id: newId(),
    congressId,
    kind: 'home',
    name: '平岗街道人大代表之家',
    sector: null,
    streetId: streets[1].id,
    communityId: streets[1].communities[0].id,
    address: address(1),
    openingHours: '周一至周五 9:00-12:00，14:00-17:30',
    phone: phoneLine(),
    streetIdx: 1,
    deputyIds: [],
  });
  for (let i = 0; i < 11; i++) {
    places.push({
      id: newId(),
      congressId,
      kind: 'station',
      name: `${streets[i].name}人大代表联络站`,
      sector: null,
      streetId: streets[i].id,
      communityId: streets[i].communities[0].id,
      address: address(i),
      openingHours: '周一至周五 9:00-12:00，14:00-18:00',
      phone: phoneLine(),
      streetIdx: i,
      deputyIds: [],
    });
  }
  for (const i of [2, 3, 5, 6, 8, 10]) {
    const c = streets[i].communities[1];
    places.push({
      id: newId(),
      congressId,
      kind: 'station',
      name: `${c.name}人大代表联络站`,
      sector: null,
      streetId: streets[i].id,
      communityId: c.id,
      address: address(i),
      openingHours: '每周三、周五 14:30-17:30',
      phone: phoneLine(),
      streetIdx: i,
      deputyIds: [],
    });
  }
  INDUSTRY_POINTS.forEach((p, i) => {
    const streetIdx = (i + 3) % 11;
    places.push({
      id: newId(),
      congressId,
      kind: 'point',
      name: `${streets[streetIdx].short}${p.name}`,
      sector: p.sector,
      streetId: streets[streetIdx].id,
      communityId: pick(streets[streetIdx].communities).id,
      address: address(streetIdx),
      openingHours: '每月第二、第四个周四 14:30-17:30',
      phone: phoneLine(),
      streetIdx,
      deputyIds: [],
    });
  });
  const stationsOf = (streetIdx: number) =>
    places.filter((p) => p.kind === 'station' && p.streetIdx === streetIdx);

  // ----- people -----
  const usedNames = new Set<string>();
  const personName = (male: boolean) => {
    for (;;) {
      const given = male ? GIVEN_MALE : GIVEN_FEMALE;
      const name = pick(SURNAMES) + pick(given) + (random() < 0.75 ? pick(given) : '');
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  const occupationTotal = OCCUPATIONS.reduce((s, o) => s + o.weight, 0);
  const occupationFor = (streetIdx: number) => {
    let r = random() * occupationTotal;
    const o = OCCUPATIONS.find((x) => (r -= x.weight) < 0) ?? OCCUPATIONS[0];
    const organization = o.organization
      .replace('{s}', streets[streetIdx].name)
      .replace('{c}', pick(streets[streetIdx].communities).short)
      .replace('{x}', pick(COMPANY_WORDS))
      .replace('{n}', String(int(1, 12)))
      .replace('{u}', pick(BUREAU_WORDS));
    return { occupation: o.occupation, organization };
  };
  let idSeq = 0;
  const makeDeputy = (streetIdx: number) => {
    const male = random() < 0.68;
    const name = personName(male);
    const birthDate = `${int(1962, 1992)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
    const r = random();
    const party =
      r < 0.72 ? '中共党员' : r < 0.9 ? '群众' : r < 0.97 ? pick(DEMOCRATIC_PARTIES) : '无党派人士';
    const { occupation, organization } = occupationFor(streetIdx);
    const phone = `1${pick(['3', '5', '8', '9'])}${String(int(0, 9))}${String(int(0, 99999999)).padStart(8, '0')}`;
    const idNo = idNumber(DISTRICT.code, birthDate, ++idSeq, male);
    const street = streets[streetIdx];
    const home = `${CITY.name}${DISTRICT.name}${street.name}${pick(street.communities).name}${pick(roadsOf(street.name))}${int(1, 300)}号${int(1, 30)}栋${int(101, 2802)}`;
    const row: typeof deputies.$inferInsert = {
      id: newId(),
      congressId,
      name,
      gender: male ? 'male' : 'female',
      birthDate,
      ethnicity: random() < 0.95 ? '汉族' : pick(['壮族', '瑶族', '畲族', '回族', '土家族']),
      party,
      occupation,
      organization,
      phoneEnc: pii.encrypt(phone),
      phoneIndex: pii.index('phone', phone),
      idNumberEnc: pii.encrypt(idNo),
      idNumberIndex: pii.index('idNumber', idNo),
      addressEnc: pii.encrypt(home),
      bio: `${name}，${male ? '男' : '女'}，${birthDate.slice(0, 4)}年生，${party}，现任${organization}${occupation}。`,
    };
    return row;
  };

  const deputyRows: (typeof deputies.$inferInsert)[] = [];
  const mandateRows: (typeof mandates.$inferInsert)[] = [];
  const lpd: (typeof liaisonPlaceDeputies.$inferInsert)[] = [];
  const districtDeputies: { id: string; streetIdx: number; mandateId: string; placeId: string }[] = [];
  for (const ed of districtRows) {
    for (let s = 0; s < ed.seats; s++) {
      const d = makeDeputy(ed.streetIdx);
      deputyRows.push(d);
      const place = pick(stationsOf(ed.streetIdx));
      const mandateId = newId();
      mandateRows.push({
        id: mandateId,
        congressId,
        deputyId: d.id,
        level: 'district',
        termId,
        delegation: `${streets[ed.streetIdx].short}代表团`,
        deputyGroup: `${streets[ed.streetIdx].short}第${(s % 3) + 1}代表小组`,
        electoralDistrictId: ed.id,
        streetId: streets[ed.streetIdx].id,
        liaisonPlaceId: place.id,
        status: 'active',
        startedOn: termStart,
      });
      place.deputyIds.push(d.id);
      districtDeputies.push({ id: d.id, streetIdx: ed.streetIdx, mandateId, placeId: place.id });
    }
  }

  // A few mandates suspended or terminated, with the reason and date (代表法 2025 Art. 61–63).
  const changed = shuffle(districtDeputies.slice(20)).slice(0, 6);
  const reasons = [
    { status: 'suspended' as const, reason: '因涉嫌违法被依法采取强制措施，暂停执行代表职务' },
    { status: 'suspended' as const, reason: '因刑事案件被羁押正在受侦查，暂停执行代表职务' },
    { status: 'suspended' as const, reason: '被依法采取限制人身自由的强制措施，暂停执行代表职务' },
    { status: 'terminated' as const, reason: '迁出本行政区域，代表资格终止' },
    { status: 'terminated' as const, reason: '辞职被接受，代表资格终止' },
    { status: 'terminated' as const, reason: '因病去世，代表资格终止' },
  ];
  changed.forEach((d, i) => {
    const m = mandateRows.find((x) => x.id === d.mandateId)!;
    m.status = reasons[i].status;
    m.statusReason = reasons[i].reason;
    m.statusDate = addCalendarDays(today, -int(20, 200));
    if (m.status === 'terminated') {
      const p = places.find((x) => x.id === d.placeId)!;
      p.deputyIds = p.deputyIds.filter((x) => x !== d.id);
    }
  });
  const inactive = new Set(changed.map((d) => d.id));
  const activeDistrict = districtDeputies.filter((d) => !inactive.has(d.id));

  // City-level deputies living in the district: 40, of whom 12 also hold a district mandate.
  const cityDelegation = `${DISTRICT.name}代表团`;
  const both = shuffle(activeDistrict).slice(0, 12);
  const cityMandate = (deputyId: string, streetIdx: number, placeId: string) =>
    mandateRows.push({
      id: newId(),
      congressId: cityCongressId,
      deputyId,
      level: 'city',
      termId: cityTermId,
      delegation: cityDelegation,
      deputyGroup: `${DISTRICT.name}第${(streetIdx % 4) + 1}小组`,
      streetId: streets[streetIdx].id,
      liaisonPlaceId: placeId,
      status: 'active',
      startedOn: termStart,
    });
  for (const d of both) cityMandate(d.id, d.streetIdx, d.placeId);
  for (let i = 0; i < 28; i++) {
    const streetIdx = i % 11;
    const d = makeDeputy(streetIdx);
    deputyRows.push(d);
    const place = pick(stationsOf(streetIdx));
    cityMandate(d.id, streetIdx, place.id);
    place.deputyIds.push(d.id);
  }

  // Homes and industry points draw deputies from the whole district.
  for (const p of places.filter((x) => x.kind !== 'station')) {
    const n = p.kind === 'home' ? 15 : int(6, 10);
    for (const d of shuffle(activeDistrict).slice(0, n))
      if (!p.deputyIds.includes(d.id)) p.deputyIds.push(d.id);
  }
  for (const p of places)
    for (const deputyId of p.deputyIds) lpd.push({ congressId, liaisonPlaceId: p.id, deputyId });

  // ----- standing committee (35), working committees -----
  // A district standing committee is a chair, vice-chairs and members, with no secretary-general; its chair
  // and vice-chairs make the chairpersons' meeting, computed from these offices (地方组织法 Art. 47, 54).
  const sc = shuffle(activeDistrict).slice(0, 35);
  const memberRows: (typeof committeeMembers.$inferInsert)[] = [];
  const scPosition = (i: number) => (i === 0 ? 'chair' : i <= 5 ? 'viceChair' : 'member');
  sc.forEach((d, i) => {
    memberRows.push({
      id: newId(),
      congressId,
      body: 'standingCommittee',
      deputyId: d.id,
      termId,
      position: scPosition(i),
      startedOn: termStart,
    });
  });
  const wcRows: (typeof workingCommittees.$inferInsert)[] = [
    ...WORKING_COMMITTEES.map((w) => ({
      id: newId(),
      congressId,
      kind: 'workingCommittee' as const,
      name: w.name,
      nameEn: w.nameEn,
      description: w.description,
      streetId: null,
    })),
    ...streets.map((s) => ({
      id: newId(),
      congressId,
      kind: 'streetWorkingCommittee' as const,
      name: `区人大常委会${s.short}工委`,
      nameEn: `${s.nameEn} Working Committee`,
      description: `区人大常委会派驻${s.name}的工作机构`,
      streetId: s.id,
    })),
  ];
  const ordinary = sc.slice(7);
  wcRows.forEach((w, i) => {
    if (w.kind === 'workingCommittee') {
      memberRows.push({
        id: newId(),
        congressId,
        body: 'workingCommittee',
        workingCommitteeId: w.id,
        deputyId: ordinary[i % ordinary.length].id,
        termId,
        position: 'director',
        startedOn: termStart,
      });
      memberRows.push({
        id: newId(),
        congressId,
        body: 'workingCommittee',
        workingCommitteeId: w.id,
        deputyId: ordinary[(i + 7) % ordinary.length].id,
        termId,
        position: 'member',
        startedOn: termStart,
      });
    } else {
      const local = activeDistrict.filter((d) => d.streetIdx === i - WORKING_COMMITTEES.length).slice(0, 3);
      local.forEach((d, k) =>
        memberRows.push({
          id: newId(),
          congressId,
          body: 'workingCommittee',
          workingCommitteeId: w.id,
          deputyId: d.id,
          termId,
          position: k === 0 ? 'director' : 'member',
          startedOn: termStart,
        }),
      );
    }
  });

  // ----- handling units: 46 departments and others, 11 street offices, court, procuratorate, supervision -----
  const unitRows: (typeof handlingUnits.$inferInsert)[] = [
    ...GOVERNMENT_UNITS.map((u) => ({
      id: newId(),
      congressId,
      name: u.name,
      nameEn: u.nameEn,
      kind: u.kind,
      categories: u.categories,
      streetId: null,
    })),
    ...streets.map((s) => ({
      id: newId(),
      congressId,
      name: `${s.name}办事处`,
      nameEn: `${s.nameEn} Office`,
      kind: 'streetOffice' as const,
      categories: ['urbanManagement', 'civilAffairs', 'publicSecurity', 'environment'],
      streetId: s.id,
    })),
    ...JUDICIAL_UNITS.map((u) => ({
      id: newId(),
      congressId,
      name: u.name,
      nameEn: u.nameEn,
      kind: u.kind,
      categories: u.categories,
      streetId: null,
    })),
  ];
  for (const u of unitRows) {
    const male = random() < 0.5;
    u.contactName = personName(male);
    u.contactPhone = phoneLine();
  }

  // The deputy the demo's `deputy` account belongs to: the first active district deputy of a station.
  const deputyAccount = districtDeputies.find(
    (d) => !inactive.has(d.id) && places.find((p) => p.id === d.placeId)!.deputyIds.includes(d.id),
  )!;
  const deputyName = deputyRows.find((d) => d.id === deputyAccount.id)!.name;
  // The standing committee's chair is the demo `leader`; the demo `member` is an ordinary member of it (issue 17).
  const nameOf = (id: string) => deputyRows.find((d) => d.id === id)!.name;
  const memberOfSc = sc.slice(6).find((d) => d.id !== deputyAccount.id)!;

  const sittingContext = sittingRows.map((s) => ({ id: s.id, number: s.number, status: s.status! }));
  const counts = {
    streets: streets.length,
    communities: streets.reduce((n, s) => n + s.communities.length, 0),
    electoralDistricts: districtRows.length,
    deputies: deputyRows.length,
    districtMandates: districtDeputies.length,
    activeDistrictDeputies: activeDistrict.length,
    cityMandates: mandateRows.filter((m) => m.level === 'city').length,
    standingCommittee: sc.length,
    workingCommittees: wcRows.length,
    handlingUnits: unitRows.length,
    liaisonPlaces: places.length,
  };

  const db = w.db;
  await db.insert(jurisdictions).values(jRows);
  await db.insert(terms).values([
    {
      id: prevTermId,
      congressId,
      number: 6,
      startDate: `${year - 6}-01-10`,
      endDate: `${year - 1}-01-09`,
      isCurrent: false,
    },
    {
      id: termId,
      congressId,
      number: 7,
      startDate: termStart,
      endDate: `${year + 4}-01-09`,
      isCurrent: true,
    },
    {
      id: cityTermId,
      congressId: cityCongressId,
      number: 7,
      startDate: termStart,
      endDate: `${year + 4}-01-09`,
      isCurrent: true,
    },
  ]);
  await db.insert(sittings).values([
    ...sittingRows,
    {
      id: newId(),
      congressId: cityCongressId,
      termId: cityTermId,
      number: 1,
      startDate: `${year - 1}-01-20`,
      endDate: `${year - 1}-01-24`,
      status: 'closed',
    },
  ]);
  await db.insert(electoralDistricts).values(districtRows.map(({ streetIdx: _s, ...r }) => r));
  await db.insert(workingCommittees).values(wcRows);
  await db.insert(liaisonPlaces).values(places.map(({ streetIdx: _s, deputyIds: _d, ...p }) => p));
  await insertChunks(db, deputies, deputyRows, 200);
  await insertChunks(db, mandates, mandateRows, 200);
  await insertChunks(db, liaisonPlaceDeputies, lpd, 500);
  await db.insert(committeeMembers).values(memberRows);
  await db.insert(handlingUnits).values(unitRows);

  return {
    cityJurisdictionId: cityJ,
    districtId: districtJ,
    streets: streets.map((s) => ({ id: s.id, name: s.name, communityIds: s.communities.map((c) => c.id) })),
    currentTermId: termId,
    sittings: sittingContext,
    deputyIds: activeDistrict.map((d) => d.id),
    standingCommitteeDeputyIds: sc.map((d) => d.id),
    handlingUnits: unitRows.map((u) => ({
      id: u.id,
      name: u.name,
      kind: u.kind,
      categories: u.categories ?? [],
      streetId: u.streetId ?? null,
    })),
    liaisonPlaces: places.map((p) => ({
      id: p.id,
      kind: p.kind,
      streetId: p.streetId,
      deputyIds: [...p.deputyIds],
    })),
    workingCommittees: wcRows.map((w) => ({
      id: w.id,
      kind: w.kind,
      name: w.name,
      streetId: w.streetId ?? null,
    })),
    accountDeputy: { id: deputyAccount.id, name: deputyName },
    chairDeputy: { id: sc[0].id, name: nameOf(sc[0].id) },
    memberDeputy: { id: memberOfSc.id, name: nameOf(memberOfSc.id) },
    counts,
  };
}

async function insertChunks<T extends Parameters<Db['insert']>[0]>(
  db: Db,
  table: T,
  rows: T['$inferInsert'][],
  size: number,
) {
  for (let i = 0; i < rows.length; i += size) await db.insert(table).values(rows.slice(i, i + size));
}
