// The first-run privacy notice and the Privasi page in headless Chromium against the real core and
// the reference central server: the banner until it is read, the location choice, and the summary
// of what the server received.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissingReason } from '../harness/chromium';
import { openE2eSession, type E2eSession } from '../harness/e2e-session';
import type { WebStack } from '../harness/web-bridge';

const missingChromium = chromiumMissingReason();

describe.skipIf(missingChromium !== null)('Privasi in Chromium', () => {
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

  it('shows the notice banner on first run', async () => {
    await page.goto(stack.pageUrl);

    const banner = page.getByTestId('privacy-banner');
    await banner.waitFor();
    expect(await banner.getByRole('heading', { name: 'Pemberitahuan privasi' }).isVisible()).toBe(true);
    expect(await banner.getByText('Lokasi tidak diambil kecuali Anda mengizinkannya.', { exact: false }).isVisible()).toBe(true);
    await session.screenshot('privacy-banner-id');
  });

  it('opens the full notice from the banner', async () => {
    await page.getByRole('link', { name: 'Baca pemberitahuan lengkap' }).click();

    await page.getByRole('heading', { level: 1, name: 'Privasi' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Data yang dikumpulkan' }).isVisible()).toBe(true);
    expect(await page.getByText('Undang-Undang Nomor 27 Tahun 2022', { exact: false }).isVisible()).toBe(true);
    expect(await page.getByTestId('notice-state').textContent()).toBe('Anda belum menandai pemberitahuan ini sebagai sudah dibaca.');
  });

  it('hides the banner once read, across reloads', async () => {
    await page.getByTestId('privacy-banner').getByRole('button', { name: 'Saya mengerti' }).click();
    await page.getByTestId('privacy-banner').waitFor({ state: 'detached' });
    expect(stack.companion.db.prepare("SELECT COUNT(*) FROM settings WHERE key = 'privacy.notice'").pluck().get()).toBe(1);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Privasi' }).waitFor();
    await expect.poll(() => page.getByTestId('notice-state').textContent()).toMatch(/^Anda membaca pemberitahuan ini pada /);
    expect(await page.getByTestId('privacy-banner').count()).toBe(0);
  });

  it('keeps location off until allowed', async () => {
    const checkbox = page.getByRole('checkbox', { name: 'Izinkan penggunaan lokasi' });
    expect(await checkbox.isChecked()).toBe(false);
    expect(await page.getByTestId('location-state').textContent()).toBe('Lokasi tidak diizinkan.');

    // react-aria keeps the input visually hidden; people click its label.
    await page.getByText('Izinkan penggunaan lokasi').click();

    await expect.poll(() => page.getByTestId('location-state').textContent()).toMatch(/^Lokasi diizinkan sejak /);
    expect(await checkbox.isChecked()).toBe(true);
  });

  it('lists what the server received', async () => {
    expect(await page.getByText('Belum ada data yang terkirim ke sistem pusat.').isVisible()).toBe(true);

    stack.companion.checkIn('wfh');
    await stack.companion.flush();

    await expect.poll(() => page.getByTestId('sent-total').textContent(), { timeout: 20_000 }).toBe('Total 1 catatan terkirim.');
    const kind = page.getByTestId('sent-kind');
    expect(await kind.getByRole('heading', { name: 'attendance.check_in' }).isVisible()).toBe(true);
    await kind.getByText('Isi catatan terbaru').click();
    expect(await kind.locator('pre').textContent()).toContain('"mode":"wfh"');
    await session.screenshot('privasi-id');
  });

  it('reads in English', async () => {
    stack.companion.setLanguage('en');
    await page.reload();

    await page.getByRole('heading', { level: 1, name: 'Privacy' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Where the data goes' }).isVisible()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Allow the use of location' }).isChecked()).toBe(true);
    expect(await page.getByTestId('sent-total').textContent()).toBe('1 records sent in total.');
  });
});
