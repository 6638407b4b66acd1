// The probe that broke the old secrecy (issue 21), as a test: on PostgreSQL, after a vote of 50 deputies, a
// superuser reads everything the platform keeps — every record of the write-ahead log written during the vote
// (pg_walinspect for the records, the raw segments for their bytes, as a backup or a replica has them), every
// row of every table, the request log lines written during the vote, the audit rows — and everything the
// server's keys open (the personal-data key decrypts every sealed value it can). It joins each deputy to their
// encrypted ballot (the voter's mark and the ballot are written by one transaction: that join is not the
// secret), then tries to read the choice with every key and every 256-bit number it found. None opens a
// ballot; the best it can do is guess, and its guesses are right for half the deputies: chance. PostgreSQL
// only (PGlite has no WAL to read); skipped otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { p256 } from '@noble/curves/nist.js';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import {
  buildDistrict,
  castAs,
  ceremonyOf,
  deputyClient,
  openVoteWith,
  type District,
} from '../../../test/livelihood.fixture';

const onPostgres = !!process.env.TEST_DATABASE_URL;
const DEPUTIES = 50;

/** The raw WAL without its page headers (24 bytes every 8 KiB, 40 at a segment's start), so that no
 * record's bytes are split; and where a position of the log falls in it. */
function stripPageHeaders(raw: Buffer, start: bigint) {
  const PAGE = 8192n;
  const header = (p: bigint) => (p % 16777216n === 0n ? 40 : 24);
  const chunks: Buffer[] = [];
  let pos = start;
  let i = 0;
  while (i < raw.length) {
    const take = Math.min(raw.length - i, Number((pos / PAGE + 1n) * PAGE - pos));
    chunks.push(raw.subarray(i, i + take));
    i += take;
    pos += BigInt(take);
    if (i < raw.length) {
      i += header(pos);
      pos += BigInt(header(pos));
    }
  }
  const offset = (lsn: bigint) => {
    let skipped = 0;
    for (let p = (start / PAGE + 1n) * PAGE; p < lsn; p += PAGE) skipped += header(p);
    return Number(lsn - start) - skipped;
  };
  return { bytes: Buffer.concat(chunks), offset };
}

/** The 16 bytes of a uuid, as a heap tuple stores it. */
const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');

