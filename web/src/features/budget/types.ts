// The budget API's shapes as the pages read them (money is a yuan string with two decimals).
import type { Abilities, LocalizedText } from '../../api';

export type BudgetKind = 'general' | 'governmentFund' | 'stateCapital' | 'socialInsurance';
export const BUDGET_KINDS: BudgetKind[] = ['general', 'governmentFund', 'stateCapital', 'socialInsurance'];

export interface BudgetSummary {
  id: string;
  year: number;
  sittingDate: string;
  draftDeadline: string;
  draftSubmittedOn: string | null;
  draftLate: boolean | null;
  approvedOn: string | null;
  publishedOn: string | null;
  totals: Record<BudgetKind, string>;
}

export interface Budget extends BudgetSummary {
  publicationDeadline: string | null;
  financeUnit: { id: string; name: string; nameEn: string } | null;
  total: string;
  executed: string;
  rate: string;
  lastMonth: number;
  abilities: Abilities;
}

export interface BudgetLine {
  code: string;
  name: string;
  budget: BudgetKind;
  amount: string;
  executed: string;
  rate: string;
}

export interface Curve {
  code: string;
  budget: string;
  executed: string;
  items: { month: number; spent: string; cumulative: string; rate: string; elapsed: string }[];
}

export interface Warning {
  rule: string;
  code: string;
  name: string;
  severity: 'high' | 'medium' | 'low';
  evidence: Record<string, string | number | null>;
}

export interface InvestmentProject {
  id: string;
  name: string;
  unit: string;
  amount: string;
  urgent: boolean;
  category: string;
  street: string;
  fundingSource: string;
  stage: string;
  releasedOn: string | null;
  releaseBasis: string | null;
  releaseNote: string;
}

export interface InvestmentSummary {
  count: number;
  urgentCount: number;
  urgentAmount: string;
  amount: string;
  releasedCount: number;
  releasedAmount: string;
  byCategory: { key: string; count: number; amount: string; urgentAmount: string }[];
  byStreet: { key: string; count: number; amount: string; urgentAmount: string }[];
}

export interface BudgetInquiry {
  id: string;
  budgetId: string;
  year: number;
  rule: string;
  code: string;
  evidence: Record<string, unknown>;
  unit: { id: string; name: string; nameEn: string };
  question: string;
  deadline: string;
  status: 'open' | 'answered';
  answer: string;
  answeredAt: string | null;
  createdAt: string;
  abilities: Abilities;
}

