// National cryptography (商用密码) from node's OpenSSL: SM3 hashes and HMACs, SM4 encryption.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createSecretKey,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';

export const sm3 = (data: string | Buffer): string => createHash('sm3').update(data).digest('hex');

/** Each key imported once (an HMAC given raw bytes imports them on every call). */
const imported = new WeakMap<Buffer, KeyObject>();
function keyObject(key: Buffer): KeyObject {
  let k = imported.get(key);
  if (!k) imported.set(key, (k = createSecretKey(key)));
  return k;
}

export const hmacSm3 = (key: Buffer, data: string | Buffer): string =>
  createHmac('sm3', keyObject(key)).update(data).digest('hex');

/** Random bytes drawn 4 kB at a time from the CSPRNG (one call per 256 IVs); each byte is handed out once. */
let entropy = Buffer.alloc(0);
let drawn = 0;
function randomIv(): Buffer {
  if (drawn + 16 > entropy.length) {
    entropy = randomBytes(4096);
    drawn = 0;
  }
  const iv = Buffer.from(entropy.subarray(drawn, drawn + 16));
  entropy.fill(0, drawn, drawn + 16);
  drawn += 16;
  return iv;
}

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * SM4-CBC with a random IV, then HMAC-SM3 over version|iv|ciphertext (encrypt-then-MAC; node's OpenSSL has
 * no SM4-GCM). Output: `v1.<base64url(iv|ct|mac)>`.
 */
export function sm4Encrypt(key: Buffer, macKey: Buffer, plaintext: string): string {
  const iv = randomIv();
  const cipher = createCipheriv('sm4-cbc', keyObject(key), iv);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const mac = createHmac('sm3', keyObject(macKey)).update('v1').update(iv).update(ct).digest();
  return `v1.${Buffer.concat([iv, ct, mac]).toString('base64url')}`;
}

export function sm4Decrypt(key: Buffer, macKey: Buffer, sealed: string): string {
  if (!sealed.startsWith('v1.')) throw new Error('unknown ciphertext version');
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  const iv = raw.subarray(0, 16);
  const mac = raw.subarray(raw.length - 32);
  const ct = raw.subarray(16, raw.length - 32);
  const expected = createHmac('sm3', keyObject(macKey)).update('v1').update(iv).update(ct).digest();
  if (mac.length !== 32 || !timingSafeEqual(mac, expected)) throw new Error('ciphertext was altered');
  const decipher = createDecipheriv('sm4-cbc', keyObject(key), iv);
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
}
