// The two groups the scheme runs in: NIST P-256 (default) and SM2 (GB/T 32918.5-2017 recommended
// curve, a setting where national-cryptography rules apply). Both are prime-order (cofactor 1), so
// every valid point on the curve is in the group. Encodings: points as compressed SEC1 hex ("00" for
// the identity where a sum may be it), scalars as 32-byte big-endian hex, all lowercase.
import { pippenger } from '@noble/curves/abstract/curve.js';
import {
  weierstrass,
  type WeierstrassPoint,
  type WeierstrassPointCons,
} from '@noble/curves/abstract/weierstrass.js';
import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { bytesToNumberBE, numberToBytesBE } from '@noble/curves/utils.js';
import type { CurveName, Hex } from './types';

export type Point = WeierstrassPoint<bigint>;

/** The SM2 curve of GB/T 32918.5-2017 (the "recommended curve"); noble has no preset. */
export const SM2_PARAMS: { p: bigint; n: bigint; h: bigint; a: bigint; b: bigint; Gx: bigint; Gy: bigint } = {
  p: 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn,
  n: 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n,
  h: 1n,
  a: 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn,
  b: 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n,
  Gx: 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  Gy: 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
};

export class CryptoInputError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

export interface Group {
  name: CurveName;
  Point: WeierstrassPointCons<bigint>;
  n: bigint;
  G: Point;
  ZERO: Point;
  mod(x: bigint): bigint;
  /** Uniform in 1..n-1 from crypto.getRandomValues. */
  randomScalar(): bigint;
  /** k·G with the precomputed table (constant time). */
  mulG(k: bigint): Point;
  /** k·P for an arbitrary point (k may be 0). */
  mul(P: Point, k: bigint): Point;
  /** The vote's public key with a precomputed table (cached by hex). */
  fixedBase(hex: Hex): Point;
  pointHex(P: Point): Hex;
  scalarHex(k: bigint): Hex;
  /** Parses a compressed point; throws CryptoInputError naming field. */
  parsePoint(hex: unknown, field: string, allowIdentity?: boolean): Point;
  parseScalar(hex: unknown, field: string): bigint;
  /** Fiat–Shamir: SHA-256 of the canonical JSON of parts, reduced mod n. */
  challenge(parts: (string | number)[]): bigint;
  /** Σ scalars[i]·points[i] (public data only). */
  msm(points: Point[], scalars: bigint[]): Point;
}

const POINT_RE = /^0[23][0-9a-f]{64}$/;
const SCALAR_RE = /^[0-9a-f]{64}$/;

function makeGroup(name: CurveName, Point: WeierstrassPointCons<bigint>): Group {
  const n = Point.Fn.ORDER;
  const G = Point.BASE;
  G.precompute(8, false);
  const mod = (x: bigint) => {
    const r = x % n;
    return r < 0n ? r + n : r;
  };
  const fixed = new Map<string, Point>();
  const group: Group = {
    name,
    Point,
    n,
    G,
    ZERO: Point.ZERO,
    mod,
    randomScalar() {
      // 48 bytes reduced mod n-1, plus 1: the bias is below 2^-128.
      const bytes = new Uint8Array(48);
      globalThis.crypto.getRandomValues(bytes);
      return (bytesToNumberBE(bytes) % (n - 1n)) + 1n;
    },
    mulG(k) {
      k = mod(k);
      return k === 0n ? Point.ZERO : G.multiply(k);
    },
    mul(P, k) {
      k = mod(k);
      if (k === 0n || P.is0()) return Point.ZERO;
      return P.multiply(k);
    },
    fixedBase(hex) {
      let P = fixed.get(hex);
      if (!P) {
        P = group.parsePoint(hex, 'publicKey');
        P.precompute(8, false);
        if (fixed.size >= 16) fixed.delete(fixed.keys().next().value as string);
        fixed.set(hex, P);
      }
      return P;
    },
    pointHex(P) {
      return P.is0() ? '00' : P.toHex(true);
    },
    scalarHex(k) {
      return bytesToHex(numberToBytesBE(mod(k), 32));
    },
    parsePoint(hex, field, allowIdentity = false) {
      if (typeof hex !== 'string') throw new CryptoInputError(field, 'must be a compressed point in hex');
      if (hex === '00') {
        if (allowIdentity) return Point.ZERO;
        throw new CryptoInputError(field, 'must not be the point at infinity');
      }
      if (!POINT_RE.test(hex))
        throw new CryptoInputError(field, 'must be a compressed point: 66 lowercase hex digits');
      try {
        const P = Point.fromBytes(hexToBytes(hex));
        P.assertValidity();
        return P;
      } catch {
        throw new CryptoInputError(field, `is not a point on ${name}`);
      }
    },
    parseScalar(hex, field) {
      if (typeof hex !== 'string' || !SCALAR_RE.test(hex))
        throw new CryptoInputError(field, 'must be a scalar: 64 lowercase hex digits');
      const k = BigInt('0x' + hex);
      if (k >= n) throw new CryptoInputError(field, 'must be below the group order');
      return k;
    },
    challenge(parts) {
      return mod(bytesToNumberBE(sha256(utf8ToBytes(JSON.stringify(['minyi-ballot-v1', name, ...parts])))));
    },
    msm(points, scalars) {
      const P: Point[] = [];
      const k: bigint[] = [];
      points.forEach((x, i) => {
        const s = mod(scalars[i]);
        if (!x.is0() && s !== 0n) {
          P.push(x);
          k.push(s);
        }
      });
      if (P.length === 0) return Point.ZERO;
      return pippenger(Point, P, k);
    },
  };
  return group;
}

const groups = new Map<CurveName, Group>();

export function isCurveName(c: unknown): c is CurveName {
  return c === 'p256' || c === 'sm2';
}

export function group(name: CurveName): Group {
  let g = groups.get(name);
  if (!g) {
    if (name === 'p256') g = makeGroup('p256', p256.Point);
    else if (name === 'sm2') g = makeGroup('sm2', weierstrass(SM2_PARAMS));
    else throw new CryptoInputError('curve', "must be 'p256' or 'sm2'");
    groups.set(name, g);
  }
  return g;
}

export const sha256Hex = (bytes: Uint8Array): Hex => bytesToHex(sha256(bytes));
export { bytesToHex, hexToBytes, utf8ToBytes, numberToBytesBE, bytesToNumberBE };
