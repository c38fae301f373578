// The Laporan Harian and Kinerja pages in headless Chromium against the real core and the reference
// central server, in Bahasa Indonesia: a target is set, a daily report is written, autosaved, kept
// across a reload, rejected on an over-long field without losing the draft, submitted and delivered
// once; the dashboard then shows the count and the target's progress. The weekly summary's HTML of a
// fixture week is opened in Chromium, its totals read from the DOM, and printed to a real PDF.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderWeeklySummaryHtml } from '../../shared/reports-html';
import type { WeeklySummary } from '../../shared/reports';
import type { Clock } from '../../electron/core/worktime/clock';
import { zonedInstant } from '../../electron/core/worktime/zoned-time';
import { chromiumMissingReason } from '../harness/chromium';
import { openE2eSession, receivedEvents, SCREENSHOT_DIR, type E2eSession } from '../harness/e2e-session';
import type { WebStack } from '../harness/web-bridge';

const missingChromium = chromiumMissingReason();
const TODAY = '2026-12-02';

/** Wall and monotonic clocks that stay where the test puts them. */
function fixedClock(start: number): Clock {
  return { wall: () => start, monotonic: () => 0 };
}

/** A week of reports with known totals: Monday to Sunday 30 November – 6 December 2026. */
function fixtureWeek(): WeeklySummary {
  const activity = (id: string, description: string, status: 'done' | 'in_progress' | 'blocked', hours: number | null) => ({
    id,
    description,
    output: `Keluaran ${description.toLowerCase()}`,
    status,
    link: null,
    attachment: null,
    hours,
    targetId: null,
    quantity: null,
  });
  const day = (date: string, working: boolean, status: WeeklySummary['days'][number]['status'], workedMinutes: number, activities: ReturnType<typeof activity>[], late = false) => ({
    date,
    working,
    dayOff: working ? null : { id: 'Akhir pekan', en: 'Weekend' },
    status,
    late,
    workedMinutes,
    activities,
    obstacles: '',
  });
  return {
    weekStart: '2026-11-30',
    weekEnd: '2026-12-06',
    state: 'draft',
    days: [
      day('2026-11-30', true, 'submitted', 480, [activity('a1', 'Rapat koordinasi <bagian> & umum', 'done', 2), activity('a2', 'Telaah nota dinas', 'done', 3.5)]),
      day('2026-12-01', true, 'submitted', 450, [activity('a3', 'Penyusunan SK mutasi', 'in_progress', 4)], true),
      day('2026-12-02', true, 'draft', 300, [activity('a4', 'Verifikasi data pegawai', 'blocked', null)]),
      day('2026-12-03', true, 'missing', 0, []),
      day('2026-12-04', true, 'missing', 0, []),
      day('2026-12-05', false, 'not_required', 0, []),
      day('2026-12-06', false, 'not_required', 0, []),
    ],
    totals: {
      workingDays: 5,
      reportsSubmitted: 2,
      reportsLate: 1,
      reportsDraft: 1,
      reportsMissing: 2,
      activities: 4,
      activitiesDone: 2,
      activitiesInProgress: 1,
      activitiesBlocked: 1,
      reportedHours: 9.5,
      workedMinutes: 1230,
      capMinutes: 2400,
      overCapMinutes: 0,
    },
    summaryText: 'Minggu ini dua laporan terkirim; penyusunan SK mutasi masih berjalan.',
    summaryEdited: false,
    notes: 'Bahas kendala verifikasi data pegawai.',
    meeting: { date: '2026-12-04', time: '09:00' },
    updatedAt: null,
    submittedAt: null,
  };
}

