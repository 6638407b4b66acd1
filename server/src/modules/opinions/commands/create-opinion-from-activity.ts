// For the activities module: a finding of a deputies' activity (an inspection's problem) becomes an opinion
// already forwarded to the unit the staff chose, so the unit handles and answers it like any other, with the
// pipeline's deadline (issue 20: "findings go to the units as opinions with deadlines"). Runs in the
// transaction of the job that reacts to `activity.findingRecorded` (jobs/opinion-from-activity.ts), with the
// opinion id the finding already links to.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { nextStatus, redactContent, searchText } from '@minyi/domain/opinions';
import type { Actor, Ctx, RequestMeta, Work } from '../../../platform/context';
import { wrongState } from '../../../platform/errors';
import { deputies } from '../../registry';
import { opinions } from '../opinions.table';
import { addEvent, applyStep, newOpinionListItem } from '../opinions.repository';
import { newTrackingCode, phoneCheckOf } from './submit-opinion';
import { forwardOpinion } from './decide-opinion';

export interface OpinionFromActivity {
  congressId: string;
  /** The account that recorded the activity: it claims and forwards the opinion. */
  actor: Actor;
  meta: RequestMeta;
  /** The id the finding links to. */
  opinionId: string;
  activityId: string;
  activityTitle: string;
  findingId: string;
  unitId: string;
  streetId: string;
  placeId: string | null;
  /** The deputies who attended; the first one with a phone is the opinion's contact for progress texts. */
  deputyIds: string[];
  content: string;
}

export async function createOpinionFromActivity(
  w: Work,
  input: OpinionFromActivity,
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
  const content = `【代表活动】${input.activityTitle}：${input.content}`;
  const id = input.opinionId;
  const trackingCode = newTrackingCode();
  const now = new Date();
  const row = {
    id,
    congressId: input.congressId,
    trackingCode,
    content,
    publicContent: redactContent(content),
    category: 'other',
    streetId: input.streetId,
    channel: 'staff' as const,
    deputyId: input.deputyIds[0] ?? null,
    liaisonPlaceId: input.placeId,
    phoneEnc: pii.encrypt(phone),
    phoneIndex: pii.index('phone', phone),
    phoneCheck: phoneCheckOf(ctx, trackingCode, phone.slice(-4)),
    isPublic: false,
    searchText: searchText(content),
    createdBy: input.actor.accountId,
    createdAt: now,
    updatedAt: now,
  };
  const [o] = await w.db
    .insert(opinions)
    .values({ ...row, listItem: newOpinionListItem(row) })
    .returning();
  await addEvent(w, o, ctx, {
    kind: 'submitted',
    data: { channel: row.channel, activityId: input.activityId, findingId: input.findingId },
  });
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
      activityId: input.activityId,
      findingId: input.findingId,
    },
  });
  // Claimed by whoever recorded the activity (no text: the deputies know), then forwarded to the unit.
  const claimed = nextStatus(o.status, 'claim');
  if (!claimed) throw wrongState(o.status);
  const mine = await applyStep(w, ctx, o, {
    action: 'claim',
    to: claimed,
    patch: { claimedBy: input.actor.accountId },
    event: { data: { activityId: input.activityId } },
  });
  await forwardOpinion(ctx, w, mine, input.unitId, [], `activity:${input.activityId}`);
  return { id, trackingCode };
}
