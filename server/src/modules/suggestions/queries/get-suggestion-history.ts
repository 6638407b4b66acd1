// A suggestion's handling history (issue 23 point 4): every step with when, who (name, role, unit) and what,
// oldest first, for everyone who may read the record. Built from where each step is recorded:
// - the module's own tables, which keep their actor and time: co-signers' decisions, hand-back requests and
//   decisions, extension applications and decisions, contacts, assisting units' opinions, replies, ratings,
//   re-handling reviews, supervisions, the handling case (并案);
// - the audit rows of the suggestion for the steps only the audit trail times and names: drafting and draft
//   edits, submission (and to co-signers, and resubmission), the review (accept, return, refer), assignment,
//   key selection, publication, withdrawal, re-handling and closing, a B/C item reported solved;
// - where a record has no audit rows for such a step (the demo district, items imported whole), the row's own
//   columns: submittedAt, reviewedAt/reviewedBy, the assignments, followUpSolvedAt, closedAt.
import { and, asc, eq, inArray, like } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { accounts, auditEvents } from '../../../platform/platform.table';
import { deputies, handlingUnits } from '../../registry';
import {
  suggestionAssignments,
  suggestionContacts,
  suggestionCosigners,
  suggestionExtensions,
  suggestionHandBacks,
  suggestionHandlingCases,
  suggestionRatings,
  suggestionRehandlingReviews,
  suggestionReplies,
  suggestionSupervisions,
  suggestionUnitOpinions,
  type SuggestionRow,
} from '../suggestions.table';

