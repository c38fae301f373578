// The Klaim and Pelatihan pages in headless Chromium against the real core and the reference
// central server. A claim with a receipt is submitted, approved through the server's admin endpoint
// and shown approved. A renamed program is rejected, and the training record set on the server is shown.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissingReason } from '../harness/chromium';
import { openE2eSession, type E2eSession } from '../harness/e2e-session';
import { elfProgram, pdfReceipt } from '../harness/receipt-files';
import type { WebStack } from '../harness/web-bridge';

const missingChromium = chromiumMissingReason();

async function adminPost(centralUrl: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${centralUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 200) throw new Error(`POST ${path} returned ${response.status}: ${await response.text()}`);
}

describe.skipIf(missingChromium !== null)('Klaim in Chromium', () => {
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

  it('opens Klaim from the navigation with the keyboard', async () => {
    await page.goto(stack.pageUrl);
    const nav = page.getByRole('navigation', { name: 'Halaman' });
    await nav.getByRole('link', { name: 'Klaim Tunjangan' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Klaim Tunjangan' }).waitFor();
    expect(await page.getByText('Rp 500.000 per bulan').isVisible()).toBe(true);
    expect(await page.getByText('Rp 5.000.000 sekali').isVisible()).toBe(true);
  });

  it('refuses a program renamed receipt.pdf and keeps the draft', async () => {
    await page.getByLabel('Nominal (rupiah)').fill('450000');
    await page.getByLabel('Keterangan').fill('Paket internet rumah');
    await page.getByLabel('Bukti (PDF, JPEG atau PNG)').setInputFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: elfProgram() });

    const alert = page.getByRole('alert');
    await alert.getByText(/isinya bukan PDF, JPEG, PNG, melainkan program yang dapat dijalankan \(ELF\)/).waitFor();
    expect(await page.getByText('Belum ada bukti.').isVisible()).toBe(true);
    const [draft] = stack.companion.claims.view().claims;
    expect(draft?.status).toBe('draft');
    expect(draft?.amountRupiah).toBe(450_000);
  });

  it('submits a claim that the server approves', async () => {
    await page.getByLabel('Bukti (PDF, JPEG atau PNG)').setInputFiles({ name: 'kuitansi.pdf', mimeType: 'application/pdf', buffer: pdfReceipt() });
    await page.getByTestId('receipt-list').getByText('kuitansi.pdf', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Ajukan klaim' }).click();
    const row = page.getByTestId('claim-row');
    await row.getByText('Diajukan').waitFor();
    expect(await row.getByText('Rp 450.000').isVisible()).toBe(true);

    const [claim] = stack.companion.claims.view().claims;
    expect(claim?.decisionDeadline).not.toBeNull();
    await stack.companion.flush();
    await adminPost(stack.centralUrl, '/admin/claims/decision', { claimId: claim!.id, action: 'approve' });

    await page.getByRole('button', { name: 'Perbarui status' }).click();
    await row.getByText('Disetujui').waitFor();
    expect(stack.companion.claims.claim(claim!.id).status).toBe('approved');
    await session.screenshot('klaim-id');
  });

  it('shows the approved claim in English', async () => {
    await page.getByRole('radio', { name: 'English' }).or(page.getByRole('button', { name: 'English' })).click();
    await page.getByRole('heading', { level: 1, name: 'Allowance claims' }).waitFor();
    const row = page.getByTestId('claim-row');
    await row.getByText('Approved').waitFor();
    expect(await row.getByText('Rp 450.000').isVisible()).toBe(true);
    await session.screenshot('klaim-en');
    await page.getByRole('radio', { name: 'Bahasa Indonesia' }).or(page.getByRole('button', { name: 'Bahasa Indonesia' })).click();
    await page.getByRole('heading', { level: 1, name: 'Klaim Tunjangan' }).waitFor();
  });

  it('shows the training record from the server', async () => {
    const deviceId = stack.companion.enrollment.current()!.deviceId;
    const completedAt = Date.parse('2026-02-10T03:00:00Z');
    await adminPost(stack.centralUrl, '/admin/training', {
      deviceId,
      modules: [
        { id: 'm1', title: 'Keamanan siber dasar', completedAt },
        { id: 'm2', title: 'Tata kelola data', completedAt: null },
      ],
      certificates: [],
    });

    await page.getByRole('navigation', { name: 'Halaman' }).getByRole('link', { name: 'Pelatihan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pelatihan' }).waitFor();
    await page.getByText('1 dari 2 modul selesai').waitFor();
    expect(await page.getByText('Belum tersertifikasi').first().isVisible()).toBe(true);
    expect(await page.getByText('Rp 300.000 per bulan setelah sertifikasi').isVisible()).toBe(true);
    await session.screenshot('pelatihan-id');
  });
});
