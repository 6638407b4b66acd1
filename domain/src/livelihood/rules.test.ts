import { describe, expect, it } from 'vitest';
import {
  candidatesSuffice,
  differingFigures,
  forecastClose,
  reconcilePaperStatement,
  statuteProblems,
  voteRulesSchema,
  canMoveProject,
  DEFAULT_EVALUATION_CRITERIA,
  hasQuorum,
  livelihoodSettingsSchema,
  minCandidates,
  nextVoteStatus,
  quorumNeeded,
  rollUpEvaluations,
  tally,
  thresholdVotes,
  type TallyInput,
} from '.';

const rules = { quorumNumerator: 2, quorumDenominator: 3, thresholdBase: 'roll' as const };
const input = (over: Partial<TallyInput>): TallyInput => ({
  rollSize: 100,
  signedIn: 90,
  ballotsCast: 90,
  maxChoices: 2,
  counts: { a: 80, b: 70, c: 40 },
  rules,
  ...over,
});

describe('quorum: two thirds or more of the roll present', () => {
  it('counts exactly two thirds as a quorum (三分之二以上 includes the number)', () => {
    expect(quorumNeeded(300, rules)).toBe(200);
    expect(hasQuorum(300, 200, rules)).toBe(true);
    expect(hasQuorum(300, 199, rules)).toBe(false);
    expect(quorumNeeded(100, rules)).toBe(67);
    expect(hasQuorum(0, 0, rules)).toBe(false);
  });
  it('makes the result invalid without quorum, choosing nothing', () => {
    const r = tally(input({ signedIn: 66, ballotsCast: 60 }));
    expect(r.valid).toBe(false);
    expect(r.invalidReason).toBe('noQuorum');
    expect(r.chosen).toEqual([]);
  });
});

describe('threshold: more than half of the base', () => {
  it('needs floor(base/2)+1 votes', () => {
    expect(thresholdVotes(100)).toBe(51);
    expect(thresholdVotes(101)).toBe(51);
  });
  it('measures against all deputies on the roll by default', () => {
    const r = tally(input({ signedIn: 70, ballotsCast: 70, counts: { a: 50, b: 51, c: 10 } }));
    expect(r.threshold).toEqual({ base: 'roll', baseSize: 100, votesNeeded: 51, rule: 'majority' });
    expect(r.chosen).toEqual(['b']);
    expect(r.shortfall).toBe(1);
  });
  it('measures against those present when configured', () => {
    const r = tally(
      input({
        signedIn: 70,
        ballotsCast: 70,
        counts: { a: 50, b: 51, c: 10 },
        rules: { ...rules, thresholdBase: 'present' },
      }),
    );
    expect(r.threshold.votesNeeded).toBe(36);
    expect(r.chosen).toEqual(['b', 'a']);
    expect(r.shortfall).toBe(0);
  });
});

describe('top N', () => {
  it('chooses the N highest among those passing', () => {
    const r = tally(input({ maxChoices: 2, counts: { a: 60, b: 80, c: 70, d: 90 } }));
    expect(r.chosen).toEqual(['d', 'b']);
    expect(r.runoff).toBeNull();
    expect(r.ranking.map((x) => x.candidateId)).toEqual(['d', 'b', 'c', 'a']);
  });
});

describe('tie at the cut-off', () => {
  it('sends the tied candidates to a runoff for the seats left', () => {
    const r = tally(input({ maxChoices: 2, counts: { a: 90, b: 70, c: 70, d: 70, e: 10 } }));
    expect(r.chosen).toEqual(['a']);
    expect(r.runoff).toEqual({ candidateIds: ['b', 'c', 'd'], seats: 1 });
    expect(r.shortfall).toBe(0);
  });
  it('seats a tied group that fits entirely', () => {
    const r = tally(input({ maxChoices: 3, counts: { a: 90, b: 70, c: 70, d: 60 } }));
    expect(r.chosen).toEqual(['a', 'b', 'c']);
    expect(r.runoff).toBeNull();
  });
  it('does not run off a tie among candidates below the threshold', () => {
    const r = tally(input({ maxChoices: 2, counts: { a: 90, b: 30, c: 30 } }));
    expect(r.chosen).toEqual(['a']);
    expect(r.runoff).toBeNull();
    expect(r.shortfall).toBe(1);
  });
});

