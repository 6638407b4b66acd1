// The platform's shared screens: the inbox and its preferences, file upload
// and download (type by content, size limit, EXIF location stripped) and per-congress module settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { z } from 'zod';
import { auditEvents, files, notificationPreferences, notifications } from '../src/platform/platform.table';
import { defineSettings, parseStoredSettings, readSettings } from '../src/platform/settings';
import { createTestEnv, type TestClient, type TestEnv } from './harness';
import { clientsByRole, expectRefusals, signIn } from './platform-fixtures';

defineSettings(
  'platformTest',
  z.object({
    replyDays: z.number().int().min(1).max(90).default(15),
    remindBeforeDays: z.number().int().min(0).default(3),
  }),
);

let t: TestEnv;
let staff: TestClient & { accountId: string };
let sys: TestClient & { accountId: string };

beforeAll(async () => {
  t = await createTestEnv();
  staff = await signIn(t, 'staff', ['congressStaff']);
  sys = await signIn(t, 'sys', ['systemAdmin']);
});
afterAll(async () => t?.close());

const count = async (table: typeof files | typeof auditEvents) =>
  (await t.services.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;

describe('notifications', () => {
  it('lists my inbox newest first with the unread count, and marks one or all read', async () => {
    const me = await signIn(t, 'inbox_owner', ['deputy']);
    const other = await signIn(t, 'inbox_other', ['deputy']);
    await t.services.db.transaction(async (tx) => {
      for (let i = 1; i <= 3; i++) {
        await t.services.notifier.notify(tx, {
          congressId: t.congressId,
          accountIds: [me.accountId],
          kind: 'test',
          title: { zh: `通知${i}`, en: `Notice ${i}` },
          body: { zh: '内容', en: 'Body' },
          link: `/x/${i}`,
        });
      }
      await t.services.notifier.notify(tx, {
        congressId: t.congressId,
        accountIds: [other.accountId],
        kind: 'test',
        title: { zh: '别人的', en: 'Not mine' },
        body: { zh: '', en: '' },
      });
    });
    const inbox = (await me.get('/api/v1/notifications?limit=2')).json();
    expect(inbox.unreadCount).toBe(3);
    expect(inbox.items.map((n: { title: { en: string } }) => n.title.en)).toEqual(['Notice 3', 'Notice 2']);
    const rest = (await me.get(`/api/v1/notifications?limit=2&cursor=${inbox.nextCursor}`)).json();
    expect(rest.items.map((n: { title: { en: string } }) => n.title.en)).toEqual(['Notice 1']);

    const first = inbox.items[0];
    const read = await me.post(`/api/v1/notifications/${first.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toEqual(expect.any(String));
    const unread = (await me.get('/api/v1/notifications?unread=true')).json();
    expect(unread.unreadCount).toBe(2);
    expect(unread.items.map((n: { id: string }) => n.id)).not.toContain(first.id);

    // Someone else's notification is not found, and stays unread.
    const [theirs] = await t.services.db
      .select()
      .from(notifications)
      .where(eq(notifications.accountId, other.accountId));
    expect((await me.post(`/api/v1/notifications/${theirs.id}/read`)).statusCode).toBe(404);

    expect((await me.post('/api/v1/notifications/read-all')).json()).toEqual({ updated: 2 });
    expect((await me.get('/api/v1/notifications')).json().unreadCount).toBe(0);
    expect((await other.get('/api/v1/notifications')).json().unreadCount).toBe(1);
    const actions = (
      await t.services.db.select().from(auditEvents).where(eq(auditEvents.accountId, me.accountId))
    ).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['notification.read', 'notification.readAll']));
  });

  it('keeps my preferences, defaulting to email only, and refuses a bad body', async () => {
    const me = await signIn(t, 'prefs', ['leader']);
    expect((await me.get('/api/v1/notifications/preferences')).json()).toEqual({
      email: true,
      sms: false,
      dailyDigest: false,
    });
    const put = await me.put('/api/v1/notifications/preferences', {
      email: false,
      sms: true,
      dailyDigest: true,
    });
    expect(put.statusCode).toBe(200);
    expect((await me.get('/api/v1/notifications/preferences')).json()).toEqual({
      email: false,
      sms: true,
      dailyDigest: true,
    });
    const bad = await me.put('/api/v1/notifications/preferences', { email: 'yes', sms: true, pigeon: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['email', 'dailyDigest', 'pigeon']),
    );
    const [row] = await t.services.db
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.accountId, me.accountId));
    expect(row).toMatchObject({ email: false, sms: true, dailyDigest: true });
  });

  it('answers 401 to the public', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/notifications'],
      ['POST', '/api/v1/notifications/read-all'],
      ['GET', '/api/v1/notifications/preferences'],
      ['PUT', '/api/v1/notifications/preferences'],
    ] as const) {
      const res = await t.anon.request({
        method,
        url,
        ...(method === 'PUT' ? { payload: { email: true, sms: true, dailyDigest: true } } : {}),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

function multipart(parts: { name: string; value: string | Buffer; filename?: string; type?: string }[]) {
  const boundary = '----minyi-test-boundary';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`,
      ),
      Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (
  c: TestClient,
  file: { value: Buffer; filename: string; type?: string },
  purpose = 'test.attachment',
) => {
  const body = multipart([
    { name: 'purpose', value: purpose },
    { name: 'file', ...file },
  ]);
  return c.request({ method: 'POST', url: '/api/v1/files', payload: body.payload, headers: body.headers });
};

describe('files', () => {
  it('stores a PNG named x.pdf as image/png, and serves it back to the uploader', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: 'blue' } })
      .png()
      .toBuffer();
    const res = await upload(staff, { value: png, filename: 'x.pdf', type: 'application/pdf' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mimeType: 'image/png', originalName: 'x.pdf' });
    const got = await staff.get(`/api/v1/files/${res.json().id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect((await sharp(got.rawPayload).metadata()).format).toBe('png');
    const [row] = await t.services.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, res.json().id));
    expect(row.action).toBe('file.upload');
  });

  it('refuses a text file named photo.jpg with 415, and stores nothing', async () => {
    const before = await count(files);
    const res = await upload(staff, {
      value: Buffer.from('just some text, not a picture'),
      filename: 'photo.jpg',
      type: 'image/jpeg',
    });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(await count(files)).toBe(before);
  });

  it('refuses a file over 10 MB with 413', async () => {
    const before = await count(files);
    const big = Buffer.alloc(10 * 1_048_576 + 10, 0);
    big.write('%PDF-1.4\n');
    const res = await upload(staff, { value: big, filename: 'big.pdf', type: 'application/pdf' });
    expect(res.statusCode).toBe(413);
    expect(await count(files)).toBe(before);
  });

  it('strips EXIF (GPS location included) from a JPEG', async () => {
    const jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: 'green' } })
      .jpeg()
      .withExif({
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '22/1 43/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '114/1 14/1 0/1',
        },
      })
      .toBuffer();
    const hasGps = (exif: Buffer | undefined) =>
      !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));
    expect(hasGps((await sharp(jpeg).metadata()).exif)).toBe(true);
    const res = await upload(staff, { value: jpeg, filename: 'scene.jpg', type: 'image/jpeg' });
    expect(res.statusCode).toBe(201);
    expect(res.json().mimeType).toBe('image/jpeg');
    const got = await staff.get(`/api/v1/files/${res.json().id}`);
    const meta = await sharp(got.rawPayload).metadata();
    expect(meta.format).toBe('jpeg');
    expect(hasGps(meta.exif)).toBe(false);
    expect(meta.exif).toBeUndefined();
  });

  it('refuses a missing file or purpose with 400 naming them', async () => {
    const body = multipart([{ name: 'purpose', value: 'has spaces!' }]);
    const res = await staff.request({
      method: 'POST',
      url: '/api/v1/files',
      payload: body.payload,
      headers: body.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['file', 'purpose']);
    expect((await staff.post('/api/v1/files', { file: 'x' })).statusCode).toBe(400);
  });

  it('serves a file attached to nothing only to its uploader (staff too get 404); 401 to the public', async () => {
    const citizen = await signIn(t, 'file_citizen', ['citizen']);
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: 'white' } })
      .png()
      .toBuffer();
    const mine = (await upload(citizen, { value: png, filename: 'mine.png' })).json();
    expect((await citizen.get(`/api/v1/files/${mine.id}`)).statusCode).toBe(200);
    // Issue 22 item 6: staff read a file through the record it is attached to (platform-files-access.test.ts).
    expect((await staff.get(`/api/v1/files/${mine.id}`)).statusCode).toBe(404);
    const staffFile = (await upload(staff, { value: png, filename: 'internal.png' })).json();
    expect((await citizen.get(`/api/v1/files/${staffFile.id}`)).statusCode).toBe(404);
    expect((await t.anon.get(`/api/v1/files/${mine.id}`)).statusCode).toBe(401);
    expect((await upload(t.anon, { value: png, filename: 'anon.png' })).statusCode).toBe(401);
    const other = await t.createCongress('别的区');
    const outsider = await signIn(t, 'file_outsider', ['congressStaff'], { congressId: other.congressId });
    expect((await outsider.get(`/api/v1/files/${mine.id}`)).statusCode).toBe(404);
  });
});

describe('module settings', () => {
  it('keeps the stored fields a tightened rule still accepts, and defaults only the refused ones', () => {
    const schema = z
      .object({
        replyDays: z.number().int().min(1).default(15),
        vote: z
          .object({ quorum: z.number().default(2 / 3), base: z.enum(['all', 'present']).default('all') })
          .default({ quorum: 2 / 3, base: 'all' }),
        criteria: z.array(z.string()).default(['进度']),
      })
      .refine((v) => v.vote.base === 'all', { path: ['vote', 'base'], message: 'a binding vote counts all' });
    const stored = { replyDays: 20, vote: { quorum: 0.8, base: 'present' }, criteria: ['质量', '满意度'] };
    expect(parseStoredSettings(schema, stored)).toEqual({
      replyDays: 20,
      vote: { quorum: 0.8, base: 'all' },
      criteria: ['质量', '满意度'],
    });
    // A field of the wrong type falls back alone; the stored object itself is left as it was.
    expect(parseStoredSettings(schema, { replyDays: 'x', criteria: ['质量'] })).toEqual({
      replyDays: 15,
      vote: { quorum: 2 / 3, base: 'all' },
      criteria: ['质量'],
    });
    expect(stored.vote.base).toBe('present');
  });

  it('reads defaults, lets the system administrator change them, and audits the change', async () => {
    const res = await staff.get('/api/v1/settings/platformTest');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      module: 'platformTest',
      values: { replyDays: 15, remindBeforeDays: 3 },
      defaults: { replyDays: 15, remindBeforeDays: 3 },
      abilities: { write: false },
    });
    expect((await staff.get('/api/v1/settings')).json().items).toContainEqual({ module: 'platformTest' });
    const put = await sys.put('/api/v1/settings/platformTest', { replyDays: 20 });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      values: { replyDays: 20, remindBeforeDays: 3 },
      abilities: { write: true },
    });
    const z2 = z.object({ replyDays: z.number().default(15), remindBeforeDays: z.number().default(3) });
    expect(await readSettings(t.services.db, t.congressId, 'platformTest', z2)).toEqual({
      replyDays: 20,
      remindBeforeDays: 3,
    });
    const [row] = await t.services.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'settings.write'));
    expect(row).toMatchObject({
      entityId: 'platformTest',
      before: { replyDays: 15 },
      after: { replyDays: 20 },
    });
  });

  it('refuses bad values and unknown fields naming them, changing nothing; unknown modules are 404', async () => {
    const bad = await sys.put('/api/v1/settings/platformTest', { replyDays: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('replyDays');
    const unknown = await sys.put('/api/v1/settings/platformTest', { replyDays: 30, colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('colour');
    expect((await sys.get('/api/v1/settings/platformTest')).json().values.replyDays).toBe(20);
    expect((await sys.get('/api/v1/settings/nothing')).statusCode).toBe(404);
    expect((await sys.put('/api/v1/settings/nothing', {})).statusCode).toBe(404);
  });
});

describe('who may call the settings endpoints', () => {
  it('refuses every other role with 403 and the public with 401, changing nothing', async () => {
    const clients = await clientsByRole(t, 'svc');
    const readers = ['congressStaff', 'leader', 'liaisonStaff', 'handlingUnitStaff', 'systemAdmin'] as const;
    await expectRefusals(t, clients, [
      { method: 'GET', url: '/api/v1/settings', allowed: [...readers] },
      { method: 'GET', url: '/api/v1/settings/platformTest', allowed: [...readers] },
      {
        method: 'PUT',
        url: '/api/v1/settings/platformTest',
        body: { replyDays: 45 },
        allowed: ['systemAdmin'],
      },
    ]);
    expect((await sys.get('/api/v1/settings/platformTest')).json().values.replyDays).toBe(20);
  });
});
