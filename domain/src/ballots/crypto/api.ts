export {
  completeDkg,
  createCeremonyKey,
  dealShares,
  publicKeyFromDeals,
  verificationKeysFromDeals,
} from './dkg';
export { decryptTotals, partialDecrypt, verifyPartialDecryption } from './decrypt';
export { addCiphertexts, ballotReceipt, combineBallots, encryptBallot, verifyBallot } from './ballot';
import type {
  BallotContext,
  Bulletin,
  Ciphertext,
  CurveName,
  DkgDeal,
  Hex,
  PartialDecryption,
  TellerCeremonyKey,
  TellerShare,
} from './types';

const todo = (): never => {
  throw new Error('not implemented');
};

export function verifyBulletin(
  b: unknown,
): { ok: true; totals: Record<string, number> } | { ok: false; fault: string } {
  return todo() ?? (b as Bulletin);
}
