// Edits a deputy's particulars; personal fields are re-sealed, and the audit row says only that they changed.
import { and, eq } from 'drizzle-orm';
import type { CreateDeputy } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { deputies } from '../registry.table';
import { registryPolicy } from '../registry.policy';
import { deputyRenamed } from '../registry.events';
import { auditSafe, ensureIdNumberFree, sealPersonal } from '../registry.repository';

export async function editDeputy(ctx: Ctx, congressId: string, id: string, patch: Partial<CreateDeputy>) {
  const { pii } = ctx.app;
  await transact(ctx, async (w) => {
    registryPolicy.authorize(ctx.actor, 'edit', { congressId });
    const [before] = await w.db
      .select()
      .from(deputies)
      .where(and(eq(deputies.congressId, congressId), eq(deputies.id, id)))
      .for('update');
    if (!before) throw notFound({ zh: '代表', en: 'deputy' });
    await ensureIdNumberFree(w.db, pii, congressId, patch.idNumber, id);
    const { phone, idNumber, address, ...plain } = patch;
    const set = { ...plain, ...sealPersonal(pii, { phone, idNumber, address }), updatedAt: new Date() };
    await w.db.update(deputies).set(set).where(eq(deputies.id, id));
    const beforePlain = Object.fromEntries(
      Object.keys(plain).map((k) => [k, before[k as keyof typeof before]]),
    );
    await w.audit({
      action: 'deputy.edit',
      entityType: 'deputy',
      entityId: id,
      before: beforePlain,
      after: auditSafe({ ...patch }),
    });
    if (patch.name !== undefined && patch.name !== before.name)
      await w.publish(deputyRenamed, { congressId, deputyId: id, name: patch.name });
  });
}
