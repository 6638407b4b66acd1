// The draft before deputies for one budget year: every consultation round by area with its invitees, the
// opinions given (on a line, with the line's name, or on a topic) and the finance department's feedback, and what
// the caller may do in each round. A budget year has a handful of rounds and some dozens of opinions: one read.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import {
  budgetConsultationInvitees as inv,
  budgetConsultationOpinions as op,
  budgetConsultationRounds as rounds,
  budgetLines,
} from '../budget.table';
import { budgetConsultationPolicy } from '../budget.policy';
import { consultationResource, readableBudget, type BudgetRow } from '../budget.repository';

export async function loadConsultation(db: Db, budget: BudgetRow) {
  const rs = await db
    .select()
    .from(rounds)
    .where(eq(rounds.budgetId, budget.id))
    .orderBy(asc(rounds.heldOn), asc(rounds.id));
  const ids = rs.map((r) => r.id);
  const invitees = ids.length ? await db.select().from(inv).where(inArray(inv.roundId, ids)) : [];
  const opinions = ids.length
    ? await db.select().from(op).where(eq(op.budgetId, budget.id)).orderBy(asc(op.createdAt), asc(op.id))
    : [];
  const codes = [...new Set(opinions.map((o) => o.code).filter(Boolean))];
  const lines = codes.length
    ? await db
        .select({ code: budgetLines.code, name: budgetLines.name })
        .from(budgetLines)
        .where(and(eq(budgetLines.budgetId, budget.id), inArray(budgetLines.code, codes)))
    : [];
  const lineName = new Map(lines.map((l) => [l.code, l.name]));
  const byId = new Map(invitees.map((i) => [i.id, i]));
  return rs.map((r) => {
    const mine = invitees.filter((i) => i.roundId === r.id);
    return {
      round: r,
      invitees: mine,
      opinions: opinions
        .filter((o) => o.roundId === r.id)
        .map((o) => ({
          id: o.id,
          inviteeId: o.inviteeId,
          by: byId.get(o.inviteeId)?.name ?? '',
          byKind: byId.get(o.inviteeId)?.kind ?? 'deputy',
          code: o.code,
          lineName: o.code ? (lineName.get(o.code) ?? '') : '',
          topic: o.topic,
          content: o.content,
          status: o.status,
          feedback: o.feedback,
          feedbackAt: o.feedbackAt?.toISOString() ?? null,
          createdAt: o.createdAt.toISOString(),
        })),
    };
  });
}

export async function getConsultation(db: Db, actor: Actor, budgetId: string) {
  const budget = await readableBudget(db, actor, budgetId);
  const all = await loadConsultation(db, budget);
  const items = all.map(({ round: r, invitees, opinions }) => ({
    id: r.id,
    area: r.area,
    streetIds: r.streetIds,
    heldOn: r.heldOn,
    place: r.place,
    material: r.material,
    invitees: invitees.map((i) => ({
      id: i.id,
      kind: i.kind,
      deputyId: i.deputyId,
      name: i.name,
      organization: i.organization,
    })),
    opinions,
    abilities: budgetConsultationPolicy.abilities(actor, consultationResource(budget, invitees)),
  }));
  const opinions = items.flatMap((r) => r.opinions);
  return {
    items,
    totals: {
      rounds: items.length,
      invitees: items.reduce((a, r) => a + r.invitees.length, 0),
      opinions: opinions.length,
      answered: opinions.filter((o) => o.status === 'answered').length,
    },
  };
}
