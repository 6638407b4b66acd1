// Seals the unsealed audit rows of the auditor's congress, then verifies its whole chain.
import { sealAudit, verifyAudit } from '../../audit';
import { transact, type Ctx } from '../../context';

export async function verifyAuditTrail(ctx: Ctx) {
  const { db, config } = ctx.app;
  const congressId = ctx.actor!.congressId;
  let sealed = 0;
  for (let n = -1; n !== 0; sealed += n) n = await sealAudit(db, config.keys.audit, congressId);
  const { checked, problems } = await verifyAudit(db, config.keys.audit, [congressId]);
  await transact(ctx, (w) =>
    w.audit({
      action: 'audit.verify',
      entityType: 'auditTrail',
      entityId: congressId,
      after: { checked, sealed, problems: problems.length },
    }),
  );
  return { checked, sealed, problems };
}