describe.skipIf(missingChromium !== null)('Laporan and Kinerja in Chromium', () => {
  let session: E2eSession;
  let stack: WebStack;
  let page: Page;

  beforeAll(async () => {
    session = await openE2eSession({ stack: { clock: fixedClock(zonedInstant(TODAY, '14:00', 'Asia/Jakarta')) } });
    ({ stack, page } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('adds a weekly target on Kinerja', async () => {
    await page.goto(stack.pageUrl);
    const nav = page.getByRole('navigation', { name: 'Halaman' });
    await nav.getByRole('link', { name: 'Kinerja' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Kinerja' }).waitFor();

    await page.getByRole('button', { name: 'Tambah target' }).click();
    const form = page.getByTestId('target-form');
    await form.getByLabel('Nama target').fill('Draf surat dinas');
    await form.getByLabel('Jumlah').fill('4');
    await form.getByLabel('Satuan').fill('dokumen');
    await form.getByRole('button', { name: 'Simpan target' }).click();

    await page.getByText('Target Draf surat dinas tersimpan.').waitFor();
    const [target] = stack.companion.reports.listTargets();
    expect(target?.target.period).toBe('week');
    expect(target?.target.periodStart).toBe('2026-11-30');
    expect(target?.target.deadline).toBe('2026-12-04');
  });

  it('autosaves a daily report draft', async () => {
    await page.getByRole('navigation', { name: 'Halaman' }).getByRole('link', { name: 'Laporan Harian' }).click();
    await page.getByRole('heading', { level: 1, name: 'Laporan Harian' }).waitFor();
    const activity = page.getByRole('group', { name: 'Kegiatan 1' });
    await activity.getByLabel('Uraian kegiatan').fill('Menyusun draf surat dinas untuk bagian kepegawaian');
    await activity.getByLabel('Keluaran atau hasil kerja').fill('Dua draf surat dinas, masing-masing 2 halaman');
    await activity.getByLabel('Jam (opsional)').fill('3,5');
    await activity.getByLabel('Target (opsional)').selectOption({ label: 'Draf surat dinas (dokumen)' });
    await activity.getByLabel('Jumlah untuk target').fill('2');
    await page.getByLabel('Kendala').fill('Koneksi VPN sempat terputus pukul 10.00');
    await page.getByLabel('Rencana hari kerja berikutnya').fill('Finalisasi surat dinas dan kirim ke atasan');

    await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/^Draf tersimpan/);
    await expect.poll(() => stack.companion.reports.daily.view(TODAY).report?.plan).toBe('Finalisasi surat dinas dan kirim ke atasan');
    const stored = stack.companion.reports.daily.view(TODAY).report!;
    expect(stored.state).toBe('draft');
    expect(stored.activities[0]?.hours).toBe(3.5);
    expect(stored.activities[0]?.quantity).toBe(2);
  });

  it('keeps the draft across a reload', async () => {
    await page.reload();
    const activity = page.getByRole('group', { name: 'Kegiatan 1' });
    await expect.poll(() => activity.getByLabel('Uraian kegiatan').inputValue()).toBe('Menyusun draf surat dinas untuk bagian kepegawaian');
    expect(await activity.getByLabel('Jam (opsional)').inputValue()).toBe('3,5');
    expect(await page.getByLabel('Kendala').inputValue()).toBe('Koneksi VPN sempat terputus pukul 10.00');
  });

  it('restores typing cut off by a reload', async () => {
    // The reload comes before the autosave delay ends, so only the browser copy has this text.
    await page.getByLabel('Rencana hari kerja berikutnya').fill('Finalisasi surat dinas dan kirim ke atasan besok pagi');
    await page.reload();
    await page.getByText('Perubahan yang belum sempat tersimpan dipulihkan.').waitFor();
    await expect.poll(() => page.getByLabel('Rencana hari kerja berikutnya').inputValue()).toBe('Finalisasi surat dinas dan kirim ke atasan besok pagi');
    await expect.poll(() => stack.companion.reports.daily.view(TODAY).report?.plan).toBe('Finalisasi surat dinas dan kirim ke atasan besok pagi');

    await page.getByLabel('Rencana hari kerja berikutnya').fill('Finalisasi surat dinas dan kirim ke atasan');
    await expect.poll(() => stack.companion.reports.daily.view(TODAY).report?.plan).toBe('Finalisasi surat dinas dan kirim ke atasan');
  });

  it('shows a limit error beside its field', async () => {
    const revision = stack.companion.reports.daily.view(TODAY).report!.revision;
    await page.getByRole('button', { name: 'Tambah kegiatan' }).click();
    const second = page.getByRole('group', { name: 'Kegiatan 2' });
    const tooLong = 'Rapat koordinasi mingguan. '.repeat(40);
    await second.getByLabel('Uraian kegiatan').fill(tooLong);

    await second.getByText(/Kegiatan 2: Uraian kegiatan terlalu panjang: \d+ karakter, batasnya 1000/).waitFor();
    expect(await second.getByLabel('Uraian kegiatan').getAttribute('aria-invalid')).toBe('true');
    expect(await second.getByLabel('Uraian kegiatan').inputValue()).toBe(tooLong);
    expect(await page.getByTestId('save-status').textContent()).toBe('Draf belum tersimpan di aplikasi. Isian Anda tetap ada di layar ini.');
    expect(stack.companion.reports.daily.view(TODAY).report!.revision).toBe(revision);

    await page.getByRole('button', { name: 'Hapus kegiatan 2' }).click();
    await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/^Draf tersimpan/);
    expect(stack.companion.reports.daily.view(TODAY).report!.activities).toHaveLength(1);
  });

  it('marks a past working day as late', async () => {
    await page.getByLabel('Tanggal laporan').fill('2026-12-01');
    await page.getByRole('heading', { name: 'Laporan harian: Selasa, 1 Desember 2026' }).waitFor();
    expect(await page.getByText('Laporan untuk Selasa, 1 Desember 2026 dikirim setelah harinya berakhir, jadi akan ditandai terlambat.').isVisible()).toBe(true);

    const activity = page.getByRole('group', { name: 'Kegiatan 1' });
    await activity.getByLabel('Keluaran atau hasil kerja').fill('Notula rapat koordinasi');
    await page.getByRole('button', { name: 'Kirim', exact: true }).click();
    await activity.getByText('Kegiatan 1: Uraian kegiatan belum diisi. Lengkapi lalu coba lagi.').waitFor();
    expect(await activity.getByLabel('Uraian kegiatan').getAttribute('aria-invalid')).toBe('true');
    expect(stack.companion.reports.daily.view('2026-12-01').report?.state).toBe('draft');
    expect(await activity.getByLabel('Keluaran atau hasil kerja').inputValue()).toBe('Notula rapat koordinasi');
    await page.getByRole('button', { name: 'Hari ini' }).click();
    await page.getByRole('heading', { name: 'Laporan harian: Rabu, 2 Desember 2026' }).waitFor();
  });

  it('submits the report once', async () => {
    await page.getByRole('button', { name: 'Kirim', exact: true }).click();
    const delivery = page.getByTestId('report-delivery');
    await expect.poll(() => delivery.textContent()).toBe('Dalam antrean, menunggu dikirim ke sistem pusat.');
    expect(stack.companion.reports.daily.view(TODAY).report?.state).toBe('submitted');
    expect(await page.getByText('Laporan ini sudah dikirim dan tidak dapat diubah lagi.').isVisible()).toBe(true);

    await stack.companion.flush();
    await expect.poll(() => delivery.textContent()).toMatch(/^Diterima sistem pusat 2 Desember 2026, 14\.00 WIB/);
    await stack.companion.flush();

    const reports = (await receivedEvents(stack.centralUrl)).filter((event) => event.type === 'report.daily_report');
    expect(reports).toHaveLength(1);
    expect(reports[0]?.payload).toMatchObject({ date: TODAY, late: false, plan: 'Finalisasi surat dinas dan kirim ke atasan' });
    await session.screenshot('laporan-id');
  });

  it('shows the count and progress on Kinerja', async () => {
    await page.getByRole('navigation', { name: 'Halaman' }).getByRole('link', { name: 'Kinerja' }).click();
    await page.getByTestId('kinerja').waitFor();
    const dashboard = stack.companion.reports.dashboard();
    expect(dashboard.month.reportsSubmitted).toBe(1);

    const expected =
      `1 laporan terkirim untuk ${dashboard.month.workingDays} hari kerja sampai hari ini; ` +
      `0 terlambat, ${dashboard.month.missingDates.length} belum ada.`;
    expect(await page.getByTestId('kinerja-reports').textContent()).toBe(expected);
    const row = page.getByTestId('targets-table').getByRole('row', { name: /Draf surat dinas/ });
    expect(await row.getByText('2 dari 4 dokumen (50%)').isVisible()).toBe(true);
    expect(await row.getByText('Berjalan').isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: 'Kemajuan target dalam persen' }).isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: 'Laporan harian bulan ini: tepat waktu, terlambat dan belum ada' }).isVisible()).toBe(true);
  });

  it('flags a target past its deadline', async () => {
    await page.getByRole('button', { name: 'Tambah target' }).click();
    const form = page.getByTestId('target-form');
    await form.getByLabel('Nama target').fill('Telaah nota dinas');
    await form.getByLabel('Jumlah').fill('3');
    await form.getByLabel('Satuan').fill('nota');
    await form.getByLabel('Tenggat').fill('2026-12-01');
    await form.getByRole('button', { name: 'Simpan target' }).click();

    const row = page.getByTestId('targets-table').getByRole('row', { name: /Telaah nota dinas/ });
    await row.waitFor();
    expect(await row.getByText('0 dari 3 nota (0%)').isVisible()).toBe(true);
    expect(await row.getByText('Terlewat tenggat').isVisible()).toBe(true);
    expect(await page.getByTestId('targets-missed').textContent()).toBe('Target yang terlewat tenggatnya: 1.');
    await session.screenshot('kinerja-id');
  });

  it('counts the report in the weekly summary', async () => {
    await page.getByRole('navigation', { name: 'Halaman' }).getByRole('link', { name: 'Laporan Harian' }).click();
    const totals = page.getByTestId('weekly-summary').getByTestId('weekly-totals');
    await totals.waitFor();
    expect(await totals.getByRole('row', { name: /^Laporan terkirim/ }).getByRole('cell').textContent()).toBe('1');
    expect(await totals.getByRole('row', { name: /^Kegiatan selesai/ }).getByRole('cell').textContent()).toBe('1');
    expect(await totals.getByRole('row', { name: /^Jam menurut laporan/ }).getByRole('cell').textContent()).toBe('3,50');
  });

  it('opens the summary for printing', async () => {
    const opened = page.context().waitForEvent('page');
    await page.getByTestId('weekly-summary').getByRole('button', { name: 'Ekspor PDF' }).click();
    const printable = await opened;
    await printable.waitForLoadState();
    expect(await printable.getByRole('heading', { level: 1 }).textContent()).toContain('Ringkasan Kinerja Mingguan');
    expect(await page.getByTestId('weekly-outcome').textContent()).toBe('Ringkasan dibuka di tab baru. Cetak ke PDF dari sana (Ctrl+P).');
    await printable.close();
  });

  it('downloads the weekly summary as HTML', async () => {
    const summary = page.getByTestId('weekly-summary');
    const downloaded = page.waitForEvent('download');
    await summary.getByRole('button', { name: 'Unduh HTML' }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe('ringkasan-mingguan-2026-11-30.html');
    const html = await readFile((await download.path())!, 'utf8');
    expect(html).toContain('Menyusun draf surat dinas untuk bagian kepegawaian');
  });

  it('submits the weekly summary with notes', async () => {
    const summary = page.getByTestId('weekly-summary');
    await summary.getByLabel('Catatan untuk rapat mingguan').fill('Mohon arahan format surat dinas');
    await summary.getByRole('button', { name: 'Kirim ringkasan' }).click();
    await expect.poll(() => summary.getByTestId('weekly-outcome').textContent()).toBe('Ringkasan dikirim 2 Desember 2026, 14.00 WIB.');
    expect(await summary.getByLabel('Catatan untuk rapat mingguan').isDisabled()).toBe(true);

    await stack.companion.flush();
    const weekly = (await receivedEvents(stack.centralUrl)).filter((event) => event.type === 'report.weekly_summary');
    expect(weekly).toHaveLength(1);
    expect(weekly[0]?.payload).toMatchObject({ weekStart: '2026-11-30', notes: 'Mohon arahan format surat dinas' });
  });
});

