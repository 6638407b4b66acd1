// Issue 16 §2: the runoff decided by the most votes, the tellers' statement of the paper ballots, binding
// votes held to the statute and linked to their sitting, and the second vote for a shortfall (另行票决).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/platform.table';
import { livelihoodProjects, sittings } from '../../../test/tables';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { signIn } from '../../../test/platform-fixtures';
import {
  buildDistrict,
  castIds,
  closeAndCount,
  deputyClient,
  holdCeremony,
  openVoteWith,
  type District,
} from '../../../test/livelihood.fixture';
import { projectVotePaperCounts, projectVotes } from './ballots.table';

let t: TestEnv;
let staff: TestClient;
let teller2: TestClient;
let admin: TestClient;
let d: District;

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  teller2 = await t.as('teller2', ['congressStaff']);
  admin = await signIn(t, 'sysadmin', ['systemAdmin']);
  d = await buildDistrict(t, { deputies: 30, candidates: 6 });
});
afterAll(async () => t?.close());

/** Deputies `from` to `to - 1` each cast the ballot `choicesOf(i)`. */
async function castAll(voteId: string, from: number, to: number, choicesOf: (i: number) => string[]) {
  for (let i = from; i < to; i++) {
    const c = await deputyClient(t, d, i);
    const r = await castIds(c, voteId, choicesOf(i));
    expect(r.statusCode, r.body).toBe(201);
  }
}

/** Calls the roll of a draft vote, signs in `present` deputies at the desk, and opens it. */
async function runDraft(voteId: string, present: number) {
  expect((await staff.post(`/api/v1/project-votes/${voteId}/roll`)).statusCode).toBe(200);
  await holdCeremony(t, staff, voteId);
  for (const memberId of d.deputyIds.slice(0, present))
    expect((await staff.post(`/api/v1/project-votes/${voteId}/attendance`, { memberId })).statusCode).toBe(
      200,
    );
  expect((await staff.post(`/api/v1/project-votes/${voteId}/open`)).statusCode).toBe(200);
}

const putSettings = (patch: Record<string, unknown>) => admin.put('/api/v1/settings/livelihood', patch);
const districtDefaults = {
  quorumNumerator: 2,
  quorumDenominator: 3,
  thresholdBase: 'roll',
  candidateRatio: 1.2,
  advisory: false,
  runoffRule: 'mostVotes',
  shortfallVote: true,
};

