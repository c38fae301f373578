// The return prompt and the Jam Kerja page in headless Chromium against the real core, in Bahasa
// Indonesia: a simulated 45-minute screen lock, the person's choice, and the week it leaves.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../electron/core/worktime/clock';
import { zonedInstant } from '../../electron/core/worktime/zoned-time';
import { chromiumMissingReason } from '../harness/chromium';
import { openE2eSession, type E2eSession } from '../harness/e2e-session';
import type { WebStack } from '../harness/web-bridge';

const missingChromium = chromiumMissingReason();
const MINUTE = 60_000;

/** Wall and monotonic clocks that move only when the test advances them. */
function testClock(start: number): Clock & { advance(ms: number): void } {
  let wall = start;
  let monotonic = 0;
  return {
    wall: () => wall,
    monotonic: () => monotonic,
    advance(ms) {
      wall += ms;
      monotonic += ms;
    },
  };
}

describe.skipIf(missingChromium !== null)('Jam Kerja in Chromium', () => {
  const clock = testClock(zonedInstant('2026-12-01', '08:00', 'Asia/Jakarta'));
  let session: E2eSession;
  let stack: WebStack;
  let page: Page;

  /** Moves the clocks in heartbeat steps, as the running app would see them. */
  function work(ms: number): void {
    for (let elapsed = 0; elapsed < ms; elapsed += 30_000) {
      clock.advance(30_000);
      stack.companion.worktime.tick();
    }
  }

  beforeAll(async () => {
    session = await openE2eSession({ stack: { clock } });
    ({ stack, page } = session);
    stack.companion.startPresence({ heartbeatMs: null, reminders: false });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('asks on return from a 45-minute lock', async () => {
    await page.goto(stack.pageUrl);
    await page.getByRole('button', { name: 'Check-in WFH' }).click();
    await expect.poll(() => stack.companion.attendance.status().checkedIn).toBe(true);
    await expect.poll(() => page.getByTestId('wfh-week').textContent()).toBe('WFH minggu ini: 1 dari 3 hari, sisa 2.');

    work(120 * MINUTE);
    stack.companion.worktime.presence.lock(0);
    work(45 * MINUTE);
    stack.companion.worktime.presence.unlock();

    const dialog = page.getByRole('alertdialog', { name: 'Selamat datang kembali' });
    await dialog.waitFor();
    expect(await dialog.getByText('10.00 WIB – 10.45 WIB (45 menit, layar terkunci)', { exact: false }).isVisible()).toBe(true);
    expect(await dialog.getByText('belum dihitung sebagai jam kerja', { exact: false }).isVisible()).toBe(true);
    expect(stack.companion.attendance.status().todayMinutes).toBe(120);
    await session.screenshot('return-prompt-id');
  });

  it('shows the kept time on the Jam Kerja page', async () => {
    await page.getByRole('button', { name: 'Hitung sebagai kerja' }).click();
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    expect(stack.companion.attendance.status().todayMinutes).toBe(165);
    expect(stack.companion.worktime.attendance.repository.auditTrail().map((entry) => entry.action)).toEqual(['keep']);

    await page.getByRole('navigation', { name: 'Halaman' }).getByRole('link', { name: 'Jam Kerja' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jam Kerja' }).waitFor();
    await expect.poll(() => page.getByTestId('week-total').textContent()).toBe('2 j 45 m dari batas 40 j');
    const aways = page.getByTestId('away-list');
    expect(await aways.getByText('Layar terkunci').isVisible()).toBe(true);
    expect(await aways.getByText('Dihitung sebagai kerja').isVisible()).toBe(true);
    const tuesday = page.getByTestId('week-table').getByRole('row', { name: /Selasa, 1 Desember 2026/ });
    expect(await tuesday.getByRole('cell').first().textContent()).toBe('2 j 45 m');
    expect(await page.getByTestId('wfh-quota').textContent()).toBe('Administrasi: 1 dari 3 hari WFH terpakai, sisa 2.');
    expect(await page.getByRole('img', { name: 'Jam kerja per hari dibandingkan dengan jam kerja normal' }).isVisible()).toBe(true);
  });

  it('plans the week against the WFH quota', async () => {
    await page.getByRole('combobox', { name: 'Rencana Rabu, 2 Desember 2026' }).selectOption('wfh');
    await expect.poll(() => page.getByTestId('wfh-quota').textContent()).toBe('Administrasi: 2 dari 3 hari WFH terpakai, sisa 1.');
    await page.getByRole('combobox', { name: 'Rencana Jumat, 4 Desember 2026' }).selectOption('office:inspection');
    await expect.poll(() => stack.companion.worktime.planner.week('2026-12-04').days[4]).toMatchObject({ place: 'office', exception: 'inspection' });

    await page.getByRole('combobox', { name: 'Kategori jabatan' }).selectOption('publicService');
    await expect.poll(() => page.getByTestId('wfh-quota').textContent()).toBe('Pelayanan publik: 2 hari WFH direncanakan, kuota 1 hari (lebih 1).');
    expect(await page.getByText('Rencana WFH melebihi kuota kategori jabatan Anda.').isVisible()).toBe(true);
    await session.screenshot('jam-kerja-id');
  });
});
