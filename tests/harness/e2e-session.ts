// One browser test's set-up in one call: the whole web stack, headless Chromium and a page, plus the
// screenshot folder and the reference server's received events. The browser tests start from it.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { adminEventsResponseSchema, type ReceivedEvent } from '../../shared/central-api';
import { launchChromium, type ChromiumSession, type LaunchOptions } from './chromium';
import { startWebStack, type WebStack, type WebStackOptions } from './web-bridge';

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/e2e');

/** Default wait of every page action, long enough for a cold Vite transform on a busy CI machine. */
const ACTION_TIMEOUT_MS = 20_000;

export interface E2eSession {
  stack: WebStack;
  browser: ChromiumSession;
  page: Page;
  /** Saves a full-page screenshot of the page as test-results/e2e/NAME.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface E2eSessionOptions {
  stack?: WebStackOptions;
  browser?: LaunchOptions;
}

export async function openE2eSession(options: E2eSessionOptions = {}): Promise<E2eSession> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const stack = await startWebStack(options.stack);

  let browser: ChromiumSession;
  try {
    browser = await launchChromium(options.browser);
  } catch (error) {
    await stack.close();
    throw error;
  }

  const page = await browser.context.newPage();
  page.setDefaultTimeout(ACTION_TIMEOUT_MS);

  return {
    stack,
    browser,
    page,
    screenshot: async (name) => {
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: async () => {
      await browser.close();
      await stack.close();
    },
  };
}

/** Lists what the reference central server has stored, through its loopback-only admin endpoint. */
export async function receivedEvents(centralUrl: string): Promise<ReceivedEvent[]> {
  const response = await fetch(`${centralUrl}/admin/events`);
  if (response.status !== 200) {
    throw new Error(`GET ${centralUrl}/admin/events returned ${response.status}: ${await response.text()}`);
  }
  return adminEventsResponseSchema.parse(await response.json()).events;
}

/**
 * Returns how many CSS pixels the document is wider than its viewport (0 when nothing scrolls
 * sideways). The expression is a string because the Node test project has no DOM types.
 */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}
