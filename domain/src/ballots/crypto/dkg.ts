// Joint Feldman distributed key generation (Pedersen 1991; as in Belenios and ElectionGuard's key
// ceremony): every teller deals a random polynomial f_d of degree t-1, publishes Feldman
// commitments C_{d,k} = a_{d,k}·G, and sends f_d(j) to teller j boxed to j's ceremony key.
// Teller j's share is s_j = Σ_d f_d(j); the vote's key is Σ_d C_{d,0}; nobody ever holds Σ_d a_{d,0}.
// Boxes: ECDH on the same curve with an ephemeral key, HKDF-SHA256, AES-256-GCM (@noble/ciphers),
// the header bound as associated data.
import { gcm } from '@noble/ciphers/aes.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  bytesToHex,
  bytesToNumberBE,
  CryptoInputError,
  group,
  hexToBytes,
  isCurveName,
  numberToBytesBE,
  utf8ToBytes,
  type Group,
  type Point,
} from './group';
import type { CurveName, DkgDeal, Hex, TellerCeremonyKey, TellerShare } from './types';

export function createCeremonyKey(curve: CurveName, index: number): TellerCeremonyKey {
  const g = group(curve);
  if (!Number.isInteger(index) || index < 1) throw new Error('teller index must be an integer ≥ 1');
  const s = g.randomScalar();
  return { index, publicKey: g.pointHex(g.mulG(s)), secretKey: g.scalarHex(s) };
}

function checkParams(p: { curve: CurveName; voteId: string; threshold: number; tellers: number }): Group {
  if (!isCurveName(p.curve)) throw new Error(`unknown curve ${String(p.curve)}`);
  if (typeof p.voteId !== 'string' || !p.voteId) throw new Error('voteId missing');
  if (!Number.isInteger(p.tellers) || p.tellers < 1 || p.tellers > 100)
    throw new Error('tellers must be in 1..100');
  if (!Number.isInteger(p.threshold) || p.threshold < 1 || p.threshold > p.tellers)
    throw new Error('threshold must be in 1..tellers');
  return group(p.curve);
}

const boxInfo = (curve: CurveName, voteId: string, from: number, to: number, eph: Hex, recipient: Hex) =>
  utf8ToBytes(JSON.stringify(['minyi-dkg-share-v1', curve, voteId, from, to, eph, recipient]));

function seal(g: Group, voteId: string, from: number, to: number, recipientHex: Hex, share: bigint): string {
  const recipient = g.parsePoint(recipientHex, `ceremonyPublicKeys[${to - 1}]`);
  const e = g.randomScalar();
  const E = g.pointHex(g.mulG(e));
  const shared = g.mul(recipient, e).toBytes(true);
  const info = boxInfo(g.name, voteId, from, to, E, recipientHex);
  const key = hkdf(sha256, shared, undefined, info, 32);
  const nonce = new Uint8Array(12);
  globalThis.crypto.getRandomValues(nonce);
  const ct = gcm(key, nonce, info).encrypt(numberToBytesBE(share, 32));
  return E + bytesToHex(nonce) + bytesToHex(ct);
}

function open(g: Group, voteId: string, from: number, me: TellerCeremonyKey, box: unknown): bigint | null {
  if (typeof box !== 'string' || !/^0[23][0-9a-f]{64}[0-9a-f]{24}[0-9a-f]{96}$/.test(box)) return null;
  try {
    const E = box.slice(0, 66);
    const nonce = hexToBytes(box.slice(66, 90));
    const ct = hexToBytes(box.slice(90));
    const sk = g.parseScalar(me.secretKey, 'me.secretKey');
    const shared = g.mul(g.parsePoint(E, 'box'), sk).toBytes(true);
    const info = boxInfo(g.name, voteId, from, me.index, E, me.publicKey);
    const key = hkdf(sha256, shared, undefined, info, 32);
    const pt = gcm(key, nonce, info).decrypt(ct);
    const s = bytesToNumberBE(pt);
    return s < g.n ? s : null;
  } catch {
    return null;
  }
}

/** Teller `index` deals its polynomial: commitments for all, one box per teller (itself included). */
export function dealShares(p: {
  curve: CurveName;
  voteId: string;
  threshold: number;
  tellers: number;
  index: number;
  ceremonyPublicKeys: Hex[];
}): DkgDeal {
  const g = checkParams(p);
  if (!Number.isInteger(p.index) || p.index < 1 || p.index > p.tellers)
    throw new Error('index must be in 1..tellers');
  if (!Array.isArray(p.ceremonyPublicKeys) || p.ceremonyPublicKeys.length !== p.tellers)
    throw new Error(`ceremonyPublicKeys must list ${p.tellers} keys`);
  const coefficients = Array.from({ length: p.threshold }, () => g.randomScalar());
  return {
    from: p.index,
    commitments: coefficients.map((a) => g.pointHex(g.mulG(a))),
    encryptedShares: p.ceremonyPublicKeys.map((pk, i) => ({
      to: i + 1,
      box: seal(g, p.voteId, p.index, i + 1, pk, evalPoly(g, coefficients, i + 1)),
    })),
  };
}

function evalPoly(g: Group, coefficients: bigint[], x: number): bigint {
  let y = 0n;
  for (let k = coefficients.length - 1; k >= 0; k--) y = g.mod(y * BigInt(x) + coefficients[k]);
  return y;
}

