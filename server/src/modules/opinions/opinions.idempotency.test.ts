// The public form's Idempotency-Key (issue 22 item 11): recorded with the opinion in the batch's statement;
// a retry answers as the first did and writes nothing; the same key with another body is a 422.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness';
import { auditEvents, jobs } from '../../platform/platform.table';
import { opinionEvents, opinions, opinionSubmissionKeys } from './opinions.table';

let t: TestEnv;
let staff: TestClient;

const form = (extra: Record<string, unknown> = {}) => ({
  content: '幸福路小区门口的路灯坏了两周，晚上很黑，老人出行不安全，请尽快修好。',
  category: 'urbanManagement',
  streetId: t.streetId,
  phone: '13912345678',
  isPublic: true,
  ...extra,
});
type Counted = typeof opinions | typeof auditEvents | typeof opinionEvents | typeof jobs;
const countOf = async (table: Counted) =>
  Number((await t.services.db.select({ n: count() }).from(table))[0].n);
const counts = async () => Promise.all([opinions, opinionEvents, auditEvents, jobs].map(countOf));
const post = (body: unknown, key?: string) =>
  t.anon.post('/api/v1/opinions', body, key === undefined ? undefined : { 'idempotency-key': key });

beforeAll(async () => {
  t = await createTestEnv();
  staff = await t.as('staff', ['congressStaff']);
  const r = await staff.put('/api/v1/opinion-settings', {
    maxSubmissionsPerIpPerHour: 1000,
    maxSubmissionsPerPhonePerDay: 1000,
  });
  expect(r.statusCode).toBe(200);
});
afterAll(async () => t?.close());

describe('Idempotency-Key on the public form', () => {
  it('answers a retry after the first write with the same id and tracking code, writing nothing new', async () => {
    const first = await post(form(), 'retry-1');
    expect(first.statusCode, first.body).toBe(201);
    const before = await counts();
    const again = await post(form(), 'retry-1');
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(await counts()).toEqual(before);
    const keys = await t.services.db
      .select()
      .from(opinionSubmissionKeys)
      .where(eq(opinionSubmissionKeys.key, 'retry-1'));
    expect(keys).toEqual([expect.objectContaining({ scope: 'public', opinionId: first.json().id })]);
    // The submission itself was written once, with its `opinion.submitted` timeline event.
    const events = await t.services.db
      .select({ kind: opinionEvents.kind })
      .from(opinionEvents)
      .where(eq(opinionEvents.opinionId, first.json().id));
    expect(events).toEqual([{ kind: 'submitted' }]);
  });

  it('refuses the same key with another body (422), writing nothing', async () => {
    expect((await post(form(), 'retry-2')).statusCode).toBe(201);
    const before = await counts();
    const other = await post(form({ content: '另一条意见：公交站台的遮雨棚漏雨，请修缮。' }), 'retry-2');
    expect(other.statusCode, other.body).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
    expect(await counts()).toEqual(before);
  });

  it('writes once for the same key sent several times at once, each answered alike', async () => {
    const before = await countOf(opinions);
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(form(), 'together-1')));
    for (const a of answers) expect(a.statusCode, a.body).toBe(201);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(await countOf(opinions)).toBe(before + 1);
  });

  it('answers a retry of a submission with a photo (its photo now used) as the first', async () => {
    const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#3c3' } })
      .png()
      .toBuffer();
    const boundary = '----minyikey';
    const up = await t.anon.request({
      method: 'POST',
      url: `/api/v1/opinions/photos?congressId=${t.congressId}`,
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        png,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(up.statusCode, up.body).toBe(201);
    const body = form({ photoIds: [up.json().id] });
    const first = await post(body, 'with-photo');
    expect(first.statusCode, first.body).toBe(201);
    const again = await post(body, 'with-photo');
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toEqual(first.json());
    // Without the key, the same body is a new submission, and the photo is taken.
    expect((await post(body)).statusCode).toBe(400);
  });

  it('answers a retry even once the phone is over its limit; a new key is refused (429)', async () => {
    expect(
      (await staff.put('/api/v1/opinion-settings', { maxSubmissionsPerPhonePerDay: 1 })).statusCode,
    ).toBe(200);
    try {
      const body = form({ phone: '13600000009' });
      const first = await post(body, 'limited-1');
      expect(first.statusCode, first.body).toBe(201);
      const again = await post(body, 'limited-1');
      expect(again.statusCode, again.body).toBe(201);
      expect(again.json()).toEqual(first.json());
      const other = await post(body, 'limited-2');
      expect(other.statusCode, other.body).toBe(429);
      expect(
        await t.services.db
          .select()
          .from(opinionSubmissionKeys)
          .where(eq(opinionSubmissionKeys.key, 'limited-2')),
      ).toEqual([]);
    } finally {
      await staff.put('/api/v1/opinion-settings', { maxSubmissionsPerPhonePerDay: 1000 });
    }
  });

  it('refuses a key over 200 characters with a 400 naming the header', async () => {
    const r = await post(form(), 'k'.repeat(201));
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0]).toMatchObject({ field: 'Idempotency-Key', in: 'headers' });
  });

  it('keeps staff keys apart from the public ones', async () => {
    const mine = await staff.post('/api/v1/opinions', form({ phone: '13600000010' }), {
      'idempotency-key': 'retry-1',
    });
    expect(mine.statusCode, mine.body).toBe(201);
    const publicOne = await post(form(), 'retry-1');
    expect(mine.json().id).not.toBe(publicOne.json().id);
  });
});
