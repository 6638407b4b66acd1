// GET /files/:id (issue 22 item 6): a file is readable by its uploader and by whoever may read the record it
// is attached to, as the module of its purpose decides; everyone else gets the same 404 as for no file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createTestEnv, type TestClient, type TestEnv } from './harness';
import { newId } from '../src/platform/ids';
import { deputies, handlingUnits, sittings, terms } from '../src/modules/registry/registry.table';

let t: TestEnv;
let png: Buffer;
const c: Record<string, TestClient> = {};
const boundary = '----minyi-files-test';

const multipart = (purpose: string, name: string, data: Buffer) =>
  Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\n${purpose}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);

async function upload(cl: TestClient, purpose: string, url = '/api/v1/files') {
  const res = await cl.request({
    method: 'POST',
    url,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: multipart(purpose, 'photo.png', png),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const statusOf = async (cl: TestClient, fileId: string) =>
  (await cl.get(`/api/v1/files/${fileId}`)).statusCode;

beforeAll(async () => {
  t = await createTestEnv();
  png = await sharp({ create: { width: 8, height: 8, channels: 3, background: 'blue' } })
    .png()
    .toBuffer();
  const db = t.services.db;
  const termId = newId();
  await db.insert(terms).values({
    id: termId,
    congressId: t.congressId,
    number: 7,
    startDate: '2021-10-01',
    endDate: '2026-09-30',
    isCurrent: true,
  });
  await db.insert(sittings).values({
    id: newId(),
    congressId: t.congressId,
    termId,
    number: 2,
    startDate: '2026-11-20',
    endDate: '2026-12-31',
    status: 'inSession',
  });
  const [proposer, other] = [newId(), newId()];
  await db.insert(deputies).values([
    { id: proposer, congressId: t.congressId, name: '王建国', gender: 'male' },
    { id: other, congressId: t.congressId, name: '李秀英', gender: 'female' },
  ]);
  const unitId = newId();
  await db
    .insert(handlingUnits)
    .values({ id: unitId, congressId: t.congressId, name: '区水务局', kind: 'governmentDepartment' });
  c.proposer = await t.as('files_proposer', ['deputy'], { deputyId: proposer });
  c.otherDeputy = await t.as('files_other_deputy', ['deputy'], { deputyId: other });
  c.staff = await t.as('files_staff', ['congressStaff']);
  c.liaison = await t.as('files_liaison', ['liaisonStaff']);
  c.unit = await t.as('files_unit', ['handlingUnitStaff'], { handlingUnitId: unitId });
  c.leader = await t.as('files_leader', ['leader']);
  c.citizen = await t.as('files_citizen', ['citizen']);
  c.sysadmin = await t.as('files_sysadmin', ['systemAdmin']);
});

afterAll(async () => {
  await t?.close();
});

describe('who may download a file', () => {
  it("a suggestion's attachment: its uploader and the suggestion's readers, not another deputy, unit, liaison or the public", async () => {
    const fileId = await upload(c.proposer, 'suggestion.attachment');
    const created = await c.proposer.post('/api/v1/suggestions', {
      title: '关于增设公交接驳线路的建议',
      content: '地铁站周边居民出行不便，建议增设公交接驳线路，优化站点设置。',
      category: 'transport',
      attachmentIds: [fileId],
    });
    expect(created.statusCode, created.body).toBe(201);
    const download = await c.proposer.get(`/api/v1/files/${fileId}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(await statusOf(c.staff, fileId)).toBe(200);
    expect(await statusOf(c.leader, fileId)).toBe(200);
    for (const who of ['otherDeputy', 'unit', 'liaison', 'citizen']) {
      expect(await statusOf(c[who], fileId), who).toBe(404);
    }
    // An administrator's account holds no business role and is refused before any file is looked up.
    expect(await statusOf(c.sysadmin, fileId)).toBe(403);
    expect(await statusOf(t.anon, fileId)).toBe(401);
  });

  it("an opinion's photo: the opinion's readers (staff, liaison staff, leaders), not an unassigned unit, a deputy of elsewhere or the public", async () => {
    const photoId = await upload(
      t.anon,
      'opinion.photo',
      `/api/v1/opinions/photos?congressId=${t.congressId}`,
    );
    const sent = await t.anon.post('/api/v1/opinions', {
      content: '幸福路小区门口的路灯坏了两周，晚上很黑，老人出行不安全，请尽快修好。',
      category: 'urbanManagement',
      streetId: t.streetId,
      phone: '13912345678',
      isPublic: true,
      photoIds: [photoId],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    for (const who of ['staff', 'liaison', 'leader']) expect(await statusOf(c[who], photoId), who).toBe(200);
    for (const who of ['unit', 'otherDeputy', 'citizen']) {
      expect(await statusOf(c[who], photoId), who).toBe(404);
    }
    expect(await statusOf(c.sysadmin, photoId)).toBe(403);
    expect(await statusOf(t.anon, photoId)).toBe(401);
  });

  it('a file attached to nothing: its uploader only, and the others get the 404 of a missing file', async () => {
    const fileId = await upload(c.otherDeputy, 'suggestion.attachment');
    expect(await statusOf(c.otherDeputy, fileId)).toBe(200);
    for (const who of ['proposer', 'staff', 'leader', 'unit', 'liaison', 'citizen']) {
      expect(await statusOf(c[who], fileId), who).toBe(404);
    }
    expect(await statusOf(c.staff, newId())).toBe(404);
    expect(await statusOf(c.staff, 'not-a-uuid')).toBe(400);
  });

  it('a file of another congress: not even its uploader reads it from this one', async () => {
    const other = await t.createCongress('另一个区人民代表大会');
    const stranger = await t.as('files_stranger', ['congressStaff'], { congressId: other.congressId });
    const fileId = await upload(c.staff, 'registry.import');
    expect(await statusOf(c.staff, fileId)).toBe(200);
    expect(await statusOf(stranger, fileId)).toBe(404);
  });
});
