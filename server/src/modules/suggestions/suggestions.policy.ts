// Who may do what to a suggestion: deputies their own (and what they co-sign), congress staff the review and
// assignment, handling-unit staff what is assigned to their unit, leaders the key suggestions they lead.
import { allow, definePolicy } from '../../platform/access';
import type { Actor } from '../../platform/context';

export interface SuggestionResource {
  congressId: string;
  status: string;
  proposerDeputyId: string;
  /** Co-signers who have not yet confirmed. */
  pendingCosignerIds: string[];
  /** Proposer and confirmed co-signers: every one of them gets the reply and rates it. */
  raterDeputyIds: string[];
  leadUnitId: string | null;
  assistingUnitIds: string[];
  /** Every unit ever assigned (for reading). */
  everUnitIds: string[];
  /** The leaders who lead a key suggestion's supervision (empty when it is not key). */
  leaderAccountIds: string[];
}

const isProposer = (a: Actor, r: SuggestionResource) => !!a.deputyId && a.deputyId === r.proposerDeputyId;
const isDeputyOf = (a: Actor, r: SuggestionResource) =>
  !!a.deputyId && (r.raterDeputyIds.includes(a.deputyId) || r.pendingCosignerIds.includes(a.deputyId));
const activeUnit = (a: Actor, r: SuggestionResource) =>
  !!a.handlingUnitId && (a.handlingUnitId === r.leadUnitId || r.assistingUnitIds.includes(a.handlingUnitId));
const leadUnit = (a: Actor, r: SuggestionResource) => !!a.handlingUnitId && a.handlingUnitId === r.leadUnitId;
const assistingUnit = (a: Actor, r: SuggestionResource) =>
  !!a.handlingUnitId && r.assistingUnitIds.includes(a.handlingUnitId);

/** Not yet submitted: a draft, or one waiting for its co-signers (issue 22 item 7). */
export const UNSUBMITTED_STATUSES = ['draft', 'awaitingCosigners'] as const;
const isUnsubmitted = (r: SuggestionResource) =>
  (UNSUBMITTED_STATUSES as readonly string[]).includes(r.status);

/**
 * A draft is its authors' (proposer and co-signers) until submitted: anyone else is answered 404, as if it did
 * not exist, by every endpoint that names it.
 */
export const isHiddenFrom = (a: Actor, r: SuggestionResource) => isUnsubmitted(r) && !isDeputyOf(a, r);

export const suggestionPolicy = definePolicy<SuggestionResource>('suggestion', [
  allow(['congressStaff', 'leader'], 'view', (_a, r) => !isUnsubmitted(r)),
  allow('deputy', 'view', isDeputyOf),
  allow(
    'handlingUnitStaff',
    'view',
    (a, r) => !!a.handlingUnitId && r.everUnitIds.includes(a.handlingUnitId),
  ),
  allow('deputy', ['edit', 'withdraw', 'resubmit'], isProposer),
  allow('deputy', 'confirmCosign', (a, r) => !!a.deputyId && r.pendingCosignerIds.includes(a.deputyId)),
  allow('congressStaff', [
    'review',
    'merge',
    'assign',
    'decideHandBack',
    'decideExtension',
    'reviewRehandling',
    'selectKey',
    'publish',
  ]),
  allow('handlingUnitStaff', ['logContact', 'requestHandBack'], activeUnit),
  // 上海规定 Art. 19: the unit that must answer applies for the extension.
  allow('handlingUnitStaff', ['reply', 'reportSolved', 'applyExtension'], leadUnit),
  allow('handlingUnitStaff', 'addOpinion', assistingUnit),
  allow('deputy', 'rate', (a, r) => !!a.deputyId && r.raterDeputyIds.includes(a.deputyId)),
  allow('leader', 'supervise', (a, r) => r.leaderAccountIds.includes(a.accountId)),
  allow('congressStaff', 'supervise'),
]);

/** Policy action → workflow event, so abilities reflect both who and when. */
export const ACTION_EVENT = {
  edit: 'edit',
  withdraw: 'withdraw',
  resubmit: 'resubmit',
  confirmCosign: 'confirmCosign',
  review: 'accept',
  merge: 'merge',
  assign: 'assign',
  decideHandBack: 'reassign',
  applyExtension: 'applyExtension',
  decideExtension: 'approveExtension',
  reviewRehandling: 'rehandle',
  selectKey: 'selectKey',
  publish: 'publish',
  logContact: 'logContact',
  requestHandBack: 'requestHandBack',
  reply: 'reply',
  reportSolved: 'reportSolved',
  addOpinion: 'addOpinion',
  rate: 'rate',
  supervise: 'supervise',
} as const;
