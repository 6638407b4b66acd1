// The deputies' roll as a workbook: personal data masked, or in clear for the roles the registry policy lets
// export in clear (`exportClear`), and then the export is written to the audit trail.
import type { Ctx } from '../../../platform/context';
import { transact } from '../../../platform/context';
import { personalDataPolicy } from '../registry.policy';
import { deputiesWorkbook } from '../queries/export-registry';

export async function exportDeputies(ctx: Ctx, congressId: string): Promise<Buffer> {
  const { db, pii } = ctx.app;
  if (!personalDataPolicy.can(ctx.actor, 'exportClear', { congressId }))
    return deputiesWorkbook(db, pii, congressId, false);
  return transact(ctx, async (w) => {
    const data = await deputiesWorkbook(w.db, pii, congressId, true);
    await w.audit({
      action: 'deputy.exportClear',
      entityType: 'deputy',
      after: { fields: ['phone', 'idNumber', 'address'] },
    });
    return data;
  });
}
