// Inquiries (质询案): the list (staff and leaders all; a member those they signed) and one inquiry with its
// filers and their satisfaction, the decision, and the answers.
import { and, asc, desc, eq, exists, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { forbidden, notFound } from '../../../platform/errors';
import { inquiries, inquiryAnswers, inquiryFilers, meetings } from '../meetings.table';
import { inquiryPolicy, READERS } from '../meetings.policy';

export async function findInquiries(db: Db, actor: Actor) {
  const staff = READERS.some((r) => actor.roles.includes(r));
  if (!staff && !actor.deputyId) throw forbidden();
  const signed = exists(
    db
      .select({ one: sql`1` })
      .from(inquiryFilers)
      .where(
        and(
          eq(inquiryFilers.inquiryId, inquiries.id),
          eq(inquiryFilers.deputyId, actor.deputyId ?? '00000000-0000-0000-0000-000000000000'),
        ),
      ),
  );
  const items = await db
    .select({
      id: inquiries.id,
      meetingId: inquiries.meetingId,
      meetingTitle: meetings.title,
      organ: inquiries.organ,
      subject: inquiries.subject,
      status: inquiries.status,
      mode: inquiries.mode,
      round: inquiries.round,
      filedOn: inquiries.filedOn,
      filers: sql<number>`(SELECT count(*)::int FROM inquiry_filers f WHERE f.inquiry_id = ${inquiries.id})`,
    })
    .from(inquiries)
    .innerJoin(meetings, eq(meetings.id, inquiries.meetingId))
    .where(and(eq(inquiries.congressId, actor.congressId), staff ? undefined : signed))
    .orderBy(desc(inquiries.createdAt), desc(inquiries.id))
    .limit(200);
  return {
    items,
    nextCursor: null,
    abilities: { file: inquiryPolicy.can(actor, 'file', { congressId: actor.congressId, isFiler: false }) },
  };
}

export async function getInquiry(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(inquiries)
    .where(and(eq(inquiries.id, id), eq(inquiries.congressId, actor.congressId)));
  if (!row) throw notFound({ zh: '质询案', en: 'inquiry' });
  const filers = await db
    .select({
      deputyId: inquiryFilers.deputyId,
      name: inquiryFilers.name,
      satisfied: inquiryFilers.satisfied,
    })
    .from(inquiryFilers)
    .where(eq(inquiryFilers.inquiryId, id))
    .orderBy(asc(inquiryFilers.name));
  const resource = { congressId: row.congressId, isFiler: filers.some((f) => f.deputyId === actor.deputyId) };
  inquiryPolicy.authorize(actor, 'read', resource);
  const answers = await db
    .select()
    .from(inquiryAnswers)
    .where(eq(inquiryAnswers.inquiryId, id))
    .orderBy(asc(inquiryAnswers.round));
  return {
    ...row,
    filers,
    answers: answers.map(({ congressId: _c, inquiryId: _i, ...a }) => a),
    abilities: inquiryPolicy.abilities(actor, resource),
  };
}
