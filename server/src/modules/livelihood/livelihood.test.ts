// The yearly cycle around the vote: solicitation, shortlist, deliberation, implementation, evaluation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { auditEvents, files } from '../../platform/platform.table';
import { systemCtx, transact } from '../../platform/context';
import { newId } from '../../platform/ids';
import { handlingUnits, opinions } from '../../../test/tables';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { buildDistrict, deputyClient, type District } from '../../../test/livelihood.fixture';
import {
  livelihoodDeliberations,
  livelihoodEvaluations,
  livelihoodIdeas,
  livelihoodInspections,
  livelihoodProgressReports,
  livelihoodProjects,
} from './livelihood.table';
import { submitProjectIdeaFromOpinion } from './commands/submit-idea-from-opinion';

let t: TestEnv;
let staff: TestClient;
let d: District;

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  d = await buildDistrict(t, { deputies: 5, candidates: 2 });
});
afterAll(async () => t?.close());

const auditOf = (entityId: string) =>
  t.services.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));

describe('solicitation', () => {
  it('takes a public idea with area and rough cost, lists it, counts one +1 per supporter, and merges duplicates', async () => {
    const body = {
      year: 2027,
      title: '增设社区长者食堂',
      content: '老人吃饭难',
      streetId: t.streetId,
      estimatedCost: 500000,
    };
    const a = await t.anon.post(`/api/v1/public/livelihood/ideas?congressId=${t.congressId}`, body);
    expect(a.statusCode).toBe(201);
    const b = await t.anon.post(`/api/v1/public/livelihood/ideas?congressId=${t.congressId}`, {
      ...body,
      title: '社区食堂',
    });
    const ideaA = a.json().id;
    const ideaB = b.json().id;
    expect((await auditOf(ideaA)).map((x) => x.action)).toEqual(['livelihoodIdea.submit']);

    const s1 = await t.anon.post(
      `/api/v1/public/livelihood/ideas/${ideaA}/support?congressId=${t.congressId}`,
      undefined,
      { 'user-agent': 'phone-1' },
    );
    expect(s1.json()).toMatchObject({ supportCount: 1 });
    const again = await t.anon.post(
      `/api/v1/public/livelihood/ideas/${ideaA}/support?congressId=${t.congressId}`,
      undefined,
      { 'user-agent': 'phone-1' },
    );
    expect(again.statusCode).toBe(409);
    await t.anon.post(
      `/api/v1/public/livelihood/ideas/${ideaB}/support?congressId=${t.congressId}`,
      undefined,
      { 'user-agent': 'phone-1' },
    );
    await t.anon.post(
      `/api/v1/public/livelihood/ideas/${ideaB}/support?congressId=${t.congressId}`,
      undefined,
      { 'user-agent': 'phone-2' },
    );

    expect(
      (await t.anon.post(`/api/v1/livelihood/ideas/${ideaA}/merge`, { duplicateIds: [ideaB] })).statusCode,
    ).toBe(401);
    const dep = await deputyClient(t, d, 0);
    expect(
      (await dep.post(`/api/v1/livelihood/ideas/${ideaA}/merge`, { duplicateIds: [ideaB] })).statusCode,
    ).toBe(403);
    const merged = await staff.post(`/api/v1/livelihood/ideas/${ideaA}/merge`, { duplicateIds: [ideaB] });
    expect(merged.json()).toEqual({ id: ideaA, supportCount: 2 });
    const list = (
      await t.anon.get(`/api/v1/public/livelihood/ideas?congressId=${t.congressId}&year=2027`)
    ).json().items;
    expect(list.map((i: { id: string }) => i.id)).toEqual([ideaA]);
    // Support for the merged duplicate goes to the surviving idea.
    const s3 = await t.anon.post(
      `/api/v1/public/livelihood/ideas/${ideaB}/support?congressId=${t.congressId}`,
      undefined,
      { 'user-agent': 'phone-3' },
    );
    expect(s3.json()).toEqual({ id: ideaA, supportCount: 3 });
  });

  it('answers 400 naming the fields for a bad idea, and stores nothing', async () => {
    const before = await t.services.db.$count(livelihoodIdeas);
    const r = await t.anon.post(`/api/v1/public/livelihood/ideas?congressId=${t.congressId}`, {
      year: 2027,
      title: '',
      content: 'x',
      estimatedCost: -1,
      streetId: 'x',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['title', 'estimatedCost', 'streetId']),
    );
    const street = await t.anon.post(`/api/v1/public/livelihood/ideas?congressId=${t.congressId}`, {
      year: 2027,
      title: 'x',
      content: 'x',
      streetId: newId(),
    });
    expect(street.statusCode).toBe(400);
    expect(await t.services.db.$count(livelihoodIdeas)).toBe(before);
  });

  it('turns an opinion into a project idea once, for the opinions module', async () => {
    const opinionId = newId();
    const input = {
      congressId: t.congressId,
      title: '建议建设口袋公园',
      content: '小区附近没有休闲场地',
      streetId: t.streetId,
      opinionId,
    };
    const first = await transact(systemCtx(t.services), (w) => submitProjectIdeaFromOpinion(w, input));
    const second = await transact(systemCtx(t.services), (w) => submitProjectIdeaFromOpinion(w, input));
    expect(second.id).toBe(first.id);
    const [idea] = await t.services.db.select().from(livelihoodIdeas).where(eq(livelihoodIdeas.id, first.id));
    expect(idea).toMatchObject({ source: 'opinion', opinionId, status: 'open' });
  });
});

