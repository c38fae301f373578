// The Kepatuhan page in headless Chromium against the real core, in Bahasa Indonesia. A check run from
// Beranda appears in the history with its failing backup-power check, because this machine has no
// battery and no UPS. Its remediation ends with the agency helpdesk from the policy, and "Ekspor"
// downloads a signed file that the CLI's verification accepts.
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySnapshotCommand } from '../../electron/cli/snapshot-command';
import { articleProfile } from '../../electron/core/policy/profiles';
import { chromiumMissingReason, launchChromium, type ChromiumSession } from '../harness/chromium';
import { startWebStack, type WebStack } from '../harness/web-bridge';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const screenshotDir = resolve(import.meta.dirname, '../../test-results/e2e');
const missingChromium = chromiumMissingReason();

const helpdesk = {
  name: { id: 'Helpdesk TI Biro Umum', en: 'the General Bureau IT helpdesk' },
  phone: '+62 21 5550 1234',
  email: 'helpdesk@instansi.example',
  hours: { id: 'Senin–Jumat 08.00–16.00 WIB', en: 'Monday to Friday 08:00–16:00 WIB' },
};

/**
 * Runs axe-core in the page and lists its serious and critical violations, one line each. React Aria's
 * live announcer is left out: a pending Button announces itself by aria-labelledby, and after the
 * button unmounts (Beranda's "Jalankan pemeriksaan" when the page changes) the reference dangles for
 * 7 s (https://github.com/adobe/react-spectrum/issues/10579).
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: object): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run({ exclude: [['[data-live-announcer]']] }, { resultTypes: ['violations'] })).violations;
  })) as Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;

  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe.skipIf(missingChromium !== null)('Kepatuhan in Chromium', () => {
  let stack: WebStack;
  let browser: ChromiumSession;
  let page: Page;
  let downloads: string;

  beforeAll(async () => {
    await mkdir(screenshotDir, { recursive: true });
    downloads = await mkdtemp(join(tmpdir(), 'asn-e2e-downloads-'));
    stack = await startWebStack();
    stack.companion.policies.install({ ...articleProfile, id: 'instansi-uji', agencySupport: { contacts: [helpdesk] } }, Date.now());
    browser = await launchChromium({ timezoneId: 'Europe/Amsterdam' });
    page = await browser.context.newPage();
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await rm(downloads, { recursive: true, force: true });
  });

  it('shows the failing check with the agency helpdesk and exports a valid file', async () => {
    await page.goto(stack.pageUrl);
    await page.getByText('Ruang kerja khusus dan layak di rumah', { exact: true }).click();
    await expect.poll(() => page.getByTestId('attestation-dedicated-workspace').textContent()).toMatch(/^Dinyatakan /);
    await page.getByRole('button', { name: 'Jalankan pemeriksaan' }).click();
    await page.getByText(/^Pemeriksaan selesai dan tersimpan\. Hasil keseluruhan: /).waitFor({ timeout: 90_000 });
    const stored = stack.companion.status().lastSnapshot!;

    // The page opens from the navigation with the keyboard.
    await page.getByRole('navigation', { name: 'Halaman' }).getByRole('link', { name: 'Kepatuhan' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Riwayat pemeriksaan' }).waitFor();

    const history = page.getByRole('listbox', { name: /^Riwayat pemeriksaan/ });
    const entry = history.getByRole('option').first();
    await entry.waitFor();
    const entryText = (await entry.textContent()) ?? '';
    // Times are in the policy zone (WIB), although the browser believes it is in Amsterdam.
    expect(entryText).toMatch(/\d{2}\.\d{2} WIB/);
    expect(entryText).toContain('Daya cadangan: Gagal');
    expect(entryText).toContain('1 pernyataan (dinyatakan)');
    expect(await entry.locator('[data-check="power"]').getAttribute('class')).toContain('verdict-fail');

    await entry.focus();
    await page.keyboard.press('Enter');
    expect(await entry.getAttribute('aria-selected')).toBe('true');

    const detail = page.locator(`.snapshot-detail[data-snapshot-id="${stored.id}"]`);
    await detail.waitFor();
    const power = detail.getByRole('article', { name: 'Daya cadangan' });
    expect(await power.locator('.verdict').textContent()).toContain('Gagal');
    const steps = await power.locator('.remediation li').allTextContents();
    expect(steps.at(-1)).toBe(
      'Bila masih belum teratasi, hubungi Helpdesk TI Biro Umum: telepon +62 21 5550 1234, surel helpdesk@instansi.example, layanan Senin–Jumat 08.00–16.00 WIB.',
    );
    expect(steps.length).toBeGreaterThan(1);
    const declared = detail.locator('[data-kind="dedicated-workspace"]');
    expect(await declared.textContent()).toContain('dinyatakan');
    await page.screenshot({ path: join(screenshotDir, 'kepatuhan-id.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    const exportButton = detail.getByRole('button', { name: 'Ekspor' });
    await exportButton.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe(`snapshot-${stored.id}.json`);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    await page.getByText(`Snapshot diekspor sebagai snapshot-${stored.id}.json`).waitFor();

    const output: string[] = [];
    const errors: string[] = [];
    const status = verifySnapshotCommand({ action: 'verify', target: file, id: undefined, out: undefined, publicKey: undefined }, 'id', {
      stdout: (line) => output.push(line),
      stderr: (line) => errors.push(line),
    });

    expect(errors).toEqual([]);
    expect(status).toBe(0);
    expect(output[0]).toMatch(new RegExp(`^SAH: snapshot ${stored.id} `));
    expect(JSON.parse(await readFile(file, 'utf8')).snapshot.checks.find((check: { check: string }) => check.check === 'power').remediation.at(-1).id).toContain('Helpdesk TI Biro Umum');
  });

  it('shows the same history in English', async () => {
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Check history' }).waitFor();

    const entry = page.getByRole('listbox', { name: /^Check history/ }).getByRole('option').first();
    expect(await entry.textContent()).toContain('Backup power: Fail');
    expect(await entry.textContent()).toContain('1 declaration (declared)');

    const power = page.locator('.snapshot-detail').getByRole('article', { name: 'Backup power' });
    await power.waitFor();
    const steps = await power.locator('.remediation li').allTextContents();
    expect(steps.at(-1)).toBe(
      'If this does not solve it, contact the General Bureau IT helpdesk: phone +62 21 5550 1234, e-mail helpdesk@instansi.example, hours Monday to Friday 08:00–16:00 WIB.',
    );
  });
});
