// The Election Law's numbers as pure rules: the timetable in calendar days, the seat count, the candidate
// ratio, validity and election of a district's return with its edge cases, the runoff, age on election day,
// proxies and the GB 11643 check character.
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  candidateRange,
  complaintDeadline,
  complaintDecisionDue,
  complaintFilingProblem,
  decideRevote,
  turnoutReportProblem,
  voterCardNumber,
  decideDistrict,
  decideRunoff,
  idCheckChar,
  idNumberProblem,
  idSex,
  isOfVotingAge,
  mayAcceptEntrustment,
  milestoneState,
  percent,
  populationOutliers,
  runoffCandidates,
  seatCount,
  summarySentence,
  timetable,
  withinRatio,
  type DistrictReturn,
} from './rules';
import { districtReturnSchema } from './index';

const ret = (over: Partial<DistrictReturn>): DistrictReturn => ({
  registered: 1000,
  participated: 900,
  ballotsIssued: 900,
  ballotsReturned: 900,
  void: 0,
  votes: {},
  others: 0,
  ...over,
});
const id17 = (region: string, birth: string, seq: string) => `${region}${birth.replaceAll('-', '')}${seq}`;
const validId = (region: string, birth: string, seq = '123') => {
  const f = id17(region, birth, seq);
  return f + idCheckChar(f);
};

describe('the timetable counted back from election day', () => {
  it('puts the voter list 20 days before, complaints 5 + 3 days after it, nominees 15, the list 7, the first session within 2 months', () => {
    expect(timetable('2021-11-26')).toEqual({
      electionDay: '2021-11-26',
      voterListDue: '2021-11-06',
      complaintsDue: '2021-11-11',
      complaintDecisionsDue: '2021-11-14',
      nomineesDue: '2021-11-11',
      candidateListDue: '2021-11-19',
      firstSessionDue: '2022-01-26',
    });
  });

  it('counts calendar days across the National Day holiday and month ends (no working-day shift)', () => {
    const t = timetable('2021-10-12');
    expect(t.candidateListDue).toBe('2021-10-05'); // inside the 1–7 October holiday: not moved
    expect(t.voterListDue).toBe('2021-09-22');
    expect(t.nomineesDue).toBe('2021-09-27');
    expect(timetable('2021-03-05').voterListDue).toBe('2021-02-13'); // across February (28 days)
    expect(timetable('2023-12-31').firstSessionDue).toBe('2024-02-29'); // clamped to the month's end
  });

  it('tags a milestone done, done late, late, due within the days set, or upcoming', () => {
    expect(milestoneState('2021-11-06', '2021-10-01', null)).toBe('upcoming');
    expect(milestoneState('2021-11-06', '2021-10-30', null)).toBe('due');
    expect(milestoneState('2021-11-06', '2021-11-06', null)).toBe('due');
    expect(milestoneState('2021-11-06', '2021-11-07', null)).toBe('late');
    expect(milestoneState('2021-11-06', '2021-11-20', '2021-11-06')).toBe('done');
    expect(milestoneState('2021-11-06', '2021-11-20', '2021-11-07')).toBe('doneLate');
  });
});

describe('the seat count (Art. 12(3)) and districts', () => {
  it('is 140 + 1 per full 5,000 residents', () => {
    expect(seatCount(0)).toBe(140);
    expect(seatCount(4_999)).toBe(140);
    expect(seatCount(5_000)).toBe(141);
    expect(seatCount(628_000)).toBe(265);
  });

  it('is 450 at 1.55 million and capped at 450 over it; the province’s decision overrides', () => {
    expect(seatCount(1_549_999)).toBe(449);
    expect(seatCount(1_550_000)).toBe(450);
    expect(seatCount(1_550_001)).toBe(450);
    expect(seatCount(3_000_000)).toBe(450);
    expect(seatCount(628_000, 250)).toBe(250);
  });

  it('flags districts whose population per deputy is off the average by more than the tolerance', () => {
    const ds = [
      { name: 'a', population: 10_000, seats: 2 },
      { name: 'b', population: 6_000, seats: 1 },
      { name: 'c', population: 9_000, seats: 1 },
    ];
    // mean 25,000 / 4 = 6,250: c is 44% over, a exactly 20% under (not more), b 4% under
    expect(populationOutliers(ds, 0.2).map((o) => o.district.name)).toEqual(['c']);
    expect(populationOutliers(ds, 0.1).map((o) => o.district.name)).toEqual(['a', 'c']);
  });
});

