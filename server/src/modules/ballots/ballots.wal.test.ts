// The probe that broke the old secrecy (issue 21), as a test: on PostgreSQL, the write-ahead log written while
// deputies cast their ballots is read back raw, as a superuser, a backup or a replica can. It holds the
// ballots (each receipt is there: the probe reads the right bytes), but no candidate's id in any form, so
// nothing in it says what any deputy chose. PostgreSQL only (PGlite has no WAL to read); skipped otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import {
  buildDistrict,
  castAs,
  deputyClient,
  openVoteWith,
  type District,
} from '../../../test/livelihood.fixture';

const onPostgres = !!process.env.TEST_DATABASE_URL;

describe.runIf(onPostgres)('the write-ahead log of a vote (PostgreSQL)', () => {
  let t: TestEnv;
  let staff: TestClient;
  let d: District;
  let voteId: string;
  let wal: Buffer;
  const receipts: string[] = [];
  const q = async <T>(query: ReturnType<typeof sql>) =>
    ((await t.services.db.execute(query)) as unknown as { rows: T[] }).rows;

  beforeAll(async () => {
    t = await createTestEnv();
    staff = await t.as('staff', ['congressStaff']);
    d = await buildDistrict(t, { deputies: 50, candidates: 6 });
    voteId = await openVoteWith(t, staff, d, { maxChoices: 3, present: 50 });
    const clients = [];
    for (let i = 0; i < 50; i++) clients.push(await deputyClient(t, d, i));
    const [start] = await q<{ lsn: string }>(sql`SELECT pg_current_wal_lsn()::text AS lsn`);
    for (let i = 0; i < 50; i++) {
      // Every deputy chooses candidate 0 or 1 and one other: the probe's "choice" to find.
      const r = await castAs(clients[i], voteId, [i % 2, 2 + (i % 4)]);
      expect(r.statusCode).toBe(201);
      receipts.push(r.json().receipt);
    }
    const [end] = await q<{ lsn: string }>(sql`SELECT pg_current_wal_lsn()::text AS lsn`);
    // The raw WAL between the two positions, segment by segment (what a backup or a replica receives).
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
    wal = Buffer.concat(parts);
  }, 300_000);
  afterAll(async () => t?.close());

  it('holds every ballot cast (the probe reads the right bytes)', () => {
    expect(wal.length).toBeGreaterThan(0);
    for (const r of receipts) expect(wal.includes(Buffer.from(r))).toBe(true);
  });

  it('holds no candidate id, as text or as the 16 bytes of a uuid: no plaintext choice was ever written', () => {
    for (const id of d.candidateIds) {
      expect(wal.includes(Buffer.from(id))).toBe(false);
      expect(wal.includes(Buffer.from(id.replace(/-/g, ''), 'hex'))).toBe(false);
    }
  });
});
