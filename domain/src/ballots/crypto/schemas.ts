// zod schemas of the JSON shapes, for request bodies and the OpenAPI document. They check the
// form only (hex of the right length); the lengths per vote, the points on the curve and the
// proofs are checked by verifyBallot / verifyPartialDecryption / verifyBulletin.
import { z } from 'zod';

export const pointHexSchema = z
  .string()
  .regex(/^0[23][0-9a-f]{64}$/)
  .describe('a point, compressed SEC1, lowercase hex');
/** A sum of ciphertexts may be the identity, written "00". */
export const sumPointHexSchema = z
  .string()
  .regex(/^(00|0[23][0-9a-f]{64})$/)
  .describe('a point, compressed SEC1 lowercase hex, or "00" for the identity');
export const scalarHexSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .describe('a scalar, 32 bytes big-endian, lowercase hex');

export const ciphertextSchema = z.object({ a: pointHexSchema, b: pointHexSchema });
export const totalCiphertextSchema = z.object({ a: sumPointHexSchema, b: sumPointHexSchema });
export const disjunctiveProofSchema = z.object({
  commitments: z.array(pointHexSchema).max(2002),
  challenges: z.array(scalarHexSchema).max(1001),
  responses: z.array(scalarHexSchema).max(1001),
});
export const encryptedBallotSchema = z.object({
  ciphertexts: z.array(ciphertextSchema).min(1).max(1000),
  proofs: z.array(disjunctiveProofSchema).min(1).max(1000),
  sumProof: disjunctiveProofSchema,
});
export const partialDecryptionSchema = z.object({
  teller: z.int().min(1).max(100),
  factors: z.array(sumPointHexSchema).min(1).max(1000),
  proofs: z
    .array(z.object({ c: scalarHexSchema, r: scalarHexSchema }))
    .min(1)
    .max(1000),
});
export const dkgDealSchema = z.object({
  from: z.int().min(1).max(100),
  commitments: z.array(pointHexSchema).min(1).max(100),
  encryptedShares: z
    .array(
      z.object({ to: z.int().min(1).max(100), box: z.string().regex(/^0[23][0-9a-f]{64}[0-9a-f]{120}$/) }),
    )
    .max(100),
});
export const curveNameSchema = z.enum(['p256', 'sm2']);
export const tellerShareSchema = z.object({
  voteId: z.string().min(1),
  curve: curveNameSchema,
  index: z.int().min(1).max(100),
  threshold: z.int().min(1).max(100),
  tellers: z.int().min(1).max(100),
  secret: scalarHexSchema,
  publicKey: pointHexSchema,
  verificationKeys: z.array(pointHexSchema).min(1).max(100),
});
