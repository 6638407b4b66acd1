// The staff-managed block list: a phone (by its blind index) or a network address that may not submit.
import { and, desc, eq } from 'drizzle-orm';
import { phoneSchema } from '@minyi/domain';
import type { Db } from '../../../db/client';
import type { Ctx, Work } from '../../../platform/context';
import { conflict, invalidField, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { opinionBlocks } from '../opinions.table';
import { ipIndexOf } from './submit-opinion';

export async function blockSubmitter(
  ctx: Ctx,
  w: Work,
  body: { kind: 'phone' | 'ip'; value: string; reason: string },
) {
  const congressId = ctx.actor!.congressId;
  if (body.kind === 'phone' && !phoneSchema.safeParse(body.value).success)
    throw invalidField('value', '手机号格式不正确', 'not a mobile number');
  const valueIndex =
    body.kind === 'phone' ? ctx.app.pii.index('phone', body.value) : ipIndexOf(ctx, body.value);
  const id = newId();
  const inserted = await w.db
    .insert(opinionBlocks)
    .values({
      id,
      congressId,
      kind: body.kind,
      valueIndex,
      reason: body.reason,
      createdBy: ctx.actor!.accountId,
    })
    .onConflictDoNothing()
    .returning({ id: opinionBlocks.id });
  if (inserted.length === 0)
    throw conflict('already_blocked', { zh: '已在限制名单中', en: 'Already blocked' });
  // The value itself is not kept: only its keyed index, so the list discloses no phone numbers.
  await w.audit({
    action: 'opinionBlock.add',
    entityType: 'opinionBlock',
    entityId: id,
    after: { kind: body.kind, reason: body.reason },
  });
  return { id, kind: body.kind, reason: body.reason };
}

export async function unblockSubmitter(ctx: Ctx, w: Work, id: string) {
  const [row] = await w.db
    .select()
    .from(opinionBlocks)
    .where(and(eq(opinionBlocks.id, id), eq(opinionBlocks.congressId, ctx.actor!.congressId)));
  if (!row) throw notFound({ zh: '限制记录', en: 'block' });
  await w.db.delete(opinionBlocks).where(eq(opinionBlocks.id, id));
  await w.audit({
    action: 'opinionBlock.remove',
    entityType: 'opinionBlock',
    entityId: id,
    before: { kind: row.kind, reason: row.reason },
  });
}

export async function findBlocks(db: Db, congressId: string) {
  return db
    .select({
      id: opinionBlocks.id,
      kind: opinionBlocks.kind,
      reason: opinionBlocks.reason,
      createdAt: opinionBlocks.createdAt,
    })
    .from(opinionBlocks)
    .where(eq(opinionBlocks.congressId, congressId))
    .orderBy(desc(opinionBlocks.createdAt));
}
