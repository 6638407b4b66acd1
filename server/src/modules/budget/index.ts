// 预算审查监督 (budget review and supervision, issue 19): the budget year per congress, its draft lines by
// classification code in the four budgets, monthly execution with the warning rules evaluated from the data
// (预算联网监督), inquiries on warnings answered by the unit, the investment-project pre-arrangement list, the
// draft before deputies (consultation rounds by area, opinions and the finance department's feedback) and the
// preliminary review with its report to the presidium, transfers and carry-overs, urgent projects released before
// approval (Art. 54), adjustment plans (Art. 67–69), the final accounts and the audit's findings to rectification.
// Other modules import only this file.
import type { Module } from '../../platform/module';
import { budgetRoutes } from './budgets.routes';
import { budgetInquiryRoutes } from './budget-inquiries.routes';
import { budgetReviewRoutes } from './budget-review.routes';
import { budgetChangeRoutes } from './budget-changes.routes';
import { budgetFinalAccountsRoutes } from './budget-final-accounts.routes';
import { seedBudgetDemo } from './budget.demo';
import './budget.settings';

export const budgetModule: Module = {
  name: 'budget',
  async routes(app) {
    await app.register(budgetRoutes);
    await app.register(budgetInquiryRoutes);
    await app.register(budgetReviewRoutes);
    await app.register(budgetChangeRoutes);
    await app.register(budgetFinalAccountsRoutes);
  },
  seedDemo: seedBudgetDemo,
};
