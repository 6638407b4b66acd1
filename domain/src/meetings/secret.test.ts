import { describe, expect, it } from 'vitest';
import { choiceOfOption, SECRET_OPTION_IDS, SECRET_OPTIONS, tallySecretVote } from './secret';

describe('a secret vote at a meeting', () => {
  it('has yes, no and abstain in this order, each with its own fixed option id', () => {
    expect(SECRET_OPTIONS).toEqual(['yes', 'no', 'abstain']);
    expect(new Set(Object.values(SECRET_OPTION_IDS)).size).toBe(3);
    for (const c of SECRET_OPTIONS) expect(choiceOfOption(SECRET_OPTION_IDS[c])).toBe(c);
    expect(choiceOfOption('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('passes with more than half of ALL members; blank ballots and absentees count as not yes', () => {
    expect(tallySecretVote({ yes: 17, no: 2, abstain: 1 }, 35)).toEqual({
      yes: 17,
      no: 2,
      abstain: 1,
      notVoting: 15,
      members: 35,
      passed: false,
    });
    expect(tallySecretVote({ yes: 18 }, 35).passed).toBe(true);
    expect(tallySecretVote({ yes: 15, no: 0 }, 30).passed).toBe(false);
  });
});
