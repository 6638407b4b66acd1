// The demo's budget years: this year's lines add up to their parents, execution through November makes the
// promised warnings hold (and no year-end rush), the finance department's and the unit's inquiries are there,
// and next year's investment list has 172 urgent projects of about ¥2.8 bn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parentTotalMismatches, parseYuan, type BudgetKind } from '@minyi/domain/budget';
import { DEMO_PASSWORD, loadDemo } from '../../demo';
import { createTestEnv, type TestEnv } from '../../../test/harness';

let t: TestEnv;
beforeAll(async () => {
  t = await createTestEnv();
  await loadDemo(t.services);
}, 300_000);
afterAll(async () => t?.close());

async function login(username: string) {
  const res = await t.anon.post('/api/v1/auth/login', { username, password: DEMO_PASSWORD });
  expect(res.statusCode).toBe(200);
  return { cookie: String(res.headers['set-cookie']).split(';')[0], 'x-csrf-token': res.json().csrfToken };
}

describe('budget demo', () => {
  it('has three budget years; this year’s lines add up and its execution makes the promised warnings hold', async () => {
    const staff = await login('staff');
    const list = (await t.anon.get('/api/v1/budgets', staff)).json().items;
    expect(list).toHaveLength(3);
    const current = list[1];
    const lines = (await t.anon.get(`/api/v1/budgets/${current.id}/lines?limit=500`, staff)).json().items as {
      code: string;
      budget: BudgetKind;
      amount: string;
    }[];
    expect(lines.length).toBeGreaterThan(60);
    expect(
      parentTotalMismatches(
        lines.map((l, row) => ({ row, budget: l.budget, code: l.code, fen: parseYuan(l.amount)! })),
      ),
    ).toEqual([]);
    const warnings = (await t.anon.get(`/api/v1/budgets/${current.id}/warnings`, staff)).json().items as {
      rule: string;
      code: string;
    }[];
    const held = warnings.map((w) => `${w.rule}:${w.code}`).sort();
    expect(held).toEqual(
      expect.arrayContaining([
        'behindSchedule:20604',
        'behindSchedule:21203',
        'offBudget:2150805',
        'overBudget:22401',
        'revenueFalling:101',
        'sanGongOverBudget:30215',
        'transferLate:23002',
        'transferLate:23003',
        'carryOverIdle:21203',
      ]),
    );
    expect(warnings.some((w) => w.rule === 'yearEndRush' || w.rule === 'reserveOutOfRange')).toBe(false);
    // A handful, not a flood: the staff can read every one.
    expect(warnings.length).toBeLessThanOrEqual(10);
  });

  it('has an answered inquiry from the finance department and an open one with the housing bureau', async () => {
    const finance = await login('finance');
    const mine = (await t.anon.get('/api/v1/budget-inquiries', finance)).json().items;
    expect(mine).toEqual([expect.objectContaining({ rule: 'offBudget', status: 'answered' })]);
    const unit2 = await login('unit2');
    const open = (await t.anon.get('/api/v1/budget-inquiries', unit2)).json().items;
    expect(open).toEqual([
      expect.objectContaining({
        rule: 'behindSchedule',
        status: 'open',
        abilities: { read: true, answer: true },
      }),
    ]);
  });

  it('lists next year’s 172 urgent investment projects of about ¥2.8 bn, each name once', async () => {
    const leader = await login('leader');
    const next = (await t.anon.get('/api/v1/budgets', leader)).json().items[0];
    const s = (await t.anon.get(`/api/v1/budgets/${next.id}/investment-projects/summary`, leader)).json();
    expect(s.urgentCount).toBe(172);
    const urgent = Number(s.urgentAmount) / 1e8;
    expect(urgent).toBeGreaterThan(27.5);
    expect(urgent).toBeLessThan(28.5);
    expect(s.byCategory.length).toBe(8);
    const names = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: { items: { name: string }[]; nextCursor: string | null } = (
        await t.anon.get(
          `/api/v1/budgets/${next.id}/investment-projects?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
          leader,
        )
      ).json();
      for (const p of page.items) names.add(p.name);
      cursor = page.nextCursor;
    } while (cursor);
    expect(names.size).toBe(s.count);
  });

  it('has next year’s draft before deputies in four areas with feedback, and this year’s review in full', async () => {
    const deputy = await login('deputy');
    const [next, current] = (await t.anon.get('/api/v1/budgets', deputy)).json().items;
    const c = (await t.anon.get(`/api/v1/budgets/${next.id}/consultation`, deputy)).json();
    expect(c.items.map((r: { area: string }) => r.area)).toHaveLength(4);
    expect(c.totals).toMatchObject({ rounds: 4, opinions: 14, answered: 12 });
    for (const r of c.items) {
      expect(r.invitees.filter((i: { kind: string }) => i.kind === 'deputy').length).toBeGreaterThan(0);
      expect(r.invitees.filter((i: { kind: string }) => i.kind === 'voterRepresentative')).toHaveLength(3);
    }
    // Every opinion on a line names a real line of the draft.
    for (const o of c.items.flatMap((r: { opinions: { code: string; lineName: string }[] }) => r.opinions))
      if (o.code) expect(o.lineName).not.toBe('');
    const review = (await t.anon.get(`/api/v1/budgets/${next.id}/review`, deputy)).json();
    expect(review.points.filter((p: { findings: string | null }) => p.findings)).toHaveLength(4);
    expect(review.conclusion).toBeNull();
    expect(review.figures.consultation).toMatchObject({ rounds: 4, opinions: 14, answered: 12 });
    const done = (await t.anon.get(`/api/v1/budgets/${current.id}/review`, deputy)).json();
    expect(done.conclusion.recommendation).toBe('approve');
    const adj = (await t.anon.get(`/api/v1/budgets/${current.id}/adjustments`, deputy)).json().items;
    expect(adj.map((x: { status: string; planLate: boolean }) => [x.status, x.planLate])).toEqual([
      ['submitted', false],
      ['approved', false],
    ]);
    const [, , last] = (await t.anon.get('/api/v1/budgets', deputy)).json().items;
    const fa = (await t.anon.get(`/api/v1/budgets/${last.id}/final-accounts`, deputy)).json();
    expect(fa.submittedOutOfWindow).toBe(false);
    expect(fa.auditFindings.map((f: { status: string }) => f.status).sort()).toEqual([
      'open',
      'rectified',
      'rectified',
      'rectifying',
      'rectifying',
    ]);
  });
});
