// Blocks a phone (by its blind index) or a network address from the opinion form.
import { phoneSchema } from '@minyi/domain';
import { requireRole } from '../../../platform/access';
import { transact, type Ctx, type Work } from '../../../platform/context';
import { conflict, invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { opinionBlocks } from '../opinions.table';
import { RECEPTION_ROLES } from '../opinions.policy';
import { ipIndexOf } from './submit-opinion';

export function blockSubmitter(ctx: Ctx, body: { kind: 'phone' | 'ip'; value: string; reason: string }) {
  requireRole(ctx.actor, RECEPTION_ROLES);
  return transact(ctx, (w) => block(ctx, w, body));
}

async function block(ctx: Ctx, w: Work, body: { kind: 'phone' | 'ip'; value: string; reason: string }) {
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
