// Shapes of the suggestions API as the pages use them.
import type { Abilities, LocalizedText } from '../../api';
import { formatDate, formatDateTime } from '../../shell/datetime';

export interface SuggestionItem {
  id: string;
  number: string | null;
  title: string;
  category: string;
  status: string;
  submittedAt: string | null;
  deadline: string | null;
  replyCategory: string | null;
  rating: string | null;
  isKey: boolean;
  overdue: boolean;
  proposerName: string | null;
  leadUnitName: string | null;
}

export interface Unit {
  id: string;
  name: string;
}
export interface SuggestionDetail {
  id: string;
  number: string | null;
  status: string;
  title: string;
  content: string;
  category: string;
  proposer: { id: string; name: string };
  cosigners: { deputyId: string; name: string; status: string }[];
  attachments: { id: string; originalName: string }[];
  submittedAt: string | null;
  deadline: string | null;
  overdue: boolean;
  /** The first assignment (交办); assignedAt moves with a re-assignment after a hand-back. */
  firstAssignedAt: string | null;
  assignedAt: string | null;
  extended: boolean;
  extensions: {
    id: string;
    unit: Unit;
    reason: string;
    status: 'pending' | 'approved' | 'refused' | 'superseded';
    requestedAt: string;
    decisionComment: string;
    decidedAt: string | null;
    deadlineAfter: string | null;
  }[];
  rehandlingReviews: {
    id: string;
    round: number;
    decision: 'rehandle' | 'decline';
    comment: string;
    decidedAt: string;
  }[];
  rehandlingRound: number;
  review: { comment: string; checks: Record<string, boolean> | null; reviewedAt: string | null };
  referralReason: string;
  handlingCaseId: string | null;
  assignments: {
    id: string;
    unit: Unit;
    role: 'lead' | 'assisting';
    assignedAt: string;
    endedAt: string | null;
  }[];
  handBacks: { id: string; unit: Unit; reason: string; status: string; requestedAt: string }[];
  contacts: { id: string; unit: Unit; method: string; summary: string; contactedOn: string; round: number }[];
  unitOpinions: { id: string; unit: Unit; content: string }[];
  replies: {
    id: string;
    round: number;
    unit: Unit;
    category: string;
    content: string;
    createdAt: string;
    letterUrl: string;
  }[];
  ratings: { id: string; round: number | null; name: string; rating: string; comment: string }[];
  isKey: boolean;
  published: boolean;
  leader: { accountId: string; name: string } | null;
  /** Every leader who leads a key suggestion's supervision, in the order chosen. */
  leaders: { accountId: string; name: string }[];
  supervisions: { id: string; kind: string; note: string; occurredOn: string }[];
  /** Every step of its handling, oldest first (issue 23 point 4). */
  history: HistoryEntry[];
  abilities: Abilities;
}

export interface HistoryEntry {
  at: string;
  action: string;
  actor: { name: string | null; role: string; unit: string | null };
  detail: Record<string, string | number | null | undefined>;
}

export interface Category {
  code: string;
  zh: string;
  en: string;
}

export const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  awaitingCosigners: 'gold',
  submitted: 'blue',
  returnedForRevision: 'orange',
  referredAsOpinion: 'default',
  accepted: 'cyan',
  assigned: 'processing',
  handBackRequested: 'orange',
  replied: 'purple',
  rated: 'purple',
  rehandlingReview: 'magenta',
  rehandling: 'red',
  followUp: 'geekblue',
  closed: 'green',
  withdrawn: 'default',
};

/** Times and dates as the whole app shows them (shell/datetime.ts); a dash for none. */
export const fmtDateTime = (iso: string | null | undefined): string => formatDateTime(iso) || '—';
export const fmtDate = (iso: string | null | undefined): string => formatDate(iso) || '—';

/** A published reply on the public site (答复公开). */
export interface PublicReplyItem {
  id: string;
  number: string | null;
  title: string;
  category: string;
  categoryLabel: LocalizedText;
  proposerName: string | null;
  leadUnitId: string | null;
  leadUnitName: string | null;
  resultCategory: string;
  resultLabel: LocalizedText;
  replyContent: string;
  round: number;
  repliedAt: string;
}

export interface PublicReplyDetail extends Omit<PublicReplyItem, 'replyContent' | 'round' | 'repliedAt'> {
  replies: {
    round: number;
    unitName: string | null;
    resultCategory: string;
    resultLabel: LocalizedText;
    content: string;
    repliedAt: string;
  }[];
}

/** Result category colours, A (solved) green to D (reference) grey. */
export const RESULT_COLORS: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'default' };