describe('the runoff among the tied', () => {
  it('shows the runoff rule in the settings, by default the most votes (地方组织法 Art. 29 by analogy)', async () => {
    const r = await staff.get('/api/v1/settings/livelihood');
    expect(r.statusCode).toBe(200);
    expect(r.json().values.districtVote).toEqual(districtDefaults);
    expect(r.json().defaults.districtVote.runoffRule).toBe('mostVotes');
  });

  it('decides the runoff by the most votes even below the majority of the roll (the default rule)', async () => {
    const [a, b, c] = d.candidateIds;
    const voteId = await openVoteWith(t, staff, d, { maxChoices: 2, present: 30 });
    // a 28, b 16, c 16: a is chosen, b and c tie at the cut-off for the last place.
    await castAll(voteId, 0, 30, (i) => (i < 14 ? [a, b] : i < 28 ? [a, c] : [b, c]));
    const closed = (await closeAndCount(staff, voteId)).json();
    expect(closed.chosen).toEqual([a]);
    expect(closed.runoff).toEqual({ candidateIds: [b, c].sort(), seats: 1 });

    const runoff = (await staff.post(`/api/v1/project-votes/${voteId}/runoff`)).json();
    expect(runoff).toMatchObject({ kind: 'runoff', parentVoteId: voteId, maxChoices: 1 });
    expect(runoff.rules.runoffRule).toBe('mostVotes');
    // 24 present, 13 for b, 9 for c, 2 blank: b has fewer than the 16 a majority of the roll needs.
    await runDraft(runoff.id, 24);
    await castAll(runoff.id, 0, 24, (i) => (i < 13 ? [b] : i < 22 ? [c] : []));
    const r = (await closeAndCount(staff, runoff.id)).json();
    expect(r.valid).toBe(true);
    expect(r.threshold).toMatchObject({ rule: 'mostVotes', votesNeeded: 1 });
    expect(r.chosen).toEqual([b]);
    expect(r.shortfall).toBe(0);
    const projects = await t.services.db
      .select({ candidateId: livelihoodProjects.candidateId })
      .from(livelihoodProjects)
      .where(eq(livelihoodProjects.voteId, runoff.id));
    expect(projects).toEqual([{ candidateId: b }]);
  });

  it('under the threshold rule, a runoff below the majority of the roll chooses nobody', async () => {
    expect(
      (await putSettings({ districtVote: { ...districtDefaults, runoffRule: 'threshold' } })).statusCode,
    ).toBe(200);
    try {
      const [a, b, c] = d.candidateIds;
      const voteId = await openVoteWith(t, staff, d, { maxChoices: 2, present: 30 });
      await castAll(voteId, 0, 30, (i) => (i < 14 ? [a, b] : i < 28 ? [a, c] : [b, c]));
      await closeAndCount(staff, voteId);
      const runoff = (await staff.post(`/api/v1/project-votes/${voteId}/runoff`)).json();
      expect(runoff.rules.runoffRule).toBe('threshold');
      await runDraft(runoff.id, 24);
      await castAll(runoff.id, 0, 24, (i) => (i < 13 ? [b] : [c]));
      const r = (await closeAndCount(staff, runoff.id)).json();
      expect(r.threshold).toMatchObject({ rule: 'majority', votesNeeded: 16 });
      expect(r.chosen).toEqual([]);
      expect(r.shortfall).toBe(1);
    } finally {
      await putSettings({ districtVote: districtDefaults });
    }
  });
});

