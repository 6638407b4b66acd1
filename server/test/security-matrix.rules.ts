// The security matrix's named rules (security-matrix.test.ts): the few operations whose access is not (only)
// a policy check, each with the rule that stands for one, and the request bodies a sampler cannot guess.
import type { Role } from '@minyi/domain';
import { DEMO_PASSWORD } from '../src/demo';
import type { Actor } from '../src/platform/context';

/** A rule that stands for a policy check, or adds to one, with the reason the code has it. */
export interface NamedRule {
  rule: string;
  /** For an operation that makes no policy check: who may call it (`any`: any signed-in caller). */
  allowed?: 'any' | readonly Role[];
  /** A condition on the record outside the policy: a caller the role check let through may get 403/404. */
  onRecord?: true;
  /** A caller allowed besides the policy's roles (their own record), with the test for it. */
  alsoAllowed?: (caller: { actor?: Actor }, url: string) => boolean;
}

export const BUSINESS: readonly Role[] = [
  'citizen',
  'deputy',
  'liaisonStaff',
  'handlingUnitStaff',
  'congressStaff',
  'leader',
];

/**
 * Operations whose access is not (only) a `definePolicy` policy or `requireRole`: each names its rule. Keep it
 * short: a business rule belongs in its module's policy. An operation that makes no policy check and is not
 * here fails the test, so a new operation cannot go without an expectation.
 */
