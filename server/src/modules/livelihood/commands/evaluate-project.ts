// Year-end evaluation: a deputy scores a project on the congress's criteria (1–5 each), once.
import type { Ctx } from '../../../platform/context';
import { badRequest, conflict, forbidden, wrongState, type FieldError } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { projectPolicy } from '../livelihood.policy';
import { newId } from '../../../platform/ids';
import { livelihoodEvaluations } from '../livelihood.table';
import { readLivelihoodSettings } from '../livelihood.settings';
import { loadProjectStep } from '../livelihood.repository';

export function evaluateProject(
  ctx: Ctx,
  projectId: string,
  input: { scores: Record<string, number>; comment: string },
) {
  return step(ctx, {
    policy: projectPolicy,
    action: 'evaluate',
    load: (w, actor) => loadProjectStep(w, actor, projectId, false),
    async write({ w, row: p, actor }) {
      if (!actor.deputyId) throw forbidden();
      const deputyId = actor.deputyId;
      const congressId = p.congressId;
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
      return {
        result: { id: row.id },
        audit: {
          action: 'livelihoodProject.evaluate',
          entityType: 'livelihoodProject',
          entityId: projectId,
          congressId,
          after: row,
        },
      };
    },
  });
}
