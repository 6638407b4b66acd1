// Reading the cycle: ideas, candidates with deliberation, the public progress view, evaluation roll-ups.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { ON_SCHEDULE, rollUpEvaluations, type ProjectStatus } from '@minyi/domain/livelihood';
import type { Db } from '../../../db/client';
import { notFound } from '../../../platform/errors';
import { handlingUnits } from '../../registry';
import {
  livelihoodCandidates,
  livelihoodDeliberations,
  livelihoodEvaluations,
  livelihoodIdeas,
  livelihoodInspections,
  livelihoodMilestones,
  livelihoodProgressReports,
  livelihoodProjects,
  livelihoodSurveyResponses,
} from '../livelihood.table';
import { readLivelihoodSettings } from '../livelihood.settings';

export async function findIdeas(db: Db, congressId: string, year: number | undefined) {
  const rows = await db
    .select({
      id: livelihoodIdeas.id,
      year: livelihoodIdeas.year,
      title: livelihoodIdeas.title,
      content: livelihoodIdeas.content,
      streetId: livelihoodIdeas.streetId,
      estimatedCost: livelihoodIdeas.estimatedCost,
      source: livelihoodIdeas.source,
      supportCount: livelihoodIdeas.supportCount,
      status: livelihoodIdeas.status,
      createdAt: livelihoodIdeas.createdAt,
    })
    .from(livelihoodIdeas)
    .where(
      and(
        eq(livelihoodIdeas.congressId, congressId),
        year ? eq(livelihoodIdeas.year, year) : undefined,
        sql`${livelihoodIdeas.status} <> 'merged'`,
      ),
    )
    .orderBy(desc(livelihoodIdeas.supportCount), desc(livelihoodIdeas.createdAt))
    .limit(200);
  return { items: rows, nextCursor: null };
}

const unitNames = async (db: Db, ids: string[]) =>
  new Map(
    ids.length
      ? (
          await db
            .select({ id: handlingUnits.id, name: handlingUnits.name })
            .from(handlingUnits)
            .where(inArray(handlingUnits.id, [...new Set(ids)]))
        ).map((u) => [u.id, u.name])
      : [],
  );

export async function findCandidates(db: Db, congressId: string, year: number | undefined) {
  const rows = await db
    .select()
    .from(livelihoodCandidates)
    .where(
      and(
        eq(livelihoodCandidates.congressId, congressId),
        year ? eq(livelihoodCandidates.year, year) : undefined,
      ),
    )
    .orderBy(asc(livelihoodCandidates.createdAt))
    .limit(500);
  const names = await unitNames(
    db,
    rows.map((r) => r.leadUnitId),
  );
  const counts = rows.length
    ? await db
        .select({ id: livelihoodDeliberations.candidateId, n: sql<number>`count(*)::int` })
        .from(livelihoodDeliberations)
        .where(
          inArray(
            livelihoodDeliberations.candidateId,
            rows.map((r) => r.id),
          ),
        )
        .groupBy(livelihoodDeliberations.candidateId)
    : [];
  const countOf = new Map(counts.map((c) => [c.id, Number(c.n)]));
  return {
    items: rows.map((r) => ({
      ...r,
      leadUnitName: names.get(r.leadUnitId) ?? '',
      deliberationCount: countOf.get(r.id) ?? 0,
    })),
    nextCursor: null,
  };
}

export async function findDeliberations(db: Db, congressId: string, candidateId: string) {
  const [c] = await db
    .select({ id: livelihoodCandidates.id })
    .from(livelihoodCandidates)
    .where(and(eq(livelihoodCandidates.id, candidateId), eq(livelihoodCandidates.congressId, congressId)));
  if (!c) throw notFound({ zh: '候选项目', en: 'candidate project' });
  const rows = await db
    .select({
      id: livelihoodDeliberations.id,
      delegation: livelihoodDeliberations.delegation,
      content: livelihoodDeliberations.content,
      deputyId: livelihoodDeliberations.deputyId,
      createdAt: livelihoodDeliberations.createdAt,
    })
    .from(livelihoodDeliberations)
    .where(eq(livelihoodDeliberations.candidateId, candidateId))
    .orderBy(asc(livelihoodDeliberations.delegation), asc(livelihoodDeliberations.createdAt));
  return { items: rows, nextCursor: null };
}

/** The half-year (or any-time) summary: "15 projects: 14 on schedule, 1 adjusted". */
export function summarize(statuses: ProjectStatus[]) {
  const by = (s: ProjectStatus) => statuses.filter((x) => x === s).length;
  return {
    total: statuses.length,
    onSchedule: statuses.filter((s) => ON_SCHEDULE.includes(s)).length,
    delayed: by('delayed'),
    adjusted: by('adjusted'),
    completed: by('completed') + by('accepted'),
    accepted: by('accepted'),
  };
}

/** The public progress page (Decidim accountability): every project of a year with its status and progress. */
export async function findProjects(db: Db, congressId: string, year: number | undefined) {
  const rows = await db
    .select()
    .from(livelihoodProjects)
    .where(
      and(
        eq(livelihoodProjects.congressId, congressId),
        year ? eq(livelihoodProjects.year, year) : undefined,
      ),
    )
    .orderBy(asc(livelihoodProjects.year), asc(livelihoodProjects.title))
    .limit(500);
  const names = await unitNames(
    db,
    rows.map((r) => r.leadUnitId),
  );
  const years = [...new Set(rows.map((r) => r.year))].sort();
  return {
    items: rows.map((r) => ({
      id: r.id,
      year: r.year,
      title: r.title,
      leadUnitId: r.leadUnitId,
      leadUnitName: names.get(r.leadUnitId) ?? '',
      budget: r.budget,
      streetId: r.streetId,
      status: r.status,
      percent: r.percent,
      targetDate: r.targetDate,
      adjustmentReason: r.adjustmentReason,
      updatedAt: r.updatedAt,
    })),
    summaries: years.map((y) => ({
      year: y,
      ...summarize(rows.filter((r) => r.year === y).map((r) => r.status)),
    })),
    nextCursor: null,
  };
}

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

/** Whether a file is a photo of one of the project's progress reports (and so public with the report). */
export async function isProjectPhoto(db: Db, congressId: string, projectId: string, fileId: string) {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(livelihoodProgressReports)
    .where(
      and(
        eq(livelihoodProgressReports.congressId, congressId),
        eq(livelihoodProgressReports.projectId, projectId),
        sql`${fileId}::uuid = ANY(${livelihoodProgressReports.photoFileIds})`,
      ),
    )
    .limit(1);
  return !!row;
}

/** Whether a file is a photo of any project's progress report: public with the report, so any account may read it. */
export async function isProgressPhoto(db: Db, congressId: string, fileId: string) {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(livelihoodProgressReports)
    .where(
      and(
        eq(livelihoodProgressReports.congressId, congressId),
        sql`${fileId}::uuid = ANY(${livelihoodProgressReports.photoFileIds})`,
      ),
    )
    .limit(1);
  return !!row;
}

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
