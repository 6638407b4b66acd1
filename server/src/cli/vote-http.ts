// What the vote CLIs (vote-cast.ts, vote-decrypt.ts) share: their arguments, and a session over HTTP signed
// in the way the browser is (the session cookie, and the CSRF token in the `x-csrf-token` header of every
// POST), so a CLI goes through exactly the checks a browser's request does.
import { parseArgs } from 'node:util';

export const DEMO_PASSWORD = 'minyi-demo';

export interface Session {
  get(path: string): Promise<{ status: number; body: unknown }>;
  post(path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
}

/** Parses `--name value` options; exits 2 naming what is missing. */
export function options<const K extends string>(
  usage: string,
  required: readonly K[],
  optional: readonly string[],
) {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: Object.fromEntries([...required, ...optional].map((k) => [k, { type: 'string' as const }])),
    strict: true,
  });
  const missing = required.filter((k) => !values[k]);
  if (missing.length) {
    console.error(`missing ${missing.map((m) => `--${m}`).join(', ')}\nusage: ${usage}`);
    process.exit(2);
  }
  return values as Record<K, string> & Record<string, string | undefined>;
}

/** Signs in with a username and password; answers a session or throws with the server's answer. */
export async function signIn(base: string, username: string, password: string): Promise<Session> {
  const root = base.replace(/\/+$/, '');
  const res = await fetch(`${root}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${root}/api/v1${path}`, {
      method,
      headers: {
        cookie,
        ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: r.status, body: parsed };
  };
  return { get: (p) => call('GET', p), post: (p, b) => call('POST', p, b) };
}

/** Prints a failed answer (problem+json's title and fields) to stderr. */
export function report(what: string, res: { status: number; body: unknown }): void {
  console.error(
    `${what}: ${res.status} ${typeof res.body === 'string' ? res.body : JSON.stringify(res.body)}`,
  );
}
