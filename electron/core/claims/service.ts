// Allowance claims: drafts with receipts, the policy's rules, submission through the outbox and the
// decisions fetched back from the central system. Every refusal throws a CompanionError and leaves
// the draft as it was.
import { v7 as uuidv7 } from 'uuid';
import type { AllowanceType, Claim, ClaimsView } from '../../../shared/claims';
import { claimStatusesResponseSchema, type ClaimSubmittedPayload } from '../../../shared/central-api';
import type { z } from 'zod';
import { CentralError, type CentralClient } from '../central/client';
import type { Logger } from '../logger';
import type { Outbox } from '../outbox/outbox';
import type { WorkCalendar } from '../policy/calendar';
import type { Policy } from '../policy/schema';
import { writeTransaction, type Database } from '../storage/database';
import { dateKey } from '../worktime/zoned-time';
import { CentralResourceCache } from './central-cache';
import { addWorkingDays } from './deadline';
import { claimErrors } from './messages';
import { sniffReceipt } from './receipt-type';
import { ReceiptStore, sha256Hex } from './receipt-store';
import { ClaimRepository, type ClaimRecord } from './repository';

export const CLAIMS_STREAM = 'claims';

type ClaimStatuses = z.infer<typeof claimStatusesResponseSchema>;

export interface ClaimDraftInput {
  /** Absent for a new draft. */
  id?: string;
  type: AllowanceType;
  /** YYYY-MM for a monthly allowance, 'once' for the one-time one. */
  period: string;
  amountRupiah: number;
  description: string;
}

export interface ClaimServiceOptions {
  db: Database;
  dataDir: string;
  policy: () => Policy;
  calendar: () => WorkCalendar;
  outbox: Outbox;
  now: () => number;
  logger: Logger;
  /** Called after a claim was queued, so delivery can start. */
  onQueued: () => void;
  client: () => Promise<CentralClient | null>;
}

const MEDIA_NAMES: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

export class ClaimService {
  readonly repository: ClaimRepository;
  readonly receipts: ReceiptStore;
  private readonly cache: CentralResourceCache;

  constructor(private readonly options: ClaimServiceOptions) {
    this.repository = new ClaimRepository(options.db);
    this.receipts = new ReceiptStore(options.dataDir);
    this.cache = new CentralResourceCache(options.db, 'claims');
  }

  view(): ClaimsView {
    const policy = this.options.policy();
    const allowances = policy.allowances;
    return {
      claims: this.repository.list().map((record) => this.toClaim(record)),
      allowances: (Object.keys(allowances.types) as AllowanceType[]).map((type) => ({ type, ...allowances.types[type] })),
      approvalWorkingDays: allowances.approvalWorkingDays,
      receiptLimits: allowances.receipts,
      statusFetchedAt: this.cache.fetchedAt(),
      zone: policy.zone,
      today: this.today(),
    };
  }

  /** Creates a draft, or updates the fields of an existing one. */
  saveDraft(input: ClaimDraftInput): Claim {
    this.checkDraftFields(input);
    const now = this.options.now();
    const id = writeTransaction(this.options.db, () => {
      if (input.id === undefined) {
        const id = uuidv7();
        this.repository.insertDraft({ ...input, id }, now);
        return id;
      }
      this.requireDraft(input.id);
      this.repository.updateDraft({ ...input, id: input.id }, now);
      return input.id;
    });
    this.options.logger.info('Claim draft saved', { claimId: id, type: input.type, period: input.period });
    return this.claim(id);
  }

  deleteDraft(id: string): void {
    this.requireDraft(id);
    writeTransaction(this.options.db, () => this.repository.deleteDraft(id));
    this.options.logger.info('Claim draft deleted', { claimId: id });
  }

