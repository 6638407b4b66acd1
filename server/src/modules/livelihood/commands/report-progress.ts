// The lead unit's monthly progress: percent, narrative, status, photos (uploaded through /files) and the
// plan's milestones reached, which are marked done on the day of the report.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { canMoveProject, type ProjectStatus } from '@minyi/domain/livelihood';
import { transact, type Ctx } from '../../../platform/context';
import { conflict, invalidField, wrongState } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { FILE_KINDS } from '../../../platform/files';
import { files } from '../../../platform/platform.table';
import { livelihoodMilestones, livelihoodProgressReports, livelihoodProjects } from '../livelihood.table';
import { shanghaiDate } from '@minyi/domain/calendar';
import { loadProject } from '../livelihood.repository';

export async function reportProgress(
  ctx: Ctx,
  congressId: string,
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
  return transact(ctx, async (w) => {
    const p = await loadProject(w, congressId, projectId, true);
    // An adjusted project keeps its approved status while it reports on the adjusted schedule.
    const next: ProjectStatus =
      p.status === 'adjusted' && input.status === 'onTrack' ? 'adjusted' : input.status;
    if (!canMoveProject(p.status, next)) throw wrongState(p.status);
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
    await w.audit({
      action: 'livelihoodProject.reportProgress',
      entityType: 'livelihoodProject',
      entityId: projectId,
      congressId,
      before: { status: p.status, percent: p.percent },
      after: { ...input, status: next },
    });
    return { id: inserted[0].id, status: next };
  });
}