describe("the tellers' statement of the paper ballots", () => {
  const statement = (over: Record<string, unknown> = {}) => {
    const [a, b] = d.candidateIds;
    return { issued: 10, returned: 9, valid: 5, void: 3, blank: 1, counts: { [a]: 5, [b]: 3 }, ...over };
  };

  it('refuses a statement that does not reconcile with 400 naming the figures, and stores nothing', async () => {
    const voteId = await openVoteWith(t, staff, d, { maxChoices: 2, present: 20 });
    const [a] = d.candidateIds;
    const cases: [Record<string, unknown>, string[]][] = [
      [{ returned: 11 }, ['returned', 'valid', 'void', 'blank']],
      [{ issued: 21, returned: 9 }, ['issued']],
      [{ void: 4 }, ['valid', 'void', 'blank']],
      [{ counts: { [a]: 6 } }, [`counts.${a}`]],
      [{ counts: { [a]: 4 } }, ['counts']],
    ];
    for (const [over, fields] of cases) {
      const r = await staff.post(`/api/v1/project-votes/${voteId}/paper-counts`, statement(over));
      expect(r.statusCode, JSON.stringify(over)).toBe(400);
      expect(r.headers['content-type']).toMatch(/problem\+json/);
      const body = r.json();
      expect(body.errors.map((e: { field: string }) => e.field).sort(), JSON.stringify(over)).toEqual(
        fields.sort(),
      );
      expect(body.errors[0].message.zh).toBeTruthy();
      expect(body.errors[0].message.en).toBeTruthy();
    }
    const missing = await staff.post(`/api/v1/project-votes/${voteId}/paper-counts`, {
      returned: 1,
      counts: {},
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['issued', 'valid', 'void', 'blank']),
    );
    expect(
      await t.services.db.$count(projectVotePaperCounts, eq(projectVotePaperCounts.voteId, voteId)),
    ).toBe(0);
  });

  it('needs two tellers to agree on every figure: a difference is 409 naming the figures, and the close waits for it', async () => {
    const voteId = await openVoteWith(t, staff, d, { maxChoices: 2, present: 20 });
    const [a, b] = d.candidateIds;
    const first = await staff.post(`/api/v1/project-votes/${voteId}/paper-counts`, statement());
    expect(first.json()).toEqual({ accepted: false, entries: 1 });
    // One teller's statement does not stand: the vote cannot close on it.
    const early = await closeAndCount(staff, voteId);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('paper_count_unconfirmed');
    const other = await teller2.post(
      `/api/v1/project-votes/${voteId}/paper-counts`,
      statement({ void: 2, blank: 2, counts: { [a]: 5, [b]: 4 } }),
    );
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('paper_counts_disagree');
    expect(other.json().figures).toEqual(['void', 'blank', `counts.${b}`]);
    expect(other.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'void',
      'blank',
      `counts.${b}`,
    ]);
    expect(
      await t.services.db.$count(projectVotePaperCounts, eq(projectVotePaperCounts.voteId, voteId)),
    ).toBe(1);
    const seen = (await teller2.get(`/api/v1/project-votes/${voteId}`)).json();
    expect(seen.paperEntries).toEqual({ count: 1, mine: false });
    expect(JSON.stringify(seen)).not.toContain('"void":3');

    const agreed = await teller2.post(`/api/v1/project-votes/${voteId}/paper-counts`, statement());
    expect(agreed.json()).toEqual({ accepted: true, entries: 2 });
    const audit = (
      await t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, voteId))
    ).map((x) => x.action);
    expect(audit).toEqual(
      expect.arrayContaining(['projectVote.enterPaperCount', 'projectVote.acceptPaperCount']),
    );
  });

  it('records void paper ballots as cast but a vote for nothing, in the statement and the result', async () => {
    const voteId = await openVoteWith(t, staff, d, { maxChoices: 2, present: 20 });
    const [a, b] = d.candidateIds;
    // 10 issued, 9 returned: 5 valid (a 5, b 3), 3 void (over-marked), 1 blank.
    await staff.post(`/api/v1/project-votes/${voteId}/paper-counts`, statement());
    await teller2.post(`/api/v1/project-votes/${voteId}/paper-counts`, statement());
    // 11 deputies vote electronically for a: 20 cast of 20 signed in.
    await castAll(voteId, 0, 11, () => [a]);
    const r = (await closeAndCount(staff, voteId)).json();
    expect(r.valid).toBe(true);
    expect(r.paperStatement).toEqual({ issued: 10, returned: 9, valid: 5, void: 3, blank: 1 });
    expect(r.turnout).toMatchObject({ signedIn: 20, ballotsCast: 20, voidBallots: 3 });
    const votes = Object.fromEntries(
      r.candidates.map((c: { id: string; votes: number; paperVotes: number }) => [
        c.id,
        [c.votes, c.paperVotes],
      ]),
    );
    expect(votes[a]).toEqual([16, 5]);
    expect(votes[b]).toEqual([3, 3]);
    expect(r.chosen).toEqual([a]);
    // The exported result carries the statement too.
    const x = await t.anon.get(`/api/v1/project-votes/${voteId}/results.xlsx`);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(JSON.stringify(wb.worksheets[0].getSheetValues())).toContain(
      '纸质选票：发出 10，收回 9，有效 5，作废 3，空白 1',
    );
  });

  it('voids the vote when the returned paper ballots, void ones included, bring the cast above those signed in', async () => {
    const voteId = await openVoteWith(t, staff, d, { maxChoices: 2, present: 20 });
    const [a] = d.candidateIds;
    const s = statement({ issued: 12, returned: 12, valid: 8, void: 3, blank: 1, counts: { [a]: 8 } });
    await staff.post(`/api/v1/project-votes/${voteId}/paper-counts`, s);
    await teller2.post(`/api/v1/project-votes/${voteId}/paper-counts`, s);
    await castAll(voteId, 0, 9, () => [a]);
    const r = (await closeAndCount(staff, voteId)).json();
    expect(r).toMatchObject({ valid: false, invalidReason: 'overCast', chosen: [] });
    expect(r.turnout).toMatchObject({ ballotsCast: 21, voidBallots: 3 });
  });
});

