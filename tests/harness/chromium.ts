// Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core, in
// a fresh profile that is deleted on close. Playwright adds --headless itself (headless: true).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a test run: no sandbox (the tests may run as root), no GPU, and no QUIC, background
 * traffic, component updates, first-run pages or sync of the browser's own.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Returns why the browser tests cannot run here, or null when Chromium is installed. */
export function chromiumMissingReason(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  return `Chromium was not found at ${CHROMIUM_PATH}. Install it (apt-get install chromium) or set CHROMIUM_PATH to its executable.`;
}

export interface ChromiumSession {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface LaunchOptions {
  viewport?: { width: number; height: number };
  /** IANA zone the browser believes it is in; the page must show policy-zone times regardless. */
  timezoneId?: string;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumSession> {
  const missing = chromiumMissingReason();
  if (missing) throw new Error(missing);

  const userDataDir = await mkdtemp(join(tmpdir(), 'asn-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: options.viewport ?? { width: 1280, height: 900 },
      locale: 'id-ID',
      ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    });
    return {
      context,
      close: async () => {
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw new Error(`Chromium at ${CHROMIUM_PATH} failed to start: ${(error as Error).message}`, { cause: error });
  }
}
