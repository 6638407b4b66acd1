// The audit chain anchored outside the database (issue 22 item 12). The chain (audit.ts) finds a row edited,
// deleted or inserted in the middle, but a database superuser could delete the newest rows with their links and
// move the head back, or delete a congress's whole trail, and the chain would still verify. So after sealing,
// each congress's new head is written to an append-only checkpoint log outside the database, each line signed
// with Ed25519 under a key the database never sees (MINYI_CHECKPOINT_KEY, or a key file beside the data) and
// chained to the line before it. The verifier checks the log (signatures, chain) and then the database against
// each congress's latest checkpoint: the link at the checkpoint's sequence must still be there with the same
// hash, and the head may not be behind it. The auditor exports the log to keep a copy elsewhere, and a copy can
// be compared with the log and the database (`npm run audit:verify -- --checkpoints=<copy>`).
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditChain, auditChainHeads } from './platform.table';

export interface CheckpointConfig {
  /** The Ed25519 private key's 32-byte seed, hex (MINYI_CHECKPOINT_KEY); null: read or made in `keyFile`. */
  keyHex: string | null;
  /** Where the seed is kept when not given (created on first use, mode 0600); null with no key: no checkpoints. */
  keyFile: string | null;
  /** The append-only log (MINYI_CHECKPOINT_LOG, default `<data dir>/audit-checkpoints.jsonl`); null: none. */
  log: string | null;
}

export interface Checkpoint {
  /** The line's number in the log, from 1. */
  n: number;
  at: string;
  congressId: string;
  chainSeq: number;
  chainHash: string;
  /** SHA-256 of the previous line as written (64 zeros for the first). */
  prev: string;
  /** Ed25519 signature over the line's other fields, base64. */
  sig: string;
}

export type CheckpointProblem = {
  n?: number;
  congressId?: string;
  chainSeq?: number;
  problem: 'checkpoint_forged' | 'checkpoint_missing' | 'trail_truncated' | 'trail_deleted' | 'copy_differs';
};

const ZERO = '0'.repeat(64);
// PKCS#8 and SPKI wrappers of a raw Ed25519 key (RFC 8410).
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

const signedText = (c: Omit<Checkpoint, 'sig'>) =>
  `minyi-checkpoint/1|${c.n}|${c.at}|${c.congressId}|${c.chainSeq}|${c.chainHash}|${c.prev}`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The private key from the configuration, or from its key file (made there on first use). */
