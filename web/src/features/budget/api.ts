// The budget feature's endpoints (budget years, their lines and execution, the warnings, the investment
// projects and the inquiries): the one place of this feature that knows their URLs. Names are the server's
// operationIds; pages read through `paths` with useResource / usePagedList and write through the functions.
import { api, download, qs } from '../../api';
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
  getBudgetConsultation: (budgetId: string) => `/budgets/${budgetId}/consultation`,
  getBudgetReview: (budgetId: string) => `/budgets/${budgetId}/review`,
  findTransfers: (budgetId: string) => `/budgets/${budgetId}/transfers`,
  findCarryOvers: (budgetId: string) => `/budgets/${budgetId}/carry-overs`,
  findAdjustments: (budgetId: string) => `/budgets/${budgetId}/adjustments`,
  getPreApprovalSpending: (budgetId: string) => `/budgets/${budgetId}/pre-approval`,
  getFinalAccounts: (budgetId: string) => `/budgets/${budgetId}/final-accounts`,
  /** One area's view (a deputy's own area without `area`). */
  getBudgetAreaView: (budgetId: string, area: string | undefined) =>
    `/budgets/${budgetId}/area${qs({ area })}`,
  /** Paged: `usePagedList(paths.findBudgetAuditFindings(), { status })`. */
  findBudgetAuditFindings: () => '/budget-audit-findings',
  /** Deputies matching a name, for the invitation picker. */
  findDeputies: (q: string) => `/deputies${qs({ q: q || undefined, limit: 20 })}`,
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

// The draft before deputies
export const createConsultationRound = (budgetId: string, body: object, idempotencyKey: string) =>
  api.post<{ id: string }>(`/budgets/${budgetId}/consultation-rounds`, body, { idempotencyKey });
export const recordConsultationOpinion = (roundId: string, body: object, idempotencyKey: string) =>
  api.post<{ id: string }>(`/budget-consultation-rounds/${roundId}/opinions`, body, { idempotencyKey });
export const giveOpinionFeedback = (opinionId: string, body: { feedback: string }) =>
  api.post(`/budget-consultation-opinions/${opinionId}/feedback`, body);
export const renderConsultationOpinions = (budgetId: string, filename: string) =>
  download(`/budgets/${budgetId}/consultation/opinions.docx`, filename);

// The preliminary review
export const recordReviewFindings = (budgetId: string, point: string, body: { findings: string }) =>
  api.put(`/budgets/${budgetId}/review/points/${point}`, body);
export const recordReviewConclusion = (
  budgetId: string,
  body: { recommendation: string; suggestions: string },
) => api.put(`/budgets/${budgetId}/review/conclusion`, body);
export const renderReviewReport = (budgetId: string, filename: string) =>
  download(`/budgets/${budgetId}/review/report.docx`, filename);

// Changes after the draft
export const releaseInvestmentProject = (
  projectId: string,
  body: { releasedOn: string; basis: string; note: string },
) => api.post(`/budget-investment-projects/${projectId}/release`, body);
export const issueTransfer = (transferId: string, body: { issuedOn: string }) =>
  api.post(`/budget-transfers/${transferId}/issue`, body);
export const recordTransfer = (budgetId: string, body: object, idempotencyKey: string) =>
  api.post<{ id: string }>(`/budgets/${budgetId}/transfers`, body, { idempotencyKey });
export const decideAdjustment = (adjustmentId: string, body: { decision: string; decidedOn: string }) =>
  api.post(`/budget-adjustments/${adjustmentId}/decision`, body);

// Audit findings (审计整改)
export const recordAuditFinding = (
  budgetId: string,
  body: { unitId: string; finding: string; amount: string },
  idempotencyKey: string,
) => api.post<{ id: string }>(`/budgets/${budgetId}/audit-findings`, body, { idempotencyKey });
export const rectifyAuditFinding = (
  findingId: string,
  body: { measures: string; status: string; rectifiedOn: string | null },
) => api.post(`/budget-audit-findings/${findingId}/rectification`, body);
