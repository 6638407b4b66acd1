// The lead unit's monthly progress: percent, narrative, status, photos (uploaded through /files) and the
// plan's milestones reached, which are marked done on the day of the report.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { canMoveProject, type ProjectStatus } from '@minyi/domain/livelihood';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { projectPolicy } from '../livelihood.policy';
import { newId } from '../../../platform/ids';
import { FILE_KINDS } from '../../../platform/files';
import { files } from '../../../platform/platform.table';
import { livelihoodMilestones, livelihoodProgressReports, livelihoodProjects } from '../livelihood.table';
import { shanghaiDate } from '@minyi/domain/calendar';
import { loadProjectStep } from '../livelihood.repository';

export function reportProgress(
  ctx: Ctx,
  projectId: string,
  input: {
    month: string;
    percent: number;
    narrative: string;
    status: 'onTrack' | 'delayed' | 'completed';
    photoFileIds: string[];
    milestonesDone: string[];
  },
) {
  // An adjusted project keeps its approved status while it reports on the adjusted schedule.
  const nextOf = (from: ProjectStatus): ProjectStatus =>
    from === 'adjusted' && input.status === 'onTrack' ? 'adjusted' : input.status;
  return step(ctx, {
    policy: projectPolicy,
    action: 'reportProgress',
    load: (w, actor) => loadProjectStep(w, actor, projectId),
    transition: ({ row }) => ({
      from: row.status,
      to: canMoveProject(row.status, nextOf(row.status)) ? nextOf(row.status) : null,
    }),
    async write({ w, row: p }) {
      const congressId = p.congressId;
      const next = nextOf(p.status);
      if (input.status === 'completed' && input.percent !== 100)
        throw invalidField('percent', '完成时进度须为 100%', 'must be 100 when completed');
      if (input.photoFileIds.length) {
        const found = await w.db
          .select({ id: files.id, mimeType: files.mimeType })
          .from(files)
          .where(and(eq(files.congressId, congressId), inArray(files.id, input.photoFileIds)));
        if (found.length !== new Set(input.photoFileIds).size)
          throw invalidField('photoFileIds', '包含未知的文件', 'contains unknown files');
        // The photos are shown on the public progress page: images only.
        const images: readonly string[] = FILE_KINDS.image;
        if (found.some((f) => !images.includes(f.mimeType)))
          throw invalidField('photoFileIds', '只能上传图片', 'must be images');
      }
      const { milestonesDone, ...report } = input;
      if (milestonesDone.length) {
        const own = await w.db
          .select({ id: livelihoodMilestones.id })
          .from(livelihoodMilestones)
          .where(
            and(
              eq(livelihoodMilestones.projectId, projectId),
              inArray(livelihoodMilestones.id, milestonesDone),
            ),
          );
        if (own.length !== new Set(milestonesDone).size)
          throw invalidField(
            'milestonesDone',
            '不是本项目计划中的节点',
            'contains milestones not in this plan',
          );
      }
      const inserted = await w.db
        .insert(livelihoodProgressReports)
        .values({ id: newId(), congressId, projectId, ...report, reportedBy: ctx.actor?.accountId ?? null })
        .onConflictDoNothing()
        .returning({ id: livelihoodProgressReports.id });
      if (!inserted.length)
        throw conflict('progress_already_reported', {
          zh: '该月进度已报送',
          en: 'Progress for this month was already reported',
        });
      await w.db
        .update(livelihoodProjects)
        .set({ status: next, percent: input.percent, updatedAt: new Date() })
        .where(eq(livelihoodProjects.id, projectId));
      // A milestone already done keeps its date.
      if (milestonesDone.length)
        await w.db
          .update(livelihoodMilestones)
          .set({ doneOn: shanghaiDate(new Date()) })
          .where(
            and(
              eq(livelihoodMilestones.projectId, projectId),
              inArray(livelihoodMilestones.id, milestonesDone),
              isNull(livelihoodMilestones.doneOn),
            ),
          );
      return {
        result: { id: inserted[0].id, status: next },
        audit: {
          action: 'livelihoodProject.reportProgress',
          entityType: 'livelihoodProject',
          entityId: projectId,
          congressId,
          before: { percent: p.percent },
          after: { ...input, status: next },
        },
      };
    },
  });
}
