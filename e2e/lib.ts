// Helpers for the browser journeys: a real server on a free port with a fresh PGlite data dir and the
// demo district, headless chromium through playwright-core, screenshots and a demo login.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
export const DEMO_PASSWORD = 'minyi-demo';

/** A free TCP port on 127.0.0.1, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  /** Server output so far (for failure messages). */
  output: () => string;
  stop: () => Promise<void>;
  /** Kills the server and its launcher at once (SIGKILL to the process group): a crash, not a shutdown. */
  kill: () => Promise<void>;
}

/**
 * Starts the server as `npm start` does, through its launcher (`node server/bin/minyi.mjs`: its V8 flags and
 * tsx), on a fresh data dir (demo loaded), and waits for /readyz.
 */
export async function startServer(
  env: Record<string, string> = {},
  timeoutMs = 180_000,
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'minyi-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['server/bin/minyi.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      MINYI_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      DATABASE_URL: '',
      // No backup at start: a journey's server lives for minutes (server/test/backup.test.ts covers backups).
      MINYI_BACKUP_EVERY_HOURS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that a SIGKILL reaches the launcher and the server under it alike.
    detached: true,
  });
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));

  const stop = async () => {
    if (!exited) {
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`the server exited before it was ready:\n${log}`);
    }
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server was not ready within ${timeoutMs} ms:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const kill = async () => {
    if (exited) return;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    process.kill(-child.pid!, 'SIGKILL');
    await gone;
  };
  return { url, dataDir, output: () => log, stop, kill };
}

/** Headless chromium from Debian (/usr/bin/chromium), with CJK fonts. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a full-page screenshot to test-results/<name>.png and returns its path. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Signs in through the login page as a demo account and waits until the app has left /login.
 * Accounts that must enrol a second factor land on /account/totp.
 */
export async function login(
  page: Page,
  url: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 });
}

/** Signs out through the API (keeps journeys independent of the user menu). */
export async function logout(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const me = await fetch('/api/v1/auth/me', { credentials: 'same-origin' });
    if (!me.ok) return;
    const { csrfToken } = (await me.json()) as { csrfToken?: string };
    await fetch('/api/v1/auth/logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'x-csrf-token': csrfToken ?? '' },
    });
  });
}

/** Sets the UI language before the app loads (the app reads localStorage `minyi.lang`). */
export async function setLanguage(page: Page, lang: 'zh-CN' | 'en'): Promise<void> {
  await page.addInitScript((l) => localStorage.setItem('minyi.lang', l), lang);
}

export type Lang = 'zh-CN' | 'en';

/** One journey file's demo server and browser (`useJourney`). */
export interface Journey {
  /** The server, once the file's `beforeAll` has started it. */
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A page in a context of its own: the viewport, the UI language, reduced motion; page errors logged. */
  newPage: (width?: number, height?: number, lang?: Lang, options?: { bypassCSP?: boolean }) => Promise<Page>;
}

/**
 * Starts the demo server and Chromium before the calling file's tests (`beforeAll`), and closes the contexts,
 * the browser and the server after them (`afterAll`).
 */
export function useJourney(): Journey {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(what: T | undefined): T => {
    if (!what) throw new Error('the journey has not started: useJourney() runs in beforeAll');
    return what;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    newPage: async (
      width = 1280,
      height = 860,
      lang: Lang = 'zh-CN',
      options: { bypassCSP?: boolean } = {},
    ) => {
      const context = await started(browser).newContext({
        viewport: { width, height },
        locale: lang,
        reducedMotion: 'reduce',
        ...(options.bypassCSP && { bypassCSP: true }),
      });
      contexts.push(context);
      const page = await context.newPage();
      await setLanguage(page, lang);
      page.on('pageerror', (err) => console.error('[pageerror]', err.message));
      return page;
    },
  };
}
