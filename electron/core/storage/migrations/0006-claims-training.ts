import type { Migration } from '../migrate';

/** Allowance claims with their receipts, and the training record last fetched from the central system. */
export const claimsTraining: Migration = {
  version: 6,
  name: 'claims-training',
  sql: `
    -- One claim: period is YYYY-MM for a monthly allowance and 'once' for a one-time one. Amounts are
    -- whole rupiah. Instants are UTC milliseconds; decision_deadline is a civil date in the policy zone.
    CREATE TABLE claims (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL CHECK (type IN ('internet', 'workspace-setup', 'electricity')),
      period TEXT NOT NULL,
      amount_rupiah INTEGER NOT NULL CHECK (amount_rupiah > 0),
      description TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'paid')),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      submitted_at INTEGER,
      decision_deadline TEXT,
      received_by_central INTEGER NOT NULL DEFAULT 0,
      rejection_reason TEXT,
      decided_at INTEGER,
      paid_at INTEGER
    );

    -- The database enforces the rules the service checks first: one live claim per type and period,
    -- which makes a one-time allowance claimable once. A rejected claim frees its period again.
    CREATE UNIQUE INDEX claims_one_per_period ON claims (type, period) WHERE status IN ('submitted', 'approved', 'paid');

    -- Receipts by the SHA-256 of their content; the bytes live once in <dataDir>/receipts.
    CREATE TABLE claim_receipts (
      claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
      sha256 TEXT NOT NULL,
      size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
      media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
      file_name TEXT NOT NULL,
      added_at INTEGER NOT NULL,
      PRIMARY KEY (claim_id, sha256)
    );

    -- Replies of the central system kept for conditional requests and offline display; one row per resource.
    CREATE TABLE central_resources (
      name TEXT PRIMARY KEY CHECK (name IN ('claims', 'training')),
      etag TEXT,
      body_json TEXT NOT NULL,
      fetched_at INTEGER NOT NULL
    );
  `,
};
