// The audit chain anchored outside the database (issue 22 item 12): sealing writes each congress's new head,
// signed, to a log outside the database; a superuser who deletes the newest rows with their links and moves the
// head back, or deletes a whole trail, passes the chain check but not the checkpoints; a forged or removed log
// line is found; the auditor exports the checkpoints and a copy is compared with the log and the database.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { verifyAudit } from '../src/platform/audit';
import { verifyAgainstCheckpoints, type CheckpointProblem } from '../src/platform/audit-checkpoints';
import { enqueueJob } from '../src/platform/jobs';
import { sealAuditJob } from '../src/platform/platform.jobs';
import { createTestEnv, type TestClient, type TestEnv } from './harness';
import { clientsByRole, expectRefusals, signIn } from './platform-fixtures';

let t: TestEnv;
let auditor: TestClient;
const dir = mkdtempSync(path.join(os.tmpdir(), 'minyi-checkpoints-'));
const checkpoint = {
  keyHex: randomBytes(32).toString('hex'),
  keyFile: null,
  log: path.join(dir, 'log.jsonl'),
};

const exec = (text: string) => t.services.db.execute(sql.raw(text));
const seal = async () => {
  await enqueueJob(t.services.db, sealAuditJob.name, {});
  await t.services.jobs.drain();
};
const logLines = () =>
  readFileSync(checkpoint.log, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
const kinds = (problems: CheckpointProblem[]) => problems.map((p) => p.problem);

beforeAll(async () => {
  t = await createTestEnv({ checkpoint });
  auditor = await signIn(t, 'aud', ['auditor']);
  for (let i = 0; i < 6; i++) await t.as(`user${i}`, ['deputy']);
  await seal();
}, 60_000);
afterAll(async () => t?.close());

describe('checkpoints written at sealing', () => {
  it('writes one signed line per congress whose head moved, and none when nothing moved', async () => {
    const lines = logLines().map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    const [head] = await t.database.query<{ chain_seq: string; chain_hash: string }>(
      'SELECT chain_seq, chain_hash FROM audit_chain_heads WHERE congress_id = $1',
      [t.congressId],
    );
    expect(lines[0]).toMatchObject({
      n: 1,
      congressId: t.congressId,
      chainSeq: Number(head.chain_seq),
      chainHash: head.chain_hash,
      prev: '0'.repeat(64),
    });
    await seal();
    expect(logLines()).toHaveLength(1);
    await t.as('user-late', ['deputy']);
    await seal();
    expect(logLines()).toHaveLength(2);
    const check = await verifyAgainstCheckpoints(t.services.db, checkpoint);
    expect(check.checkpoints).toBe(2);
    expect(check.problems).toEqual([]);
  });

  it('lets only the auditor export them, with the public key', async () => {
    const clients = await clientsByRole(t, 'cp');
    await expectRefusals(t, clients, [
      { method: 'GET', url: '/api/v1/audit-checkpoints', allowed: ['auditor'] },
    ]);
    const res = await auditor.get('/api/v1/audit-checkpoints');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.publicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(body.lines.length).toBeGreaterThanOrEqual(2);
    expect(body.lines.every((l: { congressId: string }) => l.congressId === t.congressId)).toBe(true);
  });
});

describe('what the chain alone cannot see', () => {
  it('finds the newest rows deleted with their links and the head moved back', async () => {
    await seal();
    const before = logLines();
    // The auditor's copy, taken now and kept elsewhere.
    writeFileSync(path.join(dir, 'export.json'), (await auditor.get('/api/v1/audit-checkpoints')).body);
    await exec('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await exec('ALTER TABLE audit_chain DISABLE TRIGGER USER');
    try {
      const [{ seq }] = await t.database.query<{ seq: string }>(
        'SELECT max(chain_seq)::text AS seq FROM audit_chain WHERE congress_id = $1',
        [t.congressId],
      );
      const keep = Number(seq) - 3;
      await exec(`DELETE FROM audit_events WHERE id IN (SELECT event_id FROM audit_chain
        WHERE congress_id = '${t.congressId}' AND chain_seq > ${keep})`);
      await exec(`DELETE FROM audit_chain WHERE congress_id = '${t.congressId}' AND chain_seq > ${keep}`);
      await exec(`UPDATE audit_chain_heads h SET chain_seq = c.chain_seq, chain_hash = c.chain_hash
        FROM audit_chain c WHERE c.congress_id = h.congress_id AND c.chain_seq = ${keep}
        AND h.congress_id = '${t.congressId}'`);
    } finally {
      await exec('ALTER TABLE audit_events ENABLE TRIGGER USER');
      await exec('ALTER TABLE audit_chain ENABLE TRIGGER USER');
    }
    // The chain verifies: the cut was clean.
    expect((await verifyAudit(t.services.db, t.services.config.keys.audit, [t.congressId])).problems).toEqual(
      [],
    );
    // The checkpoints do not.
    const check = await verifyAgainstCheckpoints(t.services.db, checkpoint);
    expect(kinds(check.problems)).toEqual(['trail_truncated']);
    // And the auditor's verification says so.
    const res = await auditor.post('/api/v1/audit-events/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json().problems.map((p: { problem: string }) => p.problem)).toContain('trail_truncated');

    // Had the intruder also cut the log back, the log would agree with them, but the auditor's copy does not.
    writeFileSync(checkpoint.log, before.slice(0, 1).join('\n') + '\n');
    const withCopy = await verifyAgainstCheckpoints(t.services.db, checkpoint, {
      copy: path.join(dir, 'export.json'),
    });
    expect(kinds(withCopy.problems)).toEqual(expect.arrayContaining(['copy_differs', 'trail_truncated']));
    writeFileSync(checkpoint.log, before.join('\n') + '\n');
  });

  it("finds a congress's whole trail deleted", async () => {
    const other = await t.createCongress('另一区人民代表大会');
    const someone = await signIn(t, 'other-staff', ['congressStaff'], { congressId: other.congressId });
    expect((await someone.post('/api/v1/auth/logout')).statusCode).toBeLessThan(300);
    await seal();
    await exec('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await exec('ALTER TABLE audit_chain DISABLE TRIGGER USER');
    try {
      await exec(`DELETE FROM audit_events WHERE congress_id = '${other.congressId}'`);
      await exec(`DELETE FROM audit_chain WHERE congress_id = '${other.congressId}'`);
      await exec(`DELETE FROM audit_chain_heads WHERE congress_id = '${other.congressId}'`);
    } finally {
      await exec('ALTER TABLE audit_events ENABLE TRIGGER USER');
      await exec('ALTER TABLE audit_chain ENABLE TRIGGER USER');
    }
    expect(
      (await verifyAudit(t.services.db, t.services.config.keys.audit, [other.congressId])).problems,
    ).toEqual([]);
    const check = await verifyAgainstCheckpoints(t.services.db, checkpoint);
    expect(check.problems).toContainEqual(
      expect.objectContaining({ congressId: other.congressId, problem: 'trail_deleted' }),
    );
  });
});

describe('the log itself', () => {
  it('finds a line whose figures were changed, and a line taken out', async () => {
    const lines = logLines();
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const edited = JSON.parse(lines[0]) as { chainSeq: number };
    edited.chainSeq -= 1;
    writeFileSync(checkpoint.log, [JSON.stringify(edited), ...lines.slice(1)].join('\n') + '\n');
    expect(kinds((await verifyAgainstCheckpoints(t.services.db, checkpoint)).problems)).toContain(
      'checkpoint_forged',
    );
    writeFileSync(checkpoint.log, [lines[0], ...lines.slice(2)].join('\n') + '\n');
    expect(kinds((await verifyAgainstCheckpoints(t.services.db, checkpoint)).problems)).toContain(
      'checkpoint_missing',
    );
    writeFileSync(checkpoint.log, lines.join('\n') + '\n');
  });
});