describe('the runoff among the tied (地方组织法 Art. 29 ¶1, 选举法 Art. 45 ¶3 by analogy)', () => {
  // 394 deputies, 283 present; the runoff for 1 place between x (155) and y (113). More than half of the
  // roll is 198: under the threshold rule neither passes and the place stays empty.
  const runoff = (runoffRule?: 'mostVotes' | 'threshold') =>
    tally({
      rollSize: 394,
      signedIn: 283,
      ballotsCast: 283,
      maxChoices: 1,
      counts: { x: 155, y: 113 },
      rules: { ...rules, ...(runoffRule ? { runoffRule } : {}) },
      kind: 'runoff',
    });
  it('decides 155 to 113 (283 present of 394) by the most votes, the default rule', () => {
    expect(voteRulesSchema.parse({}).runoffRule).toBe('mostVotes');
    for (const r of [runoff(), runoff('mostVotes')]) {
      expect(r.valid).toBe(true);
      expect(r.chosen).toEqual(['x']);
      expect(r.threshold).toMatchObject({ rule: 'mostVotes', votesNeeded: 1 });
      expect(r.shortfall).toBe(0);
    }
  });
  it('chooses nobody under the threshold rule (the old behaviour, still a setting)', () => {
    const r = runoff('threshold');
    expect(r.threshold).toMatchObject({ rule: 'majority', votesNeeded: 198 });
    expect(r.chosen).toEqual([]);
    expect(r.shortfall).toBe(1);
  });
  it('applies the threshold to a main vote whatever the runoff rule', () => {
    const r = tally({
      ...input({}),
      counts: { x: 155, y: 113 },
      rollSize: 394,
      signedIn: 283,
      ballotsCast: 283,
    });
    expect(r.chosen).toEqual([]);
  });
  it('sends a tie in the runoff to another runoff, and seats no candidate with no vote', () => {
    expect(runoff().chosen).toEqual(['x']);
    const tie = tally({ ...input({}), maxChoices: 1, counts: { x: 100, y: 100 }, kind: 'runoff' });
    expect(tie.runoff).toEqual({ candidateIds: ['x', 'y'], seats: 1 });
    const none = tally({ ...input({}), maxChoices: 2, counts: { x: 10, y: 0 }, kind: 'runoff' });
    expect(none.chosen).toEqual(['x']);
    expect(none.shortfall).toBe(1);
  });
});

describe("the tellers' statement of the paper ballots", () => {
  const vote = { maxChoices: 2, candidateIds: ['a', 'b', 'c'], signedIn: 60 };
  // 50 issued, 48 returned: 42 valid, 3 void (over-marked), 3 blank.
  const statement = {
    issued: 50,
    returned: 48,
    valid: 42,
    void: 3,
    blank: 3,
    counts: { a: 40, b: 31, c: 7 },
  };
  it('reconciles a paper count with 3 void ballots', () => {
    expect(reconcilePaperStatement(statement, vote)).toEqual([]);
  });
  it('counts void ballots as cast but as a vote for nothing', () => {
    const r = tally({
      rollSize: 60,
      signedIn: 60,
      ballotsCast: statement.returned + 12,
      voidBallots: statement.void,
      maxChoices: 2,
      counts: { a: 40 + 12, b: 31, c: 7 },
      rules,
    });
    expect(r.turnout).toMatchObject({ ballotsCast: 60, voidBallots: 3 });
    expect(r.valid).toBe(true);
    expect(r.chosen).toEqual(['a', 'b']);
  });
  it('names the figures that do not reconcile', () => {
    const fields = (over: object) =>
      reconcilePaperStatement({ ...statement, ...over }, vote).map((p) => p.field);
    expect(fields({ returned: 51 })).toEqual(['returned', 'valid', 'void', 'blank']);
    expect(fields({ issued: 61, returned: 48 })).toEqual(['issued']);
    expect(fields({ void: 4 })).toEqual(['valid', 'void', 'blank']);
    expect(fields({ counts: { a: 43, d: 1 } })).toEqual(['counts.a', 'counts.d']);
    expect(fields({ counts: { a: 41, b: 44 } })).toEqual(['counts.b', 'counts']);
    expect(fields({ counts: { a: 41 } })).toEqual(['counts']);
  });
  it('names the figures on which two tellers differ', () => {
    expect(differingFigures(statement, { ...statement }, vote.candidateIds)).toEqual([]);
    expect(
      differingFigures(
        statement,
        { ...statement, void: 2, blank: 4, counts: { a: 40, b: 32 } },
        vote.candidateIds,
      ),
    ).toEqual(['void', 'blank', 'counts.b', 'counts.c']);
  });
});

