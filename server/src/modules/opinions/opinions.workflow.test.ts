// The opinion loop end to end over HTTP: the whole loop with audit rows, deadlines across holidays,
// hand-backs, digests and the escalation to the street working committee.
import { describe, expect, it } from 'vitest';
import { and, eq, gte, sql } from 'drizzle-orm';
import { addWorkingDays, endOfShanghaiDay, shanghaiDate } from '@minyi/domain/calendar';
import { accounts, jobs, notifications } from '../../platform/platform.table';
import { committeeMembers, livelihoodIdeas, jurisdictions } from '../../../test/tables';
import { systemCtx, transact } from '../../platform/context';
import { newId } from '../../platform/ids';
import { opinionEvents, opinions } from './opinions.table';
import { opinionListItem } from './opinions.repository';
import {
  t,
  unitA,
  unitB,
  unitC,
  deputyId,
  otherDeputyId,
  placeId,
  communityId,
  committeeId,
  staff,
  liaison,
  unitAStaff,
  unitBStaff,
  deputy,
  otherDeputy,
  PHONE,
  auditActions,
  submit,
  forwardOverdue,
  sweepDeadlines,
  useOpinionsFixture,
} from '../../../test/opinions.fixture';

useOpinionsFixture();

describe('the closed loop', () => {
  it('goes submit → claim → forward → reply → dissatisfied → re-handle → reply → satisfied (solved), auditing each step', async () => {
    const routed = await staff.put('/api/v1/opinion-routes', {
      category: 'urbanManagement',
      streetId: t.streetId,
      leadUnitId: unitA,
      assistingUnitIds: [unitB],
    });
    expect(routed.statusCode, routed.body).toBe(200);
    const { id, trackingCode } = await submit({ liaisonPlaceId: placeId, communityId });

    // The deputy of the liaison place claims it; a deputy of elsewhere may not.
    expect((await otherDeputy.post(`/api/v1/opinions/${id}/claim`)).statusCode).toBe(404);
    const claimed = await deputy.post(`/api/v1/opinions/${id}/claim`);
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(claimed.json()).toMatchObject({
      status: 'claimed',
      channel: 'qr',
      abilities: { decide: true, reply: false },
    });
    expect((await deputy.post(`/api/v1/opinions/${id}/claim`)).statusCode).toBe(409);

    const proposal = (await staff.get(`/api/v1/opinions/${id}/route-proposal`)).json().proposal;
    expect(proposal).toEqual({ leadUnitId: unitA, assistingUnitIds: [unitB] });
    const fwd = await staff.post(`/api/v1/opinions/${id}/decide`, { decision: 'forward', ...proposal });
    expect(fwd.statusCode, fwd.body).toBe(200);
    expect(fwd.json()).toMatchObject({
      status: 'forwarded',
      leadUnitId: unitA,
      assignments: [
        { unitId: unitA, role: 'lead' },
        { unitId: unitB, role: 'assisting' },
      ],
    });
    expect(fwd.json().deadlineAt).toBeTruthy();

    // The unit's queue shows it; the assisting unit may note but not reply; a stranger unit gets 403.
    const queue = (await unitAStaff.get('/api/v1/opinions')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(id);
    const stranger = await t.as('unitC', ['handlingUnitStaff'], { handlingUnitId: unitC });
    expect(
      (await stranger.post(`/api/v1/opinions/${id}/reply`, { outcome: 'resolved', content: 'x' })).statusCode,
    ).toBe(404);
    const assistingReply = await unitBStaff.post(`/api/v1/opinions/${id}/reply`, {
      outcome: 'resolved',
      content: '已修复',
    });
    expect(assistingReply.statusCode).toBe(403);
    expect(
      (
        await unitBStaff.post(`/api/v1/opinions/${id}/notes`, {
          note: '协办意见：配合夜间交通疏导',
          isPublic: false,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await unitAStaff.post(`/api/v1/opinions/${id}/notes`, { note: '已派人现场查看' })).statusCode,
    ).toBe(200);
    const replied = await unitAStaff.post(`/api/v1/opinions/${id}/reply`, {
      outcome: 'resolved',
      content: '路灯已于本周更换。',
    });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json().status).toBe('replied');

    // The citizen tracks: the public note is there, the private one is not.
    const tracked = (await t.anon.get(`/api/v1/opinions/track/${trackingCode}?phoneLast4=5678`)).json();
    expect(tracked).toMatchObject({
      status: 'replied',
      canRate: true,
      reply: { outcome: 'resolved', content: '路灯已于本周更换。' },
    });
    expect(tracked.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'submitted',
      'claim',
      'forward',
      'progress',
      'reply',
    ]);
    expect(JSON.stringify(tracked)).not.toContain('协办意见');

    // Dissatisfied reopens once with a fresh deadline.
    const wrong = await t.anon.post(`/api/v1/opinions/track/${trackingCode}/rate`, {
      phoneLast4: '0000',
      rating: 'satisfied',
    });
    expect(wrong.statusCode).toBe(404);
    const dis = await t.anon.post(`/api/v1/opinions/track/${trackingCode}/rate`, {
      phoneLast4: '5678',
      rating: 'dissatisfied',
      comment: '晚上还是不亮',
    });
    expect(dis.statusCode, dis.body).toBe(200);
    expect(dis.json().status).toBe('forwarded');
    const again = await unitAStaff.post(`/api/v1/opinions/${id}/reply`, {
      outcome: 'resolved',
      content: '已更换线路，复查正常。',
    });
    expect(again.statusCode).toBe(200);
    const sat = await t.anon.post(`/api/v1/opinions/track/${trackingCode}/rate`, {
      phoneLast4: '5678',
      rating: 'satisfied',
    });
    expect(sat.json()).toMatchObject({ status: 'closedResolved', rating: 'satisfied', canRate: false });

    // Rating twice and replying after closure are 409.
    const twice = await t.anon.post(`/api/v1/opinions/track/${trackingCode}/rate`, {
      phoneLast4: '5678',
      rating: 'satisfied',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().currentStatus).toBe('closedResolved');
    const late = await unitAStaff.post(`/api/v1/opinions/${id}/reply`, {
      outcome: 'resolved',
      content: '再次答复',
    });
    expect([403, 409]).toContain(late.statusCode);
    // After closure the assignment is over, so the unit is refused; staff trying a step get 409.
    expect((await staff.post(`/api/v1/opinions/${id}/close`, { reason: 'x' })).statusCode).toBe(409);
    expect((await staff.put('/api/v1/opinion-settings', { nonsense: 1 })).statusCode).toBe(400);
    expect((await staff.get('/api/v1/opinion-settings')).json().maxSubmissionsPerIpPerHour).toBe(1000);

    expect(await auditActions(id)).toEqual([
      'opinion.submit',
      'opinion.claim',
      'opinion.forward',
      'opinion.addNote',
      'opinion.addNote',
      'opinion.reply',
      'opinion.rate',
      'opinion.reply',
      'opinion.rate',
    ]);
    // Citizen texts and unit notices are queued and delivered by the jobs.
    await t.services.jobs.drain();
    const unitNotes = await t.services.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'opinion.assigned'));
    expect(unitNotes.length).toBeGreaterThanOrEqual(1);
    // The citizen was texted at submission, claim, forward, each reply: the SMS jobs ran, none failed.
    const sms = await t.services.db.select().from(jobs).where(eq(jobs.name, 'notifications.sms'));
    expect(sms.filter((j) => j.status === 'done').length).toBeGreaterThanOrEqual(5);
    expect(sms.filter((j) => j.status === 'failed')).toEqual([]);
    expect(JSON.stringify(sms.map((j) => j.payload))).not.toContain(PHONE);
  });

  it('counts "resolved" with a satisfied rating as solved, and an explained answer as closed unresolved', async () => {
    const a = await submit({ content: '公园厕所太少' });
    await staff.post(`/api/v1/opinions/${a.id}/claim`);
    await staff.post(`/api/v1/opinions/${a.id}/decide`, { decision: 'forward', leadUnitId: unitA });
    await unitAStaff.post(`/api/v1/opinions/${a.id}/reply`, {
      outcome: 'explained',
      content: '已列入明年计划',
    });
    const r = await t.anon.post(`/api/v1/opinions/track/${a.trackingCode}/rate`, {
      phoneLast4: '5678',
      rating: 'satisfied',
    });
    expect(r.json().status).toBe('closedUnresolved');
    // A deputy verification closes a resolved answer as solved.
    const b = await submit({ content: '垃圾桶满溢', liaisonPlaceId: placeId });
    await deputy.post(`/api/v1/opinions/${b.id}/claim`);
    await deputy.post(`/api/v1/opinions/${b.id}/decide`, { decision: 'forward', leadUnitId: unitA });
    await unitAStaff.post(`/api/v1/opinions/${b.id}/reply`, { outcome: 'resolved', content: '已清运' });
    const v = await deputy.post(`/api/v1/opinions/${b.id}/verify`, {});
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json().status).toBe('closedResolved');
    const today = shanghaiDate(new Date());
    const stats = (
      await t.anon.get(
        `/api/v1/public/opinion-statistics?from=${today}&to=${today}&congressId=${t.congressId}`,
      )
    ).json();
    expect(stats.total.solved).toBeGreaterThanOrEqual(2);
    expect(stats.total.closedUnresolved).toBeGreaterThanOrEqual(1);
    expect(stats.total).toHaveProperty('solvedRate');
    expect(stats.total).toHaveProperty('satisfactionRate');
  });

  it('answers on the spot, merges duplicates and declares inadmissible with a reason the citizen sees', async () => {
    const a = await submit({ content: '社区医院周末能否开门' });
    await liaison.post(`/api/v1/opinions/${a.id}/claim`);
    const spot = await liaison.post(`/api/v1/opinions/${a.id}/decide`, {
      decision: 'answerOnSpot',
      answer: '周六上午开放',
    });
    expect(spot.json().status).toBe('answeredOnSpot');
    const b = await submit({ content: '正在打官司的案件请代表帮忙' });
    await staff.post(`/api/v1/opinions/${b.id}/claim`);
    await staff.post(`/api/v1/opinions/${b.id}/decide`, {
      decision: 'declareInadmissible',
      reason: '已进入诉讼程序，请通过法院渠道解决',
    });
    const tb = (await t.anon.get(`/api/v1/opinions/track/${b.trackingCode}?phoneLast4=5678`)).json();
    expect(tb).toMatchObject({ status: 'inadmissible', decisionNote: '已进入诉讼程序，请通过法院渠道解决' });
    const c = await submit();
    const m = await staff.post(`/api/v1/opinions/${c.id}/decide`, { decision: 'merge', intoOpinionId: a.id });
    expect(m.json()).toMatchObject({ status: 'merged', mergedIntoId: a.id });
    const self = await submit();
    expect(
      (await staff.post(`/api/v1/opinions/${self.id}/decide`, { decision: 'merge', intoOpinionId: self.id }))
        .statusCode,
    ).toBe(400);
  });

  it('raises an opinion as a formal deputy suggestion and follows its outcome', async () => {
    const { id, trackingCode } = await submit({
      content: '建议全区推广老旧小区加装电梯补贴',
      liaisonPlaceId: placeId,
    });
    await deputy.post(`/api/v1/opinions/${id}/claim`);
    const r = await deputy.post(`/api/v1/opinions/${id}/decide`, {
      decision: 'raiseAsSuggestion',
      deputyId,
      title: '关于加快老旧小区加装电梯的建议',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'raisedAsSuggestion',
      suggestionId: expect.any(String),
      suggestion: { status: expect.any(String) },
    });
    const tr = (await t.anon.get(`/api/v1/opinions/track/${trackingCode}?phoneLast4=5678`)).json();
    expect(tr.suggestion).toMatchObject({ status: expect.any(String) });
    expect(await auditActions(id)).toContain('opinion.raiseAsSuggestion');
  });

  it('passes a livelihood project idea to the livelihood solicitation, after commit (opinion.submitted)', async () => {
    const { id } = await submit({ content: '建议在河边修建健康步道', category: 'livelihoodProjectIdea' });
    const o = (await staff.get(`/api/v1/opinions/${id}`)).json();
    expect(o.projectIdeaId).toEqual(expect.any(String));
    expect(o.timeline.map((e: { kind: string }) => e.kind)).toContain('projectIdeaSubmitted');
    const ideaRow = () =>
      t.services.db.select().from(livelihoodIdeas).where(eq(livelihoodIdeas.id, o.projectIdeaId));
    expect(await ideaRow()).toEqual([]);
    await t.services.jobs.drain();
    expect(await ideaRow()).toEqual([
      expect.objectContaining({ source: 'opinion', opinionId: id, content: '建议在河边修建健康步道' }),
    ]);
    // Delivered again (a retry after a crash), the idea is not made twice.
    await transact(systemCtx(t.services), (w) =>
      w.enqueue('event:opinion.submitted:livelihood.ideaFromOpinion', {
        congressId: t.congressId,
        opinionId: id,
        category: 'livelihoodProjectIdea',
        streetId: o.streetId,
        publicContent: '建议在河边修建健康步道',
        projectIdeaId: o.projectIdeaId,
      }),
    );
    await t.services.jobs.drain();
    expect(await t.services.db.$count(livelihoodIdeas, eq(livelihoodIdeas.opinionId, id))).toBe(1);
  });

  it('queues no livelihood delivery for an opinion that carries no project idea', async () => {
    const { id } = await submit({ content: '小区门口的下水道堵了，雨天积水', category: 'urbanManagement' });
    const deliveries = await t.services.db
      .select({ payload: jobs.payload })
      .from(jobs)
      .where(eq(jobs.name, 'event:opinion.submitted:livelihood.ideaFromOpinion'));
    expect(deliveries.map((d) => (d.payload as { opinionId: string }).opinionId)).not.toContain(id);
  });

  it('lets the lead unit hand an item back within the window, and staff re-route it', async () => {
    const { id } = await submit({ content: '公交站台没有遮雨棚', category: 'transport' });
    await staff.post(`/api/v1/opinions/${id}/claim`);
    await staff.post(`/api/v1/opinions/${id}/decide`, { decision: 'forward', leadUnitId: unitA });
    const back = await unitAStaff.post(`/api/v1/opinions/${id}/hand-back`, { reason: '属交通部门职责' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().status).toBe('returnedToStaff');
    expect((await unitAStaff.get(`/api/v1/opinions/${id}`)).statusCode).toBe(200);
    expect((await unitAStaff.post(`/api/v1/opinions/${id}/notes`, { note: 'x' })).statusCode).toBe(403);
    const re = await staff.post(`/api/v1/opinions/${id}/decide`, { decision: 'forward', leadUnitId: unitB });
    expect(re.json()).toMatchObject({ status: 'forwarded', leadUnitId: unitB });
    await t.services.db
      .update(opinions)
      .set({ handBackUntil: new Date(Date.now() - 1000) })
      .where(eq(opinions.id, id));
    const late = await unitBStaff.post(`/api/v1/opinions/${id}/hand-back`, { reason: '不是我们的' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('hand_back_window_closed');
    expect(await auditActions(id)).toEqual([
      'opinion.submit',
      'opinion.claim',
      'opinion.forward',
      'opinion.handBack',
      'opinion.forward',
    ]);
  });

  it('sets the deadline 15 working days ahead on the calendar, across a holiday', async () => {
    // Make the next five weekdays a holiday.
    const today = shanghaiDate(new Date());
    const days: { date: string; kind: 'holiday'; name: string }[] = [];
    for (let i = 1; days.length < 5; i++) {
      const d = new Date(Date.now() + i * 86_400_000);
      const iso = shanghaiDate(d);
      const wd = new Date(`${iso}T12:00:00+08:00`).getUTCDay();
      if (wd !== 0 && wd !== 6) days.push({ date: iso, kind: 'holiday', name: '测试假期' });
    }
    const base = await t.services.calendar.exceptions(t.congressId);
    for (const d of days) await t.services.calendar.setStaffDay(t.services.db, t.congressId, d.date, d);
    const { id } = await submit();
    await staff.post(`/api/v1/opinions/${id}/claim`);
    const r = (
      await staff.post(`/api/v1/opinions/${id}/decide`, { decision: 'forward', leadUnitId: unitA })
    ).json();
    const withHoliday = endOfShanghaiDay(
      addWorkingDays(today, 15, new Map([...base, ...days.map((d) => [d.date, d.kind] as const)])),
    );
    const without = endOfShanghaiDay(addWorkingDays(today, 15, base));
    expect(new Date(r.deadlineAt).toISOString()).toBe(withHoliday.toISOString());
    expect(withHoliday.getTime() - without.getTime()).toBeGreaterThanOrEqual(7 * 86_400_000);
    for (const d of days) await t.services.calendar.setStaffDay(t.services.db, t.congressId, d.date, null);
  });

  it('sends the unit one digest a day and escalates each overdue item once a day (idempotent)', async () => {
    const since = new Date();
    const ids = [
      await forwardOverdue({ content: '井盖缺失' }),
      await forwardOverdue({ content: '路面塌陷' }),
    ];
    const overdue = (await staff.get('/api/v1/opinions?due=overdue')).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(ids));
    expect(overdue.items.find((i: { id: string }) => i.id === ids[0]).due).toBe('overdue');
    await sweepDeadlines();
    await sweepDeadlines();
    for (const id of ids) {
      const escalated = await t.services.db
        .select()
        .from(opinionEvents)
        .where(and(eq(opinionEvents.opinionId, id), eq(opinionEvents.kind, 'escalated')));
      expect(escalated).toHaveLength(1);
      expect(escalated[0].isPublic).toBe(false);
      expect(await auditActions(id)).toContain('opinion.escalate');
    }
    // The unit's accounts: one digest each, naming both items, linking to their overdue queue.
    const [unitAccount] = await t.services.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.username, 'unitA'));
    const digests = await t.services.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.accountId, unitAccount.id),
          eq(notifications.kind, 'opinion.overdue'),
          gte(notifications.createdAt, since),
        ),
      );
    expect(digests).toHaveLength(1);
    expect(digests[0].link).toBe('/opinions/workbench?due=overdue');
    expect((digests[0].title as { zh: string }).zh).toMatch(/^\d+ 件群众意见已超期/);
    expect((digests[0].body as { zh: string }).zh).toContain('井盖缺失');
    expect((digests[0].body as { zh: string }).zh).toContain('路面塌陷');
    // The street's escalation: one message for the items escalated together.
    const escalations = await t.services.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'opinion.escalated'), gte(notifications.createdAt, since)));
    const recipients = escalations.map((n) => n.accountId);
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(escalations[0].link).toBe(`/opinions/workbench?due=overdue&streetId=${t.streetId}`);
  });
});

