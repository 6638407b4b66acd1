// What the opinions endpoints answer, shared by api.ts and the pages.
import type { Abilities } from '../../api';
import type { TimelineEvent } from './shared';

export interface Opinion {
  id: string;
  trackingCode: string;
  content: string;
  category: string;
  streetId: string;
  location: string | null;
  channel: string;
  name: string | null;
  phone: string | null;
  isPublic: boolean;
  hidden: boolean;
  hiddenReason: string | null;
  status: string;
  due: string | null;
  deputyId: string | null;
  deadlineAt: string | null;
  replyOutcome: string | null;
  replyContent: string | null;
  decisionNote: string | null;
  rating: string | null;
  createdAt: string;
  assignments: {
    unitId: string;
    unitName: string;
    role: string;
    active: boolean;
    endReason: string | null;
  }[];
  photos: string[];
  timeline: TimelineEvent[];
  abilities: Abilities;
}

/** What the citizen's tracking page shows (code + last four digits of the phone). */
export interface Tracked {
  trackingCode: string;
  status: string;
  category: string;
  street: { name: string; nameEn: string } | null;
  content: string;
  submittedAt: string;
  deadlineAt: string | null;
  decisionNote: string | null;
  reply: { outcome: string | null; content: string; at: string } | null;
  rating: string | null;
  canRate: boolean;
  /** Someone guessed at the code: the rating is taken by staff, not online (issue 22 item 3a). */
  ratingLocked?: boolean;
  suggestion: { status: string } | null;
  timeline: TimelineEvent[];
}

/** A submitted opinion: its id and the code the citizen tracks it with. */
export interface Submitted {
  id: string;
  trackingCode: string;
}