export const NAMED_RULES: Record<string, NamedRule> = {
  // The signed-in caller's own account, session and inbox: any signed-in caller.
  getMe: { rule: 'their own account', allowed: 'any' },
  startTotpEnrollment: { rule: 'their own second factor', allowed: 'any' },
  confirmTotpEnrollment: { rule: 'their own second factor', allowed: 'any' },
  changeMyPassword: { rule: 'their own password', allowed: 'any' },
  findMyNotifications: { rule: 'their own notifications', allowed: 'any' },
  markNotificationRead: { rule: 'their own notifications', allowed: 'any' },
  markAllNotificationsRead: { rule: 'their own notifications', allowed: 'any' },
  getNotificationPreferences: { rule: 'their own notifications', allowed: 'any' },
  setNotificationPreferences: { rule: 'their own notifications', allowed: 'any' },
  // Meetings (modules/meetings): the right to take part comes from the meeting's roll, not from a role; the
  // lists answer staff and leaders, and any account linked to a deputy (its own meetings and votes).
  findMeetings: {
    rule: 'staff and leaders; an account linked to a deputy sees the meetings on whose roll it is',
    allowed: ['congressStaff', 'leader', 'deputy'],
    alsoAllowed: (c) => !!c.actor?.deputyId,
  },
  findMeetingVotes: {
    rule: 'staff and leaders; an account linked to a deputy sees its own votes',
    allowed: ['congressStaff', 'leader', 'deputy'],
    alsoAllowed: (c) => !!c.actor?.deputyId,
  },
  recordMeetingAttendance: {
    rule: 'staff keep the sign-in sheet; a member on the roll signs only themselves in',
    onRecord: true,
    // Of the callers, the demo leader is a member (the standing committee's chair); the demo deputy is not.
    alsoAllowed: (c) => !!c.actor?.deputyId && c.actor.roles.includes('leader'),
  },
  findInquiries: {
    rule: 'staff and leaders; an account linked to a deputy sees the inquiries it signed',
    allowed: ['congressStaff', 'leader', 'deputy'],
    alsoAllowed: (c) => !!c.actor?.deputyId,
  },
  // A secret vote at a meeting (issue 17 on issue 21's engine): a vote of another kind, or none, is 404 before
  // the engine's projectVote policy (staff name the tellers; a teller of that vote holds the ceremony and
  // decrypts; staff, leaders and the tellers read the ceremony). The demo has no secret meeting vote to reach it.
  findMeetingVoteTellerCandidates: {
    rule: 'staff, on a secret meeting vote (the engine’s appointTellers)',
    allowed: ['congressStaff'],
    onRecord: true,
  },
  appointMeetingVoteTellers: {
    rule: 'staff, on a secret meeting vote before the ceremony (the engine’s appointTellers)',
    allowed: ['congressStaff'],
    onRecord: true,
  },
  getMeetingVoteCeremony: {
    rule: 'staff and leaders, or a teller of that secret meeting vote (the engine’s readCeremony)',
    allowed: ['congressStaff', 'leader', 'deputy'],
    onRecord: true,
  },
  postMeetingVoteCeremonyKey: {
    rule: 'a teller of that secret meeting vote (the engine’s postCeremonyKey)',
    allowed: ['congressStaff', 'leader', 'deputy'],
    onRecord: true,
  },
  postMeetingVoteDeal: {
    rule: 'a teller of that secret meeting vote (the engine’s postDeal)',
    allowed: ['congressStaff', 'leader', 'deputy'],
    onRecord: true,
  },
  postMeetingVotePartialDecryption: {
    rule: 'a teller of that secret meeting vote (the engine’s postPartialDecryption)',
    allowed: ['congressStaff', 'leader', 'deputy'],
    onRecord: true,
  },
  // Budgets (modules/budget): the list answers staff, leaders and deputies (every year) and handling-unit staff
  // (the years whose finance unit is theirs: none for another unit); inquiries: staff and leaders all, a unit its own.
  findBudgets: {
    rule: 'staff, leaders and deputies; a handling unit sees the years it is the finance department of',
    allowed: ['congressStaff', 'leader', 'deputy', 'handlingUnitStaff'],
  },
  findBudgetInquiries: {
    rule: 'staff and leaders; a handling unit sees the inquiries put to it',
    allowed: ['congressStaff', 'leader', 'handlingUnitStaff'],
  },
  findBudgetAuditFindings: {
    rule: 'staff and leaders; a handling unit sees the audit findings addressed to it',
    allowed: ['congressStaff', 'leader', 'handlingUnitStaff'],
  },
  // Activities (modules/activities): staff and leaders list all; an account linked to a deputy lists its own
  // (invited or attended).
  findActivities: {
    rule: 'staff and leaders; an account linked to a deputy sees the activities it is on',
    allowed: ['congressStaff', 'leader', 'deputy'],
    alsoAllowed: (c) => !!c.actor?.deputyId,
  },
  // Campaigns: staff and leaders list all; an account linked to a deputy lists those where it has firms to visit.
  findCampaigns: {
    rule: 'staff and leaders; an account linked to a deputy sees the campaigns where it has firms to visit',
    allowed: ['congressStaff', 'leader', 'deputy'],
    alsoAllowed: (c) => !!c.actor?.deputyId,
  },
  // The duty-points ranking (get-points-ranking.ts): staff and leaders; a deputy their own place only when the
  // congress's settings allow (off in the demo); never the public.
  getPointsRanking: {
    rule: 'staff and leaders; a deputy their own place when the settings allow (deputiesSeeOwnRank)',
    allowed: ['congressStaff', 'leader'],
  },
  // The work home: what waits for the caller, counted for the caller's own roles (nothing for others').
  getWorkbench: { rule: "the caller's own to-dos", allowed: 'any' },
  findCalendarYears: {
    rule: 'the working-day calendar is the same for every signed-in caller',
    allowed: 'any',
  },
  // API tokens (session.ts): a business account's own; administrators' tokens are refused at the door.
  findMyApiTokens: { rule: 'their own API tokens', allowed: 'any' },
  createApiToken: { rule: 'their own API tokens; no token for an administrator', allowed: BUSINESS },
  revokeApiToken: { rule: 'their own API tokens', allowed: 'any', onRecord: true },
  // Files (platform/files.ts): any business caller uploads; a file is read by its uploader and by whoever
  // the policy of its record lets view it (the readers call the record's policy: checked below).
  uploadFile: {
    rule: 'any signed-in caller uploads (the file is theirs until a record takes it)',
    allowed: 'any',
  },
  downloadFile: {
    rule: "the uploader, or whoever the record's policy lets view it",
    allowed: 'any',
    onRecord: true,
  },
  // Record conditions the commands check beside the role check.
  recordReception: {
    rule: 'a deputy records only a reception they are on (record-reception.ts)',
    onRecord: true,
  },
  checkInReception: { rule: 'a deputy checks in only themself (check-in-reception.ts)', onRecord: true },
  getDeputy: {
    rule: 'a deputy reads their own record (deputies.routes.ts)',
    alsoAllowed: (c, url) => !!c.actor?.deputyId && url.endsWith(`/deputies/${c.actor.deputyId}`),
  },
};

