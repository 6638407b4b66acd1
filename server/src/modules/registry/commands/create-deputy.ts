// Registers a deputy (the person; mandates are added separately). Personal data is sealed at rest.
import type { CreateDeputy } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { newId } from '../../../platform/ids';
import { deputies } from '../registry.table';
import { registryPolicy } from '../registry.policy';
import { auditSafe, deputyValues, ensureIdNumberFree } from '../registry.repository';

export async function createDeputy(ctx: Ctx, congressId: string, input: CreateDeputy): Promise<string> {
  const { pii } = ctx.app;
  return transact(ctx, async (w) => {
    registryPolicy.authorize(ctx.actor, 'edit', { congressId });
    await ensureIdNumberFree(w.db, pii, congressId, input.idNumber);
    const id = newId();
    await w.db.insert(deputies).values({ id, congressId, ...deputyValues(pii, input) });
    await w.audit({
      action: 'deputy.create',
      entityType: 'deputy',
      entityId: id,
      after: auditSafe({ ...input }),
    });
    return id;
  });
}
