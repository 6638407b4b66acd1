// Who may do what at a meeting. Congress staff prepare and run it (agenda, sign-in sheet, opening and closing
// votes); leaders read; the right to vote comes from the meeting's roll (membership of the body in office on
// its date, from the registry), never from a role: any account linked to a member on the roll may sign itself
// in and cast its ballot, and no other may.
import { ROLES } from '@minyi/domain';
import { allow, definePolicy } from '../../platform/access';

export interface MeetingResource {
  congressId: string;
  /** The actor's deputy is on the meeting's roll. */
  onRoll: boolean;
}

const onRoll = (_a: unknown, r: MeetingResource) => r.onRoll;

export const meetingPolicy = definePolicy<MeetingResource>('meeting', [
  allow(['congressStaff', 'leader'], 'read'),
  allow(ROLES, 'read', onRoll),
  allow('congressStaff', ['addAgendaItem', 'recordAttendance', 'openVote', 'close']),
  allow(ROLES, 'signInSelf', onRoll),
]);

export interface MeetingVoteResource {
  congressId: string;
  onRoll: boolean;
}

export const meetingVotePolicy = definePolicy<MeetingVoteResource>('meetingVote', [
  allow(['congressStaff', 'leader'], 'read'),
  allow(ROLES, 'read', onRoll),
  allow('congressStaff', ['close', 'enterRoomTotals', 'openBallot']),
  allow(ROLES, 'castBallot', onRoll),
]);

/** Roles that prepare meetings. */
export const STAFF = ['congressStaff'] as const;
/** Roles that read every meeting; members (any account linked to a deputy) read the meetings on whose roll they are. */
export const READERS = ['congressStaff', 'leader'] as const;

/** An appointment or removal case (任免案): congress staff file it as the organ's letter arrives and run it. */
export interface AppointmentResource {
  congressId: string;
}

export const appointmentPolicy = definePolicy<AppointmentResource>('appointment', [
  allow(['congressStaff', 'leader'], 'read'),
  allow('congressStaff', ['file', 'putOnAgenda', 'withdraw', 'recordOath', 'recordStatement']),
]);

/** A work report's oversight loop (监督法 Art. 17): congress staff run it; leaders read. */
export const oversightPolicy = definePolicy<AppointmentResource>('oversightReport', [
  allow(['congressStaff', 'leader'], 'read'),
  allow('congressStaff', ['sendOpinions', 'recordHandlingReport', 'putSatisfactionVote', 'followUp']),
]);

/** An inquiry (质询案): staff record it and its course; leaders read; a filer reads it and says if satisfied. */
export interface InquiryResource {
  congressId: string;
  /** The actor's deputy signed it. */
  isFiler: boolean;
}

export const inquiryPolicy = definePolicy<InquiryResource>('inquiry', [
  allow(['congressStaff', 'leader'], 'read'),
  allow(ROLES, ['read', 'rateAnswer'], (_a, r) => r.isFiler),
  allow('congressStaff', ['file', 'decide', 'answer', 'rateAnswer']),
]);

/** A rule of the rules register (议事规则与工作制度): congress staff record, revise and publish; leaders read. */
export const proceduralRulePolicy = definePolicy<AppointmentResource>('proceduralRule', [
  allow(['congressStaff', 'leader'], 'read'),
  allow('congressStaff', ['create', 'revise', 'publish']),
]);
