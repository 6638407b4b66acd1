// SQL statements of the livelihood cycle that more than one use case needs, and what the module gives the
// ballots engine for its project votes (the engine has its own statements).
import { and, eq, inArray } from 'drizzle-orm';
import { ON_SCHEDULE, statuteProblems, type ProjectStatus, type VoteRules } from '@minyi/domain/livelihood';
import type { Db } from '../../db/client';
import type { Actor, Work } from '../../platform/context';
import { badRequest, invalidField, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { BallotSubject } from '../ballots';
import { getCurrentSitting, handlingUnits } from '../registry';
import { livelihoodCandidates, livelihoodProjects } from './livelihood.table';
import { readLivelihoodSettings } from './livelihood.settings';

/** A candidate project as the ballot shows it. */
export interface BallotCandidate {
  id: string;
  title: string;
  description: string;
  leadUnitId: string;
  /** The lead unit's name, shown on the ballot with the budget. */
  leadUnitName: string | null;
  budget: number;
  streetId: string | null;
  feasibilityNote: string;
}

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

/**
 * What the livelihood module gives the ballots engine for a project vote: its candidate projects as the
 * options, the rules of the vote's scope from its settings (a binding vote held to the statute and taken at
 * the congress sitting in session), and the chosen projects put into implementation when the vote closes.
 */
export const projectBallots: BallotSubject<BallotCandidate> = {
  findOptions: (db, congressId, ids) =>
    ids.length
      ? db
          .select({
            id: livelihoodCandidates.id,
            title: livelihoodCandidates.title,
            description: livelihoodCandidates.description,
            leadUnitId: livelihoodCandidates.leadUnitId,
            leadUnitName: handlingUnits.name,
            budget: livelihoodCandidates.budget,
            streetId: livelihoodCandidates.streetId,
            feasibilityNote: livelihoodCandidates.feasibilityNote,
          })
          .from(livelihoodCandidates)
          .leftJoin(handlingUnits, eq(handlingUnits.id, livelihoodCandidates.leadUnitId))
          .where(and(eq(livelihoodCandidates.congressId, congressId), inArray(livelihoodCandidates.id, ids)))
      : Promise.resolve([]),

  async rulesFor(w, congressId, input) {
    const settings = await readLivelihoodSettings(w.db, congressId);
    const scoped = input.scope === 'street' ? settings.streetVote : settings.districtVote;
    const rules: VoteRules = { ...scoped, advisory: input.advisory ?? scoped.advisory };
    if (rules.advisory) return { rules, sittingId: null };
    if (input.scope === 'street')
      throw invalidField(
        'advisory',
        '街道没有人民代表大会，街道票选只能是建议性的',
        'a street has no congress: a street vote is advisory',
      );
    // Settings are checked when written; this also covers a vote made binding over advisory settings.
    const problems = statuteProblems(rules);
    if (problems.length)
      throw badRequest(
        problems.map((p) => ({
          field: 'advisory',
          in: 'body',
          code: 'below_statute',
          message: { zh: p.zh, en: p.en },
        })),
      );
    const sitting = await getCurrentSitting(w.db, congressId);
    if (!sitting || sitting.status === 'closed')
      throw invalidField(
        'advisory',
        '表决性票决须在人民代表大会会议上进行，登记中没有未闭会的本届会议',
        'a binding vote is taken at a congress sitting, and the registry has no sitting that is not closed',
        'no_sitting',
      );
    return { rules, sittingId: sitting.id };
  },

  // The chosen projects go into implementation (those of a runoff or a second vote fill the places its
  // parent left).
  async onClosed(w, vote, result, options) {
    if (!result.valid || !result.chosen.length) return;
    const byId = new Map(options.map((c) => [c.id, c]));
    await w.db.insert(livelihoodProjects).values(
      result.chosen.map((cid) => {
        const c = byId.get(cid)!;
        return {
          id: newId(),
          congressId: vote.congressId,
          year: vote.year,
          candidateId: cid,
          voteId: vote.id,
          title: c.title,
          leadUnitId: c.leadUnitId,
          budget: c.budget,
          streetId: c.streetId,
        };
      }),
    );
  },
};

/** The names of handling units by id. */
export const unitNames = async (db: Db, ids: string[]) =>
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

/** The step's loader for a project command: the project, locked, judged by the project policy as it is. */
export async function loadProjectStep(w: Work, actor: Actor, projectId: string, lock = true) {
  const row = await loadProject(w, actor.congressId, projectId, lock);
  return { row, resource: row };
}
