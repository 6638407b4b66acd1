// Who may do what with a budget year. Congress staff (the budget working committee's office, 预算工委) create it,
// import its draft lines and the execution, keep the investment list and put warnings as inquiries; the finance
// department's handling-unit staff may push the monthly execution (the finance system's feed) and read; leaders
// and deputies read (the budget is reviewed by deputies, Art. 45, 48). An inquiry is answered from the account
// of the unit it was put to.
import { allow, definePolicy } from '../../platform/access';
import type { Actor } from '../../platform/context';

export interface BudgetResource {
  congressId: string;
  /** The finance department's handling unit for this budget. */
  financeUnitId: string | null;
}

const isFinanceUnit = (a: Actor, r: { financeUnitId: string | null }) =>
  !!a.handlingUnitId && a.handlingUnitId === r.financeUnitId;

export const budgetPolicy = definePolicy<BudgetResource>('budget', [
  allow(['congressStaff', 'leader', 'deputy'], 'read'),
  // One area's view (片区): staff and leaders any area, a deputy their own (checked in the query).
  allow(['congressStaff', 'leader', 'deputy'], 'readArea'),
  allow(
    'handlingUnitStaff',
    ['read', 'importExecution', 'recordTransfer', 'recordCarryOver', 'submitAdjustment'],
    isFinanceUnit,
  ),
  allow('congressStaff', [
    'importLines',
    'importExecution',
    'updateDates',
    'addInvestmentProject',
    'createInquiry',
    'createConsultationRound',
    'recordReview',
    'recordTransfer',
    'recordCarryOver',
    'releaseInvestmentProject',
    'submitAdjustment',
    'decideAdjustment',
    'recordFinalAccounts',
    'recordAuditFinding',
  ]),
]);

/** A consultation round on the draft (预算草案预先见代表): who was invited, and the budget's finance department. */
export interface ConsultationResource {
  congressId: string;
  financeUnitId: string | null;
  invitedDeputyIds: readonly string[];
}

const invited = (a: Actor, r: ConsultationResource) =>
  !!a.deputyId && r.invitedDeputyIds.includes(a.deputyId);

// Staff note the opinions given at the meeting; an invited deputy may give their own; the finance department
// feeds back on each (预算法 Art. 22 ¶6).
export const budgetConsultationPolicy = definePolicy<ConsultationResource>('budgetConsultation', [
  allow(['congressStaff', 'leader', 'deputy'], 'read'),
  allow('handlingUnitStaff', ['read', 'giveFeedback'], (a, r) => isFinanceUnit(a, r)),
  allow('congressStaff', 'recordOpinion'),
  allow('deputy', 'recordOpinion', invited),
]);

export interface BudgetInquiryResource {
  congressId: string;
  unitId: string;
}

const ownUnit = (a: Actor, r: BudgetInquiryResource) => !!a.handlingUnitId && a.handlingUnitId === r.unitId;

export const budgetInquiryPolicy = definePolicy<BudgetInquiryResource>('budgetInquiry', [
  allow(['congressStaff', 'leader'], 'read'),
  allow('handlingUnitStaff', ['read', 'answer'], ownUnit),
]);

/** Roles that create budgets. */
export const STAFF = ['congressStaff'] as const;
/** Roles that read every budget (a finance unit's staff read theirs through the policy). */
export const READERS = ['congressStaff', 'leader', 'deputy'] as const;
/** Roles that list inquiries: staff and leaders all, a unit its own. */
export const INQUIRY_READERS = ['congressStaff', 'leader', 'handlingUnitStaff'] as const;

/** An audit finding: the unit it concerns reports its rectification; staff keep it too. */
export const budgetAuditFindingPolicy = definePolicy<BudgetInquiryResource>('budgetAuditFinding', [
  allow(['congressStaff', 'leader', 'deputy'], 'read'),
  allow('congressStaff', 'rectify'),
  allow('handlingUnitStaff', ['read', 'rectify'], ownUnit),
]);
