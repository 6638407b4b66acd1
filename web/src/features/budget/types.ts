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
}

export interface InvestmentSummary {
  count: number;
  urgentCount: number;
  urgentAmount: string;
  amount: string;
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