describe('the differential ratio of the official list (Art. 31)', () => {
  it('one seat needs exactly two candidates', () => {
    expect(candidateRange(1)).toEqual({ min: 2, max: 2 });
    expect(withinRatio(1, 1)).toBe(false);
    expect(withinRatio(1, 2)).toBe(true);
    expect(withinRatio(1, 3)).toBe(false);
  });

  it('two seats 3–4, three seats 4–6; rounded down the third is still one more', () => {
    expect(candidateRange(2)).toEqual({ min: 3, max: 4 });
    expect(candidateRange(3)).toEqual({ min: 4, max: 6 });
    expect(withinRatio(3, 3)).toBe(false);
    expect(withinRatio(3, 7)).toBe(false);
    expect(candidateRange(2, 'down')).toEqual({ min: 3, max: 4 });
    expect(candidateRange(5, 'up').min).toBe(7);
    expect(candidateRange(5, 'down').min).toBe(6);
  });
});

describe('validity and election of a district (Art. 43–45)', () => {
  it('is invalid when more ballots were returned than issued; equal is valid', () => {
    const equal = decideDistrict(1, ret({ ballotsReturned: 900, votes: { a: 600, b: 290 } }));
    expect(equal).toMatchObject({ valid: true, reason: null, elected: ['a'] });
    const over = decideDistrict(1, ret({ ballotsReturned: 901, votes: { a: 600, b: 290 } }));
    expect(over).toEqual({
      valid: false,
      reason: 'ballotsExceedIssued',
      turnout: 90,
      elected: [],
      runoffSeats: 0,
      tied: [],
    });
  });

  it('needs MORE than half of all registered voters: exactly half is invalid, one more is valid', () => {
    const half = decideDistrict(1, ret({ participated: 500, ballotsIssued: 500, ballotsReturned: 500 }));
    expect(half).toMatchObject({ valid: false, reason: 'turnoutNotMajority', turnout: 50 });
    const over = decideDistrict(
      1,
      ret({ participated: 501, ballotsIssued: 501, ballotsReturned: 501, votes: { a: 400, b: 100 } }),
    );
    expect(over).toMatchObject({ valid: true, elected: ['a'], turnout: 50.1 });
  });

  it('elects with MORE than half of those who took part, void ballots counted: exactly half is not elected, one vote over is', () => {
    const exactly = decideDistrict(1, ret({ participated: 900, void: 20, votes: { a: 450, b: 430 } }));
    expect(exactly).toMatchObject({ valid: true, elected: [], runoffSeats: 1, tied: [] });
    const oneOver = decideDistrict(1, ret({ participated: 900, void: 20, votes: { a: 451, b: 429 } }));
    expect(oneOver).toMatchObject({ elected: ['a'], runoffSeats: 0 });
  });

  it('with more winners than seats, the highest are elected', () => {
    const r = decideDistrict(2, ret({ votes: { a: 700, b: 650, c: 500, d: 100 } }));
    expect(r).toMatchObject({ elected: ['a', 'b'], runoffSeats: 0, tied: [] });
  });

  it('a tie among those who passed for the last seat goes to a re-vote, not to runoffSeats', () => {
    const r = decideDistrict(2, ret({ votes: { a: 700, b: 600, c: 600, d: 50 } }));
    expect(r).toMatchObject({ valid: true, elected: ['a'], tied: ['b', 'c'], runoffSeats: 0 });
    const allTied = decideDistrict(1, ret({ votes: { a: 460, b: 460 } }));
    expect(allTied).toMatchObject({ elected: [], tied: ['a', 'b'], runoffSeats: 0 });
  });

  it('a tie below the majority is no tie: the seat goes to a runoff', () => {
    const r = decideDistrict(1, ret({ votes: { a: 420, b: 420 } }));
    expect(r).toMatchObject({ elected: [], tied: [], runoffSeats: 1 });
  });

  it('one seat and two candidates, both short of the majority: one runoff seat between the two', () => {
    const r = decideDistrict(1, ret({ void: 60, votes: { a: 440, b: 380 }, others: 20 }));
    expect(r).toMatchObject({ valid: true, elected: [], runoffSeats: 1 });
    expect(runoffCandidates({ a: 440, b: 380 }, 1)).toEqual(['a', 'b']);
  });

  it('a runoff takes candidates from the ranking within the ratio', () => {
    expect(runoffCandidates({ c: 300, d: 420, e: 100, f: 250 }, 2)).toEqual(['d', 'c', 'f']);
  });

  it('in a runoff the highest wins with at least one third: exactly one third wins, one less does not', () => {
    const third = decideRunoff(1, ret({ participated: 900, votes: { a: 300, b: 280 } }));
    expect(third).toMatchObject({ elected: ['a'], vacancies: 0 });
    const short = decideRunoff(1, ret({ participated: 900, votes: { a: 299, b: 280 } }));
    expect(short).toMatchObject({ elected: [], vacancies: 1 });
    const tie = decideRunoff(1, ret({ participated: 900, votes: { a: 400, b: 400 } }));
    expect(tie).toMatchObject({ elected: [], tied: ['a', 'b'], vacancies: 0 });
  });

  it('turnout is a percentage to two decimals, rounded half up', () => {
    expect(percent(477_400, 527_453)).toBe(90.51);
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 0)).toBe(0);
  });

  it('refuses a return that cannot be: more taking part than registered, more void than returned, votes over valid ballots', () => {
    const bad = districtReturnSchema.safeParse({
      registered: 10,
      participated: 11,
      ballotsIssued: 11,
      ballotsReturned: 5,
      void: 6,
      votes: { '0199a5d2-0000-7000-8000-000000000001': 9 },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['participated', 'void', 'votes']);
  });
});

