// The JSON shapes of the encrypted-ballot scheme (see README.md). Points are compressed SEC1 hex,
// scalars are 32-byte big-endian hex. Everything here is plain data: it crosses the network and is
// published in the bulletin.

export type CurveName = 'p256' | 'sm2';
export type Hex = string;

/** Exponential ElGamal: a = rG, b = mG + rH. */
export interface Ciphertext {
  a: Hex;
  b: Hex;
}

/** What every proof binds (Fiat–Shamir), so that a proof made for one vote is invalid in another. */
export interface BallotContext {
  voteId: string;
  curve: CurveName;
  publicKey: Hex;
  candidates: number;
  maxChoices: number;
}

/**
 * A disjunctive Chaum–Pedersen (CDS) proof that a ciphertext encrypts one of the values 0..k-1
 * (k = challenges.length = responses.length): for each j, a Chaum–Pedersen proof that
 * log_G(a) = log_H(b - jG), all but the true one simulated. The challenges must add up to the
 * Fiat–Shamir hash of the context, the statement and the commitments.
 */
export interface DisjunctiveProof {
  /** A_j, B_j for each value j (2k points): carried so that verification can be batched. */
  commitments: Hex[];
  challenges: Hex[];
  responses: Hex[];
}

export interface EncryptedBallot {
  /** One per candidate, in candidate order. */
  ciphertexts: Ciphertext[];
  /** Each ciphertext encrypts 0 or 1. */
  proofs: DisjunctiveProof[];
  /** The sum of the ciphertexts encrypts 0..maxChoices (a blank ballot is allowed). */
  sumProof: DisjunctiveProof;
}

/** A teller's ECDH key for transporting DKG shares (kept by the teller until the DKG completes). */
export interface TellerCeremonyKey {
  index: number;
  publicKey: Hex;
  secretKey: Hex;
}

/** One teller's deal in the joint Feldman DKG. */
export interface DkgDeal {
  from: number;
  /** Feldman commitments a_k·G of the dealer's polynomial, k = 0..threshold-1. */
  commitments: Hex[];
  /** f_from(to), boxed to each recipient's ceremony key (ECDH + HKDF-SHA256 + AES-256-GCM). */
  encryptedShares: { to: number; box: string }[];
}

/** What a teller saves to a file: their share of the vote's secret key. */
export interface TellerShare {
  voteId: string;
  curve: CurveName;
  index: number;
  threshold: number;
  tellers: number;
  secret: Hex;
  publicKey: Hex;
  verificationKeys: Hex[];
}

/** A teller's partial decryption of the totals, factors[j] = s_i·a_j, each with a Chaum–Pedersen proof. */
export interface PartialDecryption {
  teller: number;
  factors: Hex[];
  proofs: { c: Hex; r: Hex }[];
}

/** The public bulletin of a secret vote: enough for anyone to recheck the count. */
export interface Bulletin {
  voteId: string;
  curve: CurveName;
  publicKey: Hex;
  candidates: { id: string; name: string }[];
  maxChoices: number;
  threshold: number;
  tellers: { index: number; name: string; verificationKey: Hex }[];
  /** Commitments only; the boxes may be omitted. */
  deals: DkgDeal[];
  /** Sorted by receipt. */
  ballots: { receipt: Hex; ballot: EncryptedBallot }[];
  tally: {
    combined: Ciphertext[];
    partialDecryptions: PartialDecryption[];
    electronicTotals: Record<string, number>;
    paperTotals?: Record<string, number>;
    totals: Record<string, number>;
  };
}

export type VerifyResult<T> = { ok: true } & T;
export type Fault = { ok: false; field: string; reason: string };
