// Allowance claims through the real stack: a Companion on a temporary data folder, its outbox and
// the reference central server on 127.0.0.1, which receives the claim and decides it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../central/server';
import type { Companion } from '../../electron/core/companion';
import { isCompanionError } from '../../electron/core/errors';
import { openEnrolledCompanion, type EnrolledCompanion } from '../harness/enrolled-companion';
import { elfProgram, pdfReceipt, pngReceipt, shellScript } from '../harness/receipt-files';

// Friday 2026-03-13, 10:00 WIB.
const SUBMITTED_AT = Date.parse('2026-03-13T03:00:00Z');

let world: EnrolledCompanion;
let central: CentralServer;
let companion: Companion;
let clock: number;
let statuses: number[];

beforeEach(async () => {
  clock = SUBMITTED_AT;
  world = await openEnrolledCompanion({ now: () => clock });
  ({ central, companion, statuses } = world);
});

afterEach(async () => {
  await world.close();
});

/** Runs fn and returns the CompanionError it throws; any other outcome fails the test. */
function rejectionOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (isCompanionError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal, but the call succeeded');
}

function internetDraft(period = '2026-03', amountRupiah = 450_000) {
  return companion.claims.saveDraft({ type: 'internet', period, amountRupiah, description: 'Paket internet rumah' });
}

async function decide(claimId: string, action: 'approve' | 'reject' | 'pay', reason?: string): Promise<Response> {
  return fetch(`${central.url}/admin/claims/decision`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ claimId, action, ...(reason ? { reason } : {}) }),
  });
}

describe('claim rules', () => {
  it('submits with a deadline of 14 working days', () => {
    const draft = internetDraft();
    companion.claims.attachReceipt(draft.id, 'kuitansi.pdf', pdfReceipt());
    const submitted = companion.claims.submit(draft.id);
    // Day 1 is Monday 16 Mar; 18-24 Mar are Nyepi, Idul Fitri and cuti bersama; 3 Apr is Good Friday.
    expect(submitted.decisionDeadline).toBe('2026-04-10');
    expect(submitted.status).toBe('submitted');
  });

  it('refuses a second setup claim', () => {
    const first = companion.claims.saveDraft({ type: 'workspace-setup', period: 'once', amountRupiah: 5_000_000, description: 'Meja dan kursi' });
    companion.claims.attachReceipt(first.id, 'meja.pdf', pdfReceipt());
    companion.claims.submit(first.id);

    const second = companion.claims.saveDraft({ type: 'workspace-setup', period: 'once', amountRupiah: 1_000_000, description: 'Lampu meja' });
    companion.claims.attachReceipt(second.id, 'lampu.png', pngReceipt());
    const error = rejectionOf(() => companion.claims.submit(second.id));
    expect(error.code).toBe('claim_once_already_claimed');
    expect(error.text.id).toContain('hanya bisa diklaim sekali');
    expect(error.text.en).toContain(`claim ${first.id} has already been submitted`);
    expect(companion.claims.claim(second.id).status).toBe('draft');
  });

  it('refuses a second claim for the month', () => {
    const first = internetDraft();
    companion.claims.attachReceipt(first.id, 'maret.pdf', pdfReceipt());
    companion.claims.submit(first.id);
    const second = internetDraft('2026-03', 100_000);
    companion.claims.attachReceipt(second.id, 'maret-2.png', pngReceipt());
    expect(rejectionOf(() => companion.claims.submit(second.id)).code).toBe('claim_month_already_claimed');
  });

  it('allows the same allowance for another month', () => {
    const march = internetDraft('2026-03');
    companion.claims.attachReceipt(march.id, 'maret.pdf', pdfReceipt());
    companion.claims.submit(march.id);
    const february = internetDraft('2026-02');
    companion.claims.attachReceipt(february.id, 'februari.pdf', pdfReceipt(10));
    expect(companion.claims.submit(february.id).status).toBe('submitted');
  });

  it('refuses an amount above the policy', () => {
    const error = rejectionOf(() => internetDraft('2026-03', 500_001));
    expect(error.code).toBe('claim_amount_over_limit');
    expect(error.text.id).toContain('Rp 500.000');
  });

  it('refuses a month after the current one', () => {
    expect(rejectionOf(() => internetDraft('2026-04')).code).toBe('claim_period_out_of_range');
  });

  it('refuses a claim without a receipt', () => {
    const draft = internetDraft();
    expect(rejectionOf(() => companion.claims.submit(draft.id)).code).toBe('claim_receipt_missing');
    expect(companion.claims.claim(draft.id).status).toBe('draft');
  });

  it('refuses claims under the regulation profile', () => {
    companion.policies.useBuiltIn('perpres-21-2023', clock);
    expect(rejectionOf(() => internetDraft()).code).toBe('allowance_unset');
  });
});

