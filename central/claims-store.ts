// Claim decisions and training records of the reference server. Claims themselves are the stored
// claim.submitted events; this file adds the administrator's decisions and the LMS's records.
import type BetterSqlite3 from 'better-sqlite3';
import type { CentralClaimStatus, TrainingRecord } from '../shared/central-api';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS claim_decisions (
    claim_id TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('approved', 'rejected', 'paid')),
    reason TEXT,
    decided_at INTEGER NOT NULL,
    paid_at INTEGER
  );

  CREATE TABLE IF NOT EXISTS training_records (
    device_id TEXT PRIMARY KEY REFERENCES devices (id),
    record_json TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );
`;

interface ClaimRow {
  claimId: string;
  deviceId: string;
  receivedAt: number;
  status: 'approved' | 'rejected' | 'paid' | null;
  reason: string | null;
  decidedAt: number | null;
  paidAt: number | null;
}

export interface StoredClaim extends CentralClaimStatus {
  deviceId: string;
}

export class ClaimsStore {
  constructor(private readonly db: BetterSqlite3.Database) {
    db.exec(SCHEMA);
  }

  private rows(where: string, parameter: string): StoredClaim[] {
    const rows = this.db
      .prepare(
        `SELECT json_extract(e.payload_json, '$.claimId') AS claimId, e.device_id AS deviceId, e.received_at AS receivedAt,
                d.status, d.reason, d.decided_at AS decidedAt, d.paid_at AS paidAt
         FROM events AS e
         LEFT JOIN claim_decisions AS d ON d.claim_id = json_extract(e.payload_json, '$.claimId')
         WHERE e.type = 'claim.submitted' AND ${where}
         ORDER BY e.receipt_order`,
      )
      .all(parameter) as ClaimRow[];
    return rows.map((row) => ({
      claimId: row.claimId,
      deviceId: row.deviceId,
      status: row.status ?? 'submitted',
      reason: row.reason,
      receivedAt: row.receivedAt,
      decidedAt: row.decidedAt,
      paidAt: row.paidAt,
    }));
  }

  /** The claims a device submitted, in the order they arrived, with their decisions. */
  claimsOf(deviceId: string): StoredClaim[] {
    return this.rows('e.device_id = ?', deviceId);
  }

  claim(claimId: string): StoredClaim | null {
    return this.rows(`json_extract(e.payload_json, '$.claimId') = ?`, claimId)[0] ?? null;
  }

  decide(claimId: string, status: 'approved' | 'rejected', reason: string | null, at: number): void {
    this.db
      .prepare(
        `INSERT INTO claim_decisions (claim_id, status, reason, decided_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (claim_id) DO UPDATE SET status = excluded.status, reason = excluded.reason, decided_at = excluded.decided_at`,
      )
      .run(claimId, status, reason, at);
  }

  markPaid(claimId: string, at: number): void {
    this.db.prepare(`UPDATE claim_decisions SET status = 'paid', paid_at = ? WHERE claim_id = ? AND status = 'approved'`).run(at, claimId);
  }

  trainingOf(deviceId: string): TrainingRecord {
    const row = this.db.prepare('SELECT record_json FROM training_records WHERE device_id = ?').get(deviceId) as { record_json: string } | undefined;
    return row ? (JSON.parse(row.record_json) as TrainingRecord) : { modules: [], certificates: [] };
  }

  setTraining(deviceId: string, record: TrainingRecord, at: number): void {
    this.db
      .prepare(
        `INSERT INTO training_records (device_id, record_json, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (device_id) DO UPDATE SET record_json = excluded.record_json, updated_at = excluded.updated_at`,
      )
      .run(deviceId, JSON.stringify(record), at);
  }
}
