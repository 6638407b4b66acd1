// SECRECY (issue 21): with full database access, during and after the vote, nothing in the database reads a
// deputy's choice: the ballots are stored only as ciphertexts under a key no one holds (the tellers' shares
// are never stored), the tally decrypts only the sums, and the audit trail says who voted, to the hour.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { decryptTotals, partialDecrypt, type EncryptedBallot } from '@minyi/domain/ballots/crypto';
import { auditEvents } from '../../platform/platform.table';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import {
  buildDistrict,
  castAs,
  ceremonyOf,
  decryptAs,
  deputyClient,
  openVoteWith,
  type District,
} from '../../../test/livelihood.fixture';

let t: TestEnv;
let staff: TestClient;
let d: District;
let voteId: string;
let publicKey: string;
/** What each voter chose, in the order they voted: every voter's choice set is different. */
const cast: { deputyId: string; positions: number[]; receipt: string }[] = [];

const q = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.services.db.execute(query)) as unknown as { rows: T[] }).rows;

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  d = await buildDistrict(t, { deputies: 24, candidates: 8 });
  voteId = await openVoteWith(t, staff, d, { maxChoices: 3, present: 24 });
  publicKey = (await staff.get(`/api/v1/project-votes/${voteId}`)).json().encryption.publicKey;
  // 20 voters, each with a distinct choice set, so a ballot would identify its voter if anything read it.
  const sets: number[][] = [];
  for (let i = 0; i < 8 && sets.length < 20; i++)
    for (let j = i + 1; j < 8 && sets.length < 20; j++) sets.push([i, j]);
  for (let i = 0; i < 20; i++) {
    const positions = sets[(i * 7) % 20];
    const client = await deputyClient(t, d, i);
    const r = await castAs(client, voteId, positions);
    expect(r.statusCode).toBe(201);
    cast.push({ deputyId: d.deputyIds[i], positions, receipt: r.json().receipt });
  }
});
afterAll(async () => t?.close());

describe('ballot secrecy', () => {
  it('keeps the ballot table free of ids, times, sequences and voters, and the voters table free of anything but who', async () => {
    const cols = await q<{
      table_name: string;
      column_name: string;
      data_type: string;
      column_default: string | null;
    }>(
      sql`SELECT table_name, column_name, data_type, column_default FROM information_schema.columns
          WHERE table_name IN ('project_vote_encrypted_ballots', 'project_vote_voters')
          ORDER BY table_name, ordinal_position`,
    );
    const of = (tn: string) => cols.filter((c) => c.table_name === tn).map((c) => c.column_name);
    expect(of('project_vote_encrypted_ballots')).toEqual(['congress_id', 'vote_id', 'receipt', 'ballot']);
    expect(of('project_vote_voters')).toEqual(['congress_id', 'vote_id', 'member_id']);
    for (const c of cols) {
      expect(c.data_type).not.toMatch(/time|date|serial/);
      expect(c.column_default).toBeNull();
    }
    // The plaintext ballots' table is gone.
    expect(
      await q(sql`SELECT 1 FROM information_schema.tables WHERE table_name = 'project_vote_ballots'`),
    ).toEqual([]);
  });

  it('stores each ballot once, as ciphertexts only: identical choices give unrelated ciphertexts', async () => {
    const rows = await q<{ receipt: string; ballot: EncryptedBallot }>(
      sql`SELECT receipt, ballot FROM project_vote_encrypted_ballots WHERE vote_id = ${voteId}`,
    );
    expect(rows.map((r) => r.receipt).sort()).toEqual(cast.map((c) => c.receipt).sort());
    const text = JSON.stringify(rows);
    for (const id of [...d.candidateIds, ...d.deputyIds]) expect(text).not.toContain(id);
    // Every ciphertext is different, though each candidate got 0 or 1 from every voter: nothing repeats.
    const points = rows.flatMap((r) => r.ballot.ciphertexts.flatMap((c) => [c.a, c.b]));
    expect(new Set(points).size).toBe(points.length);
  });

  it('holds no teller share anywhere in the database, and one teller alone cannot decrypt even the totals', async () => {
    const { shares } = ceremonyOf(voteId);
    const dump = JSON.stringify(
      await q(sql`SELECT v.*, t.* FROM project_votes v JOIN project_vote_tellers t ON t.vote_id = v.id
                  WHERE v.id = ${voteId}`),
    );
    const audit = JSON.stringify(await t.services.db.select().from(auditEvents));
    for (const s of shares) {
      expect(dump).not.toContain(s.secret);
      expect(audit).not.toContain(s.secret);
    }
    // Close, then try the totals with teller 1's partial decryption only: refused (2 of 3 are needed).
    const closed = await staff.post(`/api/v1/project-votes/${voteId}/close`);
    expect(closed.json().status).toBe('counting');
    const [vote] = await q<{ combined: { a: string; b: string }[] }>(
      sql`SELECT combined FROM project_votes WHERE id = ${voteId}`,
    );
    const ctx = { voteId, curve: 'p256' as const, publicKey, candidates: 8, maxChoices: 3 };
    const one = partialDecrypt(ctx, shares[0], vote.combined);
    const expected = d.candidateIds.map((_, i) => cast.filter((c) => c.positions.includes(i)).length);
    let alone: number[] | null;
    try {
      alone = decryptTotals(ctx, vote.combined, [one], 20);
    } catch {
      alone = null;
    }
    expect(alone).not.toEqual(expected);
  });

  it('decrypts only the sums with two tellers: the totals are exactly the choices cast', async () => {
    for (const n of [2, 3]) expect((await decryptAs(voteId, n)).statusCode).toBe(201);
    const r = await staff.get(`/api/v1/project-votes/${voteId}/results`);
    expect(r.statusCode).toBe(200);
    const votes = Object.fromEntries(
      r.json().candidates.map((c: { id: string; votes: number }) => [c.id, c.votes]),
    );
    const expected = d.candidateIds.map((_, i) => cast.filter((c) => c.positions.includes(i)).length);
    expect(d.candidateIds.map((id) => votes[id])).toEqual(expected);
  });

  it('records that each deputy voted, never what, and only to the hour, with no request to match in the log', async () => {
    const audit = await t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, voteId));
    const rows = audit.filter((a) => a.action === 'projectVote.castBallot');
    expect(rows).toHaveLength(20);
    const text = JSON.stringify(rows);
    for (const c of d.candidateIds) expect(text).not.toContain(c);
    for (const c of cast) expect(text).not.toContain(c.receipt);
    for (const a of rows) {
      expect(a.createdAt.getTime() % 3_600_000).toBe(0);
      expect(a.requestId).toBeNull();
      expect(a.after).toBeNull();
    }
  });
});
