// Seals the unsealed audit rows of the auditor's congress, then verifies its whole chain.
import { SEAL_BATCH, sealAudit, verifyAudit } from '../../audit';
import { transact, type Ctx } from '../../context';

export async function verifyAuditTrail(ctx: Ctx) {
  const { db, config } = ctx.app;
  const congressId = ctx.actor!.congressId;
  let sealed = 0;
  // Until a pass finds less than a full batch: everything committed before the check is sealed.
  for (let n = SEAL_BATCH; n === SEAL_BATCH; sealed += n)
    n = await sealAudit(db, config.keys.audit, congressId);
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
