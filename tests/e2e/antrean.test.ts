// The Antrean (queue) page in headless Chromium against the real core and the reference central
// server: every record with its exact content, sent and dead ones, retry and export of dead records.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissingReason } from '../harness/chromium';
import { horizontalOverflow, openE2eSession, type E2eSession } from '../harness/e2e-session';
import type { WebStack } from '../harness/web-bridge';


const missingChromium = chromiumMissingReason();

function record(page: Page, heading: string) {
  return page.getByRole('article', { name: heading });
}

describe.skipIf(missingChromium !== null)('Antrean in Chromium', () => {
  let session: E2eSession;
  let stack: WebStack;
  let page: Page;

  beforeAll(async () => {
    session = await openE2eSession();
    ({ stack, page } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('opens from the navigation with the keyboard and shows a queued check-in exactly', async () => {
    stack.companion.checkIn('wfh');
    await page.goto(stack.pageUrl);
    await page.getByRole('heading', { name: 'Kehadiran' }).waitFor();

    const nav = page.getByRole('navigation', { name: 'Halaman' });
    expect(await nav.getByRole('link', { name: 'Beranda' }).getAttribute('aria-current')).toBe('page');
    await nav.getByRole('link', { name: 'Antrean' }).focus();
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Antrean' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Antrean' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Beranda' }).getAttribute('aria-current')).toBeNull();

    const [queued] = stack.companion.outbox.list({ states: ['queued'] });
    const checkIn = record(page, 'attendance.check_in · attendance #1');
    await checkIn.waitFor();
    expect(await checkIn.getByText('Antre', { exact: true }).isVisible()).toBe(true);
    expect(await checkIn.getByText('Belum terkirim').isVisible()).toBe(true);
    await checkIn.getByText('Isi data').click();
    expect(await checkIn.locator('pre').textContent()).toBe(JSON.stringify(queued!.payload));
  });

  it('shows sent and dead records after a flush, with the server\'s reason', async () => {
    // A payload the reference server rejects: the work mode "beach" does not exist.
    const at = Date.now();
    stack.companion.outbox.enqueue({
      stream: 'attendance',
      type: 'attendance.check_in',
      occurredAt: at,
      payload: { sessionId: 'e2e-bad', mode: 'beach', startedAt: at, endedAt: null },
    });
    await stack.companion.flush();

    const sent = record(page, 'attendance.check_in · attendance #1');
    await sent.getByText('Terkirim', { exact: true }).waitFor();
    expect(await sent.getByText('ID di server').isVisible()).toBe(true);
    const dead = record(page, 'attendance.check_in · attendance #2');
    await dead.getByText('Gagal', { exact: true }).waitFor();
    expect(await dead.getByText(/Ditolak oleh sistem pusat: Invalid attendance.check_in event: payload.mode/).isVisible()).toBe(true);

    await page.getByRole('group', { name: 'Tampilkan' }).getByRole('button', { name: 'Gagal' }).click();
    await expect.poll(() => page.getByTestId('outbox-record').count()).toBe(1);
    await session.screenshot('antrean-id');
  });

  it('exports the dead records as JSON', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor yang gagal (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^antrean-gagal-.*\.json$/);
    const file = JSON.parse(await readFile((await download.path())!, 'utf8')) as { records: { payload: { sessionId: string }; reason: string }[] };
    expect(file.records.map((entry) => entry.payload.sessionId)).toEqual(['e2e-bad']);
    expect(file.records[0]!.reason).toContain('payload.mode');
    await page.getByText(/^Diekspor ke antrean-gagal-.*\.json: 1 data gagal\.$/).waitFor();
  });

  it('sends a dead record again on request', async () => {
    const dead = record(page, 'attendance.check_in · attendance #2');
    await dead.getByRole('button', { name: 'Kirim ulang' }).click();
    await page.getByText('Dikembalikan ke antrean dan sedang dikirim: 1 data.').waitFor();

    // The server rejects the same content again, so the record returns to the dead-letter list.
    await expect.poll(() => stack.companion.outbox.list({ states: ['dead'] }).length, { timeout: 10_000 }).toBe(1);
    const [again] = stack.companion.outbox.list({ states: ['dead'] });
    expect(again!.attempts).toBe(1);
  });

  it('shows every record in English and reflows at 200% zoom', async () => {
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
    await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'All' }).click();
    await expect.poll(() => page.getByTestId('outbox-record').count()).toBe(2);
    expect(await page.getByText('Records back in the queue and being sent: 1.').isVisible()).toBe(true);

    // 640 CSS pixels wide is what a 1280-pixel window shows at 200% zoom.
    await page.setViewportSize({ width: 640, height: 900 });
    expect(await horizontalOverflow(page)).toBe(0);
    await session.screenshot('antrean-en-zoom200');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
