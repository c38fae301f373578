// A failing check with its remediation in Bahasa Indonesia, and "Periksa ulang" re-running that check
// alone, in headless Chromium against the real core. This machine has no battery and no UPS, so the
// backup-power check fails with its steps.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissingReason } from '../harness/chromium';
import { openE2eSession, type E2eSession } from '../harness/e2e-session';
import type { WebStack } from '../harness/web-bridge';

const missingChromium = chromiumMissingReason();

describe.skipIf(missingChromium !== null)('Periksa ulang in Chromium', () => {
  let session: E2eSession;
  let stack: WebStack;
  let page: Page;

  beforeAll(async () => {
    session = await openE2eSession({ browser: { timezoneId: 'Asia/Jakarta' } });
    ({ stack, page } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows a failing check with its steps and re-runs that check alone', async () => {
    await page.goto(stack.pageUrl);
    // The input itself is visually hidden (React Aria), so the user clicks its label.
    await page.getByText('Koneksi internet cadangan', { exact: true }).click();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Koneksi internet cadangan' }).isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('attestation-alternative-internet').textContent()).toMatch(/^Dinyatakan /);

    await page.getByRole('button', { name: 'Jalankan pemeriksaan' }).click();
    await page.getByText(/^Pemeriksaan selesai dan tersimpan\. Hasil keseluruhan: /).waitFor({ timeout: 90_000 });
    const before = stack.companion.status().lastSnapshot!;
    expect(before.attestations).toEqual([expect.objectContaining({ kind: 'alternative-internet', holds: true, basis: 'declared' })]);
    const power = before.checks.find((check) => check.check === 'power')!;
    expect(power.verdict).toBe('fail');

    const card = page.getByRole('article', { name: 'Daya cadangan' });
    expect(await card.locator('.verdict').textContent()).toContain('Gagal');
    expect(await card.getByRole('heading', { name: 'Langkah perbaikan' }).isVisible()).toBe(true);
    const steps = await card.locator('.remediation li').allTextContents();
    expect(steps).toEqual(power.remediation.map((step) => step.id));
    expect(steps[0]).toContain('Bekerjalah dengan laptop');
    await session.screenshot('periksa-ulang-id');

    await card.getByRole('button', { name: 'Periksa ulang' }).click();
    await page.getByText(/^Pemeriksaan selesai dan tersimpan\. Hasil keseluruhan: /).waitFor({ timeout: 30_000 });
    await expect.poll(() => stack.companion.status().lastSnapshot?.id).not.toBe(before.id);

    const after = stack.companion.status().lastSnapshot!;
    const startedAt = (snapshot: typeof before, name: string) => snapshot.checks.find((check) => check.check === name)!.startedAt;
    expect(after.checks.map((check) => check.check)).toEqual(['speed', 'vpn', 'power']);
    expect(startedAt(after, 'power')).toBeGreaterThan(startedAt(before, 'power'));
    expect(startedAt(after, 'speed')).toBe(startedAt(before, 'speed'));
    expect(startedAt(after, 'vpn')).toBe(startedAt(before, 'vpn'));
    // A passing check offers no recheck.
    if (before.checks.find((check) => check.check === 'speed')!.verdict === 'pass') {
      expect(await page.getByRole('article', { name: 'Kecepatan internet' }).getByRole('button', { name: 'Periksa ulang' }).count()).toBe(0);
    }
  });
});
