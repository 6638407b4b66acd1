// The course of an inquiry (质询案): staff file it from the filers' signed text (the statutory number of members
// on the meeting's roll, 地方组织法 Art. 24, 53), record the chairpersons' meeting's decision (answered orally at
// the meeting or in writing, or not put; 监督法 Art. 52), the organ's answer, and each filer's satisfaction (the
// filer may say it themselves); a further answer is due when enough filers are dissatisfied (监督法 Art. 53; 代表法
// Art. 20), after which the inquiry closes.
import { and, eq, inArray } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import {
  afterSatisfaction,
  INQUIRY_MIN_FILERS,
  nextInquiryStatus,
  type FileInquiry,
  type InquiryAnswerMode,
} from '@minyi/domain/meetings';
import type { Ctx, Work } from '../../../platform/context';
import { conflict, forbidden, invalidField, notFound, unauthorized } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { inquiries, inquiryAnswers, inquiryFilers, meetingMembers, meetings } from '../meetings.table';
import { inquiryPolicy, type InquiryResource } from '../meetings.policy';
import type { Actor } from '../../../platform/context';

export type InquiryRow = typeof inquiries.$inferSelect;
const INQUIRY = { zh: '质询案', en: 'inquiry' };

/** Loads and locks an inquiry of the actor's congress, with whether the actor signed it. */
export async function loadInquiryStep(
  w: Work,
  actor: Actor,
  id: string,
): Promise<{ row: InquiryRow; resource: InquiryResource }> {
  const [row] = await w.db
    .select()
    .from(inquiries)
    .where(and(eq(inquiries.id, id), eq(inquiries.congressId, actor.congressId)))
    .for('update');
  if (!row) throw notFound(INQUIRY);
  const [filer] = actor.deputyId
    ? await w.db
        .select({ d: inquiryFilers.deputyId })
        .from(inquiryFilers)
        .where(and(eq(inquiryFilers.inquiryId, id), eq(inquiryFilers.deputyId, actor.deputyId)))
    : [];
  return { row, resource: { congressId: row.congressId, isFiler: !!filer } };
}

export async function fileInquiry(ctx: Ctx, input: FileInquiry) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  inquiryPolicy.authorize(actor, 'file', { congressId: actor.congressId, isFiler: false });
  return step(ctx, {
    policy: inquiryPolicy,
    action: 'file',
    async load(w, a) {
      const [m] = await w.db
        .select()
        .from(meetings)
        .where(and(eq(meetings.id, input.meetingId), eq(meetings.congressId, a.congressId)))
        .for('share');
      if (!m) throw invalidField('meetingId', '会议不存在', 'is not a meeting of this congress', 'not_found');
      return { row: m, resource: { congressId: m.congressId, isFiler: false } };
    },
    async write({ w, row: m }) {
      const min = INQUIRY_MIN_FILERS[m.body];
      if (!min)
        throw invalidField(
          'meetingId',
          '主任会议不受理质询案',
          'the chairpersons’ meeting takes no inquiries',
          'wrong_body',
        );
      if (m.status === 'closed')
        throw conflict('meeting_closed', { zh: '会议已闭会', en: 'The meeting is closed' });
      const ids = [...new Set(input.filerIds)];
      if (ids.length !== input.filerIds.length)
        throw invalidField('filerIds', '联名人不能重复', 'contains duplicates');
      const roll = await w.db
        .select({ deputyId: meetingMembers.deputyId, name: meetingMembers.name })
        .from(meetingMembers)
        .where(and(eq(meetingMembers.meetingId, m.id), inArray(meetingMembers.deputyId, ids)));
      const onRoll = new Set(roll.map((r) => r.deputyId));
      const bad = ids.findIndex((id) => !onRoll.has(id));
      if (bad >= 0)
        throw invalidField(
          `filerIds.${bad}`,
          '不是本次会议的组成人员',
          'is not a member on the meeting’s roll',
        );
      if (ids.length < min)
        throw invalidField(
          'filerIds',
          `质询案须由${min}名以上组成人员联名提出（地方组织法第${m.body === 'congress' ? '二十四' : '五十三'}条）`,
          `an inquiry needs ${min} or more members jointly (Local Organic Law Art. ${m.body === 'congress' ? 24 : 53})`,
          'too_few',
        );
      const id = newId();
      const row = {
        id,
        congressId: m.congressId,
        meetingId: m.id,
        organ: input.organ,
        subject: input.subject,
        content: input.content,
        filedOn: shanghaiDate(new Date()),
      };
      await w.db.insert(inquiries).values(row);
      await w.db
        .insert(inquiryFilers)
        .values(
          roll.map((r) => ({ congressId: m.congressId, inquiryId: id, deputyId: r.deputyId, name: r.name })),
        );
      return {
        result: { id },
        audit: {
          action: 'inquiry.file',
          entityType: 'inquiry',
          entityId: id,
          congressId: m.congressId,
          after: { ...row, filerIds: ids },
        },
      };
    },
  });
}

