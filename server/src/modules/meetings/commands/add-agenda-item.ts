// An item on a meeting's agenda (议程), with its documents and the day each was done: whether the item is voted
// secretly comes from the settings by its kind; a document done after its deadline is kept and flagged late.
import { eq, sql } from 'drizzle-orm';
import { nextMeetingStatus, type CreateAgendaItem } from '@minyi/domain/meetings';
import type { Ctx } from '../../../platform/context';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { meetingAgendaDocuments, meetingAgendaItems } from '../meetings.table';
import { meetingPolicy } from '../meetings.policy';
import { loadMeetingStep } from '../meetings.repository';
import { readMeetingsSettings } from '../meetings.settings';

export function addAgendaItem(ctx: Ctx, meetingId: string, input: CreateAgendaItem) {
  return step(ctx, {
    policy: meetingPolicy,
    action: 'addAgendaItem',
    load: (w, actor) => loadMeetingStep(w, actor, meetingId),
    transition: ({ row }) => ({ from: row.status, to: nextMeetingStatus(row.status, 'addAgendaItem') }),
    async write({ w, row: m }) {
      const settings = await readMeetingsSettings(w.db, m.congressId);
      const [r] = await w.db
        .select({ max: sql<number | null>`max(${meetingAgendaItems.position})` })
        .from(meetingAgendaItems)
        .where(eq(meetingAgendaItems.meetingId, m.id));
      const item = {
        id: newId(),
        congressId: m.congressId,
        meetingId: m.id,
        position: (r?.max ?? 0) + 1,
        kind: input.kind,
        title: input.title,
        secret: settings.secretKinds.includes(input.kind),
      };
      await w.db.insert(meetingAgendaItems).values(item);
      if (input.documents.length)
        await w.db
          .insert(meetingAgendaDocuments)
          .values(
            input.documents.map((d) => ({ id: newId(), congressId: m.congressId, itemId: item.id, ...d })),
          );
      return {
        result: { id: item.id },
        audit: {
          action: 'meeting.addAgendaItem',
          entityType: 'meeting',
          entityId: m.id,
          congressId: m.congressId,
          after: { item, documents: input.documents },
        },
      };
    },
  });
}
