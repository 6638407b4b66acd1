// The security matrix (issue 22, Proof): every operation of /api/openapi.json × every caller (the public,
// and the demo district's citizen, deputy, liaison staff, handling-unit staff, congress staff, leader and the
// three administrators, each with a second factor), each with a valid-shaped request naming demo records.
// The expected answer is not typed pair by pair; it comes from the policies:
// - `access: 'public'` operations (no security in the description) answer no caller 401 or 403;
// - every other operation answers the public exactly 401, as problem+json;
// - the access checks an operation makes are recorded as it runs (every `definePolicy` policy's `authorize`
//   and `can`, and `requireRole`: security-matrix.spy.ts). An operation's rule is the set of checks its
//   requests made; a caller whose roles no rule of the policy grants for that action (or not among the roles
//   `requireRole` names) must be refused: 403, or 404 when a policy check said no (the record is hidden from
//   them), with problem+json; never a 2xx;
// - a caller whose role a rule grants is answered as the rule's condition on the record says: refused when
//   the policy said no in that request, otherwise never 401/403 (a 400, 404 or 409 for a business reason is
//   fine for an allowed caller: the sampled body may name a record in the wrong state);
// - an operation that makes no policy check must be named in NAMED_RULES (security-matrix.rules.ts) with its
//   rule, or the test fails: a new operation without an expectation is caught.
// No caller may get a 5xx. Drafts and files have a block of their own at the end, judged by the suggestions
// and opinions policies read for those records (and the uploader).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, ne } from 'drizzle-orm';
import { generate, generateSecret } from 'otplib';
import sharp from 'sharp';
import { isAdminRole, type Role } from '@minyi/domain';
import { accounts } from '../src/platform/platform.table';
import type { Actor } from '../src/platform/context';
import { suggestions } from '../src/modules/suggestions/suggestions.table';
import { resourceOf } from '../src/modules/suggestions/suggestions.repository';
import { opinionPhotos, opinions } from '../src/modules/opinions/opinions.table';
import { resourceOf as opinionResourceOf } from '../src/modules/opinions/opinions.repository';
import { opinionPolicy, QUEUE_ROLES, type OpinionResource } from '../src/modules/opinions/opinions.policy';
import { OPINION_CATEGORY_CODES } from '@minyi/domain/opinions';
import { deputies, jurisdictions, mandates } from './tables';
import {
  isHiddenFrom,
  suggestionPolicy,
  type SuggestionResource,
} from '../src/modules/suggestions/suggestions.policy';
import { DEMO_PASSWORD, loadDemo } from '../src/demo';
import { createTestEnv, testClient, type TestClient, type TestEnv } from './harness';
import { idPoolOf, requestFor, type IdPool, type Request } from './security-matrix.requests';
import { operationsOf, type OpenApi, type Operation } from './openapi-operations';
import { BODIES, NAMED_RULES } from './security-matrix.rules';
import { spy, type Check } from './security-matrix.spy';

vi.mock('../src/platform/access', async (importOriginal) =>
  (await import('./security-matrix.spy')).recordingAccess(await importOriginal()),
);

interface Caller {
  name: string;
  username: string | null;
  roles: readonly Role[];
  client: TestClient;
  logins: number;
  /** An administrator's second factor (enrolled before the matrix, so its session is not restricted). */
  totpSecret?: string;
  /** As the policies see the caller (none: the public). */
  actor?: Actor;
}

interface Result {
  op: Operation;
  /** What the request was for, when not the operation's plain request (a draft, a file). */
  label: string;
  caller: Caller;
  url: string;
  status: number;
  contentType: string;
  body: string;
  checks: Check[];
}

let t: TestEnv;
let doc: OpenApi;
let ops: Operation[];
let pool: IdPool;
let png: Buffer;
let demoCongressId: string;
const callers: Caller[] = [];
/** The plain matrix: every operation × every caller. */
const results: Result[] = [];
/** The drafts and files block: a deputy's draft, and files attached to a draft and to a submitted suggestion. */
const records: Result[] = [];
const rec = {
  draftId: '',
  draftFile: '',
  submittedFile: '',
  /** The draft and the submitted suggestion as their policy sees them. */
  draft: null as SuggestionResource | null,
  submitted: null as SuggestionResource | null,
  /** Another deputy's draft, with its attachment: no caller of the matrix is its author. */
  otherDraftId: '',
  otherDraftFile: '',
  otherDraft: null as SuggestionResource | null,
  /** A citizen's photo, sent with an opinion through the public form, and that opinion as its policy sees it. */
  photoFile: '',
  opinion: null as OpinionResource | null,
};