/** Σ_k C_k·x^k: the public image f(x)·G of a dealer's polynomial. */
function evalCommitments(g: Group, C: Point[], x: number): Point {
  const scalars: bigint[] = [];
  let xk = 1n;
  for (let k = 0; k < C.length; k++) {
    scalars.push(xk);
    xk = g.mod(xk * BigInt(x));
  }
  return g.msm(C, scalars);
}

/** Parses the deals: exactly one per teller 1..tellers, each with `threshold` commitments. */
function parseDeals(
  g: Group,
  deals: unknown,
  tellers: number,
  threshold: number | null,
): { ok: true; C: Point[][] } | { ok: false; faultyTeller: number; reason: string } {
  if (!Array.isArray(deals)) return { ok: false, faultyTeller: 0, reason: 'deals must be an array' };
  const C: Point[][] = [];
  for (let d = 1; d <= tellers; d++) {
    const mine = deals.filter((x: Partial<DkgDeal> | null) => x?.from === d);
    if (mine.length !== 1)
      return {
        ok: false,
        faultyTeller: d,
        reason: mine.length ? `teller ${d} dealt twice` : `no deal from teller ${d}`,
      };
    const commitments = (mine[0] as Partial<DkgDeal>).commitments;
    const t = threshold ?? (Array.isArray(commitments) ? commitments.length : 0);
    if (!Array.isArray(commitments) || commitments.length !== t || t < 1)
      return {
        ok: false,
        faultyTeller: d,
        reason: `teller ${d}'s deal must have ${t || 'threshold'} commitments`,
      };
    try {
      C.push(commitments.map((h, k) => g.parsePoint(h, `deals[from=${d}].commitments[${k}]`)));
    } catch (e) {
      return { ok: false, faultyTeller: d, reason: e instanceof Error ? e.message : String(e) };
    }
  }
  if (deals.length !== tellers) return { ok: false, faultyTeller: 0, reason: `expected ${tellers} deals` };
  if (new Set(C.map((c) => c.length)).size > 1)
    return { ok: false, faultyTeller: 0, reason: 'deals differ in threshold' };
  return { ok: true, C };
}

/**
 * Teller `me` opens the boxes addressed to it, checks each share against its dealer's
 * commitments (f_d(i)·G = Σ_k C_{d,k}·i^k), and sums them into its share of the vote's key.
 * A dealer whose box does not open or whose share does not match is named.
 */
export function completeDkg(p: {
  curve: CurveName;
  voteId: string;
  threshold: number;
  tellers: number;
  me: TellerCeremonyKey;
  deals: DkgDeal[];
}): { ok: true; share: TellerShare } | { ok: false; faultyTeller: number; reason: string } {
  const g = checkParams(p);
  const i = p.me.index;
  if (!Number.isInteger(i) || i < 1 || i > p.tellers) throw new Error('me.index must be in 1..tellers');
  const parsed = parseDeals(g, p.deals, p.tellers, p.threshold);
  if (!parsed.ok) return parsed;
  let secret = 0n;
  for (let d = 1; d <= p.tellers; d++) {
    const deal = p.deals.find((x) => x.from === d)!;
    const boxes = Array.isArray(deal.encryptedShares) ? deal.encryptedShares.filter((b) => b?.to === i) : [];
    if (boxes.length !== 1)
      return { ok: false, faultyTeller: d, reason: `teller ${d} sent no share to teller ${i}` };
    const s = open(g, p.voteId, d, p.me, boxes[0].box);
    if (s === null)
      return { ok: false, faultyTeller: d, reason: `teller ${d}'s share for teller ${i} does not decrypt` };
    if (!g.mulG(s).equals(evalCommitments(g, parsed.C[d - 1], i)))
      return {
        ok: false,
        faultyTeller: d,
        reason: `teller ${d}'s share for teller ${i} does not match teller ${d}'s commitments`,
      };
    secret = g.mod(secret + s);
  }
  const verificationKeys = keysFrom(g, parsed.C, p.tellers);
  return {
    ok: true,
    share: {
      voteId: p.voteId,
      curve: p.curve,
      index: i,
      threshold: p.threshold,
      tellers: p.tellers,
      secret: g.scalarHex(secret),
      publicKey: g.pointHex(parsed.C.reduce((acc, c) => acc.add(c[0]), g.ZERO)),
      verificationKeys,
    },
  };
}

function keysFrom(g: Group, C: Point[][], tellers: number): Hex[] {
  const keys: Hex[] = [];
  for (let j = 1; j <= tellers; j++) {
    keys.push(g.pointHex(C.reduce((acc, c) => acc.add(evalCommitments(g, c, j)), g.ZERO)));
  }
  return keys;
}

/** The vote's public key: the sum of the dealers' constant commitments. */
export function publicKeyFromDeals(curve: CurveName, deals: DkgDeal[]): Hex {
  const g = group(curve);
  const parsed = parseDeals(g, deals, Array.isArray(deals) ? deals.length : 0, null);
  if (!parsed.ok) throw new CryptoInputError('deals', parsed.reason);
  const H = parsed.C.reduce((acc, c) => acc.add(c[0]), g.ZERO);
  if (H.is0()) throw new CryptoInputError('deals', 'the public key is the point at infinity');
  return g.pointHex(H);
}

/** Teller j's public share s_j·G, j = 1..tellers, from the commitments alone. */
export function verificationKeysFromDeals(curve: CurveName, deals: DkgDeal[], tellers: number): Hex[] {
  const g = group(curve);
  const parsed = parseDeals(g, deals, tellers, null);
  if (!parsed.ok) throw new CryptoInputError('deals', parsed.reason);
  return keysFrom(g, parsed.C, tellers);
}
