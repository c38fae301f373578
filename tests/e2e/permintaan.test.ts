// Urgent requests in headless Chromium against the real core and the real reference server: an
// administrator posts an emergency, the home page and the Permintaan page show it with a live
// countdown, "Terima" then "Selesai" answer it, and the server receives both events.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postUrgentRequestResponseSchema } from '../../shared/central-api-requests';
import { chromiumMissingReason } from '../harness/chromium';
import { openE2eSession, receivedEvents, type E2eSession } from '../harness/e2e-session';
import type { WebStack } from '../harness/web-bridge';

// The browser runs in a zone far from Jakarta, so a time shown in the browser's own zone would fail.
const BROWSER_ZONE = 'America/New_York';

const SUBJECT = 'Data realisasi anggaran triwulan I';
const SENDER = 'Kepala Bidang Perencanaan';
const ANSWER = 'Sudah saya kirim lewat surel dinas pukul ini.';

/** Countdown text while time is left: "Sisa 29 menit 59 detik" (under an hour) or "Sisa 1 jam 5 menit". */
const REMAINING = /^Sisa (\d+ menit \d+ detik|\d+ jam \d+ menit)$/;

async function postEmergency(centralUrl: string): Promise<{ id: string; dueAt: number }> {
  const response = await fetch(`${centralUrl}/admin/requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ level: 'emergency', sender: SENDER, subject: SUBJECT, body: 'Mohon dikirim sebelum rapat pimpinan.' }),
  });
  if (response.status !== 201) throw new Error(`POST /admin/requests returned ${response.status}: ${await response.text()}`);
  return postUrgentRequestResponseSchema.parse(await response.json());
}

function requestCard(page: Page, id: string): Locator {
  return page.locator(`[data-testid="request-card"][data-request-id="${id}"]`);
}

const missingChromium = chromiumMissingReason();
if (missingChromium) console.warn(`Skipping the browser tests: ${missingChromium}`);

describe.skipIf(missingChromium !== null)('Permintaan in Chromium', () => {
  let session: E2eSession;
  let stack: WebStack;
  let page: Page;
  let posted: { id: string; dueAt: number };

  beforeAll(async () => {
    session = await openE2eSession({ browser: { timezoneId: BROWSER_ZONE } });
    ({ stack, page } = session);
    posted = await postEmergency(stack.centralUrl);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('receives the emergency with a countdown', async () => {
    await page.goto(`${stack.pageUrl}#/permintaan`);
    await page.getByRole('heading', { level: 1, name: 'Permintaan' }).waitFor();

    await page.getByRole('button', { name: 'Periksa sekarang' }).click();
    const card = requestCard(page, posted.id);
    await card.waitFor();

    expect(await card.getByRole('heading', { name: SUBJECT }).isVisible()).toBe(true);
    expect(await card.getByText('Darurat', { exact: true }).isVisible()).toBe(true);
    expect(await card.getByTestId('request-state').textContent()).toBe('Baru');
    expect(await card.getByText(SENDER).isVisible()).toBe(true);

    // 30 minutes for an emergency under the default policy, counted from the server's time.
    const timer = card.getByRole('timer');
    const first = (await timer.textContent()) ?? '';
    expect(first).toMatch(REMAINING);
    expect(first).toMatch(/^Sisa (29|30) m/);
    await page.waitForTimeout(1_500);
    expect(await timer.textContent()).not.toBe(first);
  });

  it('lists it on the home page', async () => {
    await page.getByRole('link', { name: 'Beranda' }).click();
    const list = page.getByTestId('home-requests');
    await list.waitFor();

    expect(await list.getByRole('link', { name: SUBJECT }).isVisible()).toBe(true);
    expect(await list.getByText('Darurat', { exact: true }).isVisible()).toBe(true);
    expect(await list.getByRole('timer').textContent()).toMatch(REMAINING);
  });

  it('opens the request from the home page', async () => {
    await page.getByTestId('home-requests').getByRole('link', { name: SUBJECT }).click();

    await page.waitForURL(new RegExp(`#/permintaan/${posted.id}$`));
    const card = requestCard(page, posted.id);
    await card.waitFor();
    expect(await card.getAttribute('class')).toContain('request-target');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Permintaan');
  });

  it('acknowledges with Terima', async () => {
    const card = requestCard(page, posted.id);

    await card.getByRole('button', { name: 'Terima' }).click();
    await card.getByRole('button', { name: 'Terima' }).waitFor({ state: 'detached' });

    expect(await card.getByTestId('request-state').textContent()).toBe('Diterima');
    expect(stack.companion.requests.get(posted.id).acknowledgedAt).not.toBeNull();
  });

  it('answers with Selesai', async () => {
    const card = requestCard(page, posted.id);

    await card.getByRole('textbox', { name: 'Jawaban singkat' }).fill(ANSWER);
    await card.getByRole('button', { name: 'Selesai' }).click();
    await card.getByTestId('request-response-time').waitFor();

    expect(await card.getByTestId('request-state').textContent()).toBe('Selesai');
    expect(await card.getByText(ANSWER).isVisible()).toBe(true);
    expect(await card.getByTestId('request-response-time').textContent()).toMatch(/ dari batas 30 menit 0 detik, tepat waktu$/);
    expect(await card.getByRole('timer').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Sudah dijawab (1)' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Belum dijawab (0)' }).isVisible()).toBe(true);

    await session.screenshot('permintaan-id');
  });

  it('delivers both answers to the server', async () => {
    await stack.companion.flush();

    const events = await receivedEvents(stack.centralUrl);
    const acknowledged = events.filter((event) => event.type === 'request.acknowledged');
    const answered = events.filter((event) => event.type === 'request.answered');
    expect(acknowledged).toHaveLength(1);
    expect(answered).toHaveLength(1);
    expect(acknowledged[0]?.payload).toMatchObject({ requestId: posted.id, level: 'emergency', dueAt: posted.dueAt });
    expect(answered[0]?.payload).toMatchObject({ requestId: posted.id, level: 'emergency', text: ANSWER, onTime: true });
    expect(answered[0]!.occurredAt).toBeGreaterThanOrEqual(acknowledged[0]!.occurredAt);
  });

  it('shows the answer in English', async () => {
    await page.getByRole('radio', { name: 'English' }).or(page.getByRole('button', { name: 'English' })).click();
    const card = requestCard(page, posted.id);
    await page.getByRole('heading', { name: 'Answered (1)' }).waitFor();

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Requests');
    expect(await card.getByText('Emergency', { exact: true }).isVisible()).toBe(true);
    expect(await card.getByTestId('request-state').textContent()).toBe('Done');
    expect(await card.getByTestId('request-response-time').textContent()).toMatch(/ of 30 min 0 s allowed, on time$/);
  });
});