describe('escalation to the street working committee', () => {
  /** Forwards a fresh opinion in `streetId`, makes it overdue, runs the sweep; the escalation's recipients. */
  async function escalate(streetId: string) {
    const since = new Date();
    const id = await forwardOverdue({ content: '小区围墙倒塌无人处理', streetId });
    await sweepDeadlines();
    const rows = await t.services.db
      .select({ username: accounts.username, title: notifications.title })
      .from(notifications)
      .innerJoin(accounts, eq(accounts.id, notifications.accountId))
      .where(
        and(
          eq(notifications.kind, 'opinion.escalated'),
          eq(notifications.link, `/opinions/workbench?due=overdue&streetId=${streetId}`),
          gte(notifications.createdAt, since),
        ),
      );
    return { id, to: rows.map((r) => r.username).sort(), title: rows[0]?.title };
  }

  it("escalates an overdue item to the accounts of its street's working committee, not to all staff, and lets them read it", async () => {
    const memberId = newId();
    await t.services.db.insert(committeeMembers).values([
      {
        id: memberId,
        congressId: t.congressId,
        body: 'workingCommittee',
        workingCommitteeId: committeeId,
        deputyId,
      },
      {
        id: newId(),
        congressId: t.congressId,
        body: 'workingCommittee',
        workingCommitteeId: committeeId,
        deputyId: otherDeputyId,
        endedOn: '2020-01-01',
      },
    ]);
    try {
      // deputy2 left the committee, so only the current member hears of it and may open it (read only).
      const { id, to, title } = await escalate(t.streetId);
      expect(to).toEqual(['deputy']);
      expect(title?.zh).toBe('超期督办：测试街道工委');
      const seen = await deputy.get(`/api/v1/opinions/${id}`);
      expect(seen.statusCode, seen.body).toBe(200);
      expect(seen.json().abilities).toMatchObject({ view: true, claim: false, decide: false });
      expect((await otherDeputy.get(`/api/v1/opinions/${id}`)).statusCode).toBe(404);
      // It is in the member's workbench queue too, not in the former member's.
      const queue = (await deputy.get('/api/v1/opinions?limit=200')).json();
      expect(queue.items.map((i: { id: string }) => i.id)).toContain(id);
      const former = (await otherDeputy.get('/api/v1/opinions?limit=200')).json();
      expect(former.items.map((i: { id: string }) => i.id)).not.toContain(id);
    } finally {
      await t.services.db
        .delete(committeeMembers)
        .where(eq(committeeMembers.workingCommitteeId, committeeId));
    }
  });

  it('falls back to the congress staff when the street has no working committee', async () => {
    const bareStreet = newId();
    await t.services.db.insert(jurisdictions).values({
      id: bareStreet,
      congressId: t.congressId,
      parentId: t.districtId,
      level: 'street',
      name: '无工委街道',
    });
    const { to, title } = await escalate(bareStreet);
    expect(title).toEqual({ zh: '超期督办', en: 'Overdue opinions escalated' });
    expect(to).toEqual(expect.arrayContaining(['liaison', 'staff']));
    expect(to).not.toContain('deputy');
  });
});

