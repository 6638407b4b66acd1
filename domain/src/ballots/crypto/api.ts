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

export function createCeremonyKey(curve: CurveName, index: number): TellerCeremonyKey {
  return todo() ?? (curve && index);
}
export function dealShares(p: {
  curve: CurveName;
  voteId: string;
  threshold: number;
  tellers: number;
  index: number;
  ceremonyPublicKeys: Hex[];
}): DkgDeal {
  return todo() ?? p;
}
export function completeDkg(p: {
  curve: CurveName;
  voteId: string;
  threshold: number;
  tellers: number;
  me: TellerCeremonyKey;
  deals: DkgDeal[];
}): { ok: true; share: TellerShare } | { ok: false; faultyTeller: number; reason: string } {
  return todo() ?? p;
}
export function publicKeyFromDeals(curve: CurveName, deals: DkgDeal[]): Hex {
  return todo() ?? (curve && deals);
}
export function verificationKeysFromDeals(curve: CurveName, deals: DkgDeal[], tellers: number): Hex[] {
  return todo() ?? (curve && deals && tellers);
}
export function partialDecrypt(
  ctx: BallotContext,
  share: TellerShare,
  totals: Ciphertext[],
): PartialDecryption {
  return todo() ?? (ctx && share && totals);
}
export function verifyPartialDecryption(
  ctx: BallotContext,
  verificationKey: Hex,
  totals: Ciphertext[],
  pd: unknown,
): { ok: true; pd: PartialDecryption } | { ok: false; field: string; reason: string } {
  return todo() ?? (ctx && verificationKey && totals && pd);
}
export function decryptTotals(
  ctx: BallotContext,
  totals: Ciphertext[],
  partials: PartialDecryption[],
  maxTotal: number,
): number[] {
  return todo() ?? (ctx && totals && partials && maxTotal);
}
export function verifyBulletin(
  b: unknown,
): { ok: true; totals: Record<string, number> } | { ok: false; fault: string } {
  return todo() ?? (b as Bulletin);
}
