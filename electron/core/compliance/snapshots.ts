// Stored compliance snapshots, one row per run in compliance_snapshots. Each row contains the whole
// snapshot as JSON, with id, created_at and overall copied into columns for queries, and the device's
// signature made when the row was stored (null for rows from before signing at store time).
import { snapshotSignatureSchema, type SnapshotSignature } from '../../../shared/central-api';
import { complianceSnapshotSchema, type ComplianceSnapshot } from '../../../shared/domain';
import { CompanionError } from '../errors';
import type { Database } from '../storage/database';

/** A stored row as the export needs it: the snapshot exactly as stored and its stored signature. */
export interface StoredSnapshot {
  snapshot: ComplianceSnapshot;
  /** The parsed snapshot_json without schema clean-up, so that an edit to the row stays visible. */
  stored: unknown;
  signature: SnapshotSignature | null;
}

interface SnapshotRow {
  id: string;
  snapshot_json: string;
  signature_json: string | null;
}

export class SnapshotRepository {
  constructor(private readonly db: Database) {}

  /** Validates and inserts the snapshot; throws on an invalid snapshot or an id that is already stored. */
  save(snapshot: ComplianceSnapshot, signature: SnapshotSignature | null = null): void {
    const valid = complianceSnapshotSchema.parse(snapshot);
    this.db
      .prepare('INSERT INTO compliance_snapshots (id, created_at, overall, snapshot_json, signature_json) VALUES (?, ?, ?, ?, ?)')
      .run(valid.id, valid.createdAt, valid.overall, JSON.stringify(valid), signature === null ? null : JSON.stringify(snapshotSignatureSchema.parse(signature)));
  }

  /** Returns the latest row (or the row with `id`) with its signature, or null; throws CompanionError when unreadable. */
  stored(id: string | null): StoredSnapshot | null {
    const row = (
      id === null
        ? this.db.prepare('SELECT id, snapshot_json, signature_json FROM compliance_snapshots ORDER BY created_at DESC, id DESC LIMIT 1').get()
        : this.db.prepare('SELECT id, snapshot_json, signature_json FROM compliance_snapshots WHERE id = ?').get(id)
    ) as SnapshotRow | undefined;
    if (!row) return null;

    return {
      snapshot: parseStoredSnapshot(row.id, row.snapshot_json),
      stored: JSON.parse(row.snapshot_json) as unknown,
      signature: parseStoredSignature(row.id, row.signature_json),
    };
  }

  /** Returns the most recent snapshot, or null when none is stored; throws CompanionError when the stored row is unreadable. */
  latest(): ComplianceSnapshot | null {
    const row = this.db
      .prepare('SELECT id, snapshot_json FROM compliance_snapshots ORDER BY created_at DESC, id DESC LIMIT 1')
      .get() as { id: string; snapshot_json: string } | undefined;
    if (!row) return null;

    return parseStoredSnapshot(row.id, row.snapshot_json);
  }

  /** Returns the snapshot with this id, or null when none is stored; throws CompanionError when the row is unreadable. */
  byId(id: string): ComplianceSnapshot | null {
    const row = this.db.prepare('SELECT id, snapshot_json FROM compliance_snapshots WHERE id = ?').get(id) as { id: string; snapshot_json: string } | undefined;
    if (!row) return null;

    return parseStoredSnapshot(row.id, row.snapshot_json);
  }
}

function parseStoredSignature(id: string, json: string | null): SnapshotSignature | null {
  if (json === null) return null;

  let parsed;
  try {
    parsed = snapshotSignatureSchema.safeParse(JSON.parse(json));
  } catch {
    parsed = null;
  }
  if (parsed?.success) return parsed.data;
  throw new CompanionError('snapshot_signature_unreadable', {
    id: `Tanda tangan hasil pemeriksaan tersimpan ${id} rusak. Jalankan pemeriksaan lagi untuk mendapat hasil bertanda tangan baru.`,
    en: `The stored signature of check result ${id} is damaged. Run the check again to get a newly signed result.`,
  });
}

function parseStoredSnapshot(id: string, json: string): ComplianceSnapshot {
  let problem: string;
  try {
    const parsed = complianceSnapshotSchema.safeParse(JSON.parse(json));
    if (parsed.success) return parsed.data;
    problem = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
  } catch (error) {
    problem = `not JSON (${(error as Error).message})`;
  }

  throw new CompanionError('snapshot_unreadable', {
    id: `Hasil pemeriksaan tersimpan ${id} tidak dapat dibaca (${problem}). Jalankan pemeriksaan lagi; data lama tetap disimpan.`,
    en: `The stored check result ${id} cannot be read (${problem}). Run the check again; the old row is kept.`,
  });
}