export const HISTORY_ACTIONS = [
  'drafted',
  'edited',
  'submitted',
  'sentToCosigners',
  'cosignConfirmed',
  'cosignDeclined',
  'resubmitted',
  'accepted',
  'returned',
  'referred',
  'merged',
  'assigned',
  'handBackRequested',
  'handBackDecided',
  'extensionApplied',
  'extensionDecided',
  'contacted',
  'unitOpinion',
  'replied',
  'rated',
  'rehandlingReferred',
  'rehandlingReviewed',
  'rehandling',
  'followUp',
  'solvedReported',
  'closed',
  'keySelected',
  'supervised',
  'published',
  'withdrawn',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

export interface HistoryActor {
  /** The person's display name (the deputy's name for a deputy); null when the record does not name one. */
  name: string | null;
  /** The role they acted in: deputy, congressStaff, handlingUnitStaff, leader. */
  role: string;
  /** The handling unit they acted for, if any. */
  unit: string | null;
}

export interface HistoryEntry {
  at: Date;
  action: HistoryAction;
  actor: HistoryActor;
  /** What the step decided or said, in the record's own words (a unit, a rating, a comment). */
  detail: Record<string, string | number | null>;
}

/** Audit action (suggestion.<event>) → the history step, for the steps taken from the audit rows. */
const FROM_AUDIT: Partial<Record<string, HistoryAction>> = {
  'suggestion.create': 'drafted',
  'suggestion.edit': 'edited',
  'suggestion.submit': 'submitted',
  'suggestion.requestCosigners': 'sentToCosigners',
  'suggestion.allCosigned': 'submitted',
  'suggestion.resubmit': 'resubmitted',
  'suggestion.accept': 'accepted',
  'suggestion.return': 'returned',
  'suggestion.refer': 'referred',
  'suggestion.assign': 'assigned',
  'suggestion.referRehandling': 'rehandlingReferred',
  'suggestion.rehandle': 'rehandling',
  'suggestion.followUp': 'followUp',
  'suggestion.close': 'closed',
  'suggestion.reportSolved': 'solvedReported',
  'suggestion.selectKey': 'keySelected',
  'suggestion.publish': 'published',
  'suggestion.withdraw': 'withdrawn',
};

/** Steps only the proposer takes. */
const DEPUTY_STEPS = new Set<HistoryAction>([
  'drafted',
  'edited',
  'submitted',
  'sentToCosigners',
  'resubmitted',
  'withdrawn',
]);

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

export async function getSuggestionHistory(db: Db, row: SuggestionRow): Promise<HistoryEntry[]> {
  const id = row.id;
  const [
    audits,
    cosigners,
    assignments,
    handBacks,
    extensions,
    contacts,
    opinions,
    replies,
    ratings,
    reviews,
    supervisions,
    handlingCase,
  ] = await Promise.all([
    db
      .select({
        action: auditEvents.action,
        accountId: auditEvents.accountId,
        role: auditEvents.role,
        after: auditEvents.after,
        at: auditEvents.createdAt,
      })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.congressId, row.congressId),
          eq(auditEvents.entityType, 'suggestion'),
          eq(auditEvents.entityId, id),
          like(auditEvents.action, 'suggestion.%'),
        ),
      )
      .orderBy(asc(auditEvents.createdAt)),
    db.select().from(suggestionCosigners).where(eq(suggestionCosigners.suggestionId, id)),
    db.select().from(suggestionAssignments).where(eq(suggestionAssignments.suggestionId, id)),
    db.select().from(suggestionHandBacks).where(eq(suggestionHandBacks.suggestionId, id)),
    db.select().from(suggestionExtensions).where(eq(suggestionExtensions.suggestionId, id)),
    db.select().from(suggestionContacts).where(eq(suggestionContacts.suggestionId, id)),
    db.select().from(suggestionUnitOpinions).where(eq(suggestionUnitOpinions.suggestionId, id)),
    db.select().from(suggestionReplies).where(eq(suggestionReplies.suggestionId, id)),
    db.select().from(suggestionRatings).where(eq(suggestionRatings.suggestionId, id)),
    db.select().from(suggestionRehandlingReviews).where(eq(suggestionRehandlingReviews.suggestionId, id)),
    db.select().from(suggestionSupervisions).where(eq(suggestionSupervisions.suggestionId, id)),
    row.handlingCaseId
      ? db.select().from(suggestionHandlingCases).where(eq(suggestionHandlingCases.id, row.handlingCaseId))
      : Promise.resolve([]),
  ]);

  // The names: accounts (with the unit they belong to), deputies, units.
  const accountIds = new Set<string>();
  const addAccount = (a: string | null | undefined) => a && accountIds.add(a);
  audits.forEach((a) => addAccount(a.accountId));
  handBacks.forEach((h) => (addAccount(h.requestedBy), addAccount(h.decidedBy)));
  extensions.forEach((e) => (addAccount(e.requestedBy), addAccount(e.decidedBy)));
  [...contacts, ...opinions, ...replies, ...supervisions].forEach((x) => addAccount(x.accountId));
  reviews.forEach((r) => addAccount(r.decidedBy));
  handlingCase.forEach((c) => addAccount(c.createdBy));
  addAccount(row.reviewedBy);
  addAccount(row.leaderAccountId);
  row.keyLeaderAccountIds.forEach(addAccount);
  for (const a of audits) leadersOf((a.after as Record<string, unknown> | null) ?? {}).forEach(addAccount);
  const accountRows = accountIds.size
    ? await db
        .select({ id: accounts.id, name: accounts.displayName, unitId: accounts.handlingUnitId })
        .from(accounts)
        .where(inArray(accounts.id, [...accountIds]))
    : [];
  const account = new Map(accountRows.map((a) => [a.id, a]));
  const deputyIds = [
    ...new Set([
      row.proposerDeputyId,
      ...cosigners.map((c) => c.deputyId),
      ...ratings.map((r) => r.deputyId),
    ]),
  ];
  const unitIds = new Set<string>([
    ...assignments.map((a) => a.unitId),
    ...handBacks.map((h) => h.unitId),
    ...extensions.map((e) => e.unitId),
    ...contacts.map((c) => c.unitId),
    ...opinions.map((o) => o.unitId),
    ...replies.map((r) => r.unitId),
    ...accountRows.flatMap((a) => (a.unitId ? [a.unitId] : [])),
  ]);
  for (const a of audits) {
    const after = (a.after ?? {}) as Record<string, unknown>;
    if (typeof after.leadUnitId === 'string') unitIds.add(after.leadUnitId);
    if (Array.isArray(after.assistingUnitIds))
      for (const u of after.assistingUnitIds) if (typeof u === 'string') unitIds.add(u);
  }
  const [deputyRows, unitRows] = await Promise.all([
    db.select({ id: deputies.id, name: deputies.name }).from(deputies).where(inArray(deputies.id, deputyIds)),
    unitIds.size
      ? db
          .select({ id: handlingUnits.id, name: handlingUnits.name })
          .from(handlingUnits)
          .where(inArray(handlingUnits.id, [...unitIds]))
      : Promise.resolve([]),
  ]);
  const deputyName = new Map(deputyRows.map((d) => [d.id, d.name]));
  const unitNames = new Map(unitRows.map((u) => [u.id, u.name]));
  const unitName = (u: string | null | undefined) => (u ? (unitNames.get(u) ?? null) : null);

  const byAccount = (accountId: string | null | undefined, role: string, unitId?: string): HistoryActor => {
    const a = accountId ? account.get(accountId) : undefined;
    return { name: a?.name ?? null, role, unit: unitName(unitId ?? a?.unitId) };
  };
  const byDeputy = (deputyId: string): HistoryActor => ({
    name: deputyName.get(deputyId) ?? null,
    role: 'deputy',
    unit: null,
  });
  /**
   * The role of an audit row: the one the policy allowed; a row written outside a policy step carries the
   * account's roles, and a deputy's own steps on their suggestion were taken as a deputy.
   */
  const auditRole = (r: string | null, action?: HistoryAction) => {
    const roles = (r ?? 'public').split(',');
    return action && DEPUTY_STEPS.has(action) && roles.includes('deputy') ? 'deputy' : roles[0];
  };

  const out: HistoryEntry[] = [];
  const add = (at: Date | null | undefined, action: HistoryAction, actor: HistoryActor, detail = {}) => {
    if (at) out.push({ at, action, actor, detail });
  };

  // The steps the audit rows time and name.
  const seen = new Set<HistoryAction>();
  for (const a of audits) {
    const action = FROM_AUDIT[a.action];
    if (!action) continue;
    const after = (a.after ?? {}) as Record<string, unknown>;
    // A re-handling decided by the committee's review is told by the review itself (below).
    if (action === 'rehandling' && auditRole(a.role) === 'congressStaff') continue;
    seen.add(action);
    const detail: Record<string, string | number | null> = {};
    if (str(after.comment)) detail.comment = str(after.comment);
    if (action === 'assigned') {
      detail.leadUnit = unitName(str(after.leadUnitId));
      const assisting = Array.isArray(after.assistingUnitIds) ? (after.assistingUnitIds as string[]) : [];
      if (assisting.length) detail.assistingUnits = assisting.map((u) => unitName(u) ?? '').join('、');
    }
    if (action === 'keySelected') {
      // Several leaders may lead (issue 23 point 11); older rows named one.
      const names = leadersOf(after).map((id) => account.get(id)?.name ?? '');
      detail.leader = names.length ? names.join('、') : null;
      if (str(after.note)) detail.comment = str(after.note);
    }
    if (action === 'solvedReported' && str(after.note)) detail.comment = str(after.note);
    add(a.at, action, byAccount(a.accountId, auditRole(a.role, action)), detail);
  }

  // Without audit rows (the demo, an imported record): what the row itself keeps.
  const proposer = byDeputy(row.proposerDeputyId);
  if (!seen.has('submitted') && !seen.has('resubmitted')) add(row.submittedAt, 'submitted', proposer);
  if (!seen.has('accepted') && !seen.has('returned') && !seen.has('referred') && row.reviewedAt) {
    const decision: HistoryAction =
      row.status === 'returnedForRevision'
        ? 'returned'
        : row.status === 'referredAsOpinion'
          ? 'referred'
          : 'accepted';
    add(row.reviewedAt, decision, byAccount(row.reviewedBy, 'congressStaff'), {
      ...(row.reviewComment && { comment: row.reviewComment }),
    });
  }
  if (!seen.has('assigned')) {
    // One assignment (交办) per moment: the lead and its assisting units together.
    const rounds = new Map<number, typeof assignments>();
    for (const a of assignments)
      rounds.set(a.assignedAt.getTime(), [...(rounds.get(a.assignedAt.getTime()) ?? []), a]);
    for (const [time, group] of rounds) {
      const assisting = group.filter((a) => a.role === 'assisting');
      add(
        new Date(time),
        'assigned',
        { name: null, role: 'congressStaff', unit: null },
        {
          leadUnit: unitName(group.find((a) => a.role === 'lead')?.unitId),
          ...(assisting.length && {
            assistingUnits: assisting.map((a) => unitName(a.unitId) ?? '').join('、'),
          }),
        },
      );
    }
  }
  if (!seen.has('solvedReported'))
    add(row.followUpSolvedAt, 'solvedReported', {
      name: null,
      role: 'handlingUnitStaff',
      unit: unitName(row.leadUnitId),
    });

  // The steps the module's own tables keep with their actor and time.
  for (const c of cosigners)
    if (c.status !== 'pending')
      add(c.decidedAt, c.status === 'confirmed' ? 'cosignConfirmed' : 'cosignDeclined', byDeputy(c.deputyId));
  for (const c of handlingCase)
    add(c.createdAt, 'merged', byAccount(c.createdBy, 'congressStaff'), { caseTitle: c.title });
  for (const h of handBacks) {
    add(h.requestedAt, 'handBackRequested', byAccount(h.requestedBy, 'handlingUnitStaff', h.unitId), {
      comment: h.reason,
    });
    if (h.status !== 'pending')
      add(h.decidedAt, 'handBackDecided', byAccount(h.decidedBy, 'congressStaff'), {
        decision: h.status,
        unit: unitName(h.unitId),
        ...(h.decisionComment && { comment: h.decisionComment }),
      });
  }
  for (const e of extensions) {
    add(e.requestedAt, 'extensionApplied', byAccount(e.requestedBy, 'handlingUnitStaff', e.unitId), {
      comment: e.reason,
    });
    if (e.status === 'approved' || e.status === 'refused')
      add(e.decidedAt, 'extensionDecided', byAccount(e.decidedBy, 'congressStaff'), {
        decision: e.status,
        unit: unitName(e.unitId),
        ...(e.decisionComment && { comment: e.decisionComment }),
      });
  }
  for (const c of contacts)
    add(c.createdAt, 'contacted', byAccount(c.accountId, 'handlingUnitStaff', c.unitId), {
      method: c.method,
      contactedOn: c.contactedOn,
      comment: c.summary,
    });
  for (const o of opinions)
    add(o.createdAt, 'unitOpinion', byAccount(o.accountId, 'handlingUnitStaff', o.unitId), {
      comment: o.content,
    });
  for (const r of replies)
    add(r.createdAt, 'replied', byAccount(r.accountId, 'handlingUnitStaff', r.unitId), {
      category: r.category,
      round: r.round,
    });
  for (const r of ratings)
    add(r.createdAt, 'rated', byDeputy(r.deputyId), {
      rating: r.rating,
      round: replies.find((x) => x.id === r.replyId)?.round ?? null,
      ...(r.comment && { comment: r.comment }),
    });
  for (const r of reviews)
    add(r.decidedAt, 'rehandlingReviewed', byAccount(r.decidedBy, 'congressStaff'), {
      decision: r.decision,
      round: r.round,
      ...(r.comment && { comment: r.comment }),
    });
  for (const s of supervisions)
    add(
      s.createdAt,
      'supervised',
      byAccount(
        s.accountId,
        !!s.accountId && row.keyLeaderAccountIds.includes(s.accountId) ? 'leader' : 'congressStaff',
      ),
      {
        kind: s.kind,
        occurredOn: s.occurredOn,
        comment: s.note,
      },
    );

  // Oldest first; steps of one moment in the order of the workflow (a rating before the closing).
  const order = (a: HistoryAction) => HISTORY_ACTIONS.indexOf(a);
  return out
    .map((e, i) => ({ e, i }))
    .sort((x, y) => x.e.at.getTime() - y.e.at.getTime() || order(x.e.action) - order(y.e.action) || x.i - y.i)
    .map(({ e }) => e);
}

/** The leaders an audit row of a key selection names: `leaderAccountIds`, or the one `leaderAccountId` of older rows. */
function leadersOf(after: Record<string, unknown>): string[] {
  if (Array.isArray(after.leaderAccountIds))
    return after.leaderAccountIds.filter((x): x is string => typeof x === 'string');
  return typeof after.leaderAccountId === 'string' ? [after.leaderAccountId] : [];
}