describe('shortlist and deliberation', () => {
  let candidateId: string;
  it('lets staff add a candidate with lead unit, budget, area and feasibility note; others are refused', async () => {
    const body = {
      year: 2027,
      title: '新建社区体育公园',
      leadUnitId: d.unitId,
      budget: 3_000_000,
      streetId: t.streetId,
      feasibilityNote: '用地已落实',
    };
    const dep = await deputyClient(t, d, 0);
    expect((await dep.post('/api/v1/livelihood/candidates', body)).statusCode).toBe(403);
    expect((await t.anon.post('/api/v1/livelihood/candidates', body)).statusCode).toBe(401);
    const bad = await staff.post('/api/v1/livelihood/candidates', { ...body, leadUnitId: newId() });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('leadUnitId');
    const r = await staff.post('/api/v1/livelihood/candidates', body);
    expect(r.statusCode).toBe(201);
    candidateId = r.json().id;
    expect((await auditOf(candidateId)).map((a) => a.action)).toContain('livelihoodCandidate.create');
  });

  it("takes deputies' comments per delegation, shown to staff and the government, not to the public or citizens", async () => {
    const dep = await deputyClient(t, d, 1);
    const c = await dep.post(`/api/v1/livelihood/candidates/${candidateId}/deliberations`, {
      delegation: '测试代表团',
      content: '建议增加无障碍设施',
    });
    expect(c.statusCode).toBe(201);
    expect(
      (
        await staff.post(`/api/v1/livelihood/candidates/${candidateId}/deliberations`, {
          delegation: 'x',
          content: 'y',
        })
      ).statusCode,
    ).toBe(403);
    const unit = await t.as('unitstaff', ['handlingUnitStaff'], { handlingUnitId: d.unitId });
    for (const client of [staff, unit]) {
      const list = await client.get(`/api/v1/livelihood/candidates/${candidateId}/deliberations`);
      expect(list.json().items).toEqual([
        expect.objectContaining({ delegation: '测试代表团', content: '建议增加无障碍设施' }),
      ]);
    }
    const citizen = await t.as('citizen', ['citizen']);
    expect((await citizen.get(`/api/v1/livelihood/candidates/${candidateId}/deliberations`)).statusCode).toBe(
      403,
    );
    expect((await t.anon.get(`/api/v1/livelihood/candidates/${candidateId}/deliberations`)).statusCode).toBe(
      401,
    );
    const cands = (await staff.get('/api/v1/livelihood/candidates?year=2027')).json().items;
    expect(cands.find((x: { id: string }) => x.id === candidateId)).toMatchObject({
      deliberationCount: 1,
      leadUnitName: '区住房和建设局',
    });
    expect(await t.services.db.$count(livelihoodDeliberations)).toBe(1);
  });
});