// After the loop above, so the stored items are checked against every change it made.
describe('stored list items', () => {
  it("renders a unit's unfiltered queue (JSON built by the database) exactly as the filtered path does", async () => {
    await forwardOverdue({ content: '单位队列格式对照' });
    const plain = (await unitAStaff.get('/api/v1/opinions?limit=100')).json();
    const filtered = (await unitAStaff.get('/api/v1/opinions?limit=100&status=forwarded')).json();
    expect(filtered.items.length).toBeGreaterThan(0);
    const byId = new Map(plain.items.map((i: { id: string }) => [i.id, i]));
    for (const item of filtered.items) expect(byId.get(item.id)).toEqual(item);
    const overdue = filtered.items.find((i: { due: string | null }) => i.due === 'overdue');
    expect(overdue.deadlineAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(typeof overdue.hidden).toBe('boolean');
    expect(typeof overdue.reopenCount).toBe('number');
    // The stored items follow every change the opinions went through in this file: each is its row's item.
    const stored = await t.services.db.select().from(opinions);
    expect(stored.length).toBeGreaterThan(10);
    expect(stored.filter((o) => o.listItem !== opinionListItem(o)).map((o) => o.status)).toEqual([]);
    // And every assignment carries its opinion's item, status and deadline as they are now (migration 0303).
    const copies = (await t.services.db.execute(
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE (a.opinion_item, a.opinion_status, a.opinion_deadline)
        IS DISTINCT FROM (o.list_item, o.status, o.deadline_at))::int AS stale
        FROM opinion_assignments a JOIN opinions o ON o.id = a.opinion_id`,
    )) as unknown as { rows: { n: number; stale: number }[] };
    expect(copies.rows[0].n).toBeGreaterThan(10);
    expect(copies.rows[0].stale).toBe(0);
  });
});
