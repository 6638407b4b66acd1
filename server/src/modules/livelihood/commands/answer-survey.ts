// The optional public satisfaction survey on a project: one answer per respondent key.
import { transact, type Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { livelihoodSurveyResponses } from '../livelihood.table';
import { readLivelihoodSettings } from '../livelihood.settings';
import { loadProject } from '../livelihood.repository';

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
