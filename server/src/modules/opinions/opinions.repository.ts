// The opinion module's shared SQL: loading an opinion with its access resource, taking a workflow step
// (status check, row update, timeline event, audit, citizen notice — one transaction), settings, rate limits.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { LocalizedText } from '@minyi/domain';
import {
  opinionSettingsSchema,
  type OpinionAction,
  type OpinionSettings,
  type OpinionStatus,
} from '@minyi/domain/opinions';
import type { Db } from '../../db/client';
import type { Actor, Ctx, Work } from '../../platform/context';
import { requireRole } from '../../platform/access';
import type { AuditEntry } from '../../platform/audit';
import { step } from '../../platform/step';
import { notFound, wrongState } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { insertRow, toDrizzle } from '../../platform/statement';
import { readSettings } from '../../platform/settings';
import { accountRoles } from '../../platform/platform.table';
import {
  findAccountIdsForDeputies,
  getJurisdiction,
  committeeMembers,
  handlingUnits,
  liaisonPlaceDeputies,
  workingCommittees,
  jurisdictions,
} from '../registry';
import { opinionAssignments, opinionEvents, opinions, receptions } from './opinions.table';
import { opinionPolicy, QUEUE_ROLES, type OpinionResource } from './opinions.policy';

export type OpinionRow = typeof opinions.$inferSelect;
export const OPINION = { zh: '群众意见', en: 'opinion' };

/**
 * An opinion's item in the lists, built from its row: the one source of the `list_item` stored with every
 * opinion and copied to its assignments (migration 0303), which the queues read instead of building 50 items'
 * JSON per page (ADR 0006). The lists append the reader's fields ("role", "due") and the closing brace. Every
 * write of an opinion row stores it: the submission's batch, `applyStep`, hiding, the inspection's opinion and
 * the demo; a test rebuilds every stored item after the workflow and compares.
 */
export function opinionListItem(
  o: Pick<
    OpinionRow,
    | 'id'
    | 'trackingCode'
    | 'publicContent'
    | 'category'
    | 'streetId'
    | 'channel'
    | 'status'
    | 'hidden'
    | 'leadUnitId'
    | 'deadlineAt'
    | 'reopenCount'
    | 'createdAt'
  >,
): string {
  const item = {
    id: o.id,
    trackingCode: o.trackingCode,
    content: o.publicContent,
    category: o.category,
    streetId: o.streetId,
    channel: o.channel,
    status: o.status,
    hidden: o.hidden,
    leadUnitId: o.leadUnitId,
    deadlineAt: o.deadlineAt ? o.deadlineAt.toISOString() : null,
    reopenCount: o.reopenCount,
    createdAt: o.createdAt.toISOString(),
  };
  return JSON.stringify(item).slice(0, -1);
}

/** A new opinion's item: as `opinionListItem`, in the state every opinion starts in. */
export const newOpinionListItem = (
  o: Pick<
    OpinionRow,
    'id' | 'trackingCode' | 'publicContent' | 'category' | 'streetId' | 'channel' | 'createdAt'
  >,
) =>
  opinionListItem({
    ...o,
    status: 'submitted',
    hidden: false,
    leadUnitId: null,
    deadlineAt: null,
    reopenCount: 0,
  });

export const readOpinionSettings = (db: Db, congressId: string): Promise<OpinionSettings> =>
  readSettings(db, congressId, 'opinions', opinionSettingsSchema);

// Hot reads (the queue, the public form's limits) take the settings from a short in-process cache: a
// change made on another instance is seen within SETTINGS_TTL_MS; this instance's own writes clear it.
const SETTINGS_TTL_MS = 5_000;
const settingsCache = new Map<string, { at: number; value: OpinionSettings }>();
export async function readOpinionSettingsCached(db: Db, congressId: string): Promise<OpinionSettings> {
  const hit = settingsCache.get(congressId);
  if (hit && Date.now() - hit.at < SETTINGS_TTL_MS) return hit.value;
  const value = await readOpinionSettings(db, congressId);
  settingsCache.set(congressId, { at: Date.now(), value });
  return value;
}
export const forgetOpinionSettings = (congressId: string) => settingsCache.delete(congressId);

