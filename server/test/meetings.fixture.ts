// Test fixtures of the meetings module (used by its tests only): a term, district deputies with mandates, a
// standing committee of `members` (a chair, two vice-chairs, the rest members) in office from the term's
// start, and signed-in clients for members.
import { inflateRawSync } from 'node:zlib';
import type { Role } from '@minyi/domain';
import { newId } from '../src/platform/ids';
import { committeeMembers, deputies, mandates, terms } from './tables';
import { TEST_PASSWORD, testClient, type TestClient, type TestEnv } from './harness';

export interface Committee {
  termId: string;
  /** The standing committee's deputies, the chair first. */
  memberIds: string[];
  /** District deputies who are not members of the standing committee. */
  otherDeputyIds: string[];
}

export async function buildCommittee(
  t: TestEnv,
  opts: { members: number; others?: number; startedOn?: string },
): Promise<Committee> {
  const { congressId, streetId } = t;
  const db = t.services.db;
  const termId = newId();
  await db.insert(terms).values({
    id: termId,
    congressId,
    number: 7,
    startDate: '2026-01-10',
    endDate: '2031-01-09',
    isCurrent: true,
  });
  const all = Array.from({ length: opts.members + (opts.others ?? 0) }, () => newId());
  await db.insert(deputies).values(
    all.map((id, i) => ({
      id,
      congressId,
      name: `委员${String(i + 1).padStart(2, '0')}`,
      gender: i % 2 ? ('male' as const) : ('female' as const),
    })),
  );
  await db.insert(mandates).values(
    all.map((deputyId) => ({
      id: newId(),
      congressId,
      deputyId,
      level: 'district' as const,
      termId,
      streetId,
      startedOn: '2026-01-10',
    })),
  );
  const memberIds = all.slice(0, opts.members);
  await db.insert(committeeMembers).values(
    memberIds.map((deputyId, i) => ({
      id: newId(),
      congressId,
      body: 'standingCommittee' as const,
      deputyId,
      termId,
      position: i === 0 ? ('chair' as const) : i <= 2 ? ('viceChair' as const) : ('member' as const),
      startedOn: opts.startedOn ?? '2026-01-10',
    })),
  );
  return { termId, memberIds, otherDeputyIds: all.slice(opts.members) };
}

const clients = new WeakMap<TestEnv, Map<string, TestClient>>();

let logins = 0;

/**
 * A signed-in client with the deputy role for this deputy, signed in once per test env, each from an address
 * of its own (the login route is rate limited per address, and a committee signs in dozens of members).
 */
export async function memberClient(
  t: TestEnv,
  deputyId: string,
  roles: Role[] = ['deputy'],
): Promise<TestClient> {
  let byDeputy = clients.get(t);
  if (!byDeputy) clients.set(t, (byDeputy = new Map()));
  const known = byDeputy.get(deputyId);
  if (known) return known;
  const { username } = await t.createAccount({ username: `m_${deputyId.slice(-12)}`, roles, deputyId });
  logins++;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: TEST_PASSWORD },
    remoteAddress: `10.77.${Math.floor(logins / 250)}.${(logins % 250) + 1}`,
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie!;
  const c = testClient(t.app, raw.split(';')[0], res.json().csrfToken);
  byDeputy.set(deputyId, c);
  return c;
}

/**
 * The text of a .docx (its word/document.xml, tags dropped), read with node:zlib from the zip's central
 * directory: proof that the file opens as a Word document and says what it should.
 */
export function docxText(buf: Buffer): string {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip');
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString();
    if (name === 'word/document.xml') {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const raw = buf.subarray(start, start + size);
      const xml = (method === 8 ? inflateRawSync(raw) : raw).toString('utf8');
      return xml
        .replace(/<\/w:p>/g, '\n')
        .replace(/<[^>]+>/g, '')
        .trim();
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error('no word/document.xml');
}
