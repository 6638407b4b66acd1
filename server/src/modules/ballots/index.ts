// 无记名投票 (the secret-ballot vote engine): roll call and sign-in, attendance, the tellers and their key
// ceremony, encrypted ballots with receipts, the tellers' paper count, close, the tellers' decryption of the
// totals and the tally, the public bulletin, the runoff and the second vote for a shortfall, the results
// export; see SECRECY.md. Generic: the calling module owns the question and the options (candidates) and
// gives them, with the rules of its votes, as a `BallotSubject`; it serves its own URLs with thin routes that
// call the functions below. Other modules import only this file.
import type { Module } from '../../platform/module';

export const ballotsModule: Module = {
  name: 'ballots',
  // No URLs of its own: each calling module serves its votes (livelihood: /project-votes/...).
  routes: async () => {},
};

export { votePolicy, type VoteResource } from './ballots.policy';
export type { BallotOption, BallotSubject, PublishedResult, RollMember, VoteRow } from './ballots.repository';
export type { BallotOwner } from './ballots.table';
export { createVote } from './commands/create-vote';
export { callRoll } from './commands/call-roll';
export { signIn } from './commands/sign-in';
export { signInMembers } from './commands/sign-in-members';
export { openVote } from './commands/open-vote';
export { castBallot } from './commands/cast-ballot';
export { enterPaperCount } from './commands/enter-paper-count';
export { discardPaperCounts } from './commands/discard-paper-counts';
export { closeVote } from './commands/close-vote';
export { appointTellers, postCeremonyKey, postDeal } from './commands/key-ceremony';
export { postPartialDecryption } from './commands/decrypt-totals';
export { createRunoff } from './commands/create-runoff';
export { createShortfallVote } from './commands/create-shortfall-vote';
export { findVotes } from './queries/find-votes';
export { getVote } from './queries/get-vote';
export { findRoll } from './queries/find-roll';
export { getResults } from './queries/get-results';
export { getBulletin } from './queries/get-bulletin';
export { findTellerCandidates, getCeremony } from './queries/get-ceremony';
export { countVotesAwaiting, type VotesAwaiting } from './queries/count-votes-awaiting';
export { findPublishedVotes } from './queries/find-published-votes';
export { resultsDocx, resultsXlsx } from './queries/export-results';
export { holdKeyCeremony, writeShareFile, type CeremonyTeller } from './commands/hold-key-ceremony';
export { findVotedIn } from './queries/find-voted-in';
