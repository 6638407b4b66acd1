// Implementation of a chosen project: the plan (lead unit, budget, target date, milestones), monthly
// progress from the lead unit, an adjustment approved by the standing committee, acceptance (验收).
import { and, eq, inArray } from 'drizzle-orm';
import { canMoveProject, type ProjectStatus } from '@minyi/domain/livelihood';
import { transact, type Ctx, type Work } from '../../../platform/context';
import { conflict, invalidField, notFound, wrongState } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { files } from '../../../platform/platform.table';
import { getHandlingUnit } from '../../registry';
import { livelihoodMilestones, livelihoodProgressReports, livelihoodProjects } from '../livelihood.table';

export type ProjectRow = typeof livelihoodProjects.$inferSelect;

export async function loadProject(
  w: { db: Work['db'] },
  congressId: string,
  projectId: string,
  lock = false,
): Promise<ProjectRow> {
  const q = w.db
    .select()
    .from(livelihoodProjects)
    .where(and(eq(livelihoodProjects.id, projectId), eq(livelihoodProjects.congressId, congressId)));
  const [p] = lock ? await q.for('update') : await q;
  if (!p) throw notFound({ zh: '民生实事项目', en: 'livelihood project' });
  return p;
}

export async function planProject(
  ctx: Ctx,
  congressId: string,
  projectId: string,
  input: {
    leadUnitId?: string;
    budget?: number;
    targetDate?: string;
    milestones?: { title: string; targetDate: string }[];
  },
) {
  return transact(ctx, async (w) => {
    const p = await loadProject(w, congressId, projectId, true);
    if (p.status === 'accepted') throw wrongState(p.status);
    if (input.leadUnitId && !(await getHandlingUnit(w.db, congressId, input.leadUnitId)))
      throw invalidField('leadUnitId', '未知的承办单位', 'unknown handling unit');
    const set = {
      leadUnitId: input.leadUnitId ?? p.leadUnitId,
      budget: input.budget ?? p.budget,
      targetDate: input.targetDate ?? p.targetDate,
      updatedAt: new Date(),
    };
    await w.db.update(livelihoodProjects).set(set).where(eq(livelihoodProjects.id, projectId));
    if (input.milestones) {
      await w.db.delete(livelihoodMilestones).where(eq(livelihoodMilestones.projectId, projectId));
      if (input.milestones.length) {
        await w.db
          .insert(livelihoodMilestones)
          .values(input.milestones.map((m) => ({ id: newId(), congressId, projectId, ...m })));
      }
    }
    await w.audit({
      action: 'livelihoodProject.plan',
      entityType: 'livelihoodProject',
      entityId: projectId,
      congressId,
      before: p,
      after: { ...set, milestones: input.milestones },
    });
  });
}

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
        .select({ id: files.id })
        .from(files)
        .where(and(eq(files.congressId, congressId), inArray(files.id, input.photoFileIds)));
      if (found.length !== new Set(input.photoFileIds).size)
        throw invalidField('photoFileIds', '包含未知的文件', 'contains unknown files');
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

export async function adjustProject(
  ctx: Ctx,
  congressId: string,
  projectId: string,
  input: { reason: string; approvedOn: string; approvalReference: string; newTargetDate?: string },
) {
  return transact(ctx, async (w) => {
    const p = await loadProject(w, congressId, projectId, true);
    if (!canMoveProject(p.status, 'adjusted')) throw wrongState(p.status);
    const set = {
      status: 'adjusted' as const,
      adjustmentReason: input.reason,
      adjustmentApprovedOn: input.approvedOn,
      adjustmentReference: input.approvalReference,
      targetDate: input.newTargetDate ?? p.targetDate,
      updatedAt: new Date(),
    };
    await w.db.update(livelihoodProjects).set(set).where(eq(livelihoodProjects.id, projectId));
    await w.audit({
      action: 'livelihoodProject.adjust',
      entityType: 'livelihoodProject',
      entityId: projectId,
      congressId,
      before: { status: p.status, targetDate: p.targetDate },
      after: set,
    });
  });
}

export async function acceptProject(ctx: Ctx, congressId: string, projectId: string) {
  return transact(ctx, async (w) => {
    const p = await loadProject(w, congressId, projectId, true);
    if (!canMoveProject(p.status, 'accepted')) throw wrongState(p.status);
    await w.db
      .update(livelihoodProjects)
      .set({ status: 'accepted', updatedAt: new Date() })
      .where(eq(livelihoodProjects.id, projectId));
    await w.audit({
      action: 'livelihoodProject.accept',
      entityType: 'livelihoodProject',
      entityId: projectId,
      congressId,
      before: { status: p.status },
      after: { status: 'accepted' },
    });
  });
}
