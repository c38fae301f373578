// Accessibility of every page in renderer/pages/registry.ts, in both languages. The registry is read
// when the test starts, so pages added later are covered. axe-core must find no serious or critical
// violation, the content must not scroll sideways at 200% zoom, and the keyboard must reach each page
// and its first control.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../shared/domain';
import { locales } from '../../shared/locales';
import { chromiumMissingReason } from '../harness/chromium';
import { openE2eSession, type E2eSession } from '../harness/e2e-session';

const require = createRequire(import.meta.url);
const missingChromium = chromiumMissingReason();
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface RegisteredPage {
  id: string;
  navKey: keyof (typeof locales)['id']['nav'];
}

/** Reads the page list from the registry's source, so the test needs no React to know it. */
function registeredPages(): RegisteredPage[] {
  const source = readFileSync(resolve(import.meta.dirname, '../../renderer/pages/registry.ts'), 'utf8');
  const entries = [...source.matchAll(/\{\s*id:\s*'([^']+)',\s*titleKey:\s*'nav\.(\w+)'/g)];
  return entries.map(([, id, key]) => ({ id: id!, navKey: key as RegisteredPage['navKey'] }));
}

const pages = registeredPages();
const languages: Language[] = ['id', 'en'];
const cases = languages.flatMap((language) => pages.map((page) => ({ language, page, title: locales[language].nav[page.navKey] })));

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core in the page and returns its serious and critical violations, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const hasAxe = await page.evaluate<boolean>("typeof window.axe === 'object'");
  if (!hasAxe) await page.evaluate(axeSource);

  const violations = await page.evaluate<AxeViolation[]>("axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations)");

  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Waits until the page's data has arrived: nothing is marked busy, twice in a row 100 ms apart. */
async function settle(page: Page): Promise<void> {
  const idle = `document.querySelector('[aria-busy="true"]') === null`;
  await page.waitForFunction(idle);
  await page.waitForTimeout(100);
  await page.waitForFunction(idle);
}

/** Widths of the document and of the main region: what they lay out and what they show. */
async function horizontalExtent(page: Page) {
  return page.evaluate<{ document: number; viewport: number; main: number; mainBox: number }>(`({
    document: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
    main: document.querySelector('main')?.scrollWidth ?? 0,
    mainBox: document.querySelector('main')?.clientWidth ?? 0,
  })`);
}

/** Loads the page afresh, so that it reads the language the core has now. */
async function openPage(page: Page, pageUrl: string, id: string, title: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${pageUrl}#/${id}`);
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  await settle(page);
}

describe.skipIf(missingChromium !== null)('accessibility in Chromium', () => {
  let session: E2eSession;

  let zoomedPage: Page;

  beforeAll(async () => {
    session = await openE2eSession();
    // A 1280 px window at 200% zoom lays out 640 CSS pixels; the layout at that width is what counts.
    zoomedPage = await session.browser.context.newPage();
    await zoomedPage.setViewportSize({ width: 640, height: 450 });
    zoomedPage.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('finds the registered pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages[0]?.id).toBe('beranda');
  });

  it.each(cases)('$page.id ($language) has no serious axe violations', async ({ language, page: entry, title }) => {
    session.stack.companion.setLanguage(language);
    await openPage(session.page, session.stack.pageUrl, entry.id, title);

    expect(await seriousViolations(session.page)).toEqual([]);
  });

  it.each(cases)('$page.id ($language) fits at 200% zoom', async ({ language, page: entry, title }) => {
    session.stack.companion.setLanguage(language);
    await openPage(zoomedPage, session.stack.pageUrl, entry.id, title);

    const widths = await horizontalExtent(zoomedPage);

    expect(widths.document, `page scrolls sideways: ${JSON.stringify(widths)}`).toBeLessThanOrEqual(widths.viewport);
    expect(widths.main, `main content scrolls sideways: ${JSON.stringify(widths)}`).toBeLessThanOrEqual(widths.mainBox);
  });

  it('detects a nameless button', async () => {
    session.stack.companion.setLanguage('id');
    await openPage(session.page, session.stack.pageUrl, pages[0]!.id, locales.id.nav[pages[0]!.navKey]);
    await session.page.evaluate("document.querySelector('main').append(document.createElement('button'))");

    expect((await seriousViolations(session.page)).join('\n')).toContain('critical button-name');
  });

  it('detects sideways scrolling', async () => {
    session.stack.companion.setLanguage('id');
    await openPage(zoomedPage, session.stack.pageUrl, pages[0]!.id, locales.id.nav[pages[0]!.navKey]);
    await zoomedPage.evaluate("document.querySelector('main').append(Object.assign(document.createElement('pre'), { textContent: 'x'.repeat(400) }))");

    const widths = await horizontalExtent(zoomedPage);

    expect(widths.main).toBeGreaterThan(widths.mainBox);
  });

  it.each(cases.filter((item) => item.language === 'id'))('$page.id is reachable by keyboard', async ({ page: entry, title }) => {
    session.stack.companion.setLanguage('id');
    const page = session.page;
    await openPage(page, session.stack.pageUrl, pages[0]!.id, locales.id.nav[pages[0]!.navKey]);
    await page.evaluate('document.activeElement?.blur()');

    // Tab to the page's link in the navigation, then follow it with Enter.
    let onLink = false;
    for (let step = 0; step < 40 && !onLink; step += 1) {
      await page.keyboard.press('Tab');
      onLink = await page.evaluate<boolean>(`(() => {
        const active = document.activeElement;
        return active?.tagName === 'A' && active.closest('nav') !== null && active.textContent.trim() === ${JSON.stringify(title)};
      })()`);
    }
    expect(onLink, `Tab never reached the "${title}" link`).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
    await settle(page);

    // The page's main action: its first enabled button, or its first control when it has no button.
    const mainAction = await page.evaluate<string | null>(`(() => {
      const selector = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href]';
      const visible = [...document.querySelectorAll('main ' + selector.split(', ').join(', main '))].filter((element) => element.getClientRects().length > 0);
      const target = visible.find((element) => element.tagName === 'BUTTON') ?? visible[0];
      if (!target) return null;
      target.setAttribute('data-a11y-main-action', '');
      return target.textContent.trim() || target.getAttribute('aria-label') || target.tagName;
    })()`);
    if (mainAction === null) return;

    let reached = false;
    for (let step = 0; step < 60 && !reached; step += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate<boolean>("document.activeElement?.hasAttribute('data-a11y-main-action') ?? false");
    }
    expect(reached, `Tab never reached "${mainAction}" on ${entry.id}`).toBe(true);
  });
});
