// A document of an agenda item that arrives after the item was put on the agenda (the revised report, the
// distribution to members): kept with the day it was done and flagged late against the meeting's date.
import { and, eq } from 'drizzle-orm';
import { nextMeetingStatus } from '@minyi/domain/meetings';
import type { z } from 'zod';
import type { agendaDocumentSchema } from '@minyi/domain/meetings';
import type { Ctx } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { meetingAgendaDocuments, meetingAgendaItems } from '../meetings.table';
import { meetingPolicy } from '../meetings.policy';
import { loadMeetingStep } from '../meetings.repository';

export function addAgendaDocument(
  ctx: Ctx,
  meetingId: string,
  itemId: string,
  input: z.infer<typeof agendaDocumentSchema>,
) {
  return step(ctx, {
    policy: meetingPolicy,
    action: 'addAgendaItem',
    load: (w, actor) => loadMeetingStep(w, actor, meetingId),
    transition: ({ row }) => ({ from: row.status, to: nextMeetingStatus(row.status, 'addAgendaItem') }),
    async write({ w, row: m }) {
      const [item] = await w.db
        .select({ id: meetingAgendaItems.id })
        .from(meetingAgendaItems)
        .where(and(eq(meetingAgendaItems.id, itemId), eq(meetingAgendaItems.meetingId, m.id)));
      if (!item) throw notFound({ zh: '议程', en: 'agenda item' });
      const doc = { id: newId(), congressId: m.congressId, itemId, ...input };
      await w.db.insert(meetingAgendaDocuments).values(doc);
      return {
        result: { id: doc.id },
        audit: {
          action: 'meeting.addAgendaDocument',
          entityType: 'meeting',
          entityId: m.id,
          congressId: m.congressId,
          after: doc,
        },
      };
    },
  });
}