describe('voters', () => {
  it('someone born on election day 18 years before may vote; a day later may not', () => {
    expect(isOfVotingAge('2003-11-26', '2021-11-26')).toBe(true);
    expect(isOfVotingAge('2003-11-27', '2021-11-26')).toBe(false);
    expect(ageOn('2003-11-27', '2021-11-26')).toBe(17);
    // Born on 29 February: 18 from 1 March in a common year.
    expect(isOfVotingAge('2004-02-29', '2022-02-28')).toBe(false);
    expect(isOfVotingAge('2004-02-29', '2022-03-01')).toBe(true);
  });

  it('checks the GB 11643 check character, the birth date and the form of an ID number', () => {
    expect(idCheckChar('11010519491231002')).toBe('X'); // the standard's own example
    const good = validId('110105', '1990-05-17', '231');
    expect(idNumberProblem(good)).toBeNull();
    expect(idNumberProblem(good.toLowerCase())).toBeNull();
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(idNumberProblem(wrong)).toBe('checksum');
    expect(idNumberProblem('11010519900231123X')).toBe('birthDate');
    expect(idNumberProblem('1101051990051723')).toBe('format');
    expect(idSex(good)).toBe('male');
  });

  it('a voter may accept a third entrustment but not a fourth (Art. 42)', () => {
    expect(mayAcceptEntrustment(2)).toBe(true); // accepting the 3rd
    expect(mayAcceptEntrustment(3)).toBe(false); // the 4th refused
  });
});

