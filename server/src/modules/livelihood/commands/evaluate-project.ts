// Year-end evaluation: a deputy scores a project on the congress's criteria (1–5 each), once.
import { transact, type Ctx } from '../../../platform/context';
import { badRequest, conflict, wrongState, type FieldError } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { livelihoodEvaluations, livelihoodSurveyResponses } from '../livelihood.table';
import { readLivelihoodSettings } from '../livelihood.settings';
import { loadProject } from '../livelihood.repository';

export async function evaluateProject(
  ctx: Ctx,
  congressId: string,
  projectId: string,
  deputyId: string,
  input: { scores: Record<string, number>; comment: string },
) {
  return transact(ctx, async (w) => {
    const p = await loadProject(w, congressId, projectId);
    if (p.status !== 'completed' && p.status !== 'accepted')
      throw wrongState(p.status, { zh: '项目完成后方可测评', en: 'Projects are evaluated once completed' });
    const { evaluationCriteria } = await readLivelihoodSettings(w.db, congressId);
    const errors: FieldError[] = [];
    for (const c of evaluationCriteria)
      if (!(c in input.scores))
        errors.push({
          field: `scores.${c}`,
          in: 'body',
          code: 'invalid_type',
          message: { zh: '此项必填', en: 'is required' },
        });
    for (const k of Object.keys(input.scores))
      if (!evaluationCriteria.includes(k))
        errors.push({
          field: `scores.${k}`,
          in: 'body',
          code: 'unrecognized_keys',
          message: { zh: '不是测评指标', en: 'is not a criterion' },
        });
    if (errors.length) throw badRequest(errors);
    const row = {
      id: newId(),
      congressId,
      projectId,
      deputyId,
      scores: input.scores,
      comment: input.comment,
    };
    const added = await w.db
      .insert(livelihoodEvaluations)
      .values(row)
      .onConflictDoNothing()
      .returning({ id: livelihoodEvaluations.id });
    if (!added.length)
      throw conflict('already_evaluated', {
        zh: '您已测评过该项目',
        en: 'You already evaluated this project',
      });
    await w.audit({
      action: 'livelihoodProject.evaluate',
      entityType: 'livelihoodProject',
      entityId: projectId,
      congressId,
      after: row,
    });
    return { id: row.id };
  });
}

/** The optional public satisfaction survey: one answer per respondent key. */
export async function answerSurvey(
  ctx: Ctx,
  congressId: string,
  projectId: string,
  respondentKey: string,
  satisfaction: 'satisfied' | 'basicallySatisfied' | 'dissatisfied',
) {
  return transact(ctx, async (w) => {
    await loadProject(w, congressId, projectId);
    const { publicSurvey } = await readLivelihoodSettings(w.db, congressId);
    if (!publicSurvey)
      throw conflict('survey_disabled', {
        zh: '未开展公众满意度调查',
        en: 'The public survey is not enabled',
      });
    const added = await w.db
      .insert(livelihoodSurveyResponses)
      .values({ id: newId(), congressId, projectId, satisfaction, respondentKey })
      .onConflictDoNothing()
      .returning();
    if (!added.length)
      throw conflict('already_answered', {
        zh: '您已参与过该项目的调查',
        en: 'You already answered for this project',
      });
    await w.audit({
      action: 'livelihoodProject.survey',
      entityType: 'livelihoodProject',
      entityId: projectId,
      congressId,
      after: { satisfaction },
    });
    return { ok: true };
  });
}
