// Who may do what with deputies' activities and campaigns. Congress staff organise them (create, invite, keep
// the sign-in sheet, write the record with its findings); leaders read; a deputy reads the activities they are
// invited to or attended, answers their own invitation, and checks themself in (a deputy who was not invited
// may check in too, and is recorded as not invited). The deputy's record is public (no policy: no private data).
import { allow, definePolicy } from '../../platform/access';
import type { Actor } from '../../platform/context';

export interface ActivityResource {
  congressId: string;
  /** The actor's deputy has a line on the activity (invited, or checked in). */
  participant: boolean;
  /** The actor's deputy was invited. */
  invited: boolean;
}

const isDeputy = (a: Actor) => !!a.deputyId;

export const activityPolicy = definePolicy<ActivityResource>('activity', [
  allow(['congressStaff', 'leader'], 'read'),
  allow('deputy', 'read', (a, r) => isDeputy(a) && r.participant),
  allow('congressStaff', ['invite', 'recordAttendance', 'record']),
  allow('deputy', 'checkIn', isDeputy),
  allow('deputy', 'rsvp', (a, r) => isDeputy(a) && r.invited),
]);

export interface CampaignResource {
  congressId: string;
  /** The actor's deputy has firms to visit in the campaign. */
  assigned?: boolean;
  /** The deputy who made the visit a firm's problem came from (rating the answer to it). */
  visitedBy?: string;
}

// Enterprise visits: staff build the questionnaire, import the firms and give them to deputies; a deputy with
// firms in the campaign reads its questionnaire and their firms and records their visits (staff may record one
// for a deputy, from the paper form).
export const campaignPolicy = definePolicy<CampaignResource>('campaign', [
  allow(['congressStaff', 'leader'], ['read', 'readVisits']),
  allow('deputy', 'readVisits', (a, r) => isDeputy(a) && !!r.assigned),
  allow('congressStaff', ['manage', 'recordVisit']),
  allow('deputy', 'recordVisit', (a, r) => isDeputy(a) && !!r.assigned),
  // The firm's rating of the answer to its problem: the deputy who visited records it, or staff.
  allow('congressStaff', 'rateIssue'),
  allow('deputy', 'rateIssue', (a, r) => isDeputy(a) && a.deputyId === r.visitedBy),
]);

/** A deputy's pledges (承诺践诺): the deputy writes their own; staff may write them for a deputy. */
export interface PledgeResource {
  congressId: string;
  deputyId: string;
}

export const pledgePolicy = definePolicy<PledgeResource>('pledge', [
  allow('deputy', 'write', (a, r) => a.deputyId === r.deputyId),
  allow('congressStaff', 'write'),
]);

/** Roles that organise activities and campaigns. */
export const STAFF = ['congressStaff'] as const;
/** Roles that read every activity and campaign. */
export const READERS = ['congressStaff', 'leader'] as const;
