// Refusals change nothing (403, 404 for hidden drafts, 409 naming the status, 400 naming the field), numbering
// in the sitting and between sittings, and the congress's suggestion settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/platform.table';
import { sittings } from '../../../test/tables';
import type { TestClient, TestEnv } from '../../../test/harness';
import { base, buildSuggestionsWorld, suggestionSteps } from '../../../test/suggestions.fixture';

let t: TestEnv;
let sittingId: string;
let leaderId: string;
const dep: Record<string, string> = {};
const unit: Record<string, string> = {};
const c: Record<string, TestClient> = {};
const { snapshot, make } = suggestionSteps(() => ({ t, c, unit }));

beforeAll(async () => {
  ({ t, sittingId, leaderId } = await buildSuggestionsWorld({ dep, unit, c }));
});
afterAll(async () => t?.close());

describe('refusals change nothing', () => {
  const cases: {
    step: string;
    state: 'submitted' | 'accepted' | 'assigned' | 'contacted' | 'replied';
    body: () => unknown;
    refuse: string[];
  }[] = [
    {
      step: 'review',
      state: 'submitted',
      body: () => ({ decision: 'accept', comment: '' }),
      refuse: ['p', 'co', 'other', 'unitA', 'leader', 'citizen'],
    },
    {
      step: 'assign',
      state: 'accepted',
      body: () => ({ leadUnitId: unit.a, assistingUnitIds: [] }),
      refuse: ['p', 'other', 'unitA', 'leader', 'citizen'],
    },
    {
      step: 'contacts',
      state: 'assigned',
      body: () => ({ method: 'phone', summary: 's' }),
      refuse: ['p', 'staff', 'unitC', 'leader', 'citizen'],
    },
    {
      step: 'reply',
      state: 'contacted',
      body: () => ({ category: 'A', content: 'x' }),
      refuse: ['p', 'staff', 'unitB', 'unitC', 'leader', 'citizen'],
    },
    {
      step: 'unit-opinions',
      state: 'assigned',
      body: () => ({ content: 'x' }),
      refuse: ['p', 'staff', 'unitA', 'unitC', 'leader'],
    },
    {
      step: 'hand-back',
      state: 'assigned',
      body: () => ({ reason: 'x' }),
      refuse: ['p', 'staff', 'unitC', 'leader'],
    },
    {
      step: 'extension',
      state: 'assigned',
      body: () => ({ reason: 'x' }),
      refuse: ['p', 'staff', 'unitB', 'unitC', 'leader', 'citizen'],
    },
    {
      step: 'rating',
      state: 'replied',
      body: () => ({ rating: 'satisfied', comment: '' }),
      refuse: ['other', 'staff', 'unitA', 'leader', 'citizen'],
    },
    { step: 'withdraw', state: 'submitted', body: () => ({}), refuse: ['other', 'staff', 'unitA', 'leader'] },
    {
      step: 'key',
      state: 'accepted',
      body: () => ({ leaderAccountIds: [leaderId] }),
      refuse: ['p', 'unitA', 'leader', 'citizen'],
    },
  ];
  for (const k of cases) {
    it(`refuses ${k.step} by ${k.refuse.join(', ')} and anonymous, with nothing changed`, async () => {
      const id = await make(k.state);
      const before = await snapshot(id);
      for (const who of k.refuse) {
        const res = await c[who].post(`/api/v1/suggestions/${id}/${k.step}`, k.body());
        expect(res.statusCode, `${who} ${k.step}`).toBe(403);
      }
      expect((await c.anon.post(`/api/v1/suggestions/${id}/${k.step}`, k.body())).statusCode).toBe(401);
      const after = await snapshot(id);
      expect(after.row).toEqual(before.row);
      expect(after.audits).toBe(before.audits);
    });
  }

  const wrong: {
    step: string;
    state: 'submitted' | 'accepted' | 'assigned' | 'replied';
    who: string;
    body: () => unknown;
    current: string;
  }[] = [
    {
      step: 'assign',
      state: 'submitted',
      who: 'staff',
      body: () => ({ leadUnitId: unit.a, assistingUnitIds: [] }),
      current: 'submitted',
    },
    {
      step: 'review',
      state: 'accepted',
      who: 'staff',
      body: () => ({ decision: 'accept', comment: '' }),
      current: 'accepted',
    },
    {
      step: 'reply',
      state: 'replied',
      who: 'unitA',
      body: () => ({ category: 'A', content: 'x' }),
      current: 'replied',
    },
    {
      step: 'contacts',
      state: 'replied',
      who: 'unitA',
      body: () => ({ method: 'phone', summary: 'x' }),
      current: 'replied',
    },
    {
      step: 'rating',
      state: 'assigned',
      who: 'p',
      body: () => ({ rating: 'satisfied', comment: '' }),
      current: 'assigned',
    },
    {
      step: 'extension/decision',
      state: 'assigned',
      who: 'staff',
      body: () => ({ decision: 'approve' }),
      current: 'assigned',
    },
    {
      step: 'rehandling-review',
      state: 'replied',
      who: 'staff',
      body: () => ({ decision: 'rehandle' }),
      current: 'replied',
    },
    { step: 'solved', state: 'assigned', who: 'unitA', body: () => ({ note: 'x' }), current: 'assigned' },
  ];
  for (const k of wrong) {
    it(`answers ${k.step} in ${k.state} with 409 and the current state, with nothing changed`, async () => {
      const id = await make(k.state);
      const before = await snapshot(id);
      const res = await c[k.who].post(`/api/v1/suggestions/${id}/${k.step}`, k.body());
      expect(res.statusCode).toBe(409);
      expect(res.json().currentStatus).toBe(k.current);
      const after = await snapshot(id);
      expect(after.row).toEqual(before.row);
      expect(after.audits).toBe(before.audits);
    });
  }

  it('hides a suggestion from those with no part in it', async () => {
    const id = await make('assigned');
    for (const who of ['other', 'unitC', 'citizen'])
      expect((await c[who].get(`/api/v1/suggestions/${id}`)).statusCode).toBe(403);
    for (const who of ['p', 'staff', 'unitA', 'unitB', 'leader'])
      expect((await c[who].get(`/api/v1/suggestions/${id}`)).statusCode).toBe(200);
    const other = await t.createCongress('另一区人大');
    const foreign = await t.as('foreign_staff', ['congressStaff'], { congressId: other.congressId });
    expect((await foreign.get(`/api/v1/suggestions/${id}`)).statusCode).toBe(404);
  });
});