function privateKeyOf(config: CheckpointConfig): KeyObject | null {
  let hex = config.keyHex;
  if (!hex && config.keyFile) {
    if (existsSync(config.keyFile)) hex = readFileSync(config.keyFile, 'utf8').trim();
    else {
      hex = randomBytes(32).toString('hex');
      mkdirSync(path.dirname(config.keyFile), { recursive: true });
      writeFileSync(config.keyFile, hex + '\n', { mode: 0o600, flag: 'wx' });
    }
  }
  if (!hex) return null;
  const seed = Buffer.from(hex, 'hex');
  if (seed.length !== 32) throw new Error('MINYI_CHECKPOINT_KEY must be 64 hex characters (an Ed25519 seed)');
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/** The public key (raw 32 bytes, hex) that verifies the log; published with an export. */
export function publicKeyHex(key: KeyObject): string {
  return createPublicKey(key)
    .export({ format: 'der', type: 'spki' })
    .subarray(SPKI_PREFIX.length)
    .toString('hex');
}

const publicKeyOf = (hex: string) =>
  createPublicKey({
    key: Buffer.concat([SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });

/** Reads a log's lines (a missing file is an empty log). */
export function readCheckpoints(file: string): Checkpoint[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Checkpoint);
}

const opened = new WeakMap<CheckpointConfig, CheckpointLog | null>();

/** The installation's log, opened once per configuration (it remembers each congress's last checkpoint). */
export function checkpointLogOf(config: CheckpointConfig): CheckpointLog | null {
  if (!opened.has(config)) opened.set(config, openCheckpointLog(config));
  return opened.get(config)!;
}

export interface CheckpointLog {
  readonly file: string;
  readonly publicKey: string;
  /** Appends a signed line for each congress whose head moved since its last checkpoint; returns how many. */
  record(db: Db): Promise<number>;
}

/** The log, or null when the installation has none configured (tests, a data directory-less run). */
export function openCheckpointLog(config: CheckpointConfig): CheckpointLog | null {
  if (!config.log) return null;
  const key = privateKeyOf(config);
  if (!key) return null;
  const file = config.log;
  const publicKey = publicKeyHex(key);
  let lines: Checkpoint[] | null = null;
  let lastLine = '';
  const latest = new Map<string, number>();
  const load = () => {
    if (lines) return;
    lines = readCheckpoints(file);
    const raw = existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => l.trim())
      : [];
    lastLine = raw.at(-1) ?? '';
    for (const c of lines) latest.set(c.congressId, c.chainSeq);
  };
  return {
    file,
    publicKey,
    async record(db) {
      load();
      const heads = await db.select().from(auditChainHeads);
      // Only a head that moved forward: one behind its checkpoint is a cut trail, which the verifier reports;
      // writing it down would make the log agree with the cut.
      const moved = heads.filter((h) => h.chainSeq > (latest.get(h.congressId) ?? 0));
      if (moved.length === 0) return 0;
      mkdirSync(path.dirname(file), { recursive: true });
      const fd = openSync(file, 'a', 0o600);
      try {
        for (const h of moved) {
          const body = {
            n: lines!.length + 1,
            at: new Date().toISOString(),
            congressId: h.congressId,
            chainSeq: h.chainSeq,
            chainHash: h.chainHash,
            prev: lastLine ? sha256(lastLine) : ZERO,
          };
          const line = JSON.stringify({
            ...body,
            sig: sign(null, Buffer.from(signedText(body)), key).toString('base64'),
          });
          writeSync(fd, line + '\n');
          lines!.push(JSON.parse(line) as Checkpoint);
          lastLine = line;
          latest.set(h.congressId, h.chainSeq);
        }
        // Durable before the next seal builds on it: a crash cannot leave the log behind the database.
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      return moved.length;
    },
  };
}

/**
 * Checks a log's lines: each signed by the key, numbered in order and chained to the one before. Returns the
 * latest checkpoint of each congress among the lines that hold, and the problems.
 */
export function verifyCheckpointLines(
  raw: readonly string[],
  publicKey: string,
): { latest: Map<string, Checkpoint>; problems: CheckpointProblem[] } {
  const key = publicKeyOf(publicKey);
  const latest = new Map<string, Checkpoint>();
  const problems: CheckpointProblem[] = [];
  let prev = ZERO;
  raw.forEach((line, i) => {
    let c: Checkpoint;
    try {
      c = JSON.parse(line) as Checkpoint;
    } catch {
      problems.push({ n: i + 1, problem: 'checkpoint_forged' });
      prev = sha256(line);
      return;
    }
    const { sig, ...body } = c;
    const signed =
      typeof sig === 'string' && verify(null, Buffer.from(signedText(body)), key, Buffer.from(sig, 'base64'));
    if (!signed) problems.push({ n: i + 1, congressId: c.congressId, problem: 'checkpoint_forged' });
    else if (c.n !== i + 1 || c.prev !== prev)
      problems.push({ n: i + 1, congressId: c.congressId, problem: 'checkpoint_missing' });
    if (signed) latest.set(c.congressId, c);
    prev = sha256(line);
  });
  return { latest, problems };
}

/** Checks the database against each congress's latest checkpoint: truncated or deleted trails. */
export async function checkTrailAgainst(
  db: Db,
  latest: ReadonlyMap<string, Checkpoint>,
  only?: readonly string[],
): Promise<CheckpointProblem[]> {
  const problems: CheckpointProblem[] = [];
  for (const c of latest.values()) {
    if (only && !only.includes(c.congressId)) continue;
    const [head] = await db
      .select()
      .from(auditChainHeads)
      .where(eq(auditChainHeads.congressId, c.congressId));
    const [link] = await db
      .select({ chainHash: auditChain.chainHash })
      .from(auditChain)
      .where(and(eq(auditChain.congressId, c.congressId), eq(auditChain.chainSeq, c.chainSeq)));
    if (!head && !link)
      problems.push({ congressId: c.congressId, chainSeq: c.chainSeq, problem: 'trail_deleted' });
    else if (!link || link.chainHash !== c.chainHash || !head || head.chainSeq < c.chainSeq)
      problems.push({ congressId: c.congressId, chainSeq: c.chainSeq, problem: 'trail_truncated' });
  }
  return problems;
}

/**
 * A copy kept elsewhere (the whole log as JSON lines, or an auditor's export `{ publicKey, lines }`): each of its
 * lines must be signed and still be in the log as written (the log may have grown since), and the database may
 * not be behind the copy's latest checkpoints either.
 */
async function compareCopy(
  db: Db,
  raw: readonly string[],
  publicKey: string,
  file: string,
  only?: readonly string[],
): Promise<CheckpointProblem[]> {
  const text = readFileSync(file, 'utf8');
  let copy: Checkpoint[];
  try {
    const parsed = JSON.parse(text) as { lines?: Checkpoint[] };
    copy = Array.isArray(parsed.lines) ? parsed.lines : [];
  } catch {
    copy = text
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Checkpoint);
  }
  const key = publicKeyOf(publicKey);
  const problems: CheckpointProblem[] = [];
  const latest = new Map<string, Checkpoint>();
  for (const c of copy) {
    const { sig, ...body } = c;
    if (!verify(null, Buffer.from(signedText(body)), key, Buffer.from(String(sig), 'base64'))) {
      problems.push({ n: c.n, congressId: c.congressId, problem: 'checkpoint_forged' });
      continue;
    }
    if (raw[c.n - 1] !== JSON.stringify(c))
      problems.push({ n: c.n, congressId: c.congressId, problem: 'copy_differs' });
    const seen = latest.get(c.congressId);
    if (!seen || seen.chainSeq < c.chainSeq) latest.set(c.congressId, c);
  }
  problems.push(...(await checkTrailAgainst(db, latest, only)));
  return problems;
}

/** Verifies the log file and the database against it (and, given, an exported copy against the log). */
export async function verifyAgainstCheckpoints(
  db: Db,
  config: CheckpointConfig,
  opts: { only?: readonly string[]; copy?: string } = {},
): Promise<{ checkpoints: number; publicKey: string | null; problems: CheckpointProblem[] }> {
  const log = config.log;
  const key = privateKeyOf({
    ...config,
    keyFile: config.keyFile && existsSync(config.keyFile) ? config.keyFile : null,
  });
  if (!log || !key) return { checkpoints: 0, publicKey: null, problems: [] };
  const publicKey = publicKeyHex(key);
  const raw = existsSync(log)
    ? readFileSync(log, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
    : [];
  const { latest, problems } = verifyCheckpointLines(raw, publicKey);
  problems.push(...(await checkTrailAgainst(db, latest, opts.only)));
  if (opts.copy) problems.push(...(await compareCopy(db, raw, publicKey, opts.copy, opts.only)));
  return { checkpoints: raw.length, publicKey, problems };
}
