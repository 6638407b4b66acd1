// For the livelihood module: deputies' site-inspection findings become an opinion already forwarded to the
// project's lead unit, so the unit handles and answers them like any other (issue 5: "findings can become
// opinions to the unit"). Runs in the transaction of the job that reacts to `inspection.findingRecorded`
// (jobs/opinion-from-inspection.ts), with the opinion id the inspection already links to.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { nextStatus, redactContent, searchText } from '@minyi/domain/opinions';
import type { Actor, Ctx, RequestMeta, Work } from '../../../platform/context';
import { wrongState } from '../../../platform/errors';
import { deputies } from '../../registry';
import { opinions } from '../opinions.table';
import { addEvent, applyStep, newOpinionListItem } from '../opinions.repository';
import { newTrackingCode, phoneCheckOf } from './submit-opinion';
import { forwardOpinion } from './decide-opinion';

export interface OpinionFromInspection {
  congressId: string;
  /** The account that recorded the inspection: it claims and forwards the opinion. */
  actor: Actor;
  meta: RequestMeta;
  /** The id the inspection links to. */
  opinionId: string;
  inspectionId: string;
  projectId: string;
  projectTitle: string;
  leadUnitId: string;
  streetId: string;
  /** The inspecting deputies; the first one with a phone is the opinion's contact for progress texts. */
  deputyIds: string[];
  findings: string;
}

export async function createOpinionFromInspection(
  w: Work,
  input: OpinionFromInspection,
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
  const content = `【民生实事视察】${input.projectTitle}：${input.findings}`;
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
    data: { channel: row.channel, inspectionId: input.inspectionId, projectId: input.projectId },
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
      inspectionId: input.inspectionId,
    },
  });
  // Claimed by whoever recorded the inspection (no text: the deputies know), then forwarded to the unit.
  const claimed = nextStatus(o.status, 'claim');
  if (!claimed) throw wrongState(o.status);
  const mine = await applyStep(w, ctx, o, {
    action: 'claim',
    to: claimed,
    patch: { claimedBy: input.actor.accountId },
    event: { data: { inspectionId: input.inspectionId } },
  });
  await forwardOpinion(ctx, w, mine, input.leadUnitId, [], `inspection:${input.inspectionId}`);
  return { id, trackingCode };
}