/** Yuan with thousands separators, exactly as the string says (never through a float). */
export function yuan(v: string): string {
  const [whole, frac = '00'] = v.split('.');
  const neg = whole.startsWith('-');
  const digits = neg ? whole.slice(1) : whole;
  return `${neg ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** 万元 for a chart axis (a display figure; the exact amount stays a string elsewhere). */
export const wan = (v: string): number => Number(v.split('.')[0]) / 10000;

/** Amounts in full yuan: smaller than antd's default so that billions fit half a phone's width. */
export const MONEY_STYLE = { fontSize: 18, wordBreak: 'break-all' as const };

/** A row an import refused: its line in the file, the field and why. */
export interface Rejection {
  row: number;
  field: string;
  reason: string;
  message: LocalizedText;
}

export interface ConsultationOpinion {
  id: string;
  inviteeId: string;
  by: string;
  byKind: 'deputy' | 'voterRepresentative';
  code: string;
  lineName: string;
  topic: string;
  content: string;
  status: 'open' | 'answered';
  feedback: string;
  feedbackAt: string | null;
  createdAt: string;
}

export interface ConsultationRound {
  id: string;
  area: string;
  heldOn: string;
  place: string;
  material: string;
  invitees: {
    id: string;
    kind: 'deputy' | 'voterRepresentative';
    deputyId: string | null;
    name: string;
    organization: string;
  }[];
  opinions: ConsultationOpinion[];
  abilities: Abilities;
}

export interface Consultation {
  items: ConsultationRound[];
  totals: { rounds: number; invitees: number; opinions: number; answered: number };
}

export const REVIEW_POINTS = [
  'lastYearExecution',
  'legality',
  'policyFeasibility',
  'keyExpenditure',
  'completeness',
  'transfers',
  'borrowing',
  'explanations',
] as const;

export interface Review {
  sittingDate: string;
  draftDeadline: string;
  draftSubmittedOn: string | null;
  draftLate: boolean | null;
  points: { point: (typeof REVIEW_POINTS)[number]; findings: string | null; updatedAt: string | null }[];
  conclusion: { recommendation: string; suggestions: string; updatedAt: string } | null;
  figures: {
    expenditure: Record<BudgetKind, string>;
    reserve: string;
    reserveShare: string;
    lastYear: { year: number; budget: string; executed: string; rate: string } | null;
    consultation: { rounds: number; deputies: number; voters: number; opinions: number; answered: number };
    investment: { count: number; amount: string; urgentCount: number; urgentAmount: string };
  };
  abilities: Abilities;
}

export interface Transfer {
  id: string;
  code: string;
  recipient: string;
  kind: 'general' | 'special';
  purpose: string;
  amount: string;
  issuedOn: string | null;
  deadline: string | null;
  late: boolean;
}

export interface CarryOver {
  id: string;
  code: string;
  name: string;
  fromYear: number;
  amount: string;
  unused: string;
  idle: boolean;
}

export interface Adjustment {
  id: string;
  title: string;
  grounds: string[];
  reason: string;
  meetingDate: string;
  planSubmittedOn: string | null;
  planDeadline: string;
  planLate: boolean | null;
  status: 'submitted' | 'approved' | 'rejected';
  decidedOn: string | null;
  net: string;
  lines: { budget: BudgetKind; code: string; change: string }[];
}

export interface PreApproval {
  approvedOn: string | null;
  months: number;
  lastYearAvailable: boolean;
  thisYear: string;
  lastYear: string;
  classes: { code: string; name: string; thisYear: string; lastYear: string; above: boolean }[];
  releases: { count: number; amount: string; byBasis: { basis: string; count: number; amount: string }[] };
}

export interface FinalAccounts {
  year: number;
  submittedOn: string | null;
  submittedOutOfWindow: boolean | null;
  auditReportOn: string | null;
  rectificationDeadline: string | null;
  rectificationHeardOn: string | null;
  rectificationReportLate: boolean;
  approvedOn: string | null;
  headings: {
    budget: BudgetKind;
    code: string;
    name: string;
    budgeted: string;
    adjusted: string;
    actual: string;
    rate: string;
  }[];
  points: { point: string; findings: string | null; updatedAt: string | null }[];
  auditFindings: {
    id: string;
    unit: { id: string; name: string; nameEn: string };
    finding: string;
    amount: string;
    measures: string;
    status: AuditFindingStatus;
    rectifiedOn: string | null;
    overdue: boolean;
    abilities: Abilities;
  }[];
  abilities: Abilities;
}

export type AuditFindingStatus = 'open' | 'rectifying' | 'rectified';

/** An audit finding as a unit lists the findings addressed to it. */
export interface AuditFinding {
  id: string;
  budgetId: string;
  year: number;
  unit: { id: string; name: string; nameEn: string };
  finding: string;
  amount: string;
  measures: string;
  status: AuditFindingStatus;
  rectifiedOn: string | null;
  rectificationDeadline: string | null;
  overdue: boolean;
  createdAt: string;
  abilities: Abilities;
}

/** One area's (片区) view of a budget year. */
export interface AreaView {
  year: number;
  areas: string[];
  area: string | null;
  streets: { id: string; name: string; nameEn: string }[];
  codes: string[];
  rounds: {
    id: string;
    area: string;
    heldOn: string;
    place: string;
    invitees: { id: string; kind: string; name: string }[];
    opinions: {
      id: string;
      by: string;
      code: string;
      lineName: string;
      topic: string;
      content: string;
      status: 'open' | 'answered';
      feedback: string;
    }[];
  }[];
  warnings: Warning[];
}
