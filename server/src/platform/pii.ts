// Personal data at rest: SM4-encrypted, with a keyed SM3 blind index for exact lookups, and masking
// for every role that need not see it in clear (PIPL Art. 51; LEGAL-RULES.md §8).
import { maskAddress, maskIdNumber, maskPhone, PII_CLEAR_ROLES, type Role } from '@minyi/domain';
import type { Config } from '../config';
import { hmacSm3, sm4Decrypt, sm4Encrypt } from './crypto';

export type PiiKind = 'phone' | 'idNumber' | 'address';

export interface Pii {
  encrypt(value: string): string;
  decrypt(sealed: string): string;
  /** Deterministic keyed hash of a normalised value, for `WHERE phone_index = $1`. */
  index(kind: PiiKind, value: string): string;
  /** Clear text for roles that need it, masked for everyone else. */
  reveal(kind: PiiKind, sealed: string | null, roles: readonly Role[]): string | null;
  /** Masked for everyone (a deputy's particulars: the clear value is revealed one at a time, audited). */
  masked(kind: PiiKind, sealed: string | null): string | null;
}

const normalise = (value: string) => value.replace(/\s+/g, '').toUpperCase();
const mask = { phone: maskPhone, idNumber: maskIdNumber, address: maskAddress } as const;

export function createPii(keys: Config['keys']): Pii {
  const macKey = Buffer.from(hmacSm3(keys.piiEncryption, 'minyi-pii-mac').slice(0, 32), 'hex');
  const pii: Pii = {
    encrypt: (value) => sm4Encrypt(keys.piiEncryption, macKey, value),
    decrypt: (sealed) => sm4Decrypt(keys.piiEncryption, macKey, sealed),
    index: (kind, value) => hmacSm3(keys.piiIndex, `${kind}:${normalise(value)}`),
    reveal(kind, sealed, roles) {
      if (sealed === null) return null;
      const clear = pii.decrypt(sealed);
      return roles.some((r) => PII_CLEAR_ROLES.includes(r)) ? clear : mask[kind](clear);
    },
    masked: (kind, sealed) => (sealed === null ? null : mask[kind](pii.decrypt(sealed))),
  };
  return pii;
}