describe('receipts', () => {
  it('refuses an ELF program named receipt.pdf', () => {
    const draft = internetDraft();
    const error = rejectionOf(() => companion.claims.attachReceipt(draft.id, 'receipt.pdf', elfProgram()));
    expect(error.code).toBe('receipt_type_rejected');
    expect(error.text.en).toContain('executable program (ELF)');
    expect(companion.claims.claim(draft.id).receipts).toEqual([]);
  });

  it('refuses a shell script named receipt.pdf', () => {
    const draft = internetDraft();
    const error = rejectionOf(() => companion.claims.attachReceipt(draft.id, 'receipt.pdf', shellScript()));
    expect(error.text.en).toContain('a script');
  });

  it('refuses an over-limit file and keeps the draft', () => {
    const draft = internetDraft();
    companion.claims.attachReceipt(draft.id, 'kecil.png', pngReceipt());
    const limit = companion.policies.active().allowances.receipts.maxBytes;
    const error = rejectionOf(() => companion.claims.attachReceipt(draft.id, 'besar.pdf', pdfReceipt(limit)));
    expect(error.code).toBe('receipt_too_large');
    expect(error.text.id).toContain('melebihi batas 2,0 MiB');

    const kept = companion.claims.claim(draft.id);
    expect(kept.status).toBe('draft');
    expect(kept.amountRupiah).toBe(450_000);
    expect(kept.receipts.map((receipt) => receipt.fileName)).toEqual(['kecil.png']);
  });

  it('stores the same content once by SHA-256', () => {
    const first = internetDraft('2026-02');
    const second = internetDraft('2026-03');
    const a = companion.claims.attachReceipt(first.id, 'a.pdf', pdfReceipt()).receipts[0]!;
    const b = companion.claims.attachReceipt(second.id, 'b.pdf', pdfReceipt()).receipts[0]!;
    expect(b.sha256).toBe(a.sha256);
    const folder = join(world.dataDir, 'receipts', a.sha256.slice(0, 2));
    expect(readdirSync(folder)).toEqual([a.sha256]);
    expect(readFileSync(join(folder, a.sha256)).equals(pdfReceipt())).toBe(true);
  });

  it('refuses a fourth receipt', () => {
    const draft = internetDraft();
    for (const padding of [1, 2, 3]) companion.claims.attachReceipt(draft.id, `r${padding}.pdf`, pdfReceipt(padding));
    expect(rejectionOf(() => companion.claims.attachReceipt(draft.id, 'r4.pdf', pdfReceipt(4))).code).toBe('claim_receipts_too_many');
  });
});

