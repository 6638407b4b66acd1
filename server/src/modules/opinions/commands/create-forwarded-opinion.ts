// What another module's finding becomes here: an opinion already claimed by whoever recorded the finding and
// forwarded to the unit chosen, so the unit handles and answers it like any other, with the pipeline's
// deadline. The livelihood projects' site inspections (create-opinion-from-inspection.ts) and the deputies'
// activities (create-opinion-from-activity.ts) each say where their finding came from; the rest is this.
// Runs in the transaction of the job reacting to the other module's event, with the opinion id that module
// already links to.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { nextStatus, redactContent, searchText } from '@minyi/domain/opinions';
import type { Actor, Ctx, RequestMeta, Work } from '../../../platform/context';
import { wrongState } from '../../../platform/errors';
import { deputies } from '../../registry';
import { opinions } from '../opinions.table';
import { addEvent, applyStep, newOpinionListItem } from '../opinions.repository';
import { newTrackingCode, phoneCheckOf } from './submit-opinion';
import { forwardOpinion } from './decide-opinion';

export interface ForwardedOpinion {
  congressId: string;
  /** The account that recorded the finding: it claims and forwards the opinion. */
  actor: Actor;
  meta: RequestMeta;
  /** The id the other module links to. */
  opinionId: string;
  unitId: string;
  streetId: string;
  liaisonPlaceId?: string | null;
  /** The deputies who found it; the first one with a phone is the opinion's contact for progress texts. */
  deputyIds: string[];
  /** The opinion's text, with its source's label in front. */
  content: string;
  /** Where it came from, kept with the submitted event, the claim and the audit row (`{ inspectionId }`, …). */
  source: Record<string, string>;
  /** The forwarding's key, one per source record (`inspection:<id>`). */
  forwardKey: string;
  /**
   * When the finding was recorded, if not now: the opinion's date and its deadline's base (a job that runs
   * later, or the demo's records dated before the server's start, keep the deadline counted from then).
   */
  recordedAt?: Date;
}

export async function createForwardedOpinion(
  w: Work,
  input: ForwardedOpinion,
  /** The fields of `source` the claim's event keeps (the record, not each finding). */
  claimSource: Record<string, string>,
): Promise<{ id: string; trackingCode: string }> {
  const ctx: Ctx = { app: w.app, actor: input.actor, meta: input.meta };
  const pii = w.app.pii;
  const contacts = input.deputyIds.length
    ? await w.db
        .select({ id: deputies.id, phoneEnc: deputies.phoneEnc })
        .from(deputies)
        .where(
          and(
            eq(deputies.congressId, input.congressId),
            inArray(deputies.id, input.deputyIds),
            isNotNull(deputies.phoneEnc),
          ),
        )
    : [];
  const contact = input.deputyIds.map((id) => contacts.find((c) => c.id === id)).find((c) => c?.phoneEnc);
  // The opinions table needs a contact phone; with no deputy phone on record it holds an empty one.
  const phone = contact?.phoneEnc ? pii.decrypt(contact.phoneEnc) : '';
  const id = input.opinionId;
  const trackingCode = newTrackingCode();
  const now = input.recordedAt ?? new Date();
  const row = {
    id,
    congressId: input.congressId,
    trackingCode,
    content: input.content,
    publicContent: redactContent(input.content),
    category: 'other',
    streetId: input.streetId,
    channel: 'staff' as const,
    deputyId: input.deputyIds[0] ?? null,
    liaisonPlaceId: input.liaisonPlaceId ?? null,
    phoneEnc: pii.encrypt(phone),
    phoneIndex: pii.index('phone', phone),
    phoneCheck: phoneCheckOf(ctx, trackingCode, phone.slice(-4)),
    isPublic: false,
    searchText: searchText(input.content),
    createdBy: input.actor.accountId,
    createdAt: now,
    updatedAt: now,
  };
  const [o] = await w.db
    .insert(opinions)
    .values({ ...row, listItem: newOpinionListItem(row) })
    .returning();
  await addEvent(w, o, ctx, { kind: 'submitted', data: { channel: row.channel, ...input.source } });
  await w.audit({
    action: 'opinion.submit',
    entityType: 'opinion',
    entityId: id,
    congressId: input.congressId,
    after: {
      category: row.category,
      streetId: row.streetId,
      channel: row.channel,
      isPublic: false,
      ...input.source,
    },
  });
  // Claimed by whoever recorded the finding (no text: the deputies know), then forwarded to the unit.
  const claimed = nextStatus(o.status, 'claim');
  if (!claimed) throw wrongState(o.status);
  const mine = await applyStep(w, ctx, o, {
    action: 'claim',
    to: claimed,
    patch: { claimedBy: input.actor.accountId },
    event: { data: claimSource },
  });
  await forwardOpinion(ctx, w, mine, input.unitId, [], input.forwardKey, now);
  return { id, trackingCode };
}