describe('implementation and evaluation', () => {
  let projectId: string;
  let unit: TestClient;
  beforeAll(async () => {
    projectId = newId();
    await t.services.db.insert(livelihoodProjects).values({
      id: projectId,
      congressId: t.congressId,
      year: 2027,
      title: '老旧小区加装电梯',
      leadUnitId: d.unitId,
      budget: 9_000_000,
    });
    unit = await t.as('unit_lead', ['handlingUnitStaff'], { handlingUnitId: d.unitId });
  });

  it('plans the project with milestones (staff only)', async () => {
    const body = { targetDate: '2027-12-31', milestones: [{ title: '完成招标', targetDate: '2027-03-31' }] };
    expect((await unit.post(`/api/v1/livelihood/projects/${projectId}/plan`, body)).statusCode).toBe(403);
    expect((await staff.post(`/api/v1/livelihood/projects/${projectId}/plan`, body)).statusCode).toBe(204);
    const p = (
      await t.anon.get(`/api/v1/public/livelihood/projects/${projectId}?congressId=${t.congressId}`)
    ).json();
    expect(p.milestones).toEqual([expect.objectContaining({ title: '完成招标', targetDate: '2027-03-31' })]);
  });

  it('takes monthly progress from the lead unit only, once a month', async () => {
    const body = { month: '2027-03', percent: 20, narrative: '完成招标', status: 'onTrack' };
    const citizen = await t.as('citizen2', ['citizen']);
    expect((await citizen.post(`/api/v1/livelihood/projects/${projectId}/progress`, body)).statusCode).toBe(
      403,
    );
    expect((await unit.post(`/api/v1/livelihood/projects/${projectId}/progress`, body)).statusCode).toBe(201);
    expect((await unit.post(`/api/v1/livelihood/projects/${projectId}/progress`, body)).statusCode).toBe(409);
    const bad = await unit.post(`/api/v1/livelihood/projects/${projectId}/progress`, {
      ...body,
      month: '2027-13',
      percent: 120,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['month', 'percent']);
    expect((await auditOf(projectId)).map((a) => a.action)).toContain('livelihoodProject.reportProgress');
  });

  it("marks the plan's milestones done with a progress report, refusing another project's", async () => {
    const publicProject = async () =>
      (await t.anon.get(`/api/v1/public/livelihood/projects/${projectId}?congressId=${t.congressId}`)).json();
    const [milestone] = (await publicProject()).milestones as { id: string; doneOn: string | null }[];
    expect(milestone.doneOn).toBeNull();
    const body = { month: '2027-04', percent: 20, narrative: '招标完成', status: 'onTrack' };
    const stranger = await unit.post(`/api/v1/livelihood/projects/${projectId}/progress`, {
      ...body,
      milestonesDone: ['01a21900-0000-7000-8000-000000000000'],
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors.map((e: { field: string }) => e.field)).toEqual(['milestonesDone']);
    expect((await publicProject()).reports.map((r: { month: string }) => r.month)).not.toContain('2027-04');
    const ok = await unit.post(`/api/v1/livelihood/projects/${projectId}/progress`, {
      ...body,
      milestonesDone: [milestone.id],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const after = await publicProject();
    expect(after.milestones[0].doneOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const audit = (await auditOf(projectId))
      .filter((a) => a.action === 'livelihoodProject.reportProgress')
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(audit.at(-1)!.after).toMatchObject({ milestonesDone: [milestone.id] });
    // Re-planning keeps the day a milestone still in the plan was reached.
    const replan = {
      milestones: [
        { title: '完成招标', targetDate: '2027-03-31' },
        { title: '主体完工', targetDate: '2027-10-31' },
      ],
    };
    expect((await staff.post(`/api/v1/livelihood/projects/${projectId}/plan`, replan)).statusCode).toBe(204);
    const replanned = (await publicProject()).milestones as { title: string; doneOn: string | null }[];
    expect(replanned.map((m) => [m.title, m.doneOn])).toEqual([
      ['完成招标', after.milestones[0].doneOn],
      ['主体完工', null],
    ]);
  });

  it('adjusts with the standing committee approval, and the public summary counts it', async () => {
    const body = {
      reason: '受疫情影响',
      approvedOn: '2027-07-15',
      approvalReference: '常委会第12次会议',
      newTargetDate: '2028-06-30',
    };
    expect((await unit.post(`/api/v1/livelihood/projects/${projectId}/adjust`, body)).statusCode).toBe(403);
    expect(
      (await staff.post(`/api/v1/livelihood/projects/${projectId}/adjust`, { reason: '' })).statusCode,
    ).toBe(400);
    expect((await staff.post(`/api/v1/livelihood/projects/${projectId}/adjust`, body)).statusCode).toBe(204);
    const list = (
      await t.anon.get(`/api/v1/public/livelihood/projects?congressId=${t.congressId}&year=2027`)
    ).json();
    expect(list.items[0]).toMatchObject({ status: 'adjusted', adjustmentReason: '受疫情影响', percent: 20 });
    expect(list.summaries).toEqual([
      { year: 2027, total: 1, onSchedule: 0, delayed: 0, adjusted: 1, completed: 0, accepted: 0 },
    ]);
  });

  it("links deputies' site inspections; findings sent to the unit become an opinion forwarded to the lead unit's queue", async () => {
    const dep = await deputyClient(t, d, 2);
    const before = await t.services.db.$count(opinions);
    const kept = await dep.post(`/api/v1/livelihood/projects/${projectId}/inspections`, {
      inspectedOn: '2027-07-20',
      deputyIds: [d.deputyIds[2]],
      findings: '工地夜间施工扰民',
      toUnit: false,
    });
    expect(kept.statusCode).toBe(201);
    expect(kept.json().opinionId).toBeNull();
    expect(await t.services.db.$count(opinions)).toBe(before);

    const r = await dep.post(`/api/v1/livelihood/projects/${projectId}/inspections`, {
      inspectedOn: '2027-08-01',
      deputyIds: [d.deputyIds[2], d.deputyIds[3]],
      findings: '施工围挡影响通行',
      toUnit: true,
    });
    expect(r.statusCode).toBe(201);
    const opinionId: string = r.json().opinionId;
    expect(opinionId).toBeTruthy();
    // Announced with the inspection (inspection.findingRecorded); the opinions module makes the opinion after commit.
    expect(await t.services.db.$count(opinions)).toBe(before);
    await t.services.jobs.drain();
    expect(await t.services.db.$count(opinions)).toBe(before + 1);
    const p = (
      await t.anon.get(`/api/v1/public/livelihood/projects/${projectId}?congressId=${t.congressId}`)
    ).json();
    expect(p.inspections).toEqual([
      expect.objectContaining({ findings: '工地夜间施工扰民', sentToUnit: false }),
      expect.objectContaining({ findings: '施工围挡影响通行', deputyCount: 2, sentToUnit: true }),
    ]);
    const [link] = await t.services.db
      .select({ opinionId: livelihoodInspections.opinionId })
      .from(livelihoodInspections)
      .where(eq(livelihoodInspections.id, r.json().id));
    expect(link.opinionId).toBe(opinionId);

    // In the lead unit's queue, forwarded, with the finding text; the unit is told in its inbox.
    const queue = (await unit.get('/api/v1/opinions')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(opinionId);
    const o = (await unit.get(`/api/v1/opinions/${opinionId}`)).json();
    expect(o).toMatchObject({ status: 'forwarded', leadUnitId: d.unitId, deputyId: d.deputyIds[2] });
    expect(o.content).toContain('施工围挡影响通行');
    const inbox = (await unit.get('/api/v1/notifications')).json();
    expect(JSON.stringify(inbox)).toContain('施工围挡影响通行');
    const actions = (
      await t.services.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.entityId, opinionId))
        .orderBy(auditEvents.id)
    ).map((a) => a.action);
    expect(actions).toEqual(['opinion.submit', 'opinion.claim', 'opinion.forward']);
  });

  it('refuses a bad inspection with 400 naming the field, and creates no opinion', async () => {
    const dep = await deputyClient(t, d, 2);
    const before = [await t.services.db.$count(opinions), await t.services.db.$count(livelihoodInspections)];
    const bad = await dep.post(`/api/v1/livelihood/projects/${projectId}/inspections`, {
      inspectedOn: '2027-08-01',
      deputyIds: [newId()],
      findings: '施工围挡影响通行',
      toUnit: true,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('deputyIds');
    const unitClient = await t.as('unit_inspect', ['handlingUnitStaff'], { handlingUnitId: d.unitId });
    expect(
      (
        await unitClient.post(`/api/v1/livelihood/projects/${projectId}/inspections`, {
          inspectedOn: '2027-08-01',
          deputyIds: [d.deputyIds[2]],
          findings: 'x',
          toUnit: true,
        })
      ).statusCode,
    ).toBe(403);
    expect([await t.services.db.$count(opinions), await t.services.db.$count(livelihoodInspections)]).toEqual(
      before,
    );
  });

  it("refuses evaluation before completion, then takes each deputy's scores once and rolls them up per project and unit", async () => {
    const dep = await deputyClient(t, d, 0);
    const scores = {
      goalAchieved: 5,
      quality: 4,
      timeliness: 3,
      useOfFunds: 5,
      publicBenefit: 5,
      publicSatisfaction: 4,
      sustainability: 4,
      handlingOfDeputyOpinions: 5,
    };
    expect(
      (await dep.post(`/api/v1/livelihood/projects/${projectId}/evaluations`, { scores })).statusCode,
    ).toBe(409);
    expect(
      (
        await unit.post(`/api/v1/livelihood/projects/${projectId}/progress`, {
          month: '2027-12',
          percent: 100,
          narrative: '完工',
          status: 'completed',
        })
      ).statusCode,
    ).toBe(201);
    expect((await staff.post(`/api/v1/livelihood/projects/${projectId}/accept`)).statusCode).toBe(204);
    const missing = await dep.post(`/api/v1/livelihood/projects/${projectId}/evaluations`, {
      scores: { quality: 4, nonsense: 3 },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['scores.goalAchieved', 'scores.nonsense']),
    );
    expect(
      (await staff.post(`/api/v1/livelihood/projects/${projectId}/evaluations`, { scores })).statusCode,
    ).toBe(403);
    expect(
      (await dep.post(`/api/v1/livelihood/projects/${projectId}/evaluations`, { scores })).statusCode,
    ).toBe(201);
    expect(
      (await dep.post(`/api/v1/livelihood/projects/${projectId}/evaluations`, { scores })).statusCode,
    ).toBe(409);
    const dep2 = await deputyClient(t, d, 1);
    await dep2.post(`/api/v1/livelihood/projects/${projectId}/evaluations`, {
      scores: { ...scores, quality: 2 },
    });
    expect(
      (
        await t.anon.post(
          `/api/v1/public/livelihood/projects/${projectId}/survey?congressId=${t.congressId}`,
          { satisfaction: 'satisfied' },
        )
      ).statusCode,
    ).toBe(201);
    const sum = (await staff.get('/api/v1/livelihood/evaluations?year=2027')).json();
    expect(sum.criteria).toHaveLength(8);
    expect(sum.perProject[0]).toMatchObject({ count: 2, survey: { satisfied: 1 } });
    expect(sum.perProject[0].perCriterion.quality).toBe(3);
    expect(sum.perUnit[0]).toMatchObject({ leadUnitId: d.unitId, projects: 1, count: 2 });
    expect(
      await t.services.db.$count(livelihoodEvaluations, and(eq(livelihoodEvaluations.projectId, projectId))),
    ).toBe(2);
    expect((await t.anon.get('/api/v1/livelihood/evaluations?year=2027')).statusCode).toBe(401);
  });
});

describe('the project page: abilities and progress photos', () => {
  let projectId: string;
  let unit: TestClient;
  beforeAll(async () => {
    projectId = newId();
    await t.services.db.insert(livelihoodProjects).values({
      id: projectId,
      congressId: t.congressId,
      year: 2028,
      title: '社区公园改造',
      leadUnitId: d.unitId,
      budget: 3_000_000,
    });
    unit = await t.as('unit_photo', ['handlingUnitStaff'], { handlingUnitId: d.unitId });
  });
  const page = (c: Pick<TestClient, 'get'>) =>
    c.get(`/api/v1/public/livelihood/projects/${projectId}?congressId=${t.congressId}`);

  it('sends each viewer the abilities of the forms they may use: the lead unit reports, staff plan, adjust and accept', async () => {
    expect((await page(unit)).json().abilities).toMatchObject({
      reportProgress: true,
      plan: false,
      adjust: false,
      accept: false,
    });
    expect((await page(staff)).json().abilities).toMatchObject({
      reportProgress: true,
      plan: true,
      adjust: true,
      accept: true,
    });
    const otherUnitId = newId();
    await t.services.db
      .insert(handlingUnits)
      .values({ id: otherUnitId, congressId: t.congressId, name: '区水务局', kind: 'governmentDepartment' });
    const otherUnit = await t.as('unit_other', ['handlingUnitStaff'], { handlingUnitId: otherUnitId });
    expect((await page(otherUnit)).json().abilities.reportProgress).toBe(false);
    const anon = (
      await t.anon.get(`/api/v1/public/livelihood/projects/${projectId}?congressId=${t.congressId}`)
    ).json();
    expect(Object.values(anon.abilities).every((v) => v === false)).toBe(true);
  });

  it('publishes the photos of a progress report, refuses non-image files, and serves no other file', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: 'green' } })
      .png()
      .toBuffer();
    const photo = await t.services.files.store(t.services.db, {
      congressId: t.congressId,
      data: png,
      originalName: 'site.png',
      purpose: 'livelihood.progressPhoto',
      kinds: ['image'],
      maxBytes: 1_000_000,
    });
    const other = await t.services.files.store(t.services.db, {
      congressId: t.congressId,
      data: png,
      originalName: 'private.png',
      purpose: 'opinion.photo',
      kinds: ['image'],
      maxBytes: 1_000_000,
    });
    const pdfId = newId();
    await t.services.db.insert(files).values({
      id: pdfId,
      congressId: t.congressId,
      storageKey: 'x',
      mimeType: 'application/pdf',
      sizeBytes: 1,
      sha256: 'x',
      purpose: 'livelihood.progressPhoto',
    });
    const body = { month: '2028-02', percent: 10, narrative: '开工', status: 'onTrack' };
    const bad = await unit.post(`/api/v1/livelihood/projects/${projectId}/progress`, {
      ...body,
      photoFileIds: [photo.id, pdfId],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('photoFileIds');
    expect(
      await t.services.db.$count(
        livelihoodProgressReports,
        eq(livelihoodProgressReports.projectId, projectId),
      ),
    ).toBe(0);

    const ok = await unit.post(`/api/v1/livelihood/projects/${projectId}/progress`, {
      ...body,
      photoFileIds: [photo.id],
    });
    expect(ok.statusCode).toBe(201);
    expect((await page(t.anon)).json().reports[0].photoFileIds).toEqual([photo.id]);
    const got = await t.anon.get(
      `/api/v1/public/livelihood/projects/${projectId}/photos/${photo.id}?congressId=${t.congressId}`,
    );
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    const notOurs = await t.anon.get(
      `/api/v1/public/livelihood/projects/${projectId}/photos/${other.id}?congressId=${t.congressId}`,
    );
    expect(notOurs.statusCode).toBe(404);
  });
});
