// SQL of the claims and their receipts.
import type { AllowanceType, ClaimStatus, Receipt, ReceiptMediaType } from '../../../shared/claims';
import type { Database } from '../storage/database';

export interface ClaimRecord {
  id: string;
  type: AllowanceType;
  period: string;
  amountRupiah: number;
  description: string;
  status: ClaimStatus;
  createdAt: number;
  updatedAt: number;
  submittedAt: number | null;
  decisionDeadline: string | null;
  receivedByCentral: boolean;
  rejectionReason: string | null;
  decidedAt: number | null;
  paidAt: number | null;
  receipts: Receipt[];
}

interface ClaimRow {
  id: string;
  type: AllowanceType;
  period: string;
  amount_rupiah: number;
  description: string;
  status: ClaimStatus;
  created_at: number;
  updated_at: number;
  submitted_at: number | null;
  decision_deadline: string | null;
  received_by_central: number;
  rejection_reason: string | null;
  decided_at: number | null;
  paid_at: number | null;
}

interface ReceiptRow {
  sha256: string;
  size_bytes: number;
  media_type: ReceiptMediaType;
  file_name: string;
}

/** The fields the central system decides; applied to a submitted claim by the status fetch. */
export interface CentralOutcome {
  status: 'submitted' | 'approved' | 'rejected' | 'paid';
  rejectionReason: string | null;
  decidedAt: number | null;
  paidAt: number | null;
}

export class ClaimRepository {
  constructor(private readonly db: Database) {}

  get(id: string): ClaimRecord | null {
    const row = this.db.prepare('SELECT * FROM claims WHERE id = ?').get(id) as ClaimRow | undefined;
    return row ? this.toRecord(row) : null;
  }

  /** Every claim, newest first. */
  list(): ClaimRecord[] {
    const rows = this.db.prepare('SELECT * FROM claims ORDER BY created_at DESC, id DESC').all() as ClaimRow[];
    return rows.map((row) => this.toRecord(row));
  }

  /** A claim other than `exceptId` that holds the type and period (submitted, approved or paid). */
  findLive(type: AllowanceType, period: string, exceptId: string | null): ClaimRecord | null {
    const row = this.db
      .prepare(
        `SELECT * FROM claims WHERE type = ? AND period = ? AND id IS NOT ? AND status IN ('submitted', 'approved', 'paid')
         ORDER BY created_at LIMIT 1`,
      )
      .get(type, period, exceptId) as ClaimRow | undefined;
    return row ? this.toRecord(row) : null;
  }

  insertDraft(draft: { id: string; type: AllowanceType; period: string; amountRupiah: number; description: string }, at: number): void {
    this.db
      .prepare(
        `INSERT INTO claims (id, type, period, amount_rupiah, description, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'draft', ?, ?)`,
      )
      .run(draft.id, draft.type, draft.period, draft.amountRupiah, draft.description, at, at);
  }

  updateDraft(draft: { id: string; type: AllowanceType; period: string; amountRupiah: number; description: string }, at: number): void {
    this.db
      .prepare(`UPDATE claims SET type = ?, period = ?, amount_rupiah = ?, description = ?, updated_at = ? WHERE id = ? AND status = 'draft'`)
      .run(draft.type, draft.period, draft.amountRupiah, draft.description, at, draft.id);
  }

  deleteDraft(id: string): boolean {
    this.db.prepare(`DELETE FROM claim_receipts WHERE claim_id = ? AND EXISTS (SELECT 1 FROM claims WHERE id = ? AND status = 'draft')`).run(id, id);
    return this.db.prepare(`DELETE FROM claims WHERE id = ? AND status = 'draft'`).run(id).changes > 0;
  }

  addReceipt(claimId: string, receipt: Receipt, at: number): void {
    this.db
      .prepare(
        `INSERT INTO claim_receipts (claim_id, sha256, size_bytes, media_type, file_name, added_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (claim_id, sha256) DO UPDATE SET file_name = excluded.file_name`,
      )
      .run(claimId, receipt.sha256, receipt.sizeBytes, receipt.mediaType, receipt.fileName, at);
    this.db.prepare('UPDATE claims SET updated_at = ? WHERE id = ?').run(at, claimId);
  }

  removeReceipt(claimId: string, sha256: string): boolean {
    return this.db.prepare('DELETE FROM claim_receipts WHERE claim_id = ? AND sha256 = ?').run(claimId, sha256).changes > 0;
  }

  markSubmitted(id: string, submittedAt: number, decisionDeadline: string | null): void {
    this.db
      .prepare(`UPDATE claims SET status = 'submitted', submitted_at = ?, decision_deadline = ?, updated_at = ? WHERE id = ? AND status = 'draft'`)
      .run(submittedAt, decisionDeadline, submittedAt, id);
  }

  /** Records what the central system reports for a submitted claim. */
  applyOutcome(id: string, outcome: CentralOutcome, at: number): void {
    this.db
      .prepare(
        `UPDATE claims SET status = ?, rejection_reason = ?, decided_at = ?, paid_at = ?, received_by_central = 1, updated_at = ?
         WHERE id = ? AND status != 'draft'`,
      )
      .run(outcome.status, outcome.rejectionReason, outcome.decidedAt, outcome.paidAt, at, id);
  }

  private toRecord(row: ClaimRow): ClaimRecord {
    const receipts = this.db
      .prepare('SELECT sha256, size_bytes, media_type, file_name FROM claim_receipts WHERE claim_id = ? ORDER BY added_at, sha256')
      .all(row.id) as ReceiptRow[];
    return {
      id: row.id,
      type: row.type,
      period: row.period,
      amountRupiah: row.amount_rupiah,
      description: row.description,
      status: row.status,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      submittedAt: row.submitted_at,
      decisionDeadline: row.decision_deadline,
      receivedByCentral: row.received_by_central === 1,
      rejectionReason: row.rejection_reason,
      decidedAt: row.decided_at,
      paidAt: row.paid_at,
      receipts: receipts.map((receipt) => ({
        sha256: receipt.sha256,
        sizeBytes: receipt.size_bytes,
        mediaType: receipt.media_type,
        fileName: receipt.file_name,
      })),
    };
  }
}
