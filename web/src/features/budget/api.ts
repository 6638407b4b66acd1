// The budget feature's endpoints (budget years, their lines and execution, the warnings, the investment
// projects and the inquiries): the one place of this feature that knows their URLs. Names are the server's
// operationIds; pages read through `paths` with useResource / usePagedList and write through the functions.
import { api, qs } from '../../api';
import type { Rejection } from './types';

export const paths = {
  /** Paged: `usePagedList(paths.findBudgets())`. */
  findBudgets: () => '/budgets',
  getBudget: (id: string) => `/budgets/${id}`,
  /** A level of the lines under `code` (all of the first level without it), up to 500. */
  findBudgetLines: (
    budgetId: string,
    code: string | undefined,
    level: 'class' | 'section' | 'item' | undefined,
  ) => `/budgets/${budgetId}/lines${qs({ code, level, limit: 500 })}`,
  getBudgetExecutionCurve: (budgetId: string, code: string | undefined) =>
    `/budgets/${budgetId}/execution${qs({ code })}`,
  getBudgetWarnings: (budgetId: string) => `/budgets/${budgetId}/warnings`,
  /** Paged: `usePagedList(paths.findInvestmentProjects(budgetId), { urgent })`. */
  findInvestmentProjects: (budgetId: string) => `/budgets/${budgetId}/investment-projects`,
  getInvestmentSummary: (budgetId: string) => `/budgets/${budgetId}/investment-projects/summary`,
  /** Paged: `usePagedList(paths.findBudgetInquiries(), { budgetId })`. */
  findBudgetInquiries: () => '/budget-inquiries',
  /** Up to 200 handling units, for the pickers. */
  findHandlingUnits: () => '/handling-units?limit=200',
};

// Budget years
export const createBudget = (body: object, idempotencyKey: string) =>
  api.post<{ id: string }>('/budgets', body, { idempotencyKey });
export const updateBudgetDates = (
  id: string,
  body: { draftSubmittedOn: string | null; approvedOn: string | null; publishedOn: string | null },
) => api.patch(`/budgets/${id}`, body);

// The imports
export const importBudgetLines = (budgetId: string, form: FormData) =>
  api.upload<{ imported: number; rejected: Rejection[] }>(`/budgets/${budgetId}/lines:import`, form);
export const importBudgetExecution = (
  budgetId: string,
  body: { month: string; rows: { code: string; amount: string }[] },
) => api.post<{ month: string; codes: number; total: string }>(`/budgets/${budgetId}/execution:import`, body);

// Investment projects
export const addInvestmentProject = (budgetId: string, body: object, idempotencyKey: string) =>
  api.post<{ id: string }>(`/budgets/${budgetId}/investment-projects`, body, { idempotencyKey });

// Inquiries
export const createBudgetInquiry = (
  budgetId: string,
  body: { rule: string; code: string; unitId: string; question: string; deadline?: string },
  idempotencyKey: string,
) => api.post<{ id: string }>(`/budgets/${budgetId}/inquiries`, body, { idempotencyKey });
export const answerBudgetInquiry = (id: string, body: { answer: string }) =>
  api.post(`/budget-inquiries/${id}/answer`, body);
