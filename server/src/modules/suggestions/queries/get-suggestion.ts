// One suggestion with everything its page shows, and the current user's abilities (who may do what, now).
import { asc, eq, inArray } from 'drizzle-orm';
import { canHappen, HANDLING_STATUSES } from '@minyi/domain/suggestions';
import type { Ctx } from '../../../platform/context';
import { notFound, unauthorized } from '../../../platform/errors';
import { accounts, files } from '../../../platform/platform.table';
import { deputies, handlingUnits } from '../../registry';
import { findSuggestion, resourceOf, SUGGESTION } from '../suggestions.repository';
import { ACTION_EVENT, isHiddenFrom, suggestionPolicy, type SuggestionResource } from '../suggestions.policy';
import {
  suggestionAssignments,
  suggestionAttachments,
  suggestionContacts,
  suggestionCosigners,
  suggestionExtensions,
  suggestionHandBacks,
  suggestionRatings,
  suggestionRehandlingReviews,
  suggestionReplies,
  suggestionSupervisions,
  suggestionUnitOpinions,
  type SuggestionRow,
} from '../suggestions.table';
import type { Actor } from '../../../platform/context';
import { getSuggestionHistory } from './get-suggestion-history';

export function abilitiesOf(
  actor: Actor | null,
  row: SuggestionRow,
  res: SuggestionResource,
  ratedDeputyIds: string[] = [],
  extensionPending = false,
) {
  const byRole = suggestionPolicy.abilities(actor, res);
  const out: Record<string, boolean> = {};
  for (const [action, ok] of Object.entries(byRole)) {
    const event = (ACTION_EVENT as Record<string, string>)[action];
    out[action] = ok && (!event || canHappen(row.status, event as never));
  }
  out.edit = out.edit && (row.status === 'draft' || row.status === 'returnedForRevision');
  out.resubmit = !!byRole.resubmit && row.status === 'returnedForRevision';
  out.rate = out.rate && !!actor?.deputyId && !ratedDeputyIds.includes(actor.deputyId);
  out.supervise = out.supervise && row.isKey;
  out.decideHandBack = !!byRole.decideHandBack && row.status === 'handBackRequested';
  // Once, while the deadline runs, and not while an application awaits a decision (上海规定 Art. 19).
  out.applyExtension =
    out.applyExtension &&
    !row.extended &&
    !extensionPending &&
    (!row.deadline || row.deadline.getTime() >= Date.now());
  out.decideExtension = out.decideExtension && extensionPending;
  out.reviewRehandling = !!byRole.reviewRehandling && row.status === 'rehandlingReview';
  return out;
}

const nameMap = async <T extends { id: string; name: string }>(rows: Promise<T[]>) =>
  new Map((await rows).map((r) => [r.id, r.name]));