describe.runIf(onPostgres)('the probe of a vote: WAL, tables, logs and audit (PostgreSQL)', () => {
  let t: TestEnv;
  let staff: TestClient;
  let d: District;
  let voteId: string;
  let publicKey: string;
  let wal: Buffer;
  let walOffset: (lsn: bigint) => number;
  let records: { lsn: bigint; end: bigint; xid: string; rmgr: string; type: string; blockRef: string }[];
  let tables: Record<string, string[]>;
  let opened: string[];
  const logLines: string[] = [];
  let voteLogLines: string[] = [];
  const receipts: string[] = [];
  // What each deputy chose: candidate 0 or 1 (and one other); the probe's target.
  const choiceOf = (i: number) => i % 2;
  const q = async <T>(query: ReturnType<typeof sql>) =>
    ((await t.services.db.execute(query)) as unknown as { rows: T[] }).rows;
  const lsnOf = (text: string) => {
    const [hi, lo] = text.split('/');
    return (BigInt('0x' + hi) << 32n) + BigInt('0x' + lo);
  };

  beforeAll(async () => {
    t = await createTestEnv({ logLevel: 'info' }, { logStream: { write: (line) => logLines.push(line) } });
    staff = await t.as('staff', ['congressStaff']);
    d = await buildDistrict(t, { deputies: DEPUTIES, candidates: 6 });
    voteId = await openVoteWith(t, staff, d, { maxChoices: 3, present: DEPUTIES });
    const clients = [];
    for (let i = 0; i < DEPUTIES; i++) clients.push(await deputyClient(t, d, i));
    publicKey = (await clients[0].get(`/api/v1/project-votes/${voteId}`)).json().encryption.publicKey;
    await q(sql`CREATE EXTENSION IF NOT EXISTS pg_walinspect WITH SCHEMA public`);
    const logsBefore = logLines.length;
    const [start] = await q<{ lsn: string }>(sql`SELECT pg_current_wal_lsn()::text AS lsn`);
    for (let i = 0; i < DEPUTIES; i++) {
      const r = await castAs(clients[i], voteId, [choiceOf(i), 2 + (i % 4)]);
      expect(r.statusCode).toBe(201);
      receipts.push(r.json().receipt);
    }
    const [end] = await q<{ lsn: string }>(sql`SELECT pg_current_wal_lsn()::text AS lsn`);
    // pg_walinspect reads only what is flushed to disk: wait for the log to be flushed past the vote.
    for (let k = 0; k < 100; k++) {
      const [f] = await q<{ ok: boolean }>(
        sql`SELECT pg_current_wal_flush_lsn() >= ${end.lsn}::pg_lsn AS ok`,
      );
      if (f.ok) break;
      await q(sql`SELECT pg_sleep(0.1)`);
    }
    voteLogLines = logLines.slice(logsBefore);
    // Every WAL record of the vote, with its transaction.
    records = (
      await q<{
        lsn: string;
        end: string;
        xid: string;
        rmgr: string;
        type: string;
        block_ref: string | null;
      }>(sql`
        SELECT start_lsn::text AS lsn, end_lsn::text AS "end", xid::text AS xid, resource_manager AS rmgr,
               record_type AS type, block_ref
        FROM public.pg_get_wal_records_info(${start.lsn}::pg_lsn, ${end.lsn}::pg_lsn)`)
    ).map((r) => ({
      lsn: lsnOf(r.lsn),
      end: lsnOf(r.end),
      xid: r.xid,
      rmgr: r.rmgr,
      type: r.type,
      blockRef: r.block_ref ?? '',
    }));
    // Their bytes: the raw WAL between the two positions, segment by segment.
    const segments = await q<{ file: string; from: number; to: number }>(sql`
      WITH b AS (SELECT * FROM pg_walfile_name_offset(${start.lsn}::pg_lsn)),
           e AS (SELECT * FROM pg_walfile_name_offset(${end.lsn}::pg_lsn))
      SELECT f.name AS file,
             CASE WHEN f.name = b.file_name THEN b.file_offset ELSE 0 END AS "from",
             CASE WHEN f.name = e.file_name THEN e.file_offset ELSE 16777216 END AS "to"
      FROM b, e, pg_ls_waldir() f
      WHERE f.name >= b.file_name AND f.name <= e.file_name AND f.name ~ '^[0-9A-F]{24}$'
      ORDER BY f.name`);
    const parts: Buffer[] = [];
    for (const s of segments.filter((x) => Number(x.to) > Number(x.from))) {
      const [r] = await q<{ data: string }>(
        sql`SELECT encode(pg_read_binary_file(${'pg_wal/' + s.file}, ${s.from}, ${Number(s.to) - Number(s.from)}), 'hex') AS data`,
      );
      parts.push(Buffer.from(r.data, 'hex'));
    }
    const stripped = stripPageHeaders(Buffer.concat(parts), lsnOf(start.lsn));
    wal = stripped.bytes;
    walOffset = stripped.offset;
    // Every row of every table of the database's schema, as JSON text.
    const names = await q<{ name: string }>(sql`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`);
    tables = {};
    for (const { name } of names)
      tables[name] = (
        await q<{ row: string }>(sql`SELECT row_to_json(x)::text AS row FROM ${sql.identifier(name)} x`)
      ).map((r) => r.row);
    // Whatever the server's keys open: every string of every row that the personal-data key decrypts.
    opened = [];
    for (const rows of Object.values(tables))
      for (const row of rows)
        for (const s of row.match(/"(?:[^"\\]|\\.){16,}"/g) ?? []) {
          try {
            opened.push(t.services.pii.decrypt(JSON.parse(s) as string));
          } catch {
            // not sealed with this key
          }
        }
  }, 600_000);
  afterAll(async () => t?.close());

  /** Everything the probe read, as text. */
  const everything = () => [
    wal.toString('latin1'),
    ...Object.values(tables).flat(),
    ...voteLogLines,
    ...opened,
  ];

  it('read every ballot cast and every deputy who voted (the probe reads the right bytes)', () => {
    expect(records.length).toBeGreaterThan(DEPUTIES);
    for (const r of receipts) expect(wal.includes(Buffer.from(r))).toBe(true);
    for (const id of d.deputyIds) expect(wal.includes(uuidBytes(id))).toBe(true);
    expect(tables.project_vote_encrypted_ballots).toHaveLength(DEPUTIES);
    expect(tables.project_vote_voters).toHaveLength(DEPUTIES);
    expect(voteLogLines.some((l) => l.includes('/ballots'))).toBe(true);
  });

  it('joins each deputy to their encrypted ballot through the WAL transaction (the join that is no secret)', () => {
    // The heap inserts of each transaction, with their bytes.
    const byXid = new Map<string, Buffer[]>();
    for (const r of records.filter((x) => x.rmgr === 'Heap' && x.type.startsWith('INSERT'))) {
      const bytes = wal.subarray(walOffset(r.lsn), walOffset(r.end));
      byXid.set(r.xid, [...(byXid.get(r.xid) ?? []), bytes]);
    }
    let joined = 0;
    for (const [i, id] of d.deputyIds.entries()) {
      const tx = [...byXid.values()].find((bs) => bs.some((b) => b.includes(uuidBytes(id))));
      if (tx && tx.some((b) => b.includes(Buffer.from(receipts[i])))) joined++;
    }
    expect(joined).toBe(DEPUTIES);
  });

  it('finds no choice in the clear: no candidate id in the WAL, the ballots, the voters, the logs or the audit rows', () => {
    const ballotRows = [
      wal.toString('latin1'),
      ...tables.project_vote_encrypted_ballots,
      ...tables.project_vote_voters,
      ...tables.audit_events.filter((r) => r.includes('castBallot')),
      ...voteLogLines,
    ];
    for (const id of d.candidateIds) {
      for (const text of ballotRows) expect(text.includes(id)).toBe(false);
      expect(wal.includes(uuidBytes(id))).toBe(false);
    }
  });

  it('logs no receipt and no ballot, and audits a ballot without its receipt and with its time to the hour only', () => {
    for (const line of voteLogLines)
      for (const r of receipts) expect(line.includes(r), `log line holds a receipt: ${line}`).toBe(false);
    const audits = tables.audit_events
      .map((r) => JSON.parse(r) as { action: string; created_at: string; after: unknown })
      .filter((r) => r.action === 'projectVote.castBallot');
    expect(audits).toHaveLength(DEPUTIES);
    for (const a of audits) {
      for (const r of receipts) expect(JSON.stringify(a).includes(r)).toBe(false);
      expect(new Date(a.created_at).getTime() % 3_600_000).toBe(0);
    }
  });

  it("holds no tellers' share anywhere, and no key it has opens a ballot: its guesses of the choices are chance", () => {
    const { Point } = p256;
    const n = Point.Fn.ORDER;
    const g = {
      G: Point.BASE,
      mod: (x: bigint) => x % n,
      mulG: (k: bigint) => Point.BASE.multiply(k),
      parsePoint: (hex: string) => Point.fromHex(hex),
    };
    const H = g.parsePoint(publicKey);
    const { shares } = ceremonyOf(voteId);
    const serverKeys = Object.values(t.services.config.keys)
      .map((k) => g.mod(BigInt('0x' + k.toString('hex'))))
      .filter((k) => k !== 0n);
    // The vote's private key is never in one place; the test has the three tellers' shares (the probe has
    // not), so it knows the key: twice share 1 minus share 2 (Lagrange at zero), whose multiple of G is the vote's key.
    const secrets = shares.map((x) => BigInt('0x' + x.secret));
    const voteKey = (((2n * secrets[0] - secrets[1]) % n) + n) % n;
    expect(g.mulG(voteKey).equals(H)).toBe(true);
    // Neither the key nor any share is anywhere the probe read: as hex (either case), as a decimal number, or as
    // 32 bytes either way round in the raw log.
    const text = everything().map((x) => x.toLowerCase());
    for (const k of [voteKey, ...secrets]) {
      const hex = k.toString(16).padStart(64, '0');
      for (const x of text) {
        expect(x.includes(hex), 'a key or share in what the probe read').toBe(false);
        expect(x.includes(k.toString()), 'a key or share in what the probe read').toBe(false);
      }
      const bytes = Buffer.from(hex, 'hex');
      expect(wal.includes(bytes)).toBe(false);
      expect(wal.includes(Buffer.from(bytes).reverse())).toBe(false);
      for (const sk of serverKeys) expect(sk).not.toBe(k);
    }
    // The numbers the probe read (the proofs' challenges and responses, the hashes): none is a key.
    const found = new Set<string>();
    for (const x of text) for (const m of x.match(/[0-9a-f]{64}/g) ?? []) found.add(m);
    expect(found.size).toBeGreaterThan(DEPUTIES);
    const keys: bigint[] = [...serverKeys, ...[...found].slice(0, 16).map((h) => g.mod(BigInt('0x' + h)))];
    // The probe's guess for each deputy: their first ciphertext decrypted with the server's keys and some of the
    // numbers it read; a key that gave 0 or G would say the choice, else it guesses "not ticked".
    const ballots = new Map(
      tables.project_vote_encrypted_ballots.map((r) => {
        const row = JSON.parse(r) as { receipt: string; ballot: { ciphertexts: { a: string; b: string }[] } };
        return [row.receipt, row.ballot.ciphertexts[0]];
      }),
    );
    let right = 0;
    let opens = 0;
    for (let i = 0; i < DEPUTIES; i++) {
      const c = ballots.get(receipts[i])!;
      const a = g.parsePoint(c.a);
      const b = g.parsePoint(c.b);
      let guess = 0;
      for (const k of keys.filter((x) => x !== 0n)) {
        const M = b.subtract(a.multiply(k));
        if (M.is0() || M.equals(g.G)) {
          opens++;
          guess = M.is0() ? 0 : 1;
          break;
        }
      }
      // Candidate 0 is ticked by the even deputies: guessing "0 not ticked" is right for the odd ones.
      if ((guess === 1) === (choiceOf(i) === 0)) right++;
    }
    expect(opens).toBe(0);
    expect(right).toBe(DEPUTIES / 2);
  }, 300_000);
});
