// The warnings that hold now for a budget, evaluated from its data each time (never stored, so they cannot go
// stale), each with its evidence, most severe first.
import type { AppServices, Actor } from '../../../platform/context';
import { SEVERITIES } from '@minyi/domain/budget';
import { budgetResource, evaluateBudget, readableBudget } from '../budget.repository';
import { budgetPolicy } from '../budget.policy';

export async function getWarnings(app: AppServices, actor: Actor, budgetId: string) {
  const budget = await readableBudget(app.db, actor, budgetId);
  const warnings = await evaluateBudget(app, app.db, budget);
  const items = warnings
    .map((w, i) => ({ ...w, i }))
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.i - b.i)
    .map(({ i: _i, ...w }) => w);
  return {
    items,
    abilities: budgetPolicy.abilities(actor, budgetResource(budget)),
  };
}
