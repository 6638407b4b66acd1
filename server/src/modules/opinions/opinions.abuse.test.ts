// Abuse of the public opinion endpoints (issue 22 items 3a and 8): guessing a tracking code's phone suffix,
// forging the citizen's rating, image bombs and floods of anonymous photo uploads. Each test sets the client
// address itself (`remoteAddress`), so the per-address limits of one test do not spill into another.
import { deflateSync, crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { OPINION_RULES } from '@minyi/domain/opinions';
import { createTestEnv, type TestEnv } from '../../../test/harness';
import { auditEvents, files } from '../../platform/platform.table';
import { opinions, opinionTrackingGuards } from './opinions.table';
import { opinionListItem } from './opinions.repository';

let t: TestEnv;
let nextAddress = 1;
/** A fresh client address (TEST-NET-2), so each caller starts with its own per-address allowance. */
const address = () => `198.51.100.${nextAddress++}`;

beforeAll(async () => {
  t = await createTestEnv();
  const staff = await t.as('staff', ['congressStaff']);
  const r = await staff.put('/api/v1/opinion-settings', {
    maxSubmissionsPerIpPerHour: 1000,
    maxSubmissionsPerPhonePerDay: 1000,
  });
  expect(r.statusCode).toBe(200);
});
afterAll(async () => t?.close());

/** An opinion answered by its unit ("resolved"), waiting for the citizen's rating. */
async function repliedOpinion() {
  const r = await t.anon.request({
    method: 'POST',
    url: '/api/v1/opinions',
    payload: {
      content: '幸福路小区门口的路灯坏了两周，晚上很黑，请尽快修好。',
      category: 'urbanManagement',
      streetId: t.streetId,
      phone: '13912345678',
      isPublic: true,
    },
    remoteAddress: address(),
  });
  expect(r.statusCode, r.body).toBe(201);
  const { id, trackingCode } = r.json<{ id: string; trackingCode: string }>();
  // Replied, as a unit's reply would leave it (with its list item, as every write of an opinion stores it).
  const [row] = await t.services.db
    .update(opinions)
    .set({
      status: 'replied',
      replyOutcome: 'resolved',
      replyContent: '已修复路灯。',
      repliedAt: new Date(),
    })
    .where(eq(opinions.id, id))
    .returning();
  await t.services.db
    .update(opinions)
    .set({ listItem: opinionListItem(row) })
    .where(eq(opinions.id, id));
  return { id, trackingCode };
}

const track = (code: string, last4: string, remoteAddress = address()) =>
  t.anon.request({ method: 'GET', url: `/api/v1/opinions/track/${code}?phoneLast4=${last4}`, remoteAddress });
const rate = (code: string, last4: string, remoteAddress = address()) =>
  t.anon.request({
    method: 'POST',
    url: `/api/v1/opinions/track/${code}/rate`,
    payload: { phoneLast4: last4, rating: 'satisfied' },
    remoteAddress,
  });
const wrongSuffixes = (n: number) =>
  Array.from({ length: n }, (_, i) => String(i).padStart(4, '0')).filter((s) => s !== '5678');

describe('tracking look-ups (issue 22 item 3a)', () => {
  it('locks a code after 10 wrong phone suffixes: 429 from then on, the right suffix included', async () => {
    const { id, trackingCode } = await repliedOpinion();
    const statuses: number[] = [];
    // Each guess from another address: the per-code lock must hold whatever the addresses.
    for (const s of wrongSuffixes(200)) statuses.push((await track(trackingCode, s)).statusCode);
    const max = OPINION_RULES.maxTrackingFailures;
    expect(statuses.slice(0, max)).toEqual(Array(max).fill(404));
    expect(new Set(statuses.slice(max))).toEqual(new Set([429]));
    const right = await track(trackingCode, '5678');
    expect(right.statusCode).toBe(429);
    expect(right.headers['content-type']).toContain('application/problem+json');
    expect(right.json()).toMatchObject({ code: 'tracking_locked' });
    expect(right.json().title).toBeTruthy();
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    // The rating cannot be forged while the code is locked.
    expect((await rate(trackingCode, '5678')).statusCode).toBe(429);
    const [row] = await t.services.db.select().from(opinions).where(eq(opinions.id, id));
    expect(row).toMatchObject({ status: 'replied', rating: null });
    // The lock is audited once, when it engaged.
    const [{ n }] = await t.services.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'opinion.lockTracking')));
    expect(n).toBe(1);
  });

  it('checks at most 10 of 60 concurrent wrong suffixes on one code, each from another address', async () => {
    const { trackingCode } = await repliedOpinion();
    const answers = await Promise.all(wrongSuffixes(60).map((s) => track(trackingCode, s)));
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 404)).toHaveLength(OPINION_RULES.maxTrackingFailures);
    expect(statuses.filter((s) => s === 429)).toHaveLength(60 - OPINION_RULES.maxTrackingFailures);
    expect((await track(trackingCode, '5678')).statusCode).toBe(429);
  });

  it('keeps the rating locked after the look-up lock ends: the citizen can read, not rate, and staff are told', async () => {
    const { id, trackingCode } = await repliedOpinion();
    for (const s of wrongSuffixes(OPINION_RULES.maxTrackingFailures)) await track(trackingCode, s);
    await t.services.db
      .update(opinionTrackingGuards)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(opinionTrackingGuards.opinionId, id));
    const read = await track(trackingCode, '5678');
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ status: 'replied', canRate: false, ratingLocked: true });
    const forged = await rate(trackingCode, '5678');
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ code: 'rating_locked' });
    const [row] = await t.services.db.select().from(opinions).where(eq(opinions.id, id));
    expect(row).toMatchObject({ status: 'replied', rating: null });
    const staff = await t.as('staff');
    expect((await staff.get(`/api/v1/opinions/${id}`)).json()).toMatchObject({ ratingLocked: true });
    // After the threshold, each further wrong guess locks the code again at once.
    expect((await track(trackingCode, '0001')).statusCode).toBe(404);
    expect((await track(trackingCode, '5678')).statusCode).toBe(429);
  });

  it('lets a citizen below the threshold track and rate, and a right suffix clears the count', async () => {
    const { trackingCode } = await repliedOpinion();
    const max = OPINION_RULES.maxTrackingFailures;
    for (const s of wrongSuffixes(max - 1)) expect((await track(trackingCode, s)).statusCode).toBe(404);
    expect((await track(trackingCode, '5678')).statusCode).toBe(200);
    for (const s of wrongSuffixes(max - 1)) expect((await track(trackingCode, s)).statusCode).toBe(404);
    const ok = await rate(trackingCode, '5678');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'closedResolved', rating: 'satisfied', ratingLocked: false });
  });

  it('limits look-ups per address: the 31st in a minute from one address is 429', async () => {
    const from = address();
    const statuses: number[] = [];
    for (let i = 0; i < OPINION_RULES.maxTrackingLookupsPerIpPerMinute + 1; i++)
      statuses.push((await track('ABCDEFGH23', '1234', from)).statusCode);
    expect(statuses.slice(0, -1).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await track('ABCDEFGH23', '1234')).statusCode).toBe(404);
  });
});

