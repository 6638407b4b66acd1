// SECRECY: with full database access after the vote, nothing links a deputy to a choice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { auditEvents } from '../../platform/platform.table';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { buildDistrict, deputyClient, openVoteWith, type District } from '../../../test/livelihood.fixture';

let t: TestEnv;
let staff: TestClient;
let d: District;
let voteId: string;
/** What each voter chose, in the order they voted: every voter's choice set is different. */
const cast: { deputyId: string; choices: string[]; receipt: string }[] = [];

const q = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.services.db.execute(query)) as unknown as { rows: T[] }).rows;
const key = (choices: string[]) => [...choices].sort().join(',');

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  d = await buildDistrict(t, { deputies: 24, candidates: 8 });
  voteId = await openVoteWith(t, staff, d, { maxChoices: 3, present: 24 });
  // 20 voters, each with a distinct choice set, so a ballot would identify its voter if anything linked them.
  const sets: string[][] = [];
  const c = d.candidateIds;
  for (let i = 0; i < c.length && sets.length < 20; i++)
    for (let j = i + 1; j < c.length && sets.length < 20; j++) sets.push([c[i], c[j]]);
  // Voting order unrelated to the content of the ballots (so ORDER BY choices is no accidental match).
  for (let i = 0; i < 20; i++) {
    const choices = sets[(i * 7) % 20];
    const client = await deputyClient(t, d, i);
    const r = await client.post(`/api/v1/project-votes/${voteId}/ballots`, { choices });
    expect(r.statusCode).toBe(201);
    cast.push({ deputyId: d.deputyIds[i], choices, receipt: r.json().receiptCode });
  }
  expect((await staff.post(`/api/v1/project-votes/${voteId}/close`)).statusCode).toBe(200);
});
afterAll(async () => t?.close());

describe('ballot secrecy', () => {
  it('keeps the ballot table free of ids, times and sequences, and the voters table free of anything but who', async () => {
    const cols = await q<{
      table_name: string;
      column_name: string;
      data_type: string;
      column_default: string | null;
    }>(
      sql`SELECT table_name, column_name, data_type, column_default FROM information_schema.columns
          WHERE table_name IN ('project_vote_ballots', 'project_vote_voters') ORDER BY table_name, ordinal_position`,
    );
    const of = (tn: string) => cols.filter((c) => c.table_name === tn).map((c) => c.column_name);
    expect(of('project_vote_ballots')).toEqual([
      'congress_id',
      'vote_id',
      'mix_key',
      'receipt_hash',
      'choices',
    ]);
    expect(of('project_vote_voters')).toEqual(['congress_id', 'vote_id', 'member_id']);
    // No timestamps, no serials, no defaults that could carry time or order.
    for (const c of cols) {
      expect(c.data_type).not.toMatch(/time|date|serial/);
      expect(c.column_default).toBeNull();
    }
  });

  it('stores every ballot once, and the stored ballots are exactly the choices cast', async () => {
    const ballots = await q<{ choices: string[] | string }>(
      sql`SELECT choices FROM project_vote_ballots WHERE vote_id = ${voteId}`,
    );
    const parse = (v: string[] | string) =>
      Array.isArray(v) ? v : v.replace(/[{}]/g, '').split(',').filter(Boolean);
    expect(ballots.map((b) => key(parse(b.choices))).sort()).toEqual(cast.map((c) => key(c.choices)).sort());
  });

  it('orders by no column, nor by physical position or writing transaction, in the order the deputies voted', async () => {
    const voterOrder = cast.map((c) => key(c.choices));
    const orderings = [
      'mix_key',
      'receipt_hash',
      'choices',
      'ctid',
      'xmin::text',
      'mix_key DESC',
      'receipt_hash DESC',
      'ctid DESC',
    ];
    for (const o of orderings) {
      const rows = await q<{ choices: string[] | string }>(
        sql.raw(`SELECT choices FROM project_vote_ballots WHERE vote_id = '${voteId}' ORDER BY ${o}`),
      );
      const order = rows.map((r) =>
        key(Array.isArray(r.choices) ? r.choices : r.choices.replace(/[{}]/g, '').split(',')),
      );
      expect(order, `ORDER BY ${o}`).not.toEqual(voterOrder);
    }
  });

  it('leaves no per-voter transaction id after close: every ballot and every voter row was rewritten together', async () => {
    const bx = await q<{ x: string }>(
      sql`SELECT DISTINCT xmin::text AS x FROM project_vote_ballots WHERE vote_id = ${voteId}`,
    );
    const vx = await q<{ x: string }>(
      sql`SELECT DISTINCT xmin::text AS x FROM project_vote_voters WHERE vote_id = ${voteId}`,
    );
    expect(bx).toHaveLength(1);
    expect(vx).toHaveLength(1);
    // And the cast-ballot audit rows (one per voter) share no transaction with any ballot.
    const ax = await q<{ x: string }>(
      sql`SELECT DISTINCT xmin::text AS x FROM audit_events WHERE action = 'projectVote.castBallot' AND entity_id = ${voteId}`,
    );
    expect(ax.map((a) => a.x)).not.toContain(bx[0].x);
  });

  it('keeps voters in member-id order, not voting order', async () => {
    const rows = await q<{ member_id: string }>(
      sql`SELECT member_id::text FROM project_vote_voters WHERE vote_id = ${voteId} ORDER BY ctid`,
    );
    expect(rows.map((r) => r.member_id)).toEqual(cast.map((c) => c.deputyId).sort());
  });

  it('never records the choices in the audit trail, and the receipt confirms only that the ballot counted', async () => {
    const audit = await t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, voteId));
    const text = JSON.stringify(audit.filter((a) => a.action === 'projectVote.castBallot'));
    for (const c of d.candidateIds) expect(text).not.toContain(c);
    for (const c of cast.slice(0, 5)) {
      const r = await t.anon.get(`/api/v1/project-votes/${voteId}/receipts/${c.receipt}`);
      expect(r.json()).toEqual({ counted: true });
    }
    // The receipt code itself is stored nowhere: not in the ballots, not in the audit trail.
    const dump = JSON.stringify(await q(sql`SELECT * FROM project_vote_ballots`)) + text;
    for (const c of cast) expect(dump).not.toContain(c.receipt);
  });
});