export async function findAssignments(db: Db, opinionId: string) {
  return db.select().from(opinionAssignments).where(eq(opinionAssignments.opinionId, opinionId));
}

/** Ends every active assignment of an opinion (closed, rerouted, handed back with its reason). */
export async function endAssignments(w: Work, opinionId: string, endReason: string, at = new Date()) {
  await w.db
    .update(opinionAssignments)
    .set({ active: false, endedAt: at, endReason })
    .where(and(eq(opinionAssignments.opinionId, opinionId), eq(opinionAssignments.active, true)));
}

export async function resourceOf(db: Db, o: OpinionRow): Promise<OpinionResource> {
  const assignments = await findAssignments(db, o.id);
  return {
    congressId: o.congressId,
    deputyId: o.deputyId,
    placeDeputyIds: o.liaisonPlaceId ? await findPlaceDeputyIds(db, o.liaisonPlaceId) : [],
    streetCommitteeDeputyIds: await findStreetCommitteeDeputyIds(db, o.congressId, o.streetId),
    leadUnitId: o.leadUnitId,
    activeUnitIds: assignments.filter((a) => a.active).map((a) => a.unitId),
    everUnitIds: [...new Set(assignments.map((a) => a.unitId))],
  };
}

/** Loads an opinion of the congress (locked for update inside a transaction when `lock`). */
export async function loadOpinion(db: Db, congressId: string, id: string, lock = false): Promise<OpinionRow> {
  const q = db
    .select()
    .from(opinions)
    .where(and(eq(opinions.id, id), eq(opinions.congressId, congressId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound(OPINION);
  return row;
}

/**
 * A workflow command on one opinion through the platform's `step()` (one transaction): the queue's roles,
 * the opinion loaded and locked (404 when the actor may not see it), the policy's `action`, then `change`.
 * The audit entry the change records first is the step's own: the step writes it with the role the policy
 * allowed; any further entry (a follow-on, e.g. an assisting unit leaving) is written as recorded.
 */
export async function opinionStep(
  ctx: Ctx,
  id: string,
  action: string,
  change: (w: Work, o: OpinionRow) => Promise<unknown>,
): Promise<void> {
  requireRole(ctx.actor, QUEUE_ROLES);
  await step(ctx, {
    policy: opinionPolicy,
    action,
    load: async (w, actor) => {
      const row = await loadOpinion(w.db, actor.congressId, id, true);
      const resource = await resourceOf(w.db, row);
      if (!opinionPolicy.can(actor, 'view', resource)) throw notFound(OPINION);
      return { row, resource };
    },
    write: async ({ w, row }) => {
      let own: AuditEntry | undefined;
      const result = await change(
        {
          ...w,
          audit: async (entry) => {
            if (own) await w.audit(entry);
            else own = entry;
          },
        },
        row,
      );
      if (!own) throw new Error(`opinion step ${action}: the change recorded no audit entry`);
      return { result, audit: own };
    },
  });
}

type EventInput = { kind: string; note?: string | null; isPublic?: boolean; data?: Record<string, unknown> };

/** The row of one timeline event. */
export function eventRow(
  o: { id: string; congressId: string },
  ctx: Ctx,
  e: EventInput,
): typeof opinionEvents.$inferInsert {
  return {
    id: newId(),
    congressId: o.congressId,
    opinionId: o.id,
    kind: e.kind,
    isPublic: e.isPublic ?? true,
    note: e.note ?? null,
    data: e.data ?? {},
    accountId: ctx.actor?.accountId ?? null,
  };
}

export async function addEvent(w: Work, o: { id: string; congressId: string }, ctx: Ctx, e: EventInput) {
  await w.db.execute(toDrizzle(insertRow(opinionEvents, eventRow(o, ctx, e))));
}

export interface StepInput {
  action: OpinionAction;
  to: OpinionStatus;
  patch?: Partial<OpinionRow>;
  event: { kind?: string; note?: string | null; isPublic?: boolean; data?: Record<string, unknown> };
  /** A text message to the citizen about this step (after commit). */
  tellCitizen?: LocalizedText;
}

/** One workflow step: the row changes only if it is still in the status it was read in. */
export async function applyStep(w: Work, ctx: Ctx, o: OpinionRow, s: StepInput): Promise<OpinionRow> {
  const [after] = await w.db
    .update(opinions)
    .set({
      ...s.patch,
      status: s.to,
      updatedAt: new Date(),
      listItem: opinionListItem({ ...o, ...s.patch, status: s.to }),
    })
    .where(and(eq(opinions.id, o.id), eq(opinions.status, o.status)))
    .returning();
  if (!after) {
    const [now] = await w.db.select({ status: opinions.status }).from(opinions).where(eq(opinions.id, o.id));
    throw wrongState(now?.status ?? o.status);
  }
  await addEvent(w, o, ctx, { kind: s.event.kind ?? s.action, ...s.event });
  await w.audit({
    action: `opinion.${s.action}`,
    entityType: 'opinion',
    entityId: o.id,
    congressId: o.congressId,
    before: { status: o.status },
    after: { status: s.to, ...auditable(s.patch ?? {}) },
  });
  if (s.tellCitizen) await tellCitizen(w, ctx, o, s.tellCitizen);
  return after;
}

/** The audit row records the step's fields, never the personal data. */
function auditable(patch: Partial<OpinionRow>): Record<string, unknown> {
  const { phoneEnc: _p, nameEnc: _n, phoneIndex: _i, phoneCheck: _c, ...rest } = patch;
  return rest;
}

/** Texts the citizen about a step (queued in the step's transaction; sent after commit). */
export async function tellCitizen(w: Work, ctx: Ctx, o: OpinionRow, text: LocalizedText) {
  // An opinion raised by deputies themselves (a site inspection) may have no contact phone.
  if (!ctx.app.pii.decrypt(o.phoneEnc)) return;
  await ctx.app.notifier.sms(w, o.congressId, o.phoneEnc, {
    zh: `【民意】${text.zh}（查询码 ${o.trackingCode}）`,
    en: `${text.en} (tracking code ${o.trackingCode})`,
  });
}

// ---------- What opinions read of the registry beyond its index.ts functions ----------
// (the deputies of a place, several units at once, a street working committee and its members)

// Streets change rarely (a registry edit); the public form looks one up on every submission, before it knows
// the congress (the street tells it), hence a lookup by id alone.
const STREET_TTL_MS = 60_000;
type StreetRef = { id: string; congressId: string; name: string; nameEn: string } | null;
const streetCache = new Map<string, { at: number; value: StreetRef }>();
export async function getStreetCached(db: Db, streetId: string): Promise<StreetRef> {
  const hit = streetCache.get(streetId);
  if (hit && Date.now() - hit.at < STREET_TTL_MS) return hit.value;
  const [value] = await db
    .select({
      id: jurisdictions.id,
      congressId: jurisdictions.congressId,
      name: jurisdictions.name,
      nameEn: jurisdictions.nameEn,
    })
    .from(jurisdictions)
    .where(and(eq(jurisdictions.id, streetId), eq(jurisdictions.level, 'street')));
  if (value) streetCache.set(streetId, { at: Date.now(), value });
  return value ?? null;
}

/** A community of this street, or null. */
export async function getCommunity(db: Db, congressId: string, communityId: string, streetId: string) {
  const j = await getJurisdiction(db, congressId, communityId);
  return j && j.level === 'community' && j.parentId === streetId ? { id: j.id } : null;
}

export async function findPlaceDeputyIds(db: Db, placeId: string): Promise<string[]> {
  const rows = await db
    .select({ id: liaisonPlaceDeputies.deputyId })
    .from(liaisonPlaceDeputies)
    .where(eq(liaisonPlaceDeputies.liaisonPlaceId, placeId));
  return rows.map((r) => r.id);
}

export async function findUnits(db: Db, congressId: string, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return db
    .select({
      id: handlingUnits.id,
      name: handlingUnits.name,
      nameEn: handlingUnits.nameEn,
      active: handlingUnits.active,
    })
    .from(handlingUnits)
    .where(and(eq(handlingUnits.congressId, congressId), inArray(handlingUnits.id, [...unitIds])));
}

/** The street working committee of a street (the registry has no lookup for it yet), or null. */
export async function getStreetWorkingCommittee(db: Db, congressId: string, streetId: string) {
  const [row] = await db
    .select({ id: workingCommittees.id, name: workingCommittees.name })
    .from(workingCommittees)
    .where(
      and(
        eq(workingCommittees.congressId, congressId),
        eq(workingCommittees.streetId, streetId),
        eq(workingCommittees.kind, 'streetWorkingCommittee'),
      ),
    );
  return row ?? null;
}

/** Deputies currently on the working committee of a street (none when the street has no committee). */
export async function findStreetCommitteeDeputyIds(
  db: Db,
  congressId: string,
  streetId: string,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: committeeMembers.deputyId })
    .from(committeeMembers)
    .innerJoin(workingCommittees, eq(workingCommittees.id, committeeMembers.workingCommitteeId))
    .where(
      and(
        eq(committeeMembers.congressId, congressId),
        eq(workingCommittees.streetId, streetId),
        eq(workingCommittees.kind, 'streetWorkingCommittee'),
        isNull(committeeMembers.endedOn),
      ),
    );
  return rows.map((r) => r.id);
}

/** The streets whose working committee a deputy currently sits on, as a subquery. */
export const committeeStreetsOf = (db: Db, deputyId: string) =>
  db
    .select({ id: workingCommittees.streetId })
    .from(committeeMembers)
    .innerJoin(workingCommittees, eq(workingCommittees.id, committeeMembers.workingCommitteeId))
    .where(
      and(
        eq(committeeMembers.deputyId, deputyId),
        eq(workingCommittees.kind, 'streetWorkingCommittee'),
        isNull(committeeMembers.endedOn),
      ),
    );

/**
 * Who hears of an overdue item in a street: the active accounts of the current members of that street's
 * working committee; only when the street has no committee, or none of its members has an account, the
 * staff of the congress (congressStaff and liaisonStaff accounts).
 */
export async function findEscalationAccountIds(
  db: Db,
  congressId: string,
  streetId: string,
): Promise<string[]> {
  const members = await findStreetCommitteeDeputyIds(db, congressId, streetId);
  const ids = await findAccountIdsForDeputies(db, congressId, members);
  if (ids.length > 0) return ids;
  const rows = await db
    .selectDistinct({ id: accountRoles.accountId })
    .from(accountRoles)
    .where(
      and(
        eq(accountRoles.congressId, congressId),
        inArray(accountRoles.role, ['congressStaff', 'liaisonStaff']),
      ),
    );
  return rows.map((r) => r.id);
}

export const RECEPTION = { zh: '接待活动', en: 'reception' };

/** A reception of the actor's congress (404 when absent). */
export async function loadReception(ctx: Ctx, db: Db, id: string) {
  const [r] = await db
    .select()
    .from(receptions)
    .where(and(eq(receptions.id, id), eq(receptions.congressId, ctx.actor!.congressId)));
  if (!r) throw notFound(RECEPTION);
  return r;
}

/** Check-in at a reception opens two hours before it starts (commands/check-in-reception.ts). */
export const CHECK_IN_OPENS_BEFORE_MS = 2 * 3_600_000;

/**
 * What the actor may do on a reception now, by the same rules the commands enforce, so that the page offers
 * only what will be accepted: staff act for anyone, a deputy for themselves on a reception they are
 * scheduled for; check-in from two hours before the start, the record once it has started, both only while
 * it is scheduled; an opinion may be registered against it at any time by the same people.
 */
export function receptionAbilities(
  actor: Actor,
  rec: { status: string; startsAt: Date; deputies: { id: string; checkedIn: boolean }[] },
  now = Date.now(),
) {
  const staff = actor.roles.some((x) => x === 'congressStaff' || x === 'liaisonStaff');
  const mine = !!actor.deputyId && rec.deputies.some((d) => d.id === actor.deputyId);
  const scheduled = rec.status === 'scheduled';
  const checkInOpen = scheduled && now >= rec.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS;
  const canCheckIn = (d: { id: string; checkedIn: boolean }) =>
    checkInOpen && !d.checkedIn && (staff || d.id === actor.deputyId);
  return {
    canCheckIn,
    abilities: {
      checkIn: (staff || mine) && rec.deputies.some(canCheckIn),
      record: (staff || mine) && scheduled && now >= rec.startsAt.getTime(),
      registerOpinion: staff || mine,
    },
  };
}