export async function getSuggestion(ctx: Ctx, id: string) {
  if (!ctx.actor) throw unauthorized();
  const db = ctx.app.db;
  const row = await findSuggestion(db, ctx.actor.congressId, id);
  const res = await resourceOf(db, row);
  if (isHiddenFrom(ctx.actor, res)) throw notFound(SUGGESTION);
  suggestionPolicy.authorize(ctx.actor, 'view', res);

  const [
    cos,
    asg,
    handBacks,
    contacts,
    opinions,
    replies,
    ratings,
    supervisions,
    attachments,
    extensions,
    rehandlingReviews,
    history,
  ] = await Promise.all([
    db.select().from(suggestionCosigners).where(eq(suggestionCosigners.suggestionId, id)),
    db
      .select()
      .from(suggestionAssignments)
      .where(eq(suggestionAssignments.suggestionId, id))
      .orderBy(asc(suggestionAssignments.assignedAt)),
    db
      .select()
      .from(suggestionHandBacks)
      .where(eq(suggestionHandBacks.suggestionId, id))
      .orderBy(asc(suggestionHandBacks.requestedAt)),
    db
      .select()
      .from(suggestionContacts)
      .where(eq(suggestionContacts.suggestionId, id))
      .orderBy(asc(suggestionContacts.createdAt)),
    db
      .select()
      .from(suggestionUnitOpinions)
      .where(eq(suggestionUnitOpinions.suggestionId, id))
      .orderBy(asc(suggestionUnitOpinions.createdAt)),
    db
      .select()
      .from(suggestionReplies)
      .where(eq(suggestionReplies.suggestionId, id))
      .orderBy(asc(suggestionReplies.round)),
    db
      .select()
      .from(suggestionRatings)
      .where(eq(suggestionRatings.suggestionId, id))
      .orderBy(asc(suggestionRatings.createdAt)),
    db
      .select()
      .from(suggestionSupervisions)
      .where(eq(suggestionSupervisions.suggestionId, id))
      .orderBy(asc(suggestionSupervisions.createdAt)),
    db
      .select({
        id: files.id,
        originalName: files.originalName,
        mimeType: files.mimeType,
        sizeBytes: files.sizeBytes,
      })
      .from(suggestionAttachments)
      .innerJoin(files, eq(files.id, suggestionAttachments.fileId))
      .where(eq(suggestionAttachments.suggestionId, id)),
    db
      .select()
      .from(suggestionExtensions)
      .where(eq(suggestionExtensions.suggestionId, id))
      .orderBy(asc(suggestionExtensions.requestedAt)),
    db
      .select()
      .from(suggestionRehandlingReviews)
      .where(eq(suggestionRehandlingReviews.suggestionId, id))
      .orderBy(asc(suggestionRehandlingReviews.decidedAt)),
    getSuggestionHistory(db, row),
  ]);
  const deputyIds = [
    ...new Set([row.proposerDeputyId, ...cos.map((c) => c.deputyId), ...ratings.map((r) => r.deputyId)]),
  ];
  const unitIds = [
    ...new Set([
      ...asg.map((a) => a.unitId),
      ...replies.map((r) => r.unitId),
      ...opinions.map((o) => o.unitId),
      ...handBacks.map((h) => h.unitId),
      ...extensions.map((e) => e.unitId),
    ]),
  ];
  const [deputyNames, unitNames] = await Promise.all([
    nameMap(
      db
        .select({ id: deputies.id, name: deputies.name })
        .from(deputies)
        .where(inArray(deputies.id, deputyIds)),
    ),
    unitIds.length
      ? nameMap(
          db
            .select({ id: handlingUnits.id, name: handlingUnits.name })
            .from(handlingUnits)
            .where(inArray(handlingUnits.id, unitIds)),
        )
      : new Map<string, string>(),
  ]);
  // The leaders who lead a key suggestion, in the order chosen; `leader` is the first of them.
  const leaderIds = row.isKey ? row.keyLeaderAccountIds : [];
  const leaderNames = leaderIds.length
    ? await nameMap(
        db
          .select({ id: accounts.id, name: accounts.displayName })
          .from(accounts)
          .where(inArray(accounts.id, leaderIds)),
      )
    : new Map<string, string>();
  const leaders = leaderIds.map((accountId) => ({ accountId, name: leaderNames.get(accountId) ?? '' }));
  const leader = leaders[0] ?? null;
  const currentReply = replies.at(-1);
  const ratedNow = currentReply
    ? ratings.filter((r) => r.replyId === currentReply.id).map((r) => r.deputyId)
    : [];
  const now = Date.now();
  const overdue = HANDLING_STATUSES.includes(row.status) && !!row.deadline && row.deadline.getTime() < now;
  const unit = (uid: string) => ({ id: uid, name: unitNames.get(uid) ?? '' });

  return {
    id: row.id,
    number: row.number,
    status: row.status,
    title: row.title,
    content: row.content,
    category: row.category,
    sittingId: row.sittingId,
    proposer: { id: row.proposerDeputyId, name: deputyNames.get(row.proposerDeputyId) ?? '' },
    cosigners: cos.map((c) => ({
      deputyId: c.deputyId,
      name: deputyNames.get(c.deputyId) ?? '',
      status: c.status,
      decidedAt: c.decidedAt,
    })),
    attachments,
    submittedAt: row.submittedAt,
    assignDueAt: row.assignDueAt,
    deadline: row.deadline,
    handBackDueAt: row.handBackDueAt,
    overdue,
    /** The first assignment (交办); assignedAt is the current one, later after a re-assignment. */
    firstAssignedAt: row.firstAssignedAt,
    assignedAt: row.assignedAt,
    extended: row.extended,
    extensionReason: row.extensionReason,
    extensions: extensions.map((e) => ({
      id: e.id,
      unit: unit(e.unitId),
      reason: e.reason,
      status: e.status,
      requestedAt: e.requestedAt,
      deadlineBefore: e.deadlineBefore,
      decisionComment: e.decisionComment,
      decidedAt: e.decidedAt,
      deadlineAfter: e.deadlineAfter,
    })),
    rehandlingReviews: rehandlingReviews.map((r) => ({
      id: r.id,
      round: r.round,
      decision: r.decision,
      comment: r.comment,
      decidedAt: r.decidedAt,
    })),
    rehandlingRound: row.rehandlingRound,
    review: { comment: row.reviewComment, checks: row.reviewChecks, reviewedAt: row.reviewedAt },
    referralReason: row.referralReason,
    handlingCaseId: row.handlingCaseId,
    assignments: asg.map((a) => ({
      id: a.id,
      unit: unit(a.unitId),
      role: a.role,
      assignedAt: a.assignedAt,
      endedAt: a.endedAt,
      endedReason: a.endedReason,
    })),
    handBacks: handBacks.map((h) => ({
      id: h.id,
      unit: unit(h.unitId),
      reason: h.reason,
      status: h.status,
      requestedAt: h.requestedAt,
      decisionComment: h.decisionComment,
      decidedAt: h.decidedAt,
    })),
    contacts: contacts.map((c) => ({
      id: c.id,
      unit: unit(c.unitId),
      method: c.method,
      summary: c.summary,
      contactedOn: c.contactedOn,
      round: c.round,
    })),
    unitOpinions: opinions.map((o) => ({
      id: o.id,
      unit: unit(o.unitId),
      content: o.content,
      createdAt: o.createdAt,
    })),
    replies: replies.map((r) => ({
      id: r.id,
      round: r.round,
      unit: unit(r.unitId),
      category: r.category,
      content: r.content,
      plannedBy: r.plannedBy,
      createdAt: r.createdAt,
      letterUrl: `/api/v1/suggestions/${row.id}/replies/${r.id}/letter.docx`,
    })),
    ratings: ratings.map((r) => ({
      id: r.id,
      replyId: r.replyId,
      round: replies.find((x) => x.id === r.replyId)?.round ?? null,
      deputyId: r.deputyId,
      name: deputyNames.get(r.deputyId) ?? '',
      rating: r.rating,
      comment: r.comment,
      createdAt: r.createdAt,
    })),
    replyCategory: row.replyCategory,
    rating: row.rating,
    isKey: row.isKey,
    leader,
    leaders,
    supervisions: supervisions.map((s) => ({
      id: s.id,
      kind: s.kind,
      note: s.note,
      occurredOn: s.occurredOn,
      createdAt: s.createdAt,
    })),
    published: row.published,
    opinionId: row.opinionId,
    motionId: row.motionId,
    /** Every step of its handling, oldest first, with who and when (issue 23 point 4). */
    history,
    abilities: abilitiesOf(
      ctx.actor,
      row,
      res,
      ratedNow,
      extensions.some((e) => e.status === 'pending'),
    ),
  };
}