/** The chairpersons' meeting's decision: put to the organ (orally or in writing), or not put. */
export function decideInquiry(
  ctx: Ctx,
  id: string,
  input: { put: boolean; mode?: InquiryAnswerMode; decidedOn: string; note: string },
) {
  return step(ctx, {
    policy: inquiryPolicy,
    action: 'decide',
    load: (w, a) => loadInquiryStep(w, a, id),
    transition: ({ row }) => ({
      from: row.status,
      to: nextInquiryStatus(row.status, input.put ? 'decide' : 'decline'),
    }),
    async write({ w, row, to }) {
      if (input.put && !input.mode)
        throw invalidField(
          'mode',
          '请选择口头答复或书面答复',
          'choose an oral or a written answer',
          'required',
        );
      const set = {
        status: to as InquiryRow['status'],
        mode: input.put ? input.mode! : null,
        decidedOn: input.decidedOn,
        decisionNote: input.note,
      };
      await w.db.update(inquiries).set(set).where(eq(inquiries.id, row.id));
      return {
        result: { status: set.status },
        audit: {
          action: 'inquiry.decide',
          entityType: 'inquiry',
          entityId: row.id,
          congressId: row.congressId,
          after: set,
        },
      };
    },
  });
}

/** The organ's answer (the first, or the further one); the filers then say whether they are satisfied. */
export function answerInquiry(
  ctx: Ctx,
  id: string,
  input: { answeredBy: string; summary: string; answeredOn: string },
) {
  return step(ctx, {
    policy: inquiryPolicy,
    action: 'answer',
    load: (w, a) => loadInquiryStep(w, a, id),
    transition: ({ row }) => ({ from: row.status, to: nextInquiryStatus(row.status, 'answer') }),
    async write({ w, row }) {
      const round = row.round + 1;
      await w.db.insert(inquiryAnswers).values({
        congressId: row.congressId,
        inquiryId: row.id,
        round,
        mode: row.mode ?? 'written',
        ...input,
      });
      await w.db.update(inquiries).set({ status: 'answered', round }).where(eq(inquiries.id, row.id));
      await w.db.update(inquiryFilers).set({ satisfied: null }).where(eq(inquiryFilers.inquiryId, row.id));
      return {
        result: { status: 'answered' as const, round },
        audit: {
          action: 'inquiry.answer',
          entityType: 'inquiry',
          entityId: row.id,
          congressId: row.congressId,
          after: { round, ...input },
        },
      };
    },
  });
}

/** A filer's satisfaction with the latest answer: the filer themselves, or staff recording it for them. */
export function rateInquiryAnswer(ctx: Ctx, id: string, input: { deputyId?: string; satisfied: boolean }) {
  const isStaff = !!ctx.actor?.roles.includes('congressStaff');
  return step(ctx, {
    policy: inquiryPolicy,
    action: 'rateAnswer',
    load: (w, a) => loadInquiryStep(w, a, id),
    transition: ({ row }) => ({ from: row.status, to: nextInquiryStatus(row.status, 'rateAnswer') }),
    async write({ w, row, actor }) {
      const deputyId = input.deputyId ?? actor.deputyId;
      if (!deputyId) throw invalidField('deputyId', '请指明联名人', 'name the filer', 'required');
      if (!isStaff && deputyId !== actor.deputyId)
        throw forbidden({ zh: '只能表明本人的意见', en: 'You may say only whether you are satisfied' });
      const updated = await w.db
        .update(inquiryFilers)
        .set({ satisfied: input.satisfied })
        .where(and(eq(inquiryFilers.inquiryId, row.id), eq(inquiryFilers.deputyId, deputyId)))
        .returning({ d: inquiryFilers.deputyId });
      if (!updated.length)
        throw invalidField('deputyId', '不是该质询案的联名人', 'did not sign this inquiry');
      const said = await w.db
        .select({ satisfied: inquiryFilers.satisfied })
        .from(inquiryFilers)
        .where(eq(inquiryFilers.inquiryId, row.id));
      const [m] = await w.db
        .select({ body: meetings.body })
        .from(meetings)
        .where(eq(meetings.id, row.meetingId));
      const status = afterSatisfaction(m.body, row.round, said);
      if (status !== row.status) {
        await w.db.update(inquiries).set({ status }).where(eq(inquiries.id, row.id));
        await w.db
          .update(inquiryAnswers)
          .set({
            satisfied: said.filter((s) => s.satisfied === true).length,
            dissatisfied: said.filter((s) => s.satisfied === false).length,
          })
          .where(and(eq(inquiryAnswers.inquiryId, row.id), eq(inquiryAnswers.round, row.round)));
      }
      return {
        result: { status },
        audit: {
          action: 'inquiry.rateAnswer',
          entityType: 'inquiry',
          entityId: row.id,
          congressId: row.congressId,
          before: { status: row.status },
          after: { status, deputyId, satisfied: input.satisfied, round: row.round },
        },
      };
    },
  });
}
