// Seals the unsealed audit rows of the auditor's congress, then verifies its whole chain, and the chain against
// the signed checkpoints kept outside the database (a truncated or deleted trail).
import { SEAL_BATCH, sealAudit, verifyAudit } from '../../audit';
import { checkpointLogOf, verifyAgainstCheckpoints } from '../../audit-checkpoints';
import { transact, type Ctx } from '../../context';

export async function verifyAuditTrail(ctx: Ctx) {
  const { db, config } = ctx.app;
  const congressId = ctx.actor!.congressId;
  let sealed = 0;
  // Until a pass finds less than a full batch: everything committed before the check is sealed.
  for (let n = SEAL_BATCH; n === SEAL_BATCH; sealed += n)
    n = await sealAudit(db, config.keys.audit, congressId);
  await checkpointLogOf(config.checkpoint)?.record(db);
  const { checked, problems: chain } = await verifyAudit(db, config.keys.audit, [congressId]);
  const anchored = await verifyAgainstCheckpoints(db, config.checkpoint, { only: [congressId] });
  const problems = [
    ...chain,
    ...anchored.problems
      .filter((p) => !p.congressId || p.congressId === congressId)
      .map((p) => ({ congressId, problem: p.problem, chainSeq: p.chainSeq })),
  ];
  await transact(ctx, (w) =>
    w.audit({
      action: 'audit.verify',
      entityType: 'auditTrail',
      entityId: congressId,
      after: { checked, sealed, problems: problems.length, checkpoints: anchored.checkpoints },
    }),
  );
  return { checked, sealed, problems, checkpoints: anchored.checkpoints, publicKey: anchored.publicKey };
}
