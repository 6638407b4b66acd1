// The legal numbers of elections, motions, inquiries and dismissals (地方组织法 Art. 14, 22, 26–27, 31, 47, 51–53;
// 监督法 Art. 53, 60), at their edges.
import { describe, expect, it } from 'vitest';
import {
  candidateRange,
  canProposeDismissal,
  canProposeInterimSession,
  canProposeRecall,
  committeeSizeRange,
  isCandidateCountAllowed,
  secondAnswerDue,
} from './index';

describe('differential elections (地方组织法 Art. 27)', () => {
  it('a principal: one seat, one or two candidates (等额 allowed)', () => {
    expect(candidateRange('principal', 1)).toEqual({ min: 1, max: 2 });
    expect(isCandidateCountAllowed('principal', 1, 3)).toBe(false);
  });

  it('deputy principals: one to three more candidates than seats', () => {
    expect(candidateRange('deputyPrincipal', 5)).toEqual({ min: 6, max: 8 });
    expect(isCandidateCountAllowed('deputyPrincipal', 5, 5)).toBe(false);
    expect(isCandidateCountAllowed('deputyPrincipal', 5, 8)).toBe(true);
    expect(isCandidateCountAllowed('deputyPrincipal', 5, 9)).toBe(false);
  });

  it('committee members: a tenth to a fifth more, rounded inward', () => {
    // 30 seats: 3 to 6 more.
    expect(candidateRange('committeeMember', 30)).toEqual({ min: 33, max: 36 });
    // 25 seats: at least 2.5 → 3 more, at most 5 more.
    expect(candidateRange('committeeMember', 25)).toEqual({ min: 28, max: 30 });
    expect(isCandidateCountAllowed('committeeMember', 25, 27)).toBe(false);
    expect(isCandidateCountAllowed('committeeMember', 25, 31)).toBe(false);
    // Few seats: still a differential election (one more).
    expect(candidateRange('committeeMember', 3)).toEqual({ min: 4, max: 4 });
    expect(() => candidateRange('committeeMember', 0)).toThrow(RangeError);
  });
});

describe('thresholds of ALL members or deputies', () => {
  it('a dismissal proposed by one fifth of members (监督法 Art. 60): 7 of 35 is, 6 is not', () => {
    expect(canProposeDismissal(7, 35)).toBe(true);
    expect(canProposeDismissal(6, 35)).toBe(false);
  });

  it('an interim session by a fifth of deputies (Art. 14), a recall by a tenth (Art. 31)', () => {
    expect(canProposeInterimSession(60, 300)).toBe(true);
    expect(canProposeInterimSession(59, 300)).toBe(false);
    expect(canProposeRecall(30, 300)).toBe(true);
    expect(canProposeRecall(29, 300)).toBe(false);
  });

  it('a second answer to an inquiry when MORE than half of its filers are dissatisfied (监督法 Art. 53)', () => {
    expect(secondAnswerDue(2, 3)).toBe(true);
    expect(secondAnswerDue(2, 4)).toBe(false);
    expect(secondAnswerDue(3, 4)).toBe(true);
  });

  it('a district standing committee of 15 to 35 members, 45 above a million people (Art. 47)', () => {
    expect(committeeSizeRange(800_000)).toEqual({ min: 15, max: 35 });
    expect(committeeSizeRange(1_200_000)).toEqual({ min: 15, max: 45 });
  });
});
