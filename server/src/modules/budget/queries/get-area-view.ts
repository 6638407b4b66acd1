// One area's (片区) view of a budget year, for a deputy on a phone: the consultation rounds held in the area with
// the opinions and the finance department's feedback, and the warnings that concern the area now — the warnings
// on the lines the area's deputies and voters gave opinions on (the line, a line below it or above it) and the
// late transfers to the area's streets (预算法 Art. 52). A deputy's areas are the rounds held in the streets of
// their active mandates or that invited them; a deputy asking for another area is refused (403). Staff and
// leaders may look at any area.
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor, AppServices } from '../../../platform/context';
import { forbidden } from '../../../platform/errors';
import { jurisdictions, mandates } from '../../registry';
import { budgetResource, evaluateBudget, readableBudget } from '../budget.repository';
import { budgetPolicy } from '../budget.policy';
import { getConsultation } from './get-consultation';

export async function getAreaView(app: AppServices, actor: Actor, budgetId: string, q: { area?: string }) {
  const db = app.db;
  const staff = actor.roles.includes('congressStaff') || actor.roles.includes('leader');
  const budget = await readableBudget(db, actor, budgetId);
  budgetPolicy.authorize(actor, 'readArea', budgetResource(budget));
  if (!staff && !actor.deputyId) throw forbidden();
  const consultation = await getConsultation(db, actor, budgetId);
  let rounds = consultation.items;
  if (!staff) {
    const mine = await db
      .select({ streetId: mandates.streetId })
      .from(mandates)
      .where(
        and(
          eq(mandates.congressId, actor.congressId),
          eq(mandates.deputyId, actor.deputyId!),
          eq(mandates.status, 'active'),
        ),
      );
    const streets = new Set(mine.flatMap((m) => (m.streetId ? [m.streetId] : [])));
    rounds = rounds.filter(
      (r) => r.streetIds.some((s) => streets.has(s)) || r.invitees.some((i) => i.deputyId === actor.deputyId),
    );
  }
  const areas = [...new Set(rounds.map((r) => r.area))];
  if (q.area && !areas.includes(q.area)) {
    if (!staff) throw forbidden();
  }
  const area = q.area ?? areas[0] ?? null;
  const here = rounds.filter((r) => r.area === area);
  const streetIds = [...new Set(here.flatMap((r) => r.streetIds))];
  const streets = streetIds.length
    ? await db
        .select({ id: jurisdictions.id, name: jurisdictions.name, nameEn: jurisdictions.nameEn })
        .from(jurisdictions)
        .where(and(eq(jurisdictions.congressId, actor.congressId), inArray(jurisdictions.id, streetIds)))
    : [];
  const codes = [...new Set(here.flatMap((r) => r.opinions.map((o) => o.code)).filter(Boolean))];
  const concerns = (w: { rule: string; code: string; name: string }) =>
    codes.some((c) => w.code.startsWith(c) || c.startsWith(w.code)) ||
    (w.rule === 'transferLate' &&
      !!w.name &&
      streets.some((s) => w.name.includes(s.name) || s.name.includes(w.name)));
  const warnings = area ? (await evaluateBudget(app, db, budget)).filter(concerns) : [];
  return {
    year: budget.year,
    areas,
    area,
    streets,
    codes,
    rounds: here,
    warnings,
  };
}
