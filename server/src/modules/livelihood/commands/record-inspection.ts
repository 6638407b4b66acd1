// A deputies' site inspection linked to a project. Findings marked for the unit become an opinion in the
// opinions module, already forwarded to the project's lead unit and linked back from the inspection, so
// the unit handles and answers them in its queue like any other opinion: announced here
// (`inspection.findingRecorded`), the opinion is made by the opinions module after commit, with the id given.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { transact, type Ctx } from '../../../platform/context';
import { invalidField, unauthorized } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { deputies, mandates } from '../../registry';
import { livelihoodInspections } from '../livelihood.table';
import { inspectionFindingRecorded } from '../livelihood.events';
import { loadProject } from '../livelihood.repository';
import { projectPolicy } from '../livelihood.policy';

export async function recordInspection(
  ctx: Ctx,
  projectId: string,
  input: { inspectedOn: string; deputyIds: string[]; findings: string; toUnit: boolean },
) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  return transact(ctx, async (w) => {
    const p = await loadProject(w, actor.congressId, projectId);
    projectPolicy.authorize(actor, 'recordInspection', p);
    const congressId = p.congressId;
    const ids = [...new Set(input.deputyIds)];
    const found = await w.db
      .select({ id: deputies.id })
      .from(deputies)
      .where(and(eq(deputies.congressId, congressId), inArray(deputies.id, ids)));
    if (found.length !== ids.length)
      throw invalidField('deputyIds', '包含未知的代表', 'contains unknown deputies');
    const row = {
      id: newId(),
      congressId,
      projectId,
      inspectedOn: input.inspectedOn,
      deputyIds: ids,
      findings: input.findings,
      sentToUnit: input.toUnit,
      opinionId: null as string | null,
    };
    if (input.toUnit) {
      // An opinion belongs to a street: the project's, or else where the first inspecting deputy serves.
      const streetId = p.streetId ?? (await mandateStreet(w.db, congressId, ids));
      if (!streetId)
        throw invalidField(
          'toUnit',
          '项目和参加视察的代表都没有所属街道，无法转为群众意见',
          'neither the project nor the inspecting deputies belong to a street, so no opinion can be made',
        );
      row.opinionId = newId();
      await w.publish(inspectionFindingRecorded, {
        congressId,
        inspectionId: row.id,
        opinionId: row.opinionId,
        projectId,
        projectTitle: p.title,
        leadUnitId: p.leadUnitId,
        streetId,
        deputyIds: ids,
        findings: input.findings,
        actor,
        meta: ctx.meta,
      });
    }
    await w.db.insert(livelihoodInspections).values(row);
    await w.audit({
      action: 'livelihoodProject.recordInspection',
      entityType: 'livelihoodProject',
      entityId: projectId,
      congressId,
      after: row,
    });
    return { id: row.id, opinionId: row.opinionId };
  });
}

async function mandateStreet(db: Db, congressId: string, deputyIds: string[]) {
  for (const deputyId of deputyIds) {
    const [m] = await db
      .select({ streetId: mandates.streetId })
      .from(mandates)
      .where(
        and(
          eq(mandates.congressId, congressId),
          eq(mandates.deputyId, deputyId),
          eq(mandates.status, 'active'),
        ),
      )
      .limit(1);
    if (m?.streetId) return m.streetId;
  }
  return null;
}