describe.skipIf(missingChromium !== null)('Weekly summary HTML in Chromium', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await openE2eSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the fixture totals in the DOM', async () => {
    const html = renderWeeklySummaryHtml(fixtureWeek(), { language: 'id', zone: 'Asia/Jakarta' });
    await session.page.setContent(html);
    const total = (key: string) => session.page.locator(`td[data-total="${key}"]`).textContent();
    expect(await total('workingDays')).toBe('5');
    expect(await total('reportsSubmitted')).toBe('2');
    expect(await total('reportsLate')).toBe('1');
    expect(await total('reportsMissing')).toBe('2');
    expect(await total('activities')).toBe('4');
    expect(await total('activitiesDone')).toBe('2');
    expect(await total('activitiesBlocked')).toBe('1');
    expect(await session.page.locator('tr[data-date="2026-11-30"]').textContent()).toContain('Rapat koordinasi <bagian> & umum');
    expect(await session.page.locator('script').count()).toBe(0);
  });

  it('prints the fixture week to PDF', async () => {
    const html = renderWeeklySummaryHtml(fixtureWeek(), { language: 'id', zone: 'Asia/Jakarta' });
    await session.page.setContent(html);
    const path = join(SCREENSHOT_DIR, 'ringkasan-mingguan-2026-11-30.pdf');
    await session.page.pdf({ path, format: 'A4', printBackground: true });
    const pdf = await readFile(path);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.byteLength).toBeGreaterThan(10_000);
  });
});