describe('numbering', () => {
  it('gives concurrent submissions distinct consecutive numbers in the sitting', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        c.p.post('/api/v1/suggestions', { ...base, title: `并发建议${i}` }),
      ),
    );
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const seqs = results.map((r) => Number(/第(\d{4})号/.exec(r.json().number)![1])).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(12);
    expect(seqs.at(-1)! - seqs[0]).toBe(11);
  });

  it('numbers between sittings separately', async () => {
    await t.services.db.update(sittings).set({ status: 'closed' }).where(eq(sittings.id, sittingId));
    try {
      const r = await c.p.post('/api/v1/suggestions', base);
      expect(r.json().number).toBe('第七届闭会期间第0001号');
    } finally {
      await t.services.db.update(sittings).set({ status: 'inSession' }).where(eq(sittings.id, sittingId));
    }
  });
});

describe('settings', () => {
  const url = '/api/v1/suggestion-settings';
  it('lets staff change a setting, which is read back and audited', async () => {
    const res = await c.staff.put(url, { handBackWithinWorkingDays: 5, publicRepliesShowProposer: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ handBackWithinWorkingDays: 5, publicRepliesShowProposer: false });
    expect((await c.leader.get(url)).json()).toMatchObject({ handBackWithinWorkingDays: 5, replyMonths: 3 });
    const [audit] = await t.services.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'settings.write'), eq(auditEvents.entityId, 'suggestions')));
    expect(audit.after).toMatchObject({ handBackWithinWorkingDays: 5 });
    expect(
      (await c.staff.put(url, { handBackWithinWorkingDays: 7, publicRepliesShowProposer: true })).statusCode,
    ).toBe(200);
  });

  it('rejects values outside the law or the ranges with 400 naming the field, and changes nothing', async () => {
    const before = (await c.staff.get(url)).json();
    for (const [body, field] of [
      [{ replyMonths: 4 }, 'replyMonths'], // Art. 51: at most 3 months
      [{ extendedReplyMonths: 7 }, 'extendedReplyMonths'], // Art. 51: at most 6 months
      [{ extendedReplyMonths: 2 }, 'extendedReplyMonths'], // shorter than the normal 3 months
      [{ rehandlingReview: 'sometimes' }, 'rehandlingReview'],
      [{ reassignmentClock: 'never' }, 'reassignmentClock'],
      [{ handBackWithinWorkingDays: 9 }, 'handBackWithinWorkingDays'], // 3–7 working days
      [{ assignWithinWorkingDays: 'five' }, 'assignWithinWorkingDays'],
      [{ replyCategories: [] }, 'replyCategories'],
      [{ publishReplies: 'yes' }, 'publishReplies'],
    ] as const) {
      const res = await c.staff.put(url, body);
      expect(res.statusCode, field).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await c.staff.get(url)).json()).toEqual(before);
  });

  it('refuses the change to deputies, units, leaders, citizens and the anonymous', async () => {
    const before = (await c.staff.get(url)).json();
    for (const k of ['p', 'unitA', 'leader', 'citizen'])
      expect((await c[k].put(url, { replyMonths: 2 })).statusCode, k).toBe(403);
    expect((await c.anon.put(url, { replyMonths: 2 })).statusCode).toBe(401);
    expect((await c.staff.get(url)).json()).toEqual(before);
  });
});
