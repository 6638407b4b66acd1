// The only reader of process.env. Everything else receives a Config.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  /** postgres://… ; when absent, PGlite persisted under dataDir (or in memory when dataDir is null). */
  databaseUrl: string | null;
  dataDir: string | null;
  /** Load the demo district on first start (refused in production). */
  loadDemo: boolean;
  logLevel: string;
  /** `lines`: one readable line per request (development); `json`: pino's JSON lines (production). */
  logFormat: 'lines' | 'json';
  /** Keys: SM4 for personal data, SM3-HMAC for blind indexes and the audit chain. 32 hex chars each. */
  keys: { piiEncryption: Buffer; piiIndex: Buffer; audit: Buffer };
  cookieSecure: boolean;
  /**
   * The addresses (or CIDR ranges) of the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are
   * believed (MINYI_TRUSTED_PROXIES, comma-separated; default none: the socket's address is the client's).
   */
  trustedProxies: string[];
  /** The bearer token /metrics asks for (MINYI_METRICS_TOKEN); null: /metrics answers 404. */
  metricsToken: string | null;
  /** Where citizens reach the site (MINYI_PUBLIC_URL): QR codes and links are built from it, never from headers. */
  publicUrl: string;
  security: {
    /** Failed logins before the account is locked, and for how long. */
    maxFailedLogins: number;
    lockoutMinutes: number;
    sessionIdleMinutes: number;
    /**
     * How long an instance may reuse a session it looked up, ms (0: look it up on every request).
     * Changes made on this instance apply at once; on another instance within this time.
     */
    sessionCacheMs?: number;
  };
  bodyLimitBytes: number;
  smtpUrl: string | null;
  mailFrom: string;
  smsGateway: 'log';
  /** Poll interval of the job worker, ms; 0 disables the worker (tests drive it by hand). */
  jobPollMs: number;
  webDist: string | null;
  rootDir: string;
  /** Benchmark mode (MINYI_BENCH=1): registers the bench-only baseline routes. Never in production. */
  bench: boolean;
  /**
   * The scheduled backup (db/backup.ts): where (MINYI_BACKUP_DIR, default `<data dir>/backups`; null: none),
   * how many to keep (MINYI_BACKUP_KEEP, default 14) and how often (MINYI_BACKUP_EVERY_HOURS, default 24; 0: never).
   */
  backup: { dir: string | null; keep: number; everyHours: number };
  /** PGlite under dataDir syncs each commit to disk (MINYI_PGLITE_FSYNC=0 turns it off; ADR 0017). */
  pgliteFsync: boolean;
  /**
   * The audit chain's signed checkpoints outside the database (platform/audit-checkpoints.ts): the Ed25519
   * seed (MINYI_CHECKPOINT_KEY, required in production), else a key file beside the data; the log
   * (MINYI_CHECKPOINT_LOG, default `<data dir>/audit-checkpoints.jsonl`).
   */
  checkpoint: { keyHex: string | null; keyFile: string | null; log: string | null };
}

const rootDir = path.resolve(import.meta.dirname, '../..');

function loadOrCreateKeys(dataDir: string | null, env: NodeJS.ProcessEnv): Config['keys'] {
  const fromEnv = env.MINYI_PII_KEY && env.MINYI_INDEX_KEY && env.MINYI_AUDIT_KEY;
  if (fromEnv) {
    return {
      piiEncryption: Buffer.from(env.MINYI_PII_KEY!, 'hex'),
      piiIndex: Buffer.from(env.MINYI_INDEX_KEY!, 'hex'),
      audit: Buffer.from(env.MINYI_AUDIT_KEY!, 'hex'),
    };
  }
  if (env.NODE_ENV === 'production') {
    throw new Error('MINYI_PII_KEY, MINYI_INDEX_KEY and MINYI_AUDIT_KEY must be set in production');
  }
  const generate = () => ({
    piiEncryption: randomBytes(16).toString('hex'),
    piiIndex: randomBytes(16).toString('hex'),
    audit: randomBytes(16).toString('hex'),
  });
  let hex = generate();
  if (dataDir) {
    // The demo keeps its generated key under ./data so restarts can read what they wrote.
    const file = path.join(dataDir, 'keys.json');
    if (existsSync(file)) hex = JSON.parse(readFileSync(file, 'utf8'));
    else {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, JSON.stringify(hex, null, 2), { mode: 0o600 });
    }
  }
  return {
    piiEncryption: Buffer.from(hex.piiEncryption, 'hex'),
    piiIndex: Buffer.from(hex.piiIndex, 'hex'),
    audit: Buffer.from(hex.audit, 'hex'),
  };
}

