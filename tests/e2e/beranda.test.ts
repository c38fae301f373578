// The home page in headless Chromium against the real core, the real central server and the real
// renderer, connected through the loopback WebSocket bridge.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatClock, zoneAbbreviation } from '../../shared/zones';
import { chromiumMissingReason } from '../harness/chromium';
import { horizontalOverflow, openE2eSession, receivedEvents, type E2eSession } from '../harness/e2e-session';
import type { ReceivedEvent } from '../../shared/central-api';
import type { WebStack } from '../harness/web-bridge';


// The browser runs in a zone far from Jakarta, so a time shown in the browser's own zone would fail.
const BROWSER_ZONE = 'America/New_York';

const VERDICT_TEXTS_ID = ['Lulus', 'Peringatan', 'Gagal', 'Tidak diketahui', 'Galat'];

function countOf(events: ReceivedEvent[], type: string): number {
  return events.filter((event) => event.type === type).length;
}

async function outboxCount(page: Page, key: 'queued' | 'inFlight' | 'sent' | 'dead'): Promise<string> {
  return (await page.getByTestId(`outbox-${key}`).locator('dd').textContent()) ?? '';
}

function checkCard(page: Page, name: string): Locator {
  return page.getByRole('article', { name });
}

const missingChromium = chromiumMissingReason();
if (missingChromium) console.warn(`Skipping the browser tests: ${missingChromium}`);

