// One project with its milestones, progress reports and inspections (public).
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notFound } from '../../../platform/errors';
import {
  livelihoodInspections,
  livelihoodMilestones,
  livelihoodProgressReports,
  livelihoodProjects,
} from '../livelihood.table';
import { unitNames } from '../livelihood.repository';

export async function getProject(db: Db, congressId: string, projectId: string) {
  const [p] = await db
    .select()
    .from(livelihoodProjects)
    .where(and(eq(livelihoodProjects.id, projectId), eq(livelihoodProjects.congressId, congressId)));
  if (!p) throw notFound({ zh: '民生实事项目', en: 'livelihood project' });
  const [milestones, reports, inspections, names] = await Promise.all([
    db
      .select()
      .from(livelihoodMilestones)
      .where(eq(livelihoodMilestones.projectId, projectId))
      .orderBy(asc(livelihoodMilestones.targetDate)),
    db
      .select({
        id: livelihoodProgressReports.id,
        month: livelihoodProgressReports.month,
        percent: livelihoodProgressReports.percent,
        narrative: livelihoodProgressReports.narrative,
        status: livelihoodProgressReports.status,
        photoFileIds: livelihoodProgressReports.photoFileIds,
      })
      .from(livelihoodProgressReports)
      .where(eq(livelihoodProgressReports.projectId, projectId))
      .orderBy(asc(livelihoodProgressReports.month)),
    db
      .select({
        id: livelihoodInspections.id,
        inspectedOn: livelihoodInspections.inspectedOn,
        findings: livelihoodInspections.findings,
        deputyCount: sql<number>`cardinality(${livelihoodInspections.deputyIds})`,
        sentToUnit: livelihoodInspections.sentToUnit,
      })
      .from(livelihoodInspections)
      .where(eq(livelihoodInspections.projectId, projectId))
      .orderBy(asc(livelihoodInspections.inspectedOn)),
    unitNames(db, [p.leadUnitId]),
  ]);
  return { ...p, leadUnitName: names.get(p.leadUnitId) ?? '', milestones, reports, inspections };
}