/**
 * Bodies the sampler cannot guess: a real sign-in, a decision that needs no new unit, a draft suggestion (its
 * schema makes content and category optional for a draft only, which the OpenAPI document cannot say).
 */
const POINT = `02${'6b'.repeat(32)}`;
const SCALAR = '3c'.repeat(32);

export const BODIES: Record<string, unknown> = {
  signIn: { username: 'citizen', password: DEMO_PASSWORD },
  decideHandBack: { decision: 'keep' },
  createSuggestion: { title: '关于增设公交站台遮阳棚的建议', draft: true },
  importBudgetExecution: { month: '2026-11', rows: [{ code: '20502', amount: '1.00' }] },
  // Issue 19's budget review and changes: refined or patterned bodies (a line or a topic, codes, money).
  recordConsultationOpinion: { topic: '教育', content: '安全矩阵测试' },
  recordTransfer: { code: '23002', recipient: '东岭街道', kind: 'general', amount: '1.00' },
  recordCarryOver: { code: '21203', name: '安全矩阵', fromYear: 2020, amount: '1.00', unused: '1.00' },
  releaseInvestmentProject: { releasedOn: '2030-01-02', basis: 'necessaryPriorLevel' },
  submitAdjustment: {
    title: '安全矩阵测试',
    grounds: ['expenditureIncrease'],
    meetingDate: '2030-06-28',
    lines: [{ budget: 'general', code: '21203', change: '1.00' }],
  },
  // An activity at an address (the sampler knows no liaison place), ending after it starts.
  createActivity: {
    kind: 'forum',
    title: '代表论坛：优化营商环境',
    startsAt: '2030-03-01T01:00:00Z',
    endsAt: '2030-03-01T03:00:00Z',
    address: '区人大常委会三楼会议室',
  },
  // A questionnaire of one text question (the sampler's strings do not fit a question's id pattern).
  setCampaignQuestionnaire: { questions: [{ id: 'q1', kind: 'text', label: '其他意见建议' }] },
  recordPledgeProgress: { note: '安全矩阵测试', status: 'inProgress' },
  fileAppointment: {
    kind: 'appoint',
    nominatingOrgan: 'districtHead',
    nomineeName: '安全矩阵',
    post: '区安全矩阵局局长',
    organization: '区安全矩阵局',
    reasons: '安全矩阵测试',
    cv: '安全矩阵测试',
  },
  // Issue 21's ballots and teller material: hex points and scalars of the crypto's exact form (a sampler's
  // strings do not match the patterns, and the form is checked before the policy).
  castBallot: {
    ciphertexts: [{ a: POINT, b: POINT }],
    proofs: [{ commitments: [POINT], challenges: [SCALAR], responses: [SCALAR] }],
    sumProof: { commitments: [POINT], challenges: [SCALAR], responses: [SCALAR] },
  },
  postProjectVoteCeremonyKey: { publicKey: POINT },
  postProjectVoteDeal: { deal: { from: 1, commitments: [POINT, POINT], encryptedShares: [] } },
  postProjectVotePartialDecryption: {
    partialDecryption: { teller: 1, factors: [POINT], proofs: [{ c: SCALAR, r: SCALAR }] },
  },
  // The same for a secret vote at a meeting (issue 17, on issue 21's engine).
  postMeetingVoteCeremonyKey: { publicKey: POINT },
  postMeetingVoteDeal: { deal: { from: 1, commitments: [POINT, POINT], encryptedShares: [] } },
  postMeetingVotePartialDecryption: {
    partialDecryption: { teller: 1, factors: [POINT], proofs: [{ c: SCALAR, r: SCALAR }] },
  },
};