describe('the summary sentence', () => {
  it('says every district elected in the first round, the voters in 万 and the turnout', () => {
    const s = summarySentence({
      districts: 159,
      districtsValidFirstRound: 159,
      registered: 527_453,
      participated: 477_400,
      turnout: 90.51,
    });
    expect(s.zh).toBe('159个选区全部一次选举成功，47.74万选民参与投票，参选率90.51%');
    expect(s.en).toContain('All 159 electoral districts');
  });

  it('names how many succeeded when not all did', () => {
    const s = summarySentence({
      districts: 6,
      districtsValidFirstRound: 5,
      registered: 30_000,
      participated: 27_000,
      turnout: 90,
    });
    expect(s.zh).toBe('6个选区中5个一次选举成功，2.70万选民参与投票，参选率90.00%');
  });
});

describe('complaints against the voter list (Art. 29)', () => {
  it('are filed within 5 calendar days of publication, counted across a holiday, and decided within 3', () => {
    // Published 30 September: the National Day holiday does not stop the count.
    expect(complaintDeadline('2026-09-30')).toBe('2026-10-05');
    expect(complaintFilingProblem('2026-09-30', '2026-10-05')).toBeNull(); // the 5th day
    expect(complaintFilingProblem('2026-09-30', '2026-10-06')).toBe('late'); // the 6th
    expect(complaintFilingProblem('2026-09-30', '2026-09-30')).toBeNull(); // the day itself
    expect(complaintFilingProblem('2026-09-30', '2026-09-29')).toBe('beforePublication');
    expect(complaintFilingProblem(null, '2026-10-01')).toBe('notPublished');
    expect(complaintDecisionDue('2026-10-05')).toBe('2026-10-08');
  });
});

describe('the re-vote among the tied (Art. 45 ¶3)', () => {
  it('elects the highest of the tied, without a majority', () => {
    expect(decideRevote(1, { a: 410, b: 395 })).toEqual({ elected: ['a'], tied: [] });
  });
  it('two tied for one seat again are tied again', () => {
    expect(decideRevote(1, { a: 400, b: 400 })).toEqual({ elected: [], tied: ['a', 'b'] });
  });
  it('three for two seats: the top one elected and the two equal below tied', () => {
    expect(decideRevote(2, { a: 500, b: 300, c: 300 })).toEqual({ elected: ['a'], tied: ['b', 'c'] });
  });
  it('a first round tie for the last seat leads to a re-vote, not a runoff', () => {
    const r = decideDistrict(2, {
      registered: 1000,
      participated: 900,
      ballotsIssued: 900,
      ballotsReturned: 900,
      void: 0,
      others: 0,
      votes: { a: 700, b: 500, c: 500 },
    });
    expect(r).toMatchObject({ elected: ['a'], tied: ['b', 'c'], runoffSeats: 0 });
  });
});

describe("a polling station's turnout report", () => {
  it('refuses more returned than issued, and running totals that fall', () => {
    expect(turnoutReportProblem({ ballotsIssued: 100, ballotsReturned: 100 }, null)).toBeNull();
    expect(turnoutReportProblem({ ballotsIssued: 100, ballotsReturned: 101 }, null)).toBe(
      'returnedExceedIssued',
    );
    const last = { ballotsIssued: 300, ballotsReturned: 250 };
    expect(turnoutReportProblem({ ballotsIssued: 299, ballotsReturned: 250 }, last)).toBe('issuedFell');
    expect(turnoutReportProblem({ ballotsIssued: 320, ballotsReturned: 249 }, last)).toBe('returnedFell');
    expect(turnoutReportProblem({ ballotsIssued: 300, ballotsReturned: 250 }, last)).toBeNull();
  });
});

describe('voter cards', () => {
  it('number the district and the voter', () => {
    expect(voterCardNumber(3, 127)).toBe('03-00127');
  });
});
