export {
  completeDkg,
  createCeremonyKey,
  dealShares,
  publicKeyFromDeals,
  verificationKeysFromDeals,
} from './dkg';
export { decryptTotals, partialDecrypt, verifyPartialDecryption } from './decrypt';
export {
  addCiphertexts,
  ballotReceipt,
  combineBallots,
  encryptBallot,
  prepareBallot,
  verifyBallot,
} from './ballot';
export { verifyBulletin, type VerifyBulletinOptions } from './bulletin';
export { SM2_PARAMS } from './group';
export { runDkg, simulateVote, type SimulateVoteInput, type SimulatedKey } from './simulate';
export * from './schemas';
