// Closes the vote: mixes the ballot box, reconciles (ballots cast ≤ members signed in, else void; a paper
// statement entered by one teller must be confirmed or discarded first), tallies by the rules snapshotted on
// the vote (a runoff by its runoff rule), publishes the result, and puts the chosen projects into
// implementation (those of a runoff or a second vote fill the places its parent left).
import { eq } from 'drizzle-orm';
import { nextVoteStatus, tally, type TallyResult } from '@minyi/domain/livelihood';
import { transact, type Ctx } from '../../../platform/context';
import { conflict, wrongState } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { livelihoodProjects, projectVotePaperCounts, projectVotes } from '../livelihood.table';
import { countElectronic, loadBallotCandidates, loadVote, turnoutOf } from './vote.repository';
import { compactSecretTables, mixBallots } from './mix-ballots';

export interface PublishedResult extends TallyResult {
  advisory: boolean;
  maxChoices: number;
  electronicBallots: number;
  paperBallots: number;
  /** The tellers' agreed statement of the paper ballots (null when none was entered). */
  paperStatement: {
    issued: number | null;
    returned: number;
    valid: number | null;
    void: number;
    blank: number | null;
  } | null;
  candidates: {
    id: string;
    title: string;
    votes: number;
    electronicVotes: number;
    paperVotes: number;
    passed: boolean;
    chosen: boolean;
  }[];
  closedAt: string;
}

export async function closeVote(ctx: Ctx, congressId: string, voteId: string): Promise<PublishedResult> {
  const result = await transact(ctx, async (w) => {
    const vote = await loadVote(w.db, congressId, voteId, 'update');
    const next = nextVoteStatus(vote.status, 'close');
    if (!next) throw wrongState(vote.status);
    await mixBallots(w.db, voteId);
    const candidates = await loadBallotCandidates(w.db, voteId);
    const ids = candidates.map((c) => c.id);
    const electronic = await countElectronic(w.db, voteId, ids);
    if (
      !vote.paperTally &&
      (await w.db.$count(projectVotePaperCounts, eq(projectVotePaperCounts.voteId, voteId)))
    )
      throw conflict('paper_count_unconfirmed', {
        zh: '纸质选票计数只有一名计票人录入：须由第二名计票人确认，或作废后重新清点',
        en: "One teller's paper count awaits a second teller's: confirm it, or discard it and recount",
      });
    const paper = vote.paperTally ?? { ballots: 0, counts: {} };
    const counts = Object.fromEntries(ids.map((id) => [id, electronic.counts[id] + (paper.counts[id] ?? 0)]));
    const t = await turnoutOf(w.db, voteId);
    const r = tally({
      rollSize: t.rollSize,
      signedIn: t.signedIn,
      ballotsCast: electronic.ballots + paper.ballots,
      voidBallots: paper.void ?? 0,
      maxChoices: vote.maxChoices,
      counts,
      rules: vote.rules,
      kind: vote.kind,
    });
    const closedAt = new Date();
    const passed = new Set(r.ranking.filter((x) => x.passed).map((x) => x.candidateId));
    const published: PublishedResult = {
      ...r,
      advisory: vote.rules.advisory,
      maxChoices: vote.maxChoices,
      electronicBallots: electronic.ballots,
      paperBallots: paper.ballots,
      paperStatement: vote.paperTally
        ? {
            issued: paper.issued ?? null,
            returned: paper.ballots,
            valid: paper.valid ?? null,
            void: paper.void ?? 0,
            blank: paper.blank ?? null,
          }
        : null,
      candidates: candidates
        .map((c) => ({
          id: c.id,
          title: c.title,
          votes: counts[c.id],
          electronicVotes: electronic.counts[c.id],
          paperVotes: paper.counts[c.id] ?? 0,
          passed: passed.has(c.id),
          chosen: r.chosen.includes(c.id),
        }))
        .sort((a, b) => b.votes - a.votes || a.title.localeCompare(b.title)),
      closedAt: closedAt.toISOString(),
    };
    await w.db
      .update(projectVotes)
      .set({ status: next, closedAt, result: published as unknown as Record<string, unknown> })
      .where(eq(projectVotes.id, voteId));
    if (r.valid && r.chosen.length) {
      const byId = new Map(candidates.map((c) => [c.id, c]));
      await w.db.insert(livelihoodProjects).values(
        r.chosen.map((cid) => {
          const c = byId.get(cid)!;
          return {
            id: newId(),
            congressId,
            year: vote.year,
            candidateId: cid,
            voteId,
            title: c.title,
            leadUnitId: c.leadUnitId,
            budget: c.budget,
            streetId: c.streetId,
          };
        }),
      );
    }
    await w.audit({
      action: 'projectVote.close',
      entityType: 'projectVote',
      entityId: voteId,
      congressId,
      before: { status: vote.status },
      after: {
        status: next,
        valid: r.valid,
        invalidReason: r.invalidReason,
        chosen: r.chosen,
        runoff: r.runoff,
        shortfall: r.shortfall,
        turnout: r.turnout,
      },
    });
    return published;
  });
  await compactSecretTables(ctx.app.database, () => undefined);
  return result;
}