  /**
   * Checks a receipt by its content and size, stores it once by its SHA-256 and attaches it to the
   * draft. A refused file changes nothing.
   */
  attachReceipt(claimId: string, fileName: string, content: Buffer): Claim {
    const draft = this.requireDraft(claimId);
    const limits = this.options.policy().allowances.receipts;
    const name = fileName.trim() || 'receipt';

    if (content.length === 0) throw claimErrors.receiptEmpty(name);
    if (content.length > limits.maxBytes) throw claimErrors.receiptTooLarge(name, content.length, limits.maxBytes);
    const sniffed = sniffReceipt(content);
    const allowed = limits.mediaTypes.map((type) => MEDIA_NAMES[type]).join(', ');
    if (!sniffed.ok) throw claimErrors.receiptType(name, sniffed.detected, allowed);
    if (!limits.mediaTypes.includes(sniffed.mediaType)) {
      const detected = MEDIA_NAMES[sniffed.mediaType] ?? sniffed.mediaType;
      throw claimErrors.receiptType(name, { id: detected, en: detected }, allowed);
    }

    const sha256 = sha256Hex(content);
    const alreadyAttached = draft.receipts.some((receipt) => receipt.sha256 === sha256);
    if (!alreadyAttached && draft.receipts.length >= limits.maxPerClaim) throw claimErrors.tooManyReceipts(limits.maxPerClaim);
    this.receipts.put(content);

    writeTransaction(this.options.db, () => {
      this.repository.addReceipt(claimId, { sha256, sizeBytes: content.length, mediaType: sniffed.mediaType, fileName: name }, this.options.now());
    });
    this.options.logger.info('Receipt attached', { claimId, sha256, sizeBytes: content.length, mediaType: sniffed.mediaType });
    return this.claim(claimId);
  }

  removeReceipt(claimId: string, sha256: string): Claim {
    this.requireDraft(claimId);
    writeTransaction(this.options.db, () => this.repository.removeReceipt(claimId, sha256));
    return this.claim(claimId);
  }

  /**
   * Checks the draft against the policy's rules, then in one transaction marks it submitted and
   * queues the claim.submitted event with its receipts. A refusal keeps the draft unchanged.
   */
  submit(claimId: string): Claim {
    const draft = this.requireDraft(claimId);
    this.checkDraftFields(draft);
    if (draft.receipts.length === 0) throw claimErrors.noReceipt();
    const limits = this.options.policy().allowances.receipts;
    if (draft.receipts.length > limits.maxPerClaim) throw claimErrors.tooManyReceipts(limits.maxPerClaim);

    const receipts = draft.receipts.map((receipt) => {
      let content: Buffer;
      try {
        content = this.receipts.read(receipt.sha256);
      } catch (error) {
        this.options.logger.error('Receipt file unusable', { claimId, sha256: receipt.sha256, error: (error as Error).message });
        throw claimErrors.receiptMissing(receipt.sha256);
      }
      return { ...receipt, contentBase64: content.toString('base64') };
    });

    const submittedAt = this.options.now();
    const approvalDays = this.options.policy().allowances.approvalWorkingDays;
    const deadline = approvalDays === null ? null : addWorkingDays(this.options.calendar(), this.dayOf(submittedAt), approvalDays);
    const payload: ClaimSubmittedPayload = {
      claimId,
      allowanceType: draft.type,
      period: draft.period,
      amountRupiah: draft.amountRupiah,
      description: draft.description,
      submittedAt,
      receipts,
    };

    writeTransaction(this.options.db, () => {
      // Checked again inside the transaction, so two windows submitting at once cannot both pass.
      this.checkNotClaimed(draft);
      this.repository.markSubmitted(claimId, submittedAt, deadline);
      this.options.outbox.enqueue({ stream: CLAIMS_STREAM, type: 'claim.submitted', occurredAt: submittedAt, payload });
    });
    this.options.logger.info('Claim submitted', { claimId, type: draft.type, period: draft.period, receipts: receipts.length, deadline });
    this.options.onQueued();
    return this.claim(claimId);
  }

