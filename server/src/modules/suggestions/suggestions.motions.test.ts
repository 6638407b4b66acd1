// Motions (议案) by the congress's level and source (地方组织法 Art. 22, 52), against a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { newId } from '../../platform/ids';
import { auditEvents, congresses } from '../../platform/platform.table';
import { committeeMembers, sittings } from '../../../test/tables';
import type { TestClient, TestEnv } from '../../../test/harness';
import { buildLegalWorld, legalBase as base, legalSteps } from '../../../test/suggestions.fixture';

let t: TestEnv;
let sittingId: string;
const dep: Record<string, string> = {};
const unit: Record<string, string> = {};
const c: Record<string, TestClient> = {};
const { ok } = legalSteps(() => ({ t, c, dep, unit }));

beforeAll(async () => {
  ({ t, sittingId } = await buildLegalWorld({ dep, unit, c }));
});
afterAll(async () => t?.close());

describe('motions by level and source (地方组织法 Art. 22, 52)', () => {
  const signers = (n: number) => Array.from({ length: n }, (_, i) => dep[`m${i}`]);
  async function atLevel(level: 'district' | 'city' | 'township', run: () => Promise<void>) {
    await t.services.db.update(congresses).set({ level }).where(eq(congresses.id, t.congressId));
    try {
      await run();
    } finally {
      await t.services.db
        .update(congresses)
        .set({ level: 'district' })
        .where(eq(congresses.id, t.congressId));
    }
  }
  async function betweenSittings(run: () => Promise<void>) {
    await t.services.db.update(sittings).set({ status: 'closed' }).where(eq(sittings.id, sittingId));
    try {
      await run();
    } finally {
      await t.services.db.update(sittings).set({ status: 'inSession' }).where(eq(sittings.id, sittingId));
    }
  }
  const motionCount = async () =>
    (
      (await t.services.db.execute(sql`SELECT count(*)::int AS n FROM motions`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0].n;

  it('tells the form what a motion needs now, by level, and refuses units, citizens and the anonymous', async () => {
    expect((await c.p.get('/api/v1/motion-rules')).json()).toEqual({
      level: 'district',
      inSitting: true,
      threshold: { min: 10, who: 'deputies' },
      bodySources: ['presidium', 'standingCommittee', 'specialCommittee', 'government'],
      decisionBody: 'presidium',
    });
    await betweenSittings(() =>
      atLevel('township', async () => {
        expect((await c.staff.get('/api/v1/motion-rules')).json()).toMatchObject({
          level: 'township',
          inSitting: false,
          threshold: null,
          bodySources: [],
          decisionBody: 'chairpersonsMeeting',
        });
      }),
    );
    for (const who of ['unitA', 'citizen'])
      expect((await c[who].get('/api/v1/motion-rules')).statusCode, who).toBe(403);
    expect((await c.anon.get('/api/v1/motion-rules')).statusCode).toBe(401);
  });

  it('takes a township sitting motion from 5 deputies and refuses 4', async () => {
    await atLevel('township', async () => {
      const four = await c.p.post('/api/v1/motions', { ...base, signerIds: signers(3) });
      expect(four.statusCode).toBe(400);
      expect(four.json().errors[0]).toMatchObject({ field: 'signerIds', code: 'too_few_signers' });
      expect(four.json().errors[0].message.zh).toContain('5名以上代表');
      expect((await c.p.post('/api/v1/motions', { ...base, signerIds: signers(4) })).statusCode).toBe(201);
    });
  });

  it('needs 10 deputies at a district sitting', async () => {
    const nine = await c.p.post('/api/v1/motions', { ...base, signerIds: signers(8) });
    expect(nine.statusCode).toBe(400);
    expect(nine.json().errors[0].message.zh).toContain('10名以上代表');
    expect((await c.p.post('/api/v1/motions', { ...base, signerIds: signers(9) })).statusCode).toBe(201);
  });

  it('needs 5 standing-committee members between sittings at city level, 3 at district level', async () => {
    for (const d of [dep.p, ...signers(4)])
      await t.services.db
        .insert(committeeMembers)
        .values({ id: newId(), congressId: t.congressId, body: 'standingCommittee', deputyId: d });
    await betweenSittings(async () => {
      await atLevel('city', async () => {
        const three = await c.p.post('/api/v1/motions', { ...base, signerIds: signers(2) });
        expect(three.statusCode).toBe(400);
        expect(three.json().errors[0].message.zh).toContain('5名以上常委会组成人员');
        expect((await c.p.post('/api/v1/motions', { ...base, signerIds: signers(4) })).statusCode).toBe(201);
      });
      expect((await c.p.post('/api/v1/motions', { ...base, signerIds: signers(2) })).statusCode).toBe(201);
    });
  });

  it('takes no motion between sittings at a township, which has no standing committee', async () => {
    await betweenSittings(() =>
      atLevel('township', async () => {
        const n = await motionCount();
        const res = await c.p.post('/api/v1/motions', { ...base, signerIds: signers(9) });
        expect(res.statusCode).toBe(409);
        expect(res.json().code).toBe('no_motion_between_sittings');
        expect(await motionCount()).toBe(n);
      }),
    );
  });

  it("takes a body's motion from staff with no co-signers; the presidium decides it, not the chairpersons' meeting", async () => {
    const res = await c.staff.post('/api/v1/motions', { ...base, source: 'government' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const listed = (await c.staff.get('/api/v1/motions'))
      .json()
      .items.find((m: { id: string }) => m.id === id);
    expect(listed).toMatchObject({ source: 'government', atSitting: true, signers: 0 });
    const wrongBody = await c.staff.post(`/api/v1/motions/${id}/decision`, {
      decision: 'agenda',
      body: 'chairpersonsMeeting',
    });
    expect(wrongBody.statusCode).toBe(400);
    expect(wrongBody.json().errors[0].field).toBe('body');
    const asSuggestion = await c.staff.post(`/api/v1/motions/${id}/decision`, { decision: 'asSuggestion' });
    expect(asSuggestion.statusCode).toBe(400);
    expect(asSuggestion.json().errors[0].field).toBe('decision');
    const decided = await c.staff.post(`/api/v1/motions/${id}/decision`, { decision: 'agenda' });
    ok(decided);
    expect(decided.json().status).toBe('onAgenda');
    const [audit] = await t.services.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'motion.agenda')));
    expect(audit.after).toMatchObject({ body: 'presidium' });
  });

  it("has a motion made between sittings decided by the chairpersons' meeting", async () => {
    let id = '';
    await betweenSittings(async () => {
      const res = await c.staff.post('/api/v1/motions', { ...base, source: 'specialCommittee' });
      expect(res.statusCode, res.body).toBe(201);
      id = res.json().id;
    });
    const wrong = await c.staff.post(`/api/v1/motions/${id}/decision`, {
      decision: 'agenda',
      body: 'presidium',
    });
    expect(wrong.statusCode).toBe(400);
    const decided = await c.staff.post(`/api/v1/motions/${id}/decision`, {
      decision: 'agenda',
      body: 'chairpersonsMeeting',
    });
    ok(decided);
  });

  it('refuses a source the level or the moment does not allow (400 naming source), and co-signers on a body', async () => {
    const n = await motionCount();
    await atLevel('township', async () => {
      const sc = await c.staff.post('/api/v1/motions', { ...base, source: 'standingCommittee' });
      expect(sc.statusCode).toBe(400);
      expect(sc.json().errors[0]).toMatchObject({ field: 'source', code: 'source_not_allowed' });
    });
    await betweenSittings(async () => {
      const presidium = await c.staff.post('/api/v1/motions', { ...base, source: 'presidium' });
      expect(presidium.statusCode).toBe(400);
      expect(presidium.json().errors[0].field).toBe('source');
    });
    const withSigners = await c.staff.post('/api/v1/motions', {
      ...base,
      source: 'presidium',
      signerIds: [dep.m0],
    });
    expect(withSigners.statusCode).toBe(400);
    expect(withSigners.json().errors[0].field).toBe('signerIds');
    const unknown = await c.staff.post('/api/v1/motions', { ...base, source: 'court' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('source');
    expect(await motionCount()).toBe(n);
  });

  it("refuses a body's motion to deputies, units, leaders and citizens, and a deputies' motion to staff", async () => {
    const n = await motionCount();
    for (const who of ['p', 'unitA', 'leader', 'citizen'])
      expect((await c[who].post('/api/v1/motions', { ...base, source: 'presidium' })).statusCode, who).toBe(
        403,
      );
    expect((await c.anon.post('/api/v1/motions', { ...base, source: 'presidium' })).statusCode).toBe(401);
    expect((await c.staff.post('/api/v1/motions', { ...base, signerIds: signers(9) })).statusCode).toBe(403);
    expect(await motionCount()).toBe(n);
  });
});