describe('claim status from the central system', () => {
  it('shows approval, then payment', async () => {
    const draft = internetDraft();
    companion.claims.attachReceipt(draft.id, 'kuitansi.pdf', pdfReceipt());
    companion.claims.submit(draft.id);
    const flushed = await companion.flush();
    expect(flushed.accepted).toBe(1);

    await companion.claims.refreshStatuses();
    expect(companion.claims.claim(draft.id).receivedByCentral).toBe(true);

    expect((await decide(draft.id, 'approve')).status).toBe(200);
    await companion.claims.refreshStatuses();
    expect(companion.claims.claim(draft.id).status).toBe('approved');

    expect((await decide(draft.id, 'pay')).status).toBe(200);
    await companion.claims.refreshStatuses();
    expect(companion.claims.claim(draft.id).status).toBe('paid');
  });

  it('shows a rejection with its reason', async () => {
    const draft = internetDraft();
    companion.claims.attachReceipt(draft.id, 'kuitansi.pdf', pdfReceipt());
    companion.claims.submit(draft.id);
    await companion.flush();
    await decide(draft.id, 'reject', 'Kuitansi tidak terbaca');
    await companion.claims.refreshStatuses();
    const claim = companion.claims.claim(draft.id);
    expect(claim.status).toBe('rejected');
    expect(claim.rejectionReason).toBe('Kuitansi tidak terbaca');
  });

  it('refuses a rejection without a reason', async () => {
    const draft = internetDraft();
    companion.claims.attachReceipt(draft.id, 'kuitansi.pdf', pdfReceipt());
    companion.claims.submit(draft.id);
    await companion.flush();
    expect((await decide(draft.id, 'reject')).status).toBe(400);
  });

  it('flags an undecided claim after the deadline', () => {
    const draft = internetDraft();
    companion.claims.attachReceipt(draft.id, 'kuitansi.pdf', pdfReceipt());
    companion.claims.submit(draft.id);
    clock = Date.parse('2026-04-10T16:59:00Z'); // 23:59 WIB on the deadline day
    expect(companion.claims.claim(draft.id).overdue).toBe(false);
    clock = Date.parse('2026-04-10T17:00:00Z'); // 00:00 WIB on 11 April
    expect(companion.claims.claim(draft.id).overdue).toBe(true);
  });

  it('gets 304 for unchanged statuses', async () => {
    const draft = internetDraft();
    companion.claims.attachReceipt(draft.id, 'kuitansi.pdf', pdfReceipt());
    companion.claims.submit(draft.id);
    await companion.flush();
    await decide(draft.id, 'approve');
    await companion.claims.refreshStatuses();
    clock += 60_000;
    await companion.claims.refreshStatuses();
    expect(statuses.slice(-2)).toEqual([200, 304]);
    expect(companion.claims.view().statusFetchedAt).toBe(clock);
    expect(companion.claims.claim(draft.id).status).toBe('approved');
  });

  it('delivers a claim above the batch bound alone', async () => {
    // Three receipts just under the 2 MiB limit make about 8 MiB of base64, far above the sender's
    // 512 KiB batch bound, so the claim goes in a batch of its own and the check-in in another.
    companion.checkIn('wfh');
    const draft = internetDraft();
    for (const padding of [1, 2, 3]) {
      companion.claims.attachReceipt(draft.id, `scan-${padding}.pdf`, pdfReceipt(2 * 1024 * 1024 - 1024 + padding));
    }
    companion.claims.submit(draft.id);
    const flushed = await companion.flush();
    expect(flushed.accepted).toBe(2);
    expect(flushed.rejected).toBe(0);
    await companion.claims.refreshStatuses();
    expect(companion.claims.claim(draft.id).receivedByCentral).toBe(true);
  });

  it('stores the receipts the server checked', async () => {
    const draft = internetDraft();
    const receipt = companion.claims.attachReceipt(draft.id, 'kuitansi.png', pngReceipt()).receipts[0]!;
    companion.claims.submit(draft.id);
    await companion.flush();
    const events = (await (await fetch(`${central.url}/admin/events`)).json()) as { events: { type: string; payload: { receipts: { sha256: string; contentBase64: string }[] } }[] };
    const claim = events.events.find((event) => event.type === 'claim.submitted')!;
    expect(claim.payload.receipts[0]!.sha256).toBe(receipt.sha256);
    expect(Buffer.from(claim.payload.receipts[0]!.contentBase64, 'base64').equals(pngReceipt())).toBe(true);
  });
});
