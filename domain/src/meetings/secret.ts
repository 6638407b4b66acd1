// A secret vote at a meeting (无记名表决: appointments and removals by default) on the encrypted-ballot engine
// of issue 21: the ballot has three options in this order, yes, no, abstain, one ciphertext each, and at most
// one of them chosen (the engine's 0..N rule with N = 1: a blank ballot is possible and counts as not yes). The
// count is the meetings' own rule (rules.ts: more than half of ALL members), applied to the decrypted totals.
import { passes, VOTE_CHOICES, type VoteChoice, type VoteTally } from './rules';

/**
 * The options' ids on the engine's ballot, the same for every secret vote at a meeting (the engine keys a
 * ballot's options by (vote, option), so fixed ids are enough and need no table).
 */
export const SECRET_OPTION_IDS: Readonly<Record<VoteChoice, string>> = {
  yes: '00000000-0000-4000-8000-00000000a001',
  no: '00000000-0000-4000-8000-00000000a002',
  abstain: '00000000-0000-4000-8000-00000000a003',
};

/** The options in ballot order (the position of each ciphertext). */
export const SECRET_OPTIONS: readonly VoteChoice[] = VOTE_CHOICES;

/** At most one option per ballot. */
export const SECRET_MAX_CHOICES = 1;

/** The choice an option id stands for, or null. */
export const choiceOfOption = (id: string): VoteChoice | null =>
  SECRET_OPTIONS.find((c) => SECRET_OPTION_IDS[c] === id) ?? null;

/**
 * The count of a secret vote from the decrypted totals per option: passed when yes is more than half of ALL
 * members (地方组织法 Art. 25, 51; 监督法 Art. 62); a blank ballot, like a member who did not vote, counts as
 * not yes and is counted among `notVoting`.
 */
export function tallySecretVote(totals: Partial<Record<VoteChoice, number>>, members: number): VoteTally {
  const yes = totals.yes ?? 0;
  const no = totals.no ?? 0;
  const abstain = totals.abstain ?? 0;
  return {
    yes,
    no,
    abstain,
    notVoting: Math.max(0, members - yes - no - abstain),
    members,
    passed: passes(yes, members),
  };
}
