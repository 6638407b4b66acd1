// The lead unit's monthly progress: percent, narrative, status and photos (uploaded through /files).
import { and, eq, inArray } from 'drizzle-orm';
import { canMoveProject, type ProjectStatus } from '@minyi/domain/livelihood';
import { transact, type Ctx } from '../../../platform/context';
import { conflict, invalidField, wrongState } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { FILE_KINDS } from '../../../platform/files';
import { files } from '../../../platform/platform.table';
import { livelihoodProgressReports, livelihoodProjects } from '../livelihood.table';
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
    const inserted = await w.db
      .insert(livelihoodProgressReports)
      .values({ id: newId(), congressId, projectId, ...input, reportedBy: ctx.actor?.accountId ?? null })
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
