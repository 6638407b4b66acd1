// Nominations and the official list as pure rules at their boundaries: a joint nomination of 9 and 10 voters,
// a nominator's limit at the district's seats, the nominees against the ratio (too few, within, too many), and
// the primary's cut with a tie across it (选举法 Art. 30–32).
import { describe, expect, it } from 'vitest';
import { mayNominateAnother, nominationProblem, nomineeStage, primaryCut } from './rules';

describe('a nomination (Art. 30)', () => {
  it('9 voters jointly are too few; 10 are enough', () => {
    expect(nominationProblem('voters', null, 9)).toBe('tooFewNominators');
    expect(nominationProblem('voters', null, 10)).toBeNull();
    expect(nominationProblem('voters', null, 11)).toBeNull();
  });
  it('a party or organisation is named; a joint nomination names no organisation', () => {
    expect(nominationProblem('party', '中国共产党东岭区委员会', 0)).toBeNull();
    expect(nominationProblem('organisation', '  ', 0)).toBe('nominatorMissing');
    expect(nominationProblem('party', null, 0)).toBe('nominatorMissing');
    expect(nominationProblem('voters', '东岭区总工会', 12)).toBe('nominatorNamed');
  });
  it('a nominator nominates up to the seats and not one more (Art. 30 ¶3)', () => {
    expect(mayNominateAnother(0, 1)).toBe(true);
    expect(mayNominateAnother(1, 1)).toBe(false);
    expect(mayNominateAnother(2, 3)).toBe(true);
    expect(mayNominateAnother(3, 3)).toBe(false);
  });
});

describe('the nominees against the differential ratio (Art. 31–32)', () => {
  it('one seat: one nominee too few, two within, three too many', () => {
    expect(nomineeStage(1, 1)).toBe('tooFew');
    expect(nomineeStage(1, 2)).toBe('withinRatio');
    expect(nomineeStage(1, 3)).toBe('tooMany');
  });
  it('two seats: 3 and 4 within, 5 too many (rounding the third up or down gives the same here)', () => {
    expect(nomineeStage(2, 2)).toBe('tooFew');
    expect(nomineeStage(2, 3)).toBe('withinRatio');
    expect(nomineeStage(2, 4)).toBe('withinRatio');
    expect(nomineeStage(2, 5)).toBe('tooMany');
    expect(nomineeStage(2, 3, 'down')).toBe('withinRatio');
  });
  it('three seats: 4 to 6 within, 7 too many', () => {
    expect(nomineeStage(3, 3)).toBe('tooFew');
    expect(nomineeStage(3, 4)).toBe('withinRatio');
    expect(nomineeStage(3, 6)).toBe('withinRatio');
    expect(nomineeStage(3, 7)).toBe('tooMany');
  });
});

describe('the primary (预选, Art. 32)', () => {
  it('keeps the highest `size` by votes and drops the rest', () => {
    expect(primaryCut({ a: 120, b: 340, c: 95, d: 210 }, 2)).toEqual({
      kept: ['b', 'd'],
      dropped: ['a', 'c'],
      tied: [],
    });
  });
  it('one vote apart at the cut is a clear cut', () => {
    expect(primaryCut({ a: 201, b: 200, c: 50 }, 1)).toEqual({ kept: ['a'], dropped: ['b', 'c'], tied: [] });
  });
  it('a tie across the cut is not decided: the tied are listed, only those above kept', () => {
    expect(primaryCut({ a: 300, b: 200, c: 200, d: 10 }, 2)).toEqual({
      kept: ['a'],
      dropped: ['d'],
      tied: ['b', 'c'],
    });
  });
  it('a tie above the cut is no problem', () => {
    expect(primaryCut({ a: 300, b: 300, c: 200 }, 2)).toEqual({ kept: ['a', 'b'], dropped: ['c'], tied: [] });
  });
  it('no more nominees than the size: all kept', () => {
    expect(primaryCut({ a: 3, b: 1 }, 2)).toEqual({ kept: ['a', 'b'], dropped: [], tied: [] });
  });
});