/** The public base URL, without a trailing slash; refuses anything but an absolute http(s) URL. */
export function publicUrlOf(given: string | undefined): string {
  const raw = given?.trim() || 'http://localhost:8080';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`MINYI_PUBLIC_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`MINYI_PUBLIC_URL must be http or https: ${raw}`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function checkpointConfig(dataDir: string, env: NodeJS.ProcessEnv): Config['checkpoint'] {
  const keyHex = env.MINYI_CHECKPOINT_KEY?.trim() || null;
  if (!keyHex && env.NODE_ENV === 'production') {
    throw new Error("MINYI_CHECKPOINT_KEY must be set in production (the audit checkpoints' signing key)");
  }
  return {
    keyHex,
    keyFile: keyHex ? null : path.join(dataDir, 'checkpoint-key'),
    log: path.resolve(rootDir, env.MINYI_CHECKPOINT_LOG ?? path.join(dataDir, 'audit-checkpoints.jsonl')),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv =
    env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const databaseUrl = env.DATABASE_URL || null;
  const dataDir = path.resolve(rootDir, env.MINYI_DATA_DIR ?? 'data');
  const webDist = path.join(rootDir, 'web/dist');
  const publicUrl = publicUrlOf(env.MINYI_PUBLIC_URL);
  return {
    env: nodeEnv,
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    dataDir,
    loadDemo: env.MINYI_DEMO !== '0',
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    logFormat:
      env.MINYI_LOG_FORMAT === 'json' || env.MINYI_LOG_FORMAT === 'lines'
        ? env.MINYI_LOG_FORMAT
        : nodeEnv === 'production'
          ? 'json'
          : 'lines',
    keys: loadOrCreateKeys(dataDir, env),
    // Secure cookies whenever the public address is https (COOKIE_SECURE=0 turns them off, =1 forces them).
    cookieSecure: env.COOKIE_SECURE === '1' || (env.COOKIE_SECURE !== '0' && publicUrl.startsWith('https:')),
    trustedProxies: (env.MINYI_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    publicUrl,
    metricsToken: env.MINYI_METRICS_TOKEN?.trim() || null,
    security: {
      maxFailedLogins: Number(env.MINYI_MAX_FAILED_LOGINS ?? 5),
      lockoutMinutes: Number(env.MINYI_LOCKOUT_MINUTES ?? 15),
      sessionIdleMinutes: Number(env.MINYI_SESSION_IDLE_MINUTES ?? 30),
      sessionCacheMs: Number(env.MINYI_SESSION_CACHE_MS ?? 5000),
    },
    bodyLimitBytes: 1_048_576,
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM ?? 'Minyi <noreply@localhost>',
    smsGateway: 'log',
    jobPollMs: Number(env.MINYI_JOB_POLL_MS ?? 1000),
    webDist: existsSync(webDist) ? webDist : null,
    rootDir,
    bench: env.MINYI_BENCH === '1' && nodeEnv !== 'production',
    backup: {
      dir: path.resolve(rootDir, env.MINYI_BACKUP_DIR ?? path.join(dataDir, 'backups')),
      keep: Math.max(1, Number(env.MINYI_BACKUP_KEEP ?? 14) || 14),
      everyHours: Math.max(0, Number(env.MINYI_BACKUP_EVERY_HOURS ?? 24) || 0),
    },
    pgliteFsync: env.MINYI_PGLITE_FSYNC !== '0',
    checkpoint: checkpointConfig(dataDir, env),
  };
}

/** A config for tests: in-memory PGlite, fixed keys, no worker loop, no demo. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    databaseUrl: null,
    dataDir: null,
    loadDemo: false,
    logLevel: 'silent',
    logFormat: 'json',
    keys: {
      piiEncryption: Buffer.alloc(16, 1),
      piiIndex: Buffer.alloc(16, 2),
      audit: Buffer.alloc(16, 3),
    },
    cookieSecure: false,
    // The harness stands in for a reverse proxy on loopback, so a test client may give its own address
    // (X-Forwarded-For); the tests of proxy trust override this with the production default, none.
    trustedProxies: ['127.0.0.1'],
    publicUrl: 'http://localhost:8080',
    metricsToken: 'test-metrics-token',
    security: { maxFailedLogins: 5, lockoutMinutes: 15, sessionIdleMinutes: 30 },
    bodyLimitBytes: 1_048_576,
    smtpUrl: null,
    mailFrom: 'Minyi <noreply@localhost>',
    smsGateway: 'log',
    jobPollMs: 0,
    webDist: null,
    rootDir,
    bench: false,
    backup: { dir: null, keep: 14, everyHours: 0 },
    pgliteFsync: true,
    checkpoint: { keyHex: null, keyFile: null, log: null },
    ...overrides,
  };
}

/** The V8 flags the server is measured with (server/bin/v8-flags.json, given by the launcher server/bin/minyi.mjs). */
export const SERVER_V8_FLAGS: readonly string[] = JSON.parse(
  readFileSync(new URL('../bin/v8-flags.json', import.meta.url), 'utf8'),
) as string[];

/** Those of the server's V8 flags this process was started without (on the command line or in NODE_OPTIONS). */
export function missingV8Flags(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string = process.env.NODE_OPTIONS ?? '',
): string[] {
  const given = new Set([...execArgv, ...nodeOptions.split(/\s+/)]);
  return SERVER_V8_FLAGS.filter((f) => !given.has(f));
}
