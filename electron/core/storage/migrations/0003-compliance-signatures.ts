import type { Migration } from '../migrate';

/** The device's signature of each snapshot, made when the snapshot is stored. */
export const complianceSignatures: Migration = {
  version: 3,
  name: 'compliance-signatures',
  sql: `
    -- The Ed25519 signature (JSON: algorithm, keyId, publicKey, value) over the canonical JSON of
    -- snapshot_json. NULL for rows stored before signing at store time, or while no device key could
    -- be read; those are signed when exported.
    ALTER TABLE compliance_snapshots ADD COLUMN signature_json TEXT;
  `,
};