// ---------- photos ----------

/** A real PNG of `width`×`height` 1-bit grey pixels, all black: a few tens of kB on the wire. */
function pngBomb(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc(height * (1 + Math.ceil(width / 8)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const boundary = '----minyiabuse';
const upload = (data: Buffer, remoteAddress = address(), name = 'photo.png') =>
  t.anon.request({
    method: 'POST',
    url: `/api/v1/opinions/photos?congressId=${t.congressId}`,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    remoteAddress,
  });
const fileCount = async () => Number((await t.services.db.select({ n: count() }).from(files))[0].n);

describe('photo uploads (issue 22 item 8)', () => {
  it('refuses a 16000×16000 PNG bomb with 413 naming the file, without decoding it', async () => {
    const bomb = pngBomb(16000, 16000);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const before = await fileCount();
    const r = await upload(bomb);
    expect(r.statusCode, r.body).toBe(413);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json()).toMatchObject({
      code: 'image_too_large',
      errors: [{ field: 'file', in: 'body', code: 'pixels' }],
    });
    expect(r.json().errors[0].message).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    expect(await fileCount()).toBe(before);
  });

  it('answers a 30000×30000 PNG with 413, not 500', async () => {
    const r = await upload(pngBomb(30000, 30000));
    expect(r.statusCode, r.body).toBe(413);
    expect(r.json().code).toBe('image_too_large');
  });

  it('answers an image whose data is broken with 415 naming the file, not 500', async () => {
    const good = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#3a6' } })
      .png()
      .toBuffer();
    const broken = Buffer.concat([good.subarray(0, 60), Buffer.alloc(200, 7)]);
    const r = await upload(broken);
    expect(r.statusCode, r.body).toBe(415);
    expect(r.json().errors).toEqual([expect.objectContaining({ field: 'file' })]);
  });

  it('rate-limits uploads per address: past the limit in a minute it is 429, another address still uploads', async () => {
    const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();
    const from = address();
    const max = OPINION_RULES.maxPhotoUploadsPerIpPerMinute;
    expect(max).toBeLessThanOrEqual(60);
    for (let i = 0; i < max; i++) expect((await upload(photo, from)).statusCode).toBe(201);
    const refused = await upload(photo, from);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect((await upload(photo)).statusCode).toBe(201);
  });
});