  /**
   * Fetches the decisions from the central system with the ETag of the last reply and records them.
   * Returns false when the device is not enrolled.
   */
  async refreshStatuses(): Promise<boolean> {
    const client = await this.options.client();
    if (client === null) return false;

    let reply: Awaited<ReturnType<typeof client.getConditional<ClaimStatuses>>>;
    try {
      reply = await client.getConditional('v1/claims', claimStatusesResponseSchema, this.cache.etag());
    } catch (error) {
      if (!(error instanceof CentralError)) throw error;
      this.options.logger.warn('Claim status fetch failed', { kind: error.kind, error: error.message });
      throw claimErrors.centralFailed({ id: 'Status klaim', en: 'Claim statuses' }, error.message);
    }
    const now = this.options.now();
    if (reply.status === 'unchanged') {
      this.cache.touch(now);
      return true;
    }

    writeTransaction(this.options.db, () => {
      for (const status of reply.body.claims) {
        this.repository.applyOutcome(
          status.claimId,
          { status: status.status, rejectionReason: status.reason, decidedAt: status.decidedAt, paidAt: status.paidAt },
          now,
        );
      }
      this.cache.store(reply.etag, reply.body, now);
    });
    this.options.logger.info('Claim statuses fetched', { claims: reply.body.claims.length });
    return true;
  }

  claim(id: string): Claim {
    const record = this.repository.get(id);
    if (record === null) throw claimErrors.notFound(id);
    return this.toClaim(record);
  }

  private toClaim(record: ClaimRecord): Claim {
    const undecided = record.status === 'submitted';
    const overdue = undecided && record.decisionDeadline !== null && this.today() > record.decisionDeadline;
    return {
      id: record.id,
      type: record.type,
      period: record.period as Claim['period'],
      amountRupiah: record.amountRupiah,
      description: record.description,
      status: record.status,
      receipts: record.receipts,
      createdAt: record.createdAt,
      submittedAt: record.submittedAt,
      receivedByCentral: record.receivedByCentral,
      decisionDeadline: record.decisionDeadline,
      overdue,
      rejectionReason: record.rejectionReason,
      decidedAt: record.decidedAt,
      paidAt: record.paidAt,
    };
  }

  private requireDraft(id: string): ClaimRecord {
    const record = this.repository.get(id);
    if (record === null) throw claimErrors.notFound(id);
    if (record.status !== 'draft') throw claimErrors.notDraft(id);
    return record;
  }

  /** Checks the policy's amount, period and type rules. The one-claim-per-period rule is checked at submission. */
  private checkDraftFields(input: Pick<ClaimDraftInput, 'type' | 'period' | 'amountRupiah'>): void {
    const allowances = this.options.policy().allowances;
    const allowance = allowances.types[input.type];
    if (allowance.amountRupiah === null) throw claimErrors.amountUnset(input.type);

    const isMonth = /^\d{4}-(0[1-9]|1[0-2])$/.test(input.period);
    if (allowance.frequency === 'once' ? input.period !== 'once' : !isMonth) {
      throw claimErrors.wrongPeriod(input.type, input.period, allowance.frequency);
    }
    const currentMonth = this.today().slice(0, 7);
    if (isMonth && (input.period < allowances.firstMonth || input.period > currentMonth)) {
      throw claimErrors.periodOutOfRange(input.period, allowances.firstMonth, currentMonth);
    }

    if (!Number.isSafeInteger(input.amountRupiah) || input.amountRupiah <= 0) throw claimErrors.amountInvalid(input.amountRupiah);
    if (input.amountRupiah > allowance.amountRupiah) throw claimErrors.amountOverLimit(input.type, input.amountRupiah, allowance.amountRupiah);
  }

  private checkNotClaimed(draft: ClaimRecord): void {
    const existing = this.repository.findLive(draft.type, draft.period, draft.id);
    if (existing === null) return;
    if (draft.period === 'once') throw claimErrors.onceAlreadyClaimed(draft.type, existing.id);
    throw claimErrors.monthAlreadyClaimed(draft.type, draft.period, existing.id);
  }

  private today(): string {
    return this.dayOf(this.options.now());
  }

  private dayOf(instant: number): string {
    return dateKey(instant, this.options.policy().zone);
  }
}
