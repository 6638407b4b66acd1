// Encrypted ballots: exponential ElGamal on P-256 or SM2 with zero-knowledge proofs, a joint Feldman
// DKG among the tellers, threshold decryption of the totals only, and the public bulletin's verifier.
// Pure computation: runs in Node, in the browser and in the CLI. See README.md.
export * from './types';
export * from './api';
