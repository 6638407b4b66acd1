// The public intake over HTTP: the contract, the bad-input list, search, QR codes, imports, receptions and
// reports.
import { describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { shanghaiDate } from '@minyi/domain/calendar';
import { type TestClient } from '../../../test/harness';
import { auditEvents, notifications } from '../../platform/platform.table';
import { newId } from '../../platform/ids';
import { opinionAssignments, opinions, receptionDeputies, receptions } from './opinions.table';
import { countDeputyReceptions } from '.';
import {
  t,
  unitA,
  deputyId,
  otherDeputyId,
  placeId,
  staff,
  liaison,
  unitAStaff,
  deputy,
  otherDeputy,
  leader,
  citizen,
  form,
  countOf,
  auditActions,
  submit,
  forwardOverdue,
  useOpinionsFixture,
} from '../../../test/opinions.fixture';

useOpinionsFixture();

describe('contract', () => {
  it('lists the categories the form needs, with the livelihood project idea', async () => {
    const r = await t.anon.get('/api/v1/opinion-categories');
    expect(r.statusCode).toBe(200);
    expect(r.json().items).toEqual(
      expect.arrayContaining([
        {
          code: 'livelihoodProjectIdea',
          name: expect.stringContaining('项目建议'),
          nameEn: 'Livelihood project idea',
        },
      ]),
    );
  });

  it('answers a public submission with 201 { id, trackingCode } and tracks it without personal data', async () => {
    const { id, trackingCode } = await submit({ name: '张三', content: '路灯坏了，请联系我 13912345678' });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(trackingCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);
    const tr = await t.anon.get(`/api/v1/opinions/track/${trackingCode}?phoneLast4=5678`);
    expect(tr.statusCode).toBe(200);
    expect(tr.json()).toMatchObject({ trackingCode, status: 'submitted', timeline: [{ kind: 'submitted' }] });
    expect(tr.body).not.toContain('13912345678');
    expect(tr.body).not.toContain('张三');
    expect(tr.body).not.toMatch(/phone/i);
    const [row] = await t.services.db.select().from(opinions).where(eq(opinions.id, id));
    expect(row.phoneEnc).not.toContain('1391234');
    expect(row.channel).toBe('form');
  });

  it('gives the same 404 for a wrong code and a wrong phone suffix', async () => {
    const { trackingCode } = await submit();
    const wrongSuffix = await t.anon.get(`/api/v1/opinions/track/${trackingCode}?phoneLast4=0000`);
    const wrongCode = await t.anon.get(`/api/v1/opinions/track/ABCDEFGH23?phoneLast4=5678`);
    expect(wrongSuffix.statusCode).toBe(404);
    expect(wrongCode.statusCode).toBe(404);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: null, instance: null });
    expect(strip(wrongSuffix.json())).toEqual(strip(wrongCode.json()));
  });

  it('creates one opinion for the same Idempotency-Key sent twice', async () => {
    const before = await countOf(opinions);
    const a = await t.anon.post('/api/v1/opinions', form(), { 'idempotency-key': 'form-submit-1' });
    const b = await t.anon.post('/api/v1/opinions', form(), { 'idempotency-key': 'form-submit-1' });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json()).toEqual(a.json());
    expect(await countOf(opinions)).toBe(before + 1);
  });
});

describe('bad input', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['missing content', { content: undefined }, 'content'],
    ['empty content', { content: '   ' }, 'content'],
    ['content over 5,000 characters', { content: '长'.repeat(5001) }, 'content'],
    ['unknown category', { category: 'aliens' }, 'category'],
    ['unknown street', { streetId: '00000000-0000-4000-8000-000000000000' }, 'streetId'],
    ['malformed street id', { streetId: 'nope' }, 'streetId'],
    ['malformed phone', { phone: '12345' }, 'phone'],
    ['unknown field', { extra: 1 }, 'extra'],
    ['community of another street', { communityId: '00000000-0000-4000-8000-000000000001' }, 'communityId'],
    ['a channel the public may not set', { channel: 'hotline' }, 'channel'],
  ];
  for (const [name, patch, field] of cases) {
    it(`refuses ${name} with a 400 naming ${field}, storing nothing`, async () => {
      const before = [await countOf(opinions), await countOf(auditEvents)];
      const body = form(patch);
      for (const k of Object.keys(patch))
        if (patch[k] === undefined) delete (body as Record<string, unknown>)[k];
      const r = await t.anon.post('/api/v1/opinions', body);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.headers['content-type']).toMatch(/problem\+json/);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      expect([await countOf(opinions), await countOf(auditEvents)]).toEqual(before);
    });
  }

  it('allows 5,000 characters exactly', async () => {
    await submit({ content: '长'.repeat(5000) });
  });
});

