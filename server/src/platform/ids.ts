// Keys are UUIDv7 (RFC 9562 §5.7): time-ordered, so inserts stay at the right edge of every index, and
// cursor paging on the id is paging by creation time.
//
// Layout: 48 bits of Unix milliseconds, the version (7), a 26-bit counter (rand_a and the top of rand_b,
// RFC 9562 §6.2 method 1: random at each new millisecond, +1 for each further id in the same one, so one
// process's ids are strictly increasing), the variant (10) and 48 random bits. The random bits come from a
// pool refilled by one `randomFillSync` call per 512 ids: the per-call cost of the system's generator was
// the larger part of making an id (every write makes several).
import { randomFillSync } from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let poolAt = POOL_BYTES;

function random(bytes: number): number {
  if (poolAt + bytes > POOL_BYTES) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += bytes;
  return poolAt - bytes;
}

const COUNTER_MAX = 2 ** 26 - 1;
let lastMs = 0;
let counter = 0;

export function newId(): string {
  let ms = Date.now();
  if (ms > lastMs) {
    // A fresh random start, in the lower half so that the millisecond has room to count up.
    const at = random(4);
    counter = pool.readUInt32BE(at) & (2 ** 25 - 1);
    lastMs = ms;
  } else {
    // The same millisecond (or the clock went back): count on; on overflow borrow the next millisecond.
    ms = lastMs;
    if (counter >= COUNTER_MAX) {
      ms = ++lastMs;
      counter = 0;
    } else counter += 1;
  }
  const at = random(6);
  const high = Math.floor(ms / 2 ** 16); // the top 32 of the 48 bits
  return (
    HEX[(high >>> 24) & 255] +
    HEX[(high >>> 16) & 255] +
    HEX[(high >>> 8) & 255] +
    HEX[high & 255] +
    '-' +
    HEX[(ms >>> 8) & 255] +
    HEX[ms & 255] +
    '-' +
    HEX[0x70 | (counter >>> 22)] +
    HEX[(counter >>> 14) & 255] +
    '-' +
    HEX[0x80 | ((counter >>> 8) & 0x3f)] +
    HEX[counter & 255] +
    '-' +
    HEX[pool[at]] +
    HEX[pool[at + 1]] +
    HEX[pool[at + 2]] +
    HEX[pool[at + 3]] +
    HEX[pool[at + 4]] +
    HEX[pool[at + 5]]
  );
}

/** The creation time an id carries (its first 48 bits). */
export const idTime = (id: string): Date => new Date(parseInt(id.slice(0, 8) + id.slice(9, 13), 16));
