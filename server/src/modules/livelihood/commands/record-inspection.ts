// A deputies' site inspection linked to a project. Findings marked for the unit are sent to the lead
// unit's accounts as a notification and recorded on the inspection; they are not (yet) opinions in the
// opinions module, which exports no entry point for this (opinion_id stays null until it does).
import { and, eq, inArray } from 'drizzle-orm';
import { transact, type Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { findAccountIdsForUnit } from '../../registry';
import { deputies } from '../../registry/registry.table';
import { livelihoodInspections } from '../livelihood.table';
import { loadProject } from './implement-project';

export async function recordInspection(
  ctx: Ctx,
  congressId: string,
  projectId: string,
  input: { inspectedOn: string; deputyIds: string[]; findings: string; toUnit: boolean },
) {
  return transact(ctx, async (w) => {
    const p = await loadProject(w, congressId, projectId);
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
    };
    await w.db.insert(livelihoodInspections).values(row);
    if (input.toUnit) {
      await ctx.app.notifier.notify(w.db, {
        congressId,
        accountIds: await findAccountIdsForUnit(w.db, congressId, p.leadUnitId),
        kind: 'livelihood.inspectionFindings',
        title: { zh: `民生实事视察意见：${p.title}`, en: `Inspection findings: ${p.title}` },
        body: { zh: input.findings, en: input.findings },
        link: `/livelihood/projects/${projectId}`,
      });
    }
    await w.audit({
      action: 'livelihoodProject.recordInspection',
      entityType: 'livelihoodProject',
      entityId: projectId,
      congressId,
      after: row,
    });
    return { id: row.id };
  });
}