describe('search, QR, import, receptions, reports', () => {
  it('shows similar open opinions in the same street at intake and triage', async () => {
    const a = await submit({ content: '星河路的下水道堵塞，雨天积水严重' });
    // Shares the word 积水 and nothing else: not the same matter, not listed.
    const unrelated = await submit({ content: '积水潭公园的健身器材坏了' });
    const r = await t.anon.get(
      `/api/v1/opinions/similar?streetId=${t.streetId}&text=${encodeURIComponent('下水道积水')}`,
    );
    expect(r.statusCode).toBe(200);
    expect(r.json().items.some((i: { content: string }) => i.content.includes('下水道'))).toBe(true);
    expect(r.json().items[0].id).toBeUndefined();
    expect(r.json().items.some((i: { content: string }) => i.content.includes('健身器材'))).toBe(false);
    expect(r.json().items[0].score).toBeGreaterThanOrEqual(0.2);
    const b = await submit({ content: '下水道又堵了，积水进了店里' });
    const tri = (await staff.get(`/api/v1/opinions/${b.id}/similar`)).json();
    expect(tri.items.map((i: { id: string }) => i.id)).toContain(a.id);
    expect(tri.items.map((i: { id: string }) => i.id)).not.toContain(unrelated.id);
    const q = (await staff.get(`/api/v1/opinions?q=${encodeURIComponent('下水道')}`)).json();
    expect(q.items.length).toBeGreaterThanOrEqual(2);
  });

  it('pages the queue with a keyset cursor and filters it', async () => {
    const p1 = (await staff.get('/api/v1/opinions?limit=3')).json();
    expect(p1.items).toHaveLength(3);
    const p2 = (await staff.get(`/api/v1/opinions?limit=3&cursor=${p1.nextCursor}`)).json();
    expect(p2.items.map((i: { id: string }) => i.id)).not.toContain(p1.items[0].id);
    const closed = (await staff.get('/api/v1/opinions?status=closedResolved')).json();
    expect(closed.items.every((i: { status: string }) => i.status === 'closedResolved')).toBe(true);
    expect((await staff.get('/api/v1/opinions?status=nope')).statusCode).toBe(400);
    expect((await staff.get('/api/v1/opinions?cursor=garbage')).statusCode).toBe(400);
  });

  it("pages a unit's own queue newest assignment first, every item once, and only the unit's", async () => {
    for (let i = 0; i < 3; i++) await forwardOverdue({ content: `单位队列分页测试第${i}件` });
    const assigned = await t.services.db
      .select({ id: opinionAssignments.opinionId })
      .from(opinionAssignments)
      .where(and(eq(opinionAssignments.unitId, unitA), eq(opinionAssignments.active, true)));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await unitAStaff.get(`/api/v1/opinions?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{ items: { id: string; role: string }[]; nextCursor: string | null }>();
      expect(body.items.length).toBeLessThanOrEqual(2);
      for (const item of body.items) expect(item.role).toBe('lead');
      seen.push(...body.items.map((x) => x.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(assigned.map((a) => a.id).sort());
    // A page that ends exactly at the last item has no next page; past the end, an empty page.
    const all = (await unitAStaff.get(`/api/v1/opinions?limit=${seen.length}`)).json();
    expect(all.items).toHaveLength(seen.length);
    expect(all.nextCursor).toBeNull();
    // The page's bytes go out as the database rendered them: Chinese text and the header intact.
    expect(all.items.map((x: { content: string }) => x.content)).toEqual(
      expect.arrayContaining(['单位队列分页测试第0件', '单位队列分页测试第2件']),
    );
    const before = (await unitAStaff.get(`/api/v1/opinions?limit=${seen.length - 1}`)).json();
    const past = (await unitAStaff.get(`/api/v1/opinions?limit=5&cursor=${before.nextCursor}`)).json();
    expect(past.items.map((x: { id: string }) => x.id)).toEqual([all.items.at(-1).id]);
    expect(past.nextCursor).toBeNull();
  });

  it('sends with the routing table and block list what the reader may change: staff all, liaison staff blocks, leaders nothing', async () => {
    const abilitiesOf = async (c: TestClient, path: string) =>
      (await c.get(`/api/v1/${path}`)).json().abilities;
    expect(await abilitiesOf(staff, 'opinion-routes')).toEqual({
      manageRoutes: true,
      manageSettings: true,
      manageBlocks: true,
    });
    expect(await abilitiesOf(leader, 'opinion-routes')).toEqual({
      manageRoutes: false,
      manageSettings: false,
      manageBlocks: false,
    });
    expect(await abilitiesOf(liaison, 'opinion-blocks')).toMatchObject({
      manageRoutes: false,
      manageBlocks: true,
    });
  });

  it('draws a QR code that opens the form prefilled', async () => {
    const r = await t.anon.get(
      `/api/v1/opinions/qr.svg?liaisonPlaceId=${placeId}&congressId=${t.congressId}`,
    );
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(r.body).toMatch(/<svg/);
    expect((await t.anon.get(`/api/v1/opinions/qr.svg?congressId=${t.congressId}`)).statusCode).toBe(400);
  });

  it('names the deputy and the liaison place a QR code prefills the form with, and refuses unknown or missing ones', async () => {
    const q = `congressId=${t.congressId}`;
    const r = await t.anon.get(
      `/api/v1/opinions/prefill?deputyId=${deputyId}&liaisonPlaceId=${placeId}&${q}`,
    );
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({
      deputy: { id: deputyId, name: '王代表' },
      liaisonPlace: { id: placeId, name: '幸福社区代表联络站', streetId: t.streetId },
    });
    expect(
      (await t.anon.get(`/api/v1/opinions/prefill?liaisonPlaceId=${placeId}&${q}`)).json().deputy,
    ).toBeNull();
    const none = await t.anon.get(`/api/v1/opinions/prefill?${q}`);
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].field).toBe('deputyId');
    expect((await t.anon.get(`/api/v1/opinions/prefill?deputyId=x&${q}`)).statusCode).toBe(400);
    expect((await t.anon.get(`/api/v1/opinions/prefill?deputyId=${newId()}&${q}`)).statusCode).toBe(404);
    expect((await t.anon.get(`/api/v1/opinions/prefill?liaisonPlaceId=${newId()}&${q}`)).statusCode).toBe(
      404,
    );
  });

  it('imports a hotline export all or nothing, naming bad rows', async () => {
    const book = async (rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('x');
      ws.addRow(['内容', '类别', '街道', '手机号', '是否公开', '渠道', '受理日期']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const boundary = '----minyiimport';
    const post = (data: Buffer) =>
      staff.request({
        method: 'POST',
        url: '/api/v1/opinions/import',
        payload: Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="h.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
          ),
          data,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    const before = await countOf(opinions);
    const bad = await post(
      await book([
        ['热线：路面破损', '城市管理', '测试街道', '13800000001', '否', 'hotline', '2026-10-01'],
        ['', '城市管理', '不存在街道', '123', '否', 'hotline', ''],
      ]),
    );
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, field: '街道' }),
        expect.objectContaining({ row: 3, field: '手机号' }),
      ]),
    );
    expect(await countOf(opinions)).toBe(before);
    const ok = await post(
      await book([
        ['热线：路面破损', '城市管理', '测试街道', '13800000001', '否', 'hotline', '2026-10-01'],
        ['信访：噪音扰民', 'environment', '测试街道', '13800000002', '是', 'petition', ''],
      ]),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().created).toBe(2);
    const [row] = await t.services.db.select().from(opinions).where(eq(opinions.id, ok.json().items[0].id));
    expect(row.channel).toBe('hotline');
  });

  it('shows one reception with whom each reader may check in now: staff anyone, a deputy only themselves, from two hours before; refuses the public and units', async () => {
    const at = Date.now() + 5 * 86_400_000;
    const created = await liaison.post('/api/v1/receptions', {
      liaisonPlaceId: placeId,
      startsAt: new Date(at).toISOString(),
      endsAt: new Date(at + 7_200_000).toISOString(),
      deputyIds: [deputyId],
    });
    expect(created.statusCode, created.body).toBe(201);
    const url = `/api/v1/receptions/${created.json().id}`;
    const view = async (c: TestClient) => (await c.get(url)).json();
    // Five days ahead: neither check-in nor the record is offered yet (the commands would answer 409).
    expect(await view(staff)).toMatchObject({
      deputies: [{ id: deputyId, checkedIn: false, canCheckIn: false }],
      abilities: { checkIn: false, record: false, registerOpinion: true },
      opinions: [],
    });
    const listed = async (c: TestClient) =>
      (await c.get('/api/v1/receptions?limit=200'))
        .json()
        .items.find((i: { id: string }) => i.id === created.json().id);
    expect((await listed(deputy)).abilities).toEqual({
      checkIn: false,
      record: false,
      registerOpinion: true,
    });
    const moveTo = (startsAt: number) =>
      t.services.db
        .update(receptions)
        .set({ startsAt: new Date(startsAt), endsAt: new Date(startsAt + 7_200_000) })
        .where(eq(receptions.id, created.json().id));
    // An hour before the start: check-in is open, the record not yet.
    await moveTo(Date.now() + 3_600_000);
    expect(await view(staff)).toMatchObject({
      deputies: [{ canCheckIn: true }],
      abilities: { checkIn: true, record: false },
    });
    expect((await view(deputy)).deputies[0].canCheckIn).toBe(true);
    expect((await listed(deputy)).abilities).toEqual({ checkIn: true, record: false, registerOpinion: true });
    expect(await view(otherDeputy)).toMatchObject({
      deputies: [{ id: deputyId, canCheckIn: false }],
      abilities: { checkIn: false, record: false, registerOpinion: false },
    });
    expect((await listed(leader)).abilities).toEqual({
      checkIn: false,
      record: false,
      registerOpinion: false,
    });
    // Started: the record is offered too; once the deputy is in, check-in is no longer offered to them.
    await moveTo(Date.now() - 60_000);
    expect((await deputy.post(`${url}/check-in`, {})).statusCode).toBe(200);
    expect((await view(deputy)).abilities).toEqual({ checkIn: false, record: true, registerOpinion: true });
    expect((await t.anon.get(url)).statusCode).toBe(401);
    expect((await unitAStaff.get(url)).statusCode).toBe(403);
    expect((await citizen.get(url)).statusCode).toBe(403);
    expect((await staff.get('/api/v1/receptions/not-a-uuid')).statusCode).toBe(400);
    expect((await staff.get(`/api/v1/receptions/${newId()}`)).statusCode).toBe(404);
    // Gone again, so the next test's counts of receptions and notices are its own.
    await t.services.db.delete(receptionDeputies).where(eq(receptionDeputies.receptionId, created.json().id));
    await t.services.db.delete(receptions).where(eq(receptions.id, created.json().id));
  });

  it('pages the receptions newest first, each once, through ties on the start time; a forged cursor is a 400', async () => {
    const at = Date.now() + 9 * 86_400_000;
    const created = await liaison.post('/api/v1/receptions', {
      liaisonPlaceId: placeId,
      startsAt: new Date(at).toISOString(),
      endsAt: new Date(at + 7_200_000).toISOString(),
      deputyIds: [deputyId],
    });
    expect(created.statusCode, created.body).toBe(201);
    const [row] = await t.services.db.select().from(receptions).where(eq(receptions.id, created.json().id));
    // Four more at the very same hour (as the demo's 09:30 receptions are).
    const ids = [row.id, newId(), newId(), newId(), newId()];
    await t.services.db.insert(receptions).values(ids.slice(1).map((id) => ({ ...row, id })));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await staff.get(`/api/v1/receptions?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{ items: { id: string }[]; nextCursor: string | null }>();
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(ids));
    const bad = await staff.get('/api/v1/receptions?cursor=2026-01-01T00:00:00Z');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('cursor');
    await t.services.db.delete(receptionDeputies).where(eq(receptionDeputies.receptionId, row.id));
    for (const id of ids) await t.services.db.delete(receptions).where(eq(receptions.id, id));
  });

  it('schedules a reception with notice, checks deputies in, records people received and counts it', async () => {
    const soon = {
      liaisonPlaceId: placeId,
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 86_400_000 + 7_200_000).toISOString(),
      deputyIds: [deputyId],
    };
    const tooSoon = await liaison.post('/api/v1/receptions', soon);
    expect(tooSoon.statusCode).toBe(400);
    expect(tooSoon.json().errors[0].field).toBe('startsAt');
    const at = Date.now() + 4 * 86_400_000;
    const created = await liaison.post('/api/v1/receptions', {
      ...soon,
      startsAt: new Date(at).toISOString(),
      endsAt: new Date(at + 7_200_000).toISOString(),
      topic: '物业管理',
    });
    expect(created.statusCode, created.body).toBe(201);
    const rid = created.json().id;
    const pub = (
      await t.anon.get(`/api/v1/public/receptions?liaisonPlaceId=${placeId}&congressId=${t.congressId}`)
    ).json();
    expect(pub.items[0]).toMatchObject({
      id: rid,
      topic: '物业管理',
      deputies: [{ id: deputyId, name: '王代表' }],
    });
    await t.services.jobs.drain();
    // The notice reaches the scheduled deputy's account.
    expect(
      (await t.services.db.select().from(notifications).where(eq(notifications.kind, 'reception.scheduled')))
        .length,
    ).toBe(1);
    // The reception begins (moved into the past for the test).
    expect((await deputy.post(`/api/v1/receptions/${rid}/check-in`, {})).statusCode).toBe(409);
    await t.services.db
      .update(receptions)
      .set({ startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000) })
      .where(eq(receptions.id, rid));
    expect((await otherDeputy.post(`/api/v1/receptions/${rid}/check-in`, {})).statusCode).toBe(403);
    const ci = await deputy.post(`/api/v1/receptions/${rid}/check-in`, {});
    expect(ci.statusCode, ci.body).toBe(200);
    const op = await deputy.post(
      '/api/v1/opinions',
      form({ receptionId: rid, liaisonPlaceId: placeId, content: '接待中登记：物业费上涨' }),
    );
    expect(op.statusCode, op.body).toBe(201);
    expect((await t.anon.post('/api/v1/opinions', form({ receptionId: rid }))).statusCode).toBe(400);
    // A deputy not scheduled for the reception cannot register opinions against it; nothing is stored.
    const before = await countOf(opinions);
    const notThere = await otherDeputy.post('/api/v1/opinions', form({ receptionId: rid }));
    expect(notThere.statusCode, notThere.body).toBe(403);
    expect(await countOf(opinions)).toBe(before);
    const rec = await deputy.post(`/api/v1/receptions/${rid}/record`, {
      peopleReceived: 12,
      notes: '群众反映物业问题较多',
    });
    expect(rec.statusCode, rec.body).toBe(200);
    expect(rec.json()).toMatchObject({
      status: 'held',
      peopleReceived: 12,
      opinions: [{ content: '接待中登记：物业费上涨' }],
    });
    expect((await deputy.post(`/api/v1/receptions/${rid}/record`, { peopleReceived: 13 })).statusCode).toBe(
      409,
    );
    expect(await countDeputyReceptions(t.services.db, t.congressId, deputyId)).toBe(1);
    expect(await countDeputyReceptions(t.services.db, t.congressId, otherDeputyId)).toBe(0);
    expect(await auditActions(rid)).toEqual(['reception.schedule', 'reception.checkIn', 'reception.record']);
    // The reception began an hour ago: just after midnight in Shanghai that is yesterday, so the period
    // runs from yesterday to today.
    const today = shanghaiDate(new Date());
    const yesterday = shanghaiDate(new Date(Date.now() - 86_400_000));
    const rep = (await staff.get(`/api/v1/opinion-reports/period?from=${yesterday}&to=${today}`)).json();
    expect(rep.total.peopleReceived).toBe(12);
    expect(rep.total.receptions).toBe(1);
    // Received in the period: the opinions created from the start of yesterday to the end of today (Shanghai).
    expect(rep.total.received).toBe(
      Number(
        (
          await t.services.db
            .select({ n: count() })
            .from(opinions)
            .where(
              and(
                eq(opinions.congressId, t.congressId),
                sql`${opinions.createdAt} >= ${new Date(`${yesterday}T00:00:00+08:00`)}`,
                sql`${opinions.createdAt} <= ${new Date(`${today}T23:59:59.999+08:00`)}`,
              ),
            )
        )[0].n,
      ),
    );
    const x = await leader.get(`/api/v1/opinion-reports/period.xlsx?from=${yesterday}&to=${today}`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(ws.rowCount).getCell(1).value).toBe('合计');
    expect(ws.getRow(ws.rowCount).getCell(3).value).toBe(12);
  });
});