describe('a binding vote keeps the statute', () => {
  it('refuses settings that put a binding vote below the statute, naming the fields; an advisory vote is free', async () => {
    const below = await putSettings({
      districtVote: {
        ...districtDefaults,
        quorumNumerator: 1,
        quorumDenominator: 10,
        thresholdBase: 'present',
      },
    });
    expect(below.statusCode).toBe(400);
    expect(
      below
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['districtVote.quorumNumerator', 'districtVote.thresholdBase']);
    expect((await staff.get('/api/v1/settings/livelihood')).json().values.districtVote).toEqual(
      districtDefaults,
    );
    const street = await putSettings({
      streetVote: { ...districtDefaults, advisory: true, quorumNumerator: 1, quorumDenominator: 10 },
    });
    expect(street.statusCode).toBe(200);
    expect((await staff.put('/api/v1/settings/livelihood', { streetVote: {} })).statusCode).toBe(403);
  });

  it('links a binding vote to the sitting in session, and an advisory one to none', async () => {
    const [sitting] = await t.services.db
      .select()
      .from(sittings)
      .where(eq(sittings.congressId, t.congressId));
    const binding = await staff.post('/api/v1/project-votes', {
      year: 2027,
      title: '表决性票决',
      maxChoices: 2,
      candidateIds: d.candidateIds,
    });
    expect(binding.statusCode).toBe(201);
    expect(binding.json()).toMatchObject({ advisory: false, kind: 'main', sittingId: sitting.id });
    const advisory = await staff.post('/api/v1/project-votes', {
      year: 2027,
      title: '征求意见',
      maxChoices: 2,
      candidateIds: d.candidateIds,
      advisory: true,
    });
    expect(advisory.json()).toMatchObject({ advisory: true, sittingId: null });
  });

  it('refuses a binding street vote, a binding vote over advisory rules below the statute, and one with no open sitting', async () => {
    const before = await t.services.db.$count(projectVotes);
    const street = await staff.post('/api/v1/project-votes', {
      year: 2027,
      title: '街道',
      scope: 'street',
      streetId: t.streetId,
      maxChoices: 2,
      candidateIds: d.candidateIds,
      advisory: false,
    });
    expect(street.statusCode).toBe(400);
    expect(street.json().errors[0].field).toBe('advisory');

    await putSettings({
      districtVote: { ...districtDefaults, advisory: true, quorumNumerator: 1, quorumDenominator: 10 },
    });
    try {
      const below = await staff.post('/api/v1/project-votes', {
        year: 2027,
        title: '低于法定',
        maxChoices: 2,
        candidateIds: d.candidateIds,
        advisory: false,
      });
      expect(below.statusCode).toBe(400);
      expect(below.json().errors).toMatchObject([{ field: 'advisory', code: 'below_statute' }]);
      expect(below.json().errors[0].message.zh).toContain('三分之二');
    } finally {
      await putSettings({ districtVote: districtDefaults });
    }

    await t.services.db
      .update(sittings)
      .set({ status: 'closed' })
      .where(eq(sittings.congressId, t.congressId));
    try {
      const closed = await staff.post('/api/v1/project-votes', {
        year: 2027,
        title: '闭会',
        maxChoices: 2,
        candidateIds: d.candidateIds,
      });
      expect(closed.statusCode).toBe(400);
      expect(closed.json().errors).toMatchObject([{ field: 'advisory', code: 'no_sitting' }]);
    } finally {
      await t.services.db
        .update(sittings)
        .set({ status: 'inSession' })
        .where(eq(sittings.congressId, t.congressId));
    }
    expect(await t.services.db.$count(projectVotes)).toBe(before);
  });
});

