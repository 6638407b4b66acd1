// Who may do what with an opinion, and the form's protection: refusals by role, masking, hiding, limits,
// batches, the block list and photos.
import { describe, expect, it, onTestFinished } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { refusalOf, type TestClient } from '../../../test/harness';
import { auditEvents, jobs, files } from '../../platform/platform.table';
import { opinionEvents, opinions } from './opinions.table';
import { opinionListItem } from './opinions.repository';
import { submissionBatchStats } from './commands/submit-public-opinion';
import {
  t,
  unitA,
  unitB,
  deputyId,
  placeId,
  staff,
  liaison,
  unitAStaff,
  deputy,
  leader,
  citizen,
  sysadmin,
  PHONE,
  form,
  countOf,
  auditActions,
  submit,
  whileCountersLocked,
  useOpinionsFixture,
} from '../../../test/opinions.fixture';

useOpinionsFixture();

describe('access', () => {
  it('refuses every staff endpoint to the public and to roles without a part in it', async () => {
    const { id } = await submit();
    const anonymousOnly: [string, string, unknown?][] = [
      ['GET', '/api/v1/opinions'],
      ['GET', `/api/v1/opinions/${id}`],
      ['POST', `/api/v1/opinions/${id}/claim`],
      ['POST', `/api/v1/opinions/${id}/decide`, { decision: 'answerOnSpot', answer: 'x' }],
      ['POST', `/api/v1/opinions/${id}/reply`, { outcome: 'resolved', content: 'x' }],
      ['POST', `/api/v1/opinions/${id}/hide`, { reason: 'x' }],
      ['GET', '/api/v1/opinion-routes'],
      [
        'PUT',
        '/api/v1/opinion-routes',
        { category: 'transport', streetId: null, leadUnitId: unitB, assistingUnitIds: [] },
      ],
      ['GET', '/api/v1/opinion-blocks'],
      ['POST', '/api/v1/opinion-blocks', { kind: 'phone', value: '13900000000', reason: 'x' }],
      ['PUT', '/api/v1/opinion-settings', { replyWorkingDays: 10 }],
      ['GET', '/api/v1/opinion-reports/period?from=2026-01-01&to=2026-12-31'],
      ['GET', '/api/v1/receptions'],
      [
        'POST',
        '/api/v1/receptions',
        {
          liaisonPlaceId: placeId,
          startsAt: new Date(Date.now() + 9 * 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 9 * 86_400_000 + 3_600_000).toISOString(),
          deputyIds: [deputyId],
        },
      ],
      ['GET', '/api/v1/opinions/import-template.xlsx'],
    ];
    for (const [method, url, body] of anonymousOnly) {
      const r = await t.anon.request({ method: method, url, payload: body as object });
      expect(r.statusCode, `${method} ${url} anonymous`).toBe(401);
      for (const [who, c] of [
        ['citizen', citizen],
        ['systemAdmin', sysadmin],
      ] as const) {
        const x = await c.request({ method: method, url, payload: body as object });
        expect(x.statusCode, `${method} ${url} as ${who}`).toBe(403);
      }
    }
    // Narrower refusals.
    const refusals: [TestClient, string, string, unknown?, number?][] = [
      [unitAStaff, 'POST', `/api/v1/opinions/${id}/claim`, undefined, 404],
      [leader, 'POST', `/api/v1/opinions/${id}/claim`, undefined, 403],
      [leader, 'POST', `/api/v1/opinions/${id}/hide`, { reason: 'x' }, 403],
      [deputy, 'POST', `/api/v1/opinions/${id}/hide`, { reason: 'x' }, 404],
      [
        liaison,
        'PUT',
        '/api/v1/opinion-routes',
        { category: 'transport', streetId: null, leadUnitId: unitB, assistingUnitIds: [] },
        403,
      ],
      [liaison, 'PUT', '/api/v1/opinion-settings', { replyWorkingDays: 10 }, 403],
      [unitAStaff, 'GET', '/api/v1/opinion-reports/period?from=2026-01-01&to=2026-12-31', undefined, 403],
      [deputy, 'POST', '/api/v1/opinion-blocks', { kind: 'phone', value: '13900000000', reason: 'x' }, 403],
      [
        unitAStaff,
        'POST',
        '/api/v1/receptions',
        {
          liaisonPlaceId: placeId,
          startsAt: new Date(Date.now() + 9 * 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 9 * 86_400_000 + 3_600_000).toISOString(),
          deputyIds: [deputyId],
        },
        403,
      ],
      [deputy, 'POST', '/api/v1/opinions/import', undefined, 403],
    ];
    for (const [c, method, url, body, status] of refusals) {
      const r = await c.request({ method: method, url, payload: body as object });
      expect(r.statusCode, `${method} ${url}`).toBe(status);
    }
    // Another congress's staff cannot see this one's opinion.
    const other = await t.createCongress('另一个区');
    const foreign = await t.as('foreignStaff', ['congressStaff'], { congressId: other.congressId });
    expect((await foreign.get(`/api/v1/opinions/${id}`)).statusCode).toBe(404);
    expect(
      (await foreign.get('/api/v1/opinions')).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(id);
  });

  it('masks the phone for units and shows it to staff', async () => {
    const { id } = await submit();
    await staff.post(`/api/v1/opinions/${id}/claim`);
    await staff.post(`/api/v1/opinions/${id}/decide`, { decision: 'forward', leadUnitId: unitA });
    expect((await staff.get(`/api/v1/opinions/${id}`)).json().phone).toBe(PHONE);
    expect((await unitAStaff.get(`/api/v1/opinions/${id}`)).json().phone).toBe('139****5678');
  });
});

describe('abuse protection', () => {
  it('hides abusive text from public views and keeps the audit trail', async () => {
    const { id } = await submit({ content: '辱骂性内容测试文本 甲乙丙' });
    const pub = async () =>
      (await t.anon.get(`/api/v1/public/opinions?congressId=${t.congressId}&limit=100`))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await pub()).toContain(id);
    const h = await staff.post(`/api/v1/opinions/${id}/hide`, { reason: '含辱骂内容' });
    expect(h.json()).toMatchObject({ hidden: true, hiddenReason: '含辱骂内容' });
    expect(await pub()).not.toContain(id);
    expect(await auditActions(id)).toEqual(['opinion.submit', 'opinion.hide']);
  });

  it('limits submissions per phone with a 429 and stores nothing more', async () => {
    await staff.put('/api/v1/opinion-settings', { maxSubmissionsPerPhonePerDay: 2 });
    const phone = '13700000001';
    await submit({ phone });
    await submit({ phone });
    const before = await countOf(opinions);
    const r = await t.anon.post('/api/v1/opinions', form({ phone }));
    expect(r.statusCode).toBe(429);
    expect(await countOf(opinions)).toBe(before);
    // Staff entering opinions at a reception are not limited.
    const s = await staff.post('/api/v1/opinions', form({ phone, channel: 'staff' }));
    expect(s.statusCode).toBe(201);
    await staff.put('/api/v1/opinion-settings', { maxSubmissionsPerPhonePerDay: 1000 });
  });

  it('writes submissions arriving together in one batch, each with its own answer, limits and block list', async () => {
    await staff.put('/api/v1/opinion-settings', { maxSubmissionsPerPhonePerDay: 3 });
    onTestFinished(
      async () => void (await staff.put('/api/v1/opinion-settings', { maxSubmissionsPerPhonePerDay: 1000 })),
    );
    const limited = '13700000011';
    const blocked = '13700000012';
    const b = await liaison.post('/api/v1/opinion-blocks', { kind: 'phone', value: blocked, reason: '广告' });
    expect(b.statusCode, b.body).toBe(201);
    // The settings and the street are cached by this submission; the first batch then waits on a lock
    // while the others arrive (on PGlite, its one connection is busy), so they are written together.
    await submit({ phone: '13700000010' });
    const before = await countOf(opinions);
    const stats = submissionBatchStats(t.services)!;
    const batchesBefore = { ...stats };
    // Eight attempts from one phone, one from a blocked phone, six from six other phones, all at once.
    const bodies = [
      ...Array.from({ length: 8 }, (_, i) => form({ phone: limited, content: `同时提交 限额 ${i}` })),
      form({ phone: blocked, content: '同时提交 已屏蔽' }),
      ...Array.from({ length: 6 }, (_, i) =>
        form({ phone: `1370000002${i}`, content: `同时提交 其他 ${i}` }),
      ),
    ];
    const smsJobsBefore = new Set(
      (await t.services.db.select({ id: jobs.id }).from(jobs).where(eq(jobs.name, 'notifications.sms'))).map(
        (j) => j.id,
      ),
    );
    const answers = await whileCountersLocked(() =>
      Promise.all(bodies.map((body) => t.anon.post('/api/v1/opinions', body))),
    );
    // The first alone, the rest together while it waited (in one batch unless the machine is slow).
    expect(stats.batches - batchesBefore.batches).toBeLessThanOrEqual(3);
    expect(stats.largest).toBeGreaterThanOrEqual(7);
    const codes = answers.map((a) => a.statusCode);
    // Three attempts of the limited phone pass (the first three to arrive); the other five get 429.
    expect(codes.slice(0, 8).sort()).toEqual([201, 201, 201, 429, 429, 429, 429, 429]);
    for (const a of answers.slice(0, 8).filter((x) => x.statusCode === 429))
      expect(a.json()).toMatchObject({ code: 'rate_limited' });
    expect(codes[8]).toBe(403);
    expect(answers[8].json()).toMatchObject({ code: 'submitter_blocked' });
    expect(codes.slice(9)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(await countOf(opinions)).toBe(before + 9);
    // Every stored submission has its row, its timeline event, its audit row and its text; the refused none.
    const jobsAfter = await t.services.db.select().from(jobs).where(eq(jobs.name, 'notifications.sms'));
    const newSmsJobs = jobsAfter.filter((j) => !smsJobsBefore.has(j.id));
    const texts = newSmsJobs.flatMap((j) => (j.payload as { messages: { text: string }[] }).messages);
    const textsTo = (trackingCode: string) => texts.filter((m) => m.text.includes(trackingCode));
    const stored = answers
      .filter((a) => a.statusCode === 201)
      .map((a) => a.json<{ id: string; trackingCode: string }>());
    for (const { id, trackingCode } of stored) {
      const [row] = await t.services.db.select().from(opinions).where(eq(opinions.id, id));
      expect(row.trackingCode).toBe(trackingCode);
      expect(await auditActions(id)).toEqual(['opinion.submit']);
      const events = await t.services.db.select().from(opinionEvents).where(eq(opinionEvents.opinionId, id));
      expect(events.map((e) => e.kind)).toEqual(['submitted']);
      expect(textsTo(trackingCode)).toHaveLength(1);
    }
    // A batch's texts go in one job: fewer jobs than texts, a text for each stored submission, none for the refused.
    expect(newSmsJobs.length).toBeLessThan(stored.length);
    expect(texts).toHaveLength(stored.length);
    const storedOf = async (pattern: string) =>
      Number(
        (
          await t.services.db
            .select({ n: count() })
            .from(opinions)
            .where(sql`${opinions.content} LIKE ${pattern}`)
        )[0].n,
      );
    expect(await storedOf('同时提交 限额%')).toBe(3);
    expect(await storedOf('同时提交 已屏蔽')).toBe(0);
    // Every attempt counted in its window, the refused included.
    const counted = await t.services.db.execute(
      sql`SELECT sum(hits)::int AS n FROM opinion_rate_counters WHERE key LIKE ${`%:phone:${t.services.pii.index('phone', limited)}`}`,
    );
    expect((counted as unknown as { rows: { n: number }[] }).rows[0].n).toBe(8);
    await liaison.delete(`/api/v1/opinion-blocks/${b.json().id}`);
  });

  it('never deletes an opinion nor changes its id, so its events need no foreign key (migration 0304)', async () => {
    const { id } = await submit({ content: '不可删除的意见' });
    const refusal = (q: ReturnType<typeof sql>) => refusalOf(t.services, q);
    expect(await refusal(sql`DELETE FROM opinions WHERE id = ${id}`)).toMatch(/never deleted/);
    expect(await refusal(sql`UPDATE opinions SET id = gen_random_uuid() WHERE id = ${id}`)).toMatch(
      /never changes/,
    );
    const [row] = await t.services.db.select().from(opinions).where(eq(opinions.id, id));
    expect(row.content).toBe('不可删除的意见');
    const events = await t.services.db.select().from(opinionEvents).where(eq(opinionEvents.opinionId, id));
    expect(events.map((e) => e.kind)).toEqual(['submitted']);
  });

  it("stores a new opinion's list item as its row renders it, valid JSON for any text", async () => {
    // Built by the server at submission from the row (opinionListItem); quotes, backslashes, controls,
    // emoji and a phone number that the public text redacts.
    const content = '引号"反斜杠\\ 换行\n制表\t控制\u0001 表情😀 电话13812345678 </script>';
    const { id } = await submit({ content, location: '幸福路 "12" 号' });
    const [row] = await t.services.db.select().from(opinions).where(eq(opinions.id, id));
    expect(row.listItem).toBe(opinionListItem(row));
    const item = JSON.parse(`${row.listItem}}`);
    expect(item).toMatchObject({ id, status: 'submitted', hidden: false, content: row.publicContent });
    expect(item.content).toContain('表情😀');
    expect(item.content).not.toContain('13812345678');
  });

  it('writes the others of a batch when one of its submissions cannot be written', async () => {
    // A fault of one submission (here a trigger standing in for, say, a broken row) fails its batch's
    // statement; each submission is then written alone, so only that one fails, and nothing of it is stored.
    await t.services.db.execute(sql`
      CREATE FUNCTION test_refuse_opinion() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.content = '无法写入的意见' THEN RAISE EXCEPTION 'test fault'; END IF; RETURN NEW; END $$`);
    await t.services.db.execute(
      sql`CREATE TRIGGER test_refuse_opinion BEFORE INSERT ON opinions FOR EACH ROW EXECUTE FUNCTION test_refuse_opinion()`,
    );
    try {
      const bodies = Array.from({ length: 6 }, (_, i) =>
        form({ phone: `1370000003${i}`, content: i === 3 ? '无法写入的意见' : `批次其余的意见 ${i}` }),
      );
      await submit({ phone: '13700000039' });
      const before = await countOf(opinions);
      const auditBefore = await countOf(auditEvents);
      const stats = submissionBatchStats(t.services)!;
      const batchesBefore = stats.batches;
      const answers = await whileCountersLocked(() =>
        Promise.all(bodies.map((body) => t.anon.post('/api/v1/opinions', body))),
      );
      expect(stats.batches - batchesBefore).toBeLessThanOrEqual(3);
      expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 500, 201, 201]);
      expect(await countOf(opinions)).toBe(before + 5);
      expect(await countOf(auditEvents)).toBe(auditBefore + 5);
    } finally {
      await t.services.db.execute(sql`DROP TRIGGER test_refuse_opinion ON opinions`);
      await t.services.db.execute(sql`DROP FUNCTION test_refuse_opinion()`);
    }
  });

  it('refuses a blocked phone', async () => {
    const b = await liaison.post('/api/v1/opinion-blocks', {
      kind: 'phone',
      value: '13700000002',
      reason: '反复发送广告',
    });
    expect(b.statusCode, b.body).toBe(201);
    const r = await t.anon.post('/api/v1/opinions', form({ phone: '13700000002' }));
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('submitter_blocked');
    expect((await liaison.get('/api/v1/opinion-blocks')).body).not.toContain('13700000002');
    expect((await liaison.delete(`/api/v1/opinion-blocks/${b.json().id}`)).statusCode).toBe(204);
    await submit({ phone: '13700000002' });
  });

  it('takes photos checked by content with their location metadata stripped', async () => {
    const jpeg = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#c33' } })
      .jpeg()
      .withExif({
        IFD0: { Copyright: 'secret-camera' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 43/1 0/1' },
      })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const boundary = '----minyitest';
    const multipart = (name: string, data: Buffer, type: string) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
        ),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
    const up = await t.anon.request({
      method: 'POST',
      url: `/api/v1/opinions/photos?congressId=${t.congressId}`,
      payload: multipart('road.jpg', jpeg, 'image/jpeg'),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(up.statusCode, up.body).toBe(201);
    const photoId = up.json().id;
    const stored = await t.services.files.read(t.services.db, t.congressId, photoId);
    expect((await sharp(stored!.data).metadata()).exif).toBeUndefined();
    const fake = await t.anon.request({
      method: 'POST',
      url: `/api/v1/opinions/photos?congressId=${t.congressId}`,
      payload: multipart('evil.jpg', Buffer.from('not an image at all'), 'image/jpeg'),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(fake.statusCode).toBe(415);
    const { id } = await submit({ photoIds: [photoId] });
    expect((await staff.get(`/api/v1/opinions/${id}`)).json().photos).toEqual([photoId]);
    // A photo is used once.
    expect((await t.anon.post('/api/v1/opinions', form({ photoIds: [photoId] }))).statusCode).toBe(400);
    expect((await t.services.db.select().from(files).where(eq(files.id, photoId))).length).toBe(1);
  });
});
