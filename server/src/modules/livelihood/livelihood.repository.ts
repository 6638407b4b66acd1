// SQL statements of the livelihood cycle that more than one use case needs (the vote engine has its own).
import { and, eq } from 'drizzle-orm';
import type { Work } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { livelihoodProjects } from './livelihood.table';

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