describe('the second vote for a shortfall (另行票决)', () => {
  it('fills the places a vote left empty from the remaining candidates, with the same roll, once', async () => {
    const [a, b, c, e] = d.candidateIds;
    const voteId = await openVoteWith(t, staff, d, { maxChoices: 3, present: 30 });
    // a 20 passes (16 needed); b 12, c 10, e 10 do not: 2 places empty.
    await castAll(voteId, 0, 30, (i) => (i < 12 ? [a, b] : i < 20 ? [a, c] : i < 22 ? [c, e] : [e]));
    const closed = (await closeAndCount(staff, voteId)).json();
    expect(closed.chosen).toEqual([a]);
    expect(closed.shortfall).toBe(2);

    const deputy = await deputyClient(t, d, 0);
    expect((await deputy.post(`/api/v1/project-votes/${voteId}/shortfall-vote`)).statusCode).toBe(403);
    const second = await staff.post(`/api/v1/project-votes/${voteId}/shortfall-vote`);
    expect(second.statusCode).toBe(201);
    const s = second.json();
    expect(s).toMatchObject({ kind: 'shortfall', parentVoteId: voteId, maxChoices: 2, status: 'draft' });
    expect(s.candidates.map((x: { id: string }) => x.id).sort()).toEqual(
      d.candidateIds.filter((x) => x !== a).sort(),
    );
    const again = await staff.post(`/api/v1/project-votes/${voteId}/shortfall-vote`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'shortfall_vote_exists', voteId: s.id });
    expect((await staff.get(`/api/v1/project-votes/${voteId}`)).json().children).toEqual([
      { id: s.id, kind: 'shortfall', status: 'draft' },
    ]);

    // The same roll (copied from the first vote); everyone signs in again.
    const roll = (await staff.post(`/api/v1/project-votes/${s.id}/roll`)).json();
    expect(roll.rollSize).toBe(30);
    await holdCeremony(t, staff, s.id);
    for (const memberId of d.deputyIds.slice(0, 25))
      await staff.post(`/api/v1/project-votes/${s.id}/attendance`, { memberId });
    expect((await staff.post(`/api/v1/project-votes/${s.id}/open`)).statusCode).toBe(200);
    // b 18 and c 16 pass (16 of the roll of 30); e 7 does not.
    await castAll(s.id, 0, 25, (i) => (i < 16 ? [b, c] : i < 18 ? [b, e] : [e]));
    const r = (await closeAndCount(staff, s.id)).json();
    expect(r.valid).toBe(true);
    expect(r.chosen).toEqual([b, c]);
    expect(r.shortfall).toBe(0);

    const chosenProjects = await t.services.db
      .select({ candidateId: livelihoodProjects.candidateId })
      .from(livelihoodProjects)
      .where(eq(livelihoodProjects.year, 2027));
    const mine = chosenProjects.map((p) => p.candidateId);
    for (const x of [a, b, c]) expect(mine).toContain(x);
    const [row] = await t.services.db
      .select()
      .from(livelihoodProjects)
      .where(and(eq(livelihoodProjects.voteId, s.id), eq(livelihoodProjects.candidateId, b)));
    expect(row).toBeDefined();

    const third = await staff.post(`/api/v1/project-votes/${s.id}/shortfall-vote`);
    expect(third.statusCode).toBe(409);
    const actions = (
      await t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, s.id))
    ).map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(['projectVote.create', 'projectVote.close']));
  });

  it('refuses a second vote where no place is empty, before the close, and when the settings do not allow it', async () => {
    const [a, b] = d.candidateIds;
    const full = await openVoteWith(t, staff, d, { maxChoices: 1, present: 20 });
    const early = await staff.post(`/api/v1/project-votes/${full}/shortfall-vote`);
    expect(early.statusCode).toBe(409);
    await castAll(full, 0, 20, () => [a]);
    await closeAndCount(staff, full);
    const none = await staff.post(`/api/v1/project-votes/${full}/shortfall-vote`);
    expect(none.json().code).toBe('no_shortfall');

    await putSettings({ districtVote: { ...districtDefaults, shortfallVote: false } });
    try {
      const voteId = await openVoteWith(t, staff, d, { maxChoices: 2, present: 20 });
      await castAll(voteId, 0, 20, () => [b]);
      const r = (await closeAndCount(staff, voteId)).json();
      expect(r.shortfall).toBe(1);
      const refused = await staff.post(`/api/v1/project-votes/${voteId}/shortfall-vote`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('shortfall_vote_not_allowed');
    } finally {
      await putSettings({ districtVote: districtDefaults });
    }
  });
});