describe('a binding vote keeps the statute (地方组织法 Art. 14, 25)', () => {
  const binding = {
    advisory: false,
    quorumNumerator: 2,
    quorumDenominator: 3,
    thresholdBase: 'roll' as const,
  };
  it('refuses a binding vote with a quorum of one tenth', () => {
    expect(statuteProblems({ ...binding, quorumNumerator: 1, quorumDenominator: 10 })).toMatchObject([
      { field: 'quorumNumerator' },
    ]);
    const parsed = livelihoodSettingsSchema.safeParse({
      districtVote: { quorumNumerator: 1, quorumDenominator: 10 },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['districtVote.quorumNumerator']);
  });
  it('refuses a binding vote counting its threshold on those present', () => {
    expect(statuteProblems({ ...binding, thresholdBase: 'present' })).toMatchObject([
      { field: 'thresholdBase' },
    ]);
  });
  it('accepts two thirds and more of all deputies, and leaves advisory votes free', () => {
    expect(statuteProblems(binding)).toEqual([]);
    expect(statuteProblems({ ...binding, quorumNumerator: 3, quorumDenominator: 4 })).toEqual([]);
    expect(statuteProblems({ ...binding, quorumNumerator: 66, quorumDenominator: 100 })).toHaveLength(1);
    expect(
      statuteProblems({
        ...binding,
        advisory: true,
        quorumNumerator: 1,
        quorumDenominator: 10,
        thresholdBase: 'present',
      }),
    ).toEqual([]);
    expect(
      livelihoodSettingsSchema.safeParse({
        streetVote: { advisory: true, quorumNumerator: 1, quorumDenominator: 10, thresholdBase: 'present' },
      }).success,
    ).toBe(true);
  });
});

describe('shortfall', () => {
  it('reports the seats left when fewer than N pass', () => {
    const r = tally(input({ maxChoices: 5, counts: { a: 80, b: 70, c: 40, d: 10, e: 0, f: 0 } }));
    expect(r.valid).toBe(true);
    expect(r.chosen).toEqual(['a', 'b']);
    expect(r.shortfall).toBe(3);
  });
});

describe('void on over-cast', () => {
  it('voids the vote when more ballots were cast than members signed in', () => {
    const r = tally(input({ signedIn: 90, ballotsCast: 91 }));
    expect(r.valid).toBe(false);
    expect(r.invalidReason).toBe('overCast');
    expect(r.chosen).toEqual([]);
  });
  it('accepts exactly as many ballots as members signed in', () => {
    expect(tally(input({ signedIn: 90, ballotsCast: 90 })).valid).toBe(true);
  });
});

describe('candidate ratio (差额)', () => {
  it('requires more candidates than projects, by the configured ratio', () => {
    expect(minCandidates(15, 1.2)).toBe(18);
    expect(minCandidates(1, 1)).toBe(2);
    expect(candidatesSuffice(17, 15, 1.2)).toBe(false);
    expect(candidatesSuffice(18, 15, 1.2)).toBe(true);
    expect(candidatesSuffice(20, 10, 2)).toBe(true);
  });
});

describe('settings and evaluation', () => {
  it('defaults to the rules file numbers, with an advisory street vote', () => {
    const s = livelihoodSettingsSchema.parse({});
    expect(s.districtVote).toMatchObject({
      quorumNumerator: 2,
      quorumDenominator: 3,
      thresholdBase: 'roll',
      candidateRatio: 1.2,
      advisory: false,
      runoffRule: 'mostVotes',
      shortfallVote: true,
    });
    expect(s.streetVote.advisory).toBe(true);
    expect(s.evaluationCriteria).toHaveLength(8);
  });
  it('rolls up scores per criterion and overall', () => {
    const r = rollUpEvaluations(
      ['quality', 'timeliness'],
      [
        { quality: 5, timeliness: 4 },
        { quality: 4, timeliness: 2 },
      ],
    );
    expect(r).toEqual({ count: 2, perCriterion: { quality: 4.5, timeliness: 3 }, overall: 3.75 });
    expect(rollUpEvaluations(DEFAULT_EVALUATION_CRITERIA, []).overall).toBeNull();
  });
});

describe('workflows', () => {
  it('opens a vote only after the roll is called, closes only an open vote, and ends it once the tellers have counted', () => {
    expect(nextVoteStatus('draft', 'open')).toBeNull();
    expect(nextVoteStatus('draft', 'callRoll')).toBe('signingIn');
    expect(nextVoteStatus('signingIn', 'open')).toBe('open');
    expect(nextVoteStatus('open', 'signIn')).toBe('open');
    expect(nextVoteStatus('closed', 'castBallot')).toBeNull();
    // Closing stops the casting; the totals wait for the tellers' partial decryptions (issue 21).
    expect(nextVoteStatus('open', 'close')).toBe('counting');
    expect(nextVoteStatus('counting', 'castBallot')).toBeNull();
    expect(nextVoteStatus('counting', 'tally')).toBe('closed');
    expect(nextVoteStatus('open', 'tally')).toBeNull();
  });
  it('accepts a project only after completion', () => {
    expect(canMoveProject('onTrack', 'accepted')).toBe(false);
    expect(canMoveProject('completed', 'accepted')).toBe(true);
    expect(canMoveProject('accepted', 'onTrack')).toBe(false);
  });
});

describe('what closing now would mean, from counts only (before close the ballots stay secret)', () => {
  const base = { rollSize: 354, signedIn: 354, maxChoices: 10, candidates: 12, rules };
  it('one ballot from 354 present: quorum met, but no project can reach more than half of the roll', () => {
    const f = forecastClose({ ...base, ballotsCast: 1 });
    expect(f.quorum).toEqual({ needed: 236, reached: true });
    expect(f.threshold.votesNeeded).toBe(178);
    expect(f).toMatchObject({ mostChosen: 0, noneReason: 'belowThreshold', places: 10 });
  });
  it('no ballots, no quorum and over-cast each choose nobody, and say why', () => {
    expect(forecastClose({ ...base, ballotsCast: 0 }).noneReason).toBe('noBallots');
    expect(forecastClose({ ...base, signedIn: 200, ballotsCast: 190 }).noneReason).toBe('noQuorum');
    expect(forecastClose({ ...base, signedIn: 300, ballotsCast: 301 }).noneReason).toBe('overCast');
  });
  it('bounds the chosen by valid ballots × places / votes needed, the places and the candidates', () => {
    // 200 valid ballots × 10 marks / 178 needed: at most 11 passes, capped at the 10 places.
    expect(forecastClose({ ...base, ballotsCast: 200 }).mostChosen).toBe(10);
    // 180 valid ballots of 2 marks: at most 2 projects can each reach 178.
    expect(forecastClose({ ...base, maxChoices: 2, ballotsCast: 180 }).mostChosen).toBe(2);
    // void paper ballots vote for nothing: 180 cast, 5 void → 175 valid, below 178.
    expect(forecastClose({ ...base, ballotsCast: 180, voidBallots: 5 }).noneReason).toBe('belowThreshold');
  });
  it('a runoff decided by the most votes needs one vote', () => {
    const f = forecastClose({ ...base, maxChoices: 1, candidates: 2, ballotsCast: 3, kind: 'runoff' });
    expect(f).toMatchObject({
      threshold: { rule: 'mostVotes', votesNeeded: 1 },
      mostChosen: 1,
      noneReason: null,
    });
  });
});
