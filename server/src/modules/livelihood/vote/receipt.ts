// Receipt codes: the voter gets a random code; the ballot row keeps only a keyed hash of it, so the code
// proves to its holder that their ballot is in the count and tells nobody else anything. The check answers
// "counted", never the choices, so a receipt cannot be used to prove to a third party how one voted.
import { randomBytes } from 'node:crypto';
import { hmacSm3 } from '../../../platform/crypto';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I/L

/** 16 characters from a 31-letter alphabet (about 79 bits), shown as XXXX-XXXX-XXXX-XXXX. */
export function newReceiptCode(): string {
  const bytes = randomBytes(32);
  let out = '';
  for (const b of bytes) {
    if (b >= 248) continue; // 248 = 8 × 31: drop the remainder so every letter is equally likely
    out += ALPHABET[b % 31];
    if (out.length === 16) break;
  }
  if (out.length < 16) return newReceiptCode();
  return out.match(/.{4}/g)!.join('-');
}

export const normalizeReceipt = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export const receiptHash = (key: Buffer, voteId: string, code: string): string =>
  hmacSm3(key, `projectVote.receipt:${voteId}:${normalizeReceipt(code)}`);
