// The evaluation roll-up of a year: the deputies' scores and the public survey per project.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { rollUpEvaluations } from '@minyi/domain/livelihood';
import type { Db } from '../../../db/client';
import { livelihoodEvaluations, livelihoodProjects, livelihoodSurveyResponses } from '../livelihood.table';
import { readLivelihoodSettings } from '../livelihood.settings';
import { unitNames } from '../livelihood.repository';

/** Year-end evaluation rolled up per project and per lead unit, with the public survey if any. */
export async function getEvaluationSummary(db: Db, congressId: string, year: number) {
  const { evaluationCriteria } = await readLivelihoodSettings(db, congressId);
  const projects = await db
    .select()
    .from(livelihoodProjects)
    .where(and(eq(livelihoodProjects.congressId, congressId), eq(livelihoodProjects.year, year)));
  const ids = projects.map((p) => p.id);
  const evals = ids.length
    ? await db
        .select({ projectId: livelihoodEvaluations.projectId, scores: livelihoodEvaluations.scores })
        .from(livelihoodEvaluations)
        .where(inArray(livelihoodEvaluations.projectId, ids))
    : [];
  const survey = ids.length
    ? await db
        .select({
          projectId: livelihoodSurveyResponses.projectId,
          satisfaction: livelihoodSurveyResponses.satisfaction,
          n: sql<number>`count(*)::int`,
        })
        .from(livelihoodSurveyResponses)
        .where(inArray(livelihoodSurveyResponses.projectId, ids))
        .groupBy(livelihoodSurveyResponses.projectId, livelihoodSurveyResponses.satisfaction)
    : [];
  const names = await unitNames(
    db,
    projects.map((p) => p.leadUnitId),
  );
  const perProject = projects.map((p) => {
    const s = survey.filter((x) => x.projectId === p.id);
    return {
      projectId: p.id,
      title: p.title,
      leadUnitId: p.leadUnitId,
      leadUnitName: names.get(p.leadUnitId) ?? '',
      ...rollUpEvaluations(
        evaluationCriteria,
        evals.filter((e) => e.projectId === p.id).map((e) => e.scores),
      ),
      survey: Object.fromEntries(s.map((x) => [x.satisfaction, Number(x.n)])),
    };
  });
  const unitIds = [...new Set(projects.map((p) => p.leadUnitId))];
  const perUnit = unitIds.map((u) => {
    const pids = new Set(projects.filter((p) => p.leadUnitId === u).map((p) => p.id));
    return {
      leadUnitId: u,
      leadUnitName: names.get(u) ?? '',
      projects: pids.size,
      ...rollUpEvaluations(
        evaluationCriteria,
        evals.filter((e) => pids.has(e.projectId)).map((e) => e.scores),
      ),
    };
  });
  return { year, criteria: evaluationCriteria, perProject, perUnit };
}