/** The order callers run in: the broadest business role last, so a delete or a step it makes comes after. */
const CALLERS: [string, string | null, Role[]][] = [
  ['anonymous', null, []],
  ['citizen', 'citizen', ['citizen']],
  ['systemAdmin', 'sysadmin', ['systemAdmin']],
  ['securityAdmin', 'secadmin', ['securityAdmin']],
  ['auditor', 'auditor', ['auditor']],
  ['liaisonStaff', 'liaison', ['liaisonStaff']],
  ['handlingUnitStaff', 'unit', ['handlingUnitStaff']],
  ['leader', 'leader', ['leader']],
  ['deputy', 'deputy', ['deputy']],
  ['congressStaff', 'staff', ['congressStaff']],
];
const callerNamed = (name: string) => callers.find((c) => c.name === name)!;

async function signIn(c: Caller) {
  if (!c.username) return;
  c.logins++;
  const ip = `10.44.${callers.indexOf(c) + 1}.${c.logins}`;
  // A code is accepted once per 30-second step: a sign-in again within the step forgets the last one used.
  if (c.totpSecret)
    await t.services.db.update(accounts).set({ totpLastStep: null }).where(eq(accounts.username, c.username));
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: {
      username: c.username,
      password: DEMO_PASSWORD,
      ...(c.totpSecret ? { totpCode: await generate({ secret: c.totpSecret }) } : {}),
    },
    headers: { 'x-forwarded-for': ip },
  });
  if (res.statusCode !== 200) throw new Error(`login ${c.username}: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0];
  c.client = testClient(t.app, cookie, res.json().csrfToken, { 'x-forwarded-for': ip });
}

/** Sends one request as one caller, recording the access checks it made. */
async function send(caller: Caller, op: Operation, req: Request, label = ''): Promise<Result> {
  spy.checks = [];
  const res = await caller.client.request({
    method: req.method,
    url: req.url,
    ...(req.payload !== undefined ? { payload: req.payload } : {}),
    headers: req.contentType ? { 'content-type': req.contentType } : {},
  });
  const result: Result = {
    op,
    label,
    caller,
    url: req.url,
    status: res.statusCode,
    contentType: String(res.headers['content-type'] ?? ''),
    body: res.body.slice(0, 1500),
    checks: spy.checks,
  };
  spy.checks = null;
  // A step that ended the caller's session (signing out, a new password): sign in again.
  if (caller.username && op.method !== 'get' && res.statusCode < 300) {
    const me = await caller.client.get('/api/v1/auth/me');
    if (me.statusCode !== 200) await signIn(caller);
  }
  return result;
}

const opNamed = (id: string) => {
  const op = ops.find((o) => o.id === id);
  if (!op) throw new Error(`no operation ${id}`);
  return op;
};

/** The deputy's draft with an attachment, and a submitted suggestion with another. */
async function seedRecords() {
  const upload = async (deputy: TestClient) => {
    const req = requestFor(doc, opNamed('uploadFile'), pool, png);
    const res = await deputy.request({
      method: 'POST',
      url: req.url,
      payload: req.payload,
      headers: { 'content-type': req.contentType! },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const create = async (deputy: TestClient, draft: boolean, fileId: string) => {
    const res = await deputy.post('/api/v1/suggestions', {
      title: '安全矩阵：关于增设公交站点的建议',
      content: '建议在新建小区附近增设公交站点，方便居民出行。',
      category: 'transport',
      attachmentIds: [fileId],
      draft,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const deputy = callerNamed('deputy').client;
  rec.draftFile = await upload(deputy);
  rec.draftId = await create(deputy, true, rec.draftFile);
  rec.submittedFile = await upload(deputy);
  const submittedId = await create(deputy, false, rec.submittedFile);
  // Another deputy's draft (an account of its own for a demo deputy with a mandate): hidden from every caller.
  const [other] = await t.services.db
    .select({ id: deputies.id })
    .from(deputies)
    .innerJoin(mandates, eq(mandates.deputyId, deputies.id))
    .where(
      and(eq(deputies.congressId, demoCongressId), ne(deputies.id, callerNamed('deputy').actor!.deputyId!)),
    )
    .orderBy(deputies.id)
    .limit(1);
  const otherDeputy = await t.as('matrix_other_deputy', ['deputy'], {
    deputyId: other.id,
    congressId: demoCongressId,
  });
  rec.otherDraftFile = await upload(otherDeputy);
  rec.otherDraftId = await create(otherDeputy, true, rec.otherDraftFile);
  const resource = async (id: string) => {
    const [row] = await t.services.db.select().from(suggestions).where(eq(suggestions.id, id));
    return resourceOf(t.services.db, row);
  };
  rec.draft = await resource(rec.draftId);
  rec.submitted = await resource(submittedId);
  rec.otherDraft = await resource(rec.otherDraftId);
  expect(rec.draft.status).toBe('draft');

  const citizen = callerNamed('anonymous').client;
  const photo = requestFor(doc, opNamed('uploadOpinionPhoto'), pool, png);
  const uploaded = await citizen.request({
    method: 'POST',
    url: photo.url,
    payload: photo.payload,
    headers: { 'content-type': photo.contentType! },
  });
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  rec.photoFile = uploaded.json<{ id: string }>().id;
  const [street] = await t.services.db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(and(eq(jurisdictions.congressId, demoCongressId), eq(jurisdictions.level, 'street')));
  const sent = await citizen.post('/api/v1/opinions', {
    content: '安全矩阵：小区门口路灯坏了三个月，晚上出行不便。',
    category: OPINION_CATEGORY_CODES[0],
    streetId: street.id,
    phone: '13800138000',
    isPublic: false,
    photoIds: [rec.photoFile],
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const [row] = await t.services.db
    .select({ opinion: opinions })
    .from(opinionPhotos)
    .innerJoin(opinions, eq(opinions.id, opinionPhotos.opinionId))
    .where(eq(opinionPhotos.fileId, rec.photoFile));
  rec.opinion = await opinionResourceOf(t.services.db, row.opinion);
}

/** The drafts and files block, before the plain matrix changes anything. */
async function runRecords() {
  const onDraft = ops.filter((o) => o.path.startsWith('/api/v1/suggestions/{id}'));
  // The proposer last: its steps (submit, withdraw) would make the draft a suggestion for those after it.
  const proposerLast = [...callers.filter((c) => c.name !== 'deputy'), callerNamed('deputy')];
  for (const caller of proposerLast) {
    records.push(
      await send(
        caller,
        opNamed('getSuggestion'),
        requestFor(doc, opNamed('getSuggestion'), pool, png, { id: rec.otherDraftId }),
        "another deputy's draft",
      ),
    );
    const list = opNamed('findSuggestions');
    records.push(
      await send(
        caller,
        list,
        { method: 'GET', url: '/api/v1/suggestions?status=draft&limit=200' },
        'draft list',
      ),
    );
    const download = opNamed('downloadFile');
    for (const [label, id] of [
      ['file of the draft', rec.draftFile],
      ['file of a submitted suggestion', rec.submittedFile],
      ["a citizen's photo", rec.photoFile],
      ["file of another deputy's draft", rec.otherDraftFile],
    ]) {
      records.push(await send(caller, download, requestFor(doc, download, pool, png, { id }), label));
    }
    // Then every operation on the draft (its proposer's steps last of all).
    for (const op of onDraft) {
      const req = requestFor(doc, op, pool, png, { id: rec.draftId }, BODIES[op.id]);
      records.push(await send(caller, op, req, 'draft'));
    }
  }
}

beforeAll(async () => {
  t = await createTestEnv();
  demoCongressId = (await loadDemo(t.services)).congressId;
  png = await sharp({ create: { width: 8, height: 8, channels: 3, background: 'red' } })
    .png()
    .toBuffer();
  pool = await idPoolOf(t.services.db, demoCongressId);
  // Account steps act on an account of their own, so no demo caller is disabled or reset under the matrix.
  const spare = await t.createAccount({
    username: 'matrix_spare',
    roles: ['citizen'],
    congressId: demoCongressId,
  });
  pool.set('accounts', [spare.id]);
  for (const [name, username, roles] of CALLERS) {
    const c: Caller = {
      name,
      username,
      roles,
      client: testClient(t.app, '', '', { 'x-forwarded-for': '10.44.0.1' }),
      logins: 0,
    };
    callers.push(c);
    if (username) {
      const [row] = await t.services.db
        .select({
          id: accounts.id,
          deputyId: accounts.deputyId,
          handlingUnitId: accounts.handlingUnitId,
          congressId: accounts.congressId,
        })
        .from(accounts)
        .where(eq(accounts.username, username));
      expect(row.congressId).toBe(demoCongressId);
      c.actor = {
        accountId: row.id,
        username,
        displayName: username,
        roles: [...roles],
        congressId: demoCongressId,
        deputyId: row.deputyId,
        handlingUnitId: row.handlingUnitId,
        via: 'session',
      };
    }
    if (roles.some(isAdminRole)) {
      c.totpSecret = generateSecret();
      await t.services.db
        .update(accounts)
        .set({ totpSecretEnc: t.services.pii.encrypt(c.totpSecret), totpEnabled: true })
        .where(eq(accounts.id, c.actor!.accountId));
    }
    await signIn(c);
  }
  doc = (await t.anon.get('/api/openapi.json')).json<OpenApi>();
  ops = operationsOf(doc);
  await seedRecords();
  await runRecords();
  for (const op of ops) {
    for (const caller of callers) {
      results.push(await send(caller, op, requestFor(doc, op, pool, png, {}, BODIES[op.id])));
    }
  }
}, 600_000);

afterAll(async () => {
  await t?.close();
});

/**
 * The checks that decide access: `authorize` and `requireRole`; and `can` on an operation that names one
 * record (a path parameter), where it hides the record (a list uses `can` to filter rows, not to refuse).
 */
const gates = (checks: Check[], op: Operation) =>
  checks.filter((c) => c.kind !== 'can' || op.params.some((p) => p.in === 'path'));

/** The rule of an operation: every gate any caller's request went through. */
function ruleOf(op: Operation): Map<string, Check> {
  const rule = new Map<string, Check>();
  for (const r of results) if (r.op === op) for (const c of gates(r.checks, op)) rule.set(c.key, c);
  return rule;
}

type Expectation = 'refused' | 'allowed' | 'either';

/** What the policies say of a caller's request, and why. */
function expectationOf(r: Result): { expect: Expectation; why: string } {
  const { op, caller } = r;
  if (op.isPublic) return { expect: 'allowed', why: "access: 'public'" };
  if (!caller.username) return { expect: 'refused', why: 'signed-in only' };
  const named = NAMED_RULES[op.id];
  if (named?.alsoAllowed?.(caller, r.url)) return { expect: 'allowed', why: named.rule };
  const rule = ruleOf(op);
  if (!rule.size) {
    if (!named?.allowed) return { expect: 'either', why: 'NO RULE' };
    const ok = named.allowed === 'any' || named.allowed.some((x) => caller.roles.includes(x));
    if (!ok) return { expect: 'refused', why: named.rule };
    return { expect: named.onRecord ? 'either' : 'allowed', why: named.rule };
  }
  for (const [key, { granted }] of rule) {
    if (!granted.some((x) => caller.roles.includes(x)))
      return { expect: 'refused', why: `${key} grants ${granted.join(', ') || 'no role'}` };
  }
  // The caller's role has a rule: its condition on the record (as the policy answered this request) decides.
  const said = gates(r.checks, op).filter((c) => !c.ok);
  if (said.length)
    return { expect: 'refused', why: `${said.map((c) => c.key).join(' + ')} said no on the record` };
  return { expect: named?.onRecord ? 'either' : 'allowed', why: named?.rule ?? [...rule.keys()].join(' + ') };
}

const isProblem = (r: Result) => r.contentType.startsWith('application/problem+json');
const describePair = (r: Result, why: string) =>
  `${r.op.id}${r.label ? ` [${r.label}]` : ''} (${r.op.method.toUpperCase()} ${r.url}) as ${r.caller.name} → ` +
  `${r.status} (${why}) ${r.status >= 400 ? '' : r.body.slice(0, 120)}`;
/**
 * Refused as the house refuses: the public 401; a signed-in caller 403, or 404 when the record is hidden from
 * them, which counts only when a policy said no in that request (not a record that is missing for everyone).
 */
const refusedRightly = (r: Result) =>
  isProblem(r) &&
  (!r.caller.username
    ? r.status === 401
    : r.status === 403 || (r.status === 404 && r.checks.some((c) => !c.ok)));

describe('the security matrix: every operation × every caller', () => {
  it('covers every operation for every caller', () => {
    expect(ops.length).toBeGreaterThan(150);
    expect(callers.map((c) => c.name)).toEqual(CALLERS.map(([n]) => n));
    expect(results.length).toBe(ops.length * callers.length);
    // MATRIX_DEBUG=1: every answer, with the checks it made (+ passed, - refused).
    if (process.env.MATRIX_DEBUG)
      for (const r of [...records, ...results])
        console.log(
          `${r.op.id}${r.label ? ` [${r.label}]` : ''} ${r.caller.name}=${r.status}`,
          r.checks.map((c) => (c.ok ? '+' : '-') + c.key).join(' '),
        );
  });

  it('names a rule for every operation: a policy check it makes, its public access, or NAMED_RULES', () => {
    const missing = ops.filter((op) => !op.isPublic && !ruleOf(op).size && !NAMED_RULES[op.id]?.allowed);
    expect(missing.map((op) => `${op.id} (${op.method.toUpperCase()} ${op.path})`)).toEqual([]);
    const unknown = Object.keys(NAMED_RULES).filter((id) => !ops.some((op) => op.id === id));
    expect(unknown).toEqual([]);
  });

  it('keeps the table of who may call what (a change to it is a change of access: review the diff)', async () => {
    // Per operation, its rule and per caller: 401 (the public), — refused whatever the record, ✓ allowed,
    // ✓? allowed when the record's condition holds (own, assigned, on the roll…), · public.
    const cell = (op: Operation, c: Caller) => {
      if (op.isPublic) return '·';
      if (!c.actor) return '401';
      const named = NAMED_RULES[op.id];
      const rule = ruleOf(op);
      if (!rule.size) {
        const ok = named?.allowed === 'any' || !!named?.allowed?.some((x) => c.actor!.roles.includes(x));
        return ok ? (named?.onRecord ? '✓?' : '✓') : '—';
      }
      const checks = [...rule.values()];
      if (checks.some((k) => !k.granted.some((x) => c.actor!.roles.includes(x)))) {
        const sent = results.find((r) => r.op === op && r.caller === c)!;
        return named?.alsoAllowed?.(c, sent.url) ? '✓?' : '—';
      }
      const conditional = checks.some((k) =>
        c.actor!.roles.filter((x) => k.granted.includes(x)).every((x) => k.conditional.includes(x)),
      );
      return conditional || named?.onRecord ? '✓?' : '✓';
    };
    const ruleText = (op: Operation) =>
      op.isPublic
        ? "access: 'public'"
        : ruleOf(op).size
          ? [...ruleOf(op).keys()].join(' + ').replace(/\|/g, '/')
          : (NAMED_RULES[op.id]?.rule ?? 'NO RULE');
    const table = [
      '# Who may call what: the security matrix (generated by server/test/security-matrix.test.ts)',
      '',
      `| operation | rule | ${callers.map((c) => c.name).join(' | ')} |`,
      `|---|---|${callers.map(() => '---').join('|')}|`,
      ...ops.map(
        (op) =>
          `| ${op.id} \`${op.method.toUpperCase()} ${op.path}\` | ${ruleText(op)} | ${callers.map((c) => cell(op, c)).join(' | ')} |`,
      ),
      '',
    ].join('\n');
    await expect(table).toMatchFileSnapshot('./__snapshots__/security-matrix.md');
  });

  it('never answers 5xx', () => {
    const all = [...results, ...records];
    expect(all.filter((r) => r.status >= 500).map((r) => describePair(r, ''))).toEqual([]);
  });

  it('answers the public 401 on every signed-in operation, and no caller 401/403 on a public one', () => {
    const wrong = results.filter((r) =>
      r.op.isPublic ? r.status === 401 || r.status === 403 : !r.caller.username && !refusedRightly(r),
    );
    expect(wrong.map((r) => describePair(r, r.op.isPublic ? 'public' : 'anonymous'))).toEqual([]);
  });

  it('refuses (403, or 404 when hidden, as problem+json) every caller the policies refuse', () => {
    const wrong = results.flatMap((r) => {
      const e = expectationOf(r);
      return e.expect === 'refused' && !refusedRightly(r) ? [describePair(r, e.why)] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('never answers 401/403 to a caller the policies allow', () => {
    const wrong = results.flatMap((r) => {
      const e = expectationOf(r);
      return e.expect === 'allowed' && (r.status === 401 || r.status === 403) ? [describePair(r, e.why)] : [];
    });
    expect(wrong).toEqual([]);
  });
});

describe('drafts and files in the matrix (issue 22 items 6 and 7)', () => {
  /** Whom the suggestions policy lets see the record: its `view` rule, and a draft hidden from all but its authors. */
  const mayView = (c: Caller, r: SuggestionResource | null) =>
    !!c.actor && !isHiddenFrom(c.actor, r!) && suggestionPolicy.can(c.actor, 'view', r!);
  const answered200 = (label: string) =>
    records.filter((r) => r.label === label && r.status === 200).map((r) => r.caller.name);

  it("refuses a deputy's draft to everyone the policy hides it from, by every operation that names it", () => {
    // The policy, read for the draft: its proposer alone (no co-signers) may see it.
    expect(callers.filter((c) => mayView(c, rec.draft)).map((c) => c.name)).toEqual(['deputy']);
    const wrong = records.flatMap((r) => {
      if (r.label !== 'draft') return [];
      if (!mayView(r.caller, rec.draft)) {
        const hidden = (r.status === 404 || r.status === 403) && isProblem(r);
        return (r.caller.username ? hidden : refusedRightly(r))
          ? []
          : [describePair(r, 'the draft is hidden')];
      }
      // The proposer is answered as the policy says of a suggestion of theirs (a staff step stays refused).
      const e = expectationOf(r);
      if (e.expect === 'refused') return refusedRightly(r) ? [] : [describePair(r, e.why)];
      return e.expect === 'allowed' && (r.status === 401 || r.status === 403) ? [describePair(r, e.why)] : [];
    });
    expect(wrong).toEqual([]);
    expect(answered200('draft')).toContain('deputy');
  });

  it("refuses another deputy's draft to every caller, the demo deputy included", () => {
    expect(callers.filter((c) => mayView(c, rec.otherDraft)).map((c) => c.name)).toEqual([]);
    const wrong = records.flatMap((r) => {
      if (r.label !== "another deputy's draft") return [];
      const hidden = r.caller.username ? r.status === 404 && isProblem(r) : refusedRightly(r);
      return hidden ? [] : [describePair(r, "another deputy's draft is hidden")];
    });
    expect(wrong).toEqual([]);
    const listed = records.filter((r) => r.label === 'draft list' && r.body.includes(rec.otherDraftId));
    expect(listed.map((r) => r.caller.name)).toEqual([]);
  });

  it('never lists the draft to anyone but its proposer, even with ?status=draft', () => {
    const listed = records
      .filter((r) => r.label === 'draft list' && r.status === 200 && r.body.includes(rec.draftId))
      .map((r) => r.caller.name);
    expect(listed).toEqual(callers.filter((c) => mayView(c, rec.draft)).map((c) => c.name));
  });

  it("serves a file to its uploader and to whoever the record's policy lets view the record, 404 to others", () => {
    const deputy = callerNamed('deputy');
    const readers = (r: SuggestionResource | null) =>
      callers.filter((c) => c === deputy /* the uploader */ || mayView(c, r)).map((c) => c.name);
    // A photo has no uploader account (the public form); the opinion's queue roles and `view` rule decide.
    const photoReaders = callers
      .filter(
        (c) =>
          !!c.actor &&
          c.actor.roles.some((x) => (QUEUE_ROLES as readonly string[]).includes(x)) &&
          opinionPolicy.can(c.actor, 'view', rec.opinion!),
      )
      .map((c) => c.name);
    const expected: Record<string, string[]> = {
      'file of the draft': readers(rec.draft),
      'file of a submitted suggestion': readers(rec.submitted),
      "a citizen's photo": photoReaders,
      "file of another deputy's draft": readers(rec.otherDraft).filter((n) => n !== 'deputy'),
    };
    const wrong = records.flatMap((r) => {
      if (r.op.id !== 'downloadFile') return [];
      if (expected[r.label].includes(r.caller.name))
        return r.status === 200 ? [] : [describePair(r, 'may read')];
      const refused = r.caller.username ? r.status === 404 && isProblem(r) : refusedRightly(r);
      return refused ? [] : [describePair(r, 'may not read the record')];
    });
    expect(wrong).toEqual([]);
    // What that means today: the draft's file is its author's; a submitted one's also staff's and leaders'.
    expect(answered200('file of the draft')).toEqual(['deputy']);
    expect(answered200('file of a submitted suggestion').sort()).toEqual([
      'congressStaff',
      'deputy',
      'leader',
    ]);
  });
});