describe.skipIf(missingChromium !== null)('Beranda in Chromium', () => {
  let session: E2eSession;
  let stack: WebStack;
  let page: Page;

  beforeAll(async () => {
    session = await openE2eSession({ browser: { timezoneId: BROWSER_ZONE } });
    ({ stack, page } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the home page in Indonesian', async () => {
    await page.goto(stack.pageUrl);
    await page.getByRole('heading', { name: 'Kehadiran' }).waitFor();

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Beranda');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    expect(await page.getByText('Belum check-in').isVisible()).toBe(true);
    expect(await page.getByText('Mode demo', { exact: true }).isVisible()).toBe(true);

    // The memory secret store replaces a missing keychain, so the warning must show its reason.
    const status = stack.companion.status();
    expect(status.secureStorage.available).toBe(false);
    expect(await page.getByRole('heading', { name: 'Penyimpanan aman tidak tersedia' }).isVisible()).toBe(true);
    expect(await page.getByText(status.secureStorage.reason?.id ?? '<no reason>').isVisible()).toBe(true);

    const attendance = status.attendance;
    const expectedWindow = attendance.window
      ? `${attendance.window.start.replace(':', '.')}–${attendance.window.end.replace(':', '.')} ${zoneAbbreviation(attendance.zone)}`
      : `Hari libur: ${attendance.dayOff?.id}`;
    expect(await page.getByTestId('working-window').textContent()).toBe(expectedWindow);

    const meter = page.getByRole('meter', { name: 'Minggu ini' });
    expect(await meter.getAttribute('aria-valuetext')).toMatch(/^\d+ j( \d+ m)? dari 40 j$/);

    expect(await page.getByText('Perangkat ini terdaftar di sistem pusat.').isVisible()).toBe(true);
    expect(await page.getByText(stack.centralUrl, { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText('Belum ada pemeriksaan.', { exact: false }).isVisible()).toBe(true);
  });

  it('checks in for WFH', async () => {
    const wfh = page.getByRole('radio', { name: 'WFH' });
    expect(await wfh.isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Check-in WFH' }).click();
    await page.getByText(/^Check-in WFH tercatat pukul \d{2}\.\d{2} WIB\.$/).waitFor();

    const session = stack.companion.status().attendance.session;
    expect(session?.mode).toBe('wfh');
    const since = `${formatClock(session?.startedAt ?? 0, 'Asia/Jakarta')} WIB`;
    expect(await page.getByText(`Sedang bekerja (WFH) sejak ${since}`).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Check-out' }).isVisible()).toBe(true);
  });

  it('runs a check with three verdicts and evidence', async () => {
    await page.getByRole('button', { name: 'Jalankan pemeriksaan' }).click();
    await page.getByText(/^Pemeriksaan selesai dan tersimpan\. Hasil keseluruhan: /).waitFor({ timeout: 90_000 });

    for (const name of ['Kecepatan internet', 'VPN instansi', 'Daya cadangan']) {
      const card = checkCard(page, name);
      const verdict = await card.locator('.verdict').textContent();
      expect(VERDICT_TEXTS_ID.some((text) => verdict?.endsWith(text))).toBe(true);
      expect(await card.getByRole('heading', { name: 'Bukti' }).isVisible()).toBe(true);
      expect(await card.getByRole('heading', { name: 'Kebijakan' }).isVisible()).toBe(true);
      expect(await card.locator('.values dl > div').count()).toBeGreaterThan(0);
    }

    const snapshot = stack.companion.status().lastSnapshot;
    const speed = snapshot?.checks.find((check) => check.check === 'speed');
    expect(speed).toBeDefined();
    const speedCard = checkCard(page, 'Kecepatan internet');
    expect(await speedCard.locator('.check-summary').textContent()).toBe(speed?.summary.id);
    expect(await speedCard.locator('.values').first().textContent()).toContain('Mbps');
    expect(await speedCard.locator('.values').nth(1).textContent()).toContain('10,0 Mbps');

    const details = speedCard.getByRole('button', { name: 'Detail lengkap' });
    expect(await details.getAttribute('aria-expanded')).toBe('false');
    await details.focus();
    await page.keyboard.press('Enter');
    expect(await details.getAttribute('aria-expanded')).toBe('true');
    expect(await speedCard.getByText('Aliran paralel').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await details.getAttribute('aria-expanded')).toBe('false');
  });

  it('checks out with the keyboard', async () => {
    await page.getByRole('button', { name: 'Check-out' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/^Check-out tercatat\. Jam kerja hari ini: /).waitFor();

    expect(stack.companion.status().attendance.checkedIn).toBe(false);
    expect(await page.getByText('Belum check-in').isVisible()).toBe(true);
  });

  it('delivers the outbox to the central server', async () => {
    expect(await outboxCount(page, 'queued')).toBe('3');
    expect(await receivedEvents(stack.centralUrl)).toEqual([]);

    await page.getByRole('button', { name: 'Kirim sekarang' }).click();
    await page.getByText('Diterima server: 3 dari 3.', { exact: false }).waitFor();
    expect(await outboxCount(page, 'queued')).toBe('0');
    expect(await outboxCount(page, 'sent')).toBe('3');
    expect(await outboxCount(page, 'dead')).toBe('0');

    const events = await receivedEvents(stack.centralUrl);
    expect(events).toHaveLength(3);
    expect(countOf(events, 'attendance.check_in')).toBe(1);
    expect(countOf(events, 'attendance.check_out')).toBe(1);
    expect(countOf(events, 'compliance.snapshot')).toBe(1);

    await session.screenshot('beranda-id');
  });

  it('switches to English and keeps it', async () => {
    await page.getByRole('radio', { name: 'English' }).or(page.getByRole('button', { name: 'English' })).click();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();

    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(stack.companion.language()).toBe('en');
    expect(await page.getByRole('heading', { name: 'Workstation check' }).isVisible()).toBe(true);
    expect(await page.getByText('Demo mode', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('meter', { name: 'This week' }).getAttribute('aria-valuetext')).toMatch(/ of 40 h$/);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await page.getByRole('article', { name: 'Internet speed' }).waitFor();
    await session.screenshot('beranda-en');
  });

  it('reflows at 200% zoom without horizontal scrolling', async () => {
    // 640 CSS pixels wide is what a 1280-pixel window shows at 200% zoom.
    await page.setViewportSize({ width: 640, height: 900 });
    await page.getByRole('heading', { name: 'Workstation check' }).waitFor();

    expect(await horizontalOverflow(page)).toBe(0);
    await session.screenshot('beranda-en-zoom200');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('follows changes made outside the page', async () => {
    // The tray menu changes attendance through the core too; the page learns of it from statusChanged.
    stack.companion.checkIn('office');
    await page.getByText(/^Working \(Office\) since \d{2}:\d{2} WIB$/).waitFor();

    stack.companion.checkOut();
    await page.getByText('Not checked in', { exact: true }).waitFor();
  });

  it('reports a lost core connection in the alert region', async () => {
    await stack.bridge.close();

    await page.getByRole('button', { name: 'Run check' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('The connection to the app core was lost.', { exact: false }).waitFor();
  });

  it('explains itself when opened outside the desktop app', async () => {
    await page.goto(stack.bareUrl);

    expect(await page.getByRole('heading', { name: 'Aplikasi desktop diperlukan' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'The desktop app is required' }).isVisible()).toBe(true);
  });
});
