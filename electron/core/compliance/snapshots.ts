// Stored compliance snapshots, one row per run in compliance_snapshots. Each row contains the whole
// snapshot as JSON, with id, created_at and overall copied into columns for queries.
import { complianceSnapshotSchema, type ComplianceSnapshot } from '../../../shared/domain';
import { CompanionError } from '../errors';
import type { Database } from '../storage/database';

// NOTE: rows are stored unsigned; a snapshot is signed with the device key when it is exported
// (signing/signed-snapshot.ts). An edit to the database before export is therefore not detected.
export class SnapshotRepository {
  constructor(private readonly db: Database) {}

  /** Validates and inserts the snapshot; throws on an invalid snapshot or an id that is already stored. */
  save(snapshot: ComplianceSnapshot): void {
    const valid = complianceSnapshotSchema.parse(snapshot);
    this.db
      .prepare('INSERT INTO compliance_snapshots (id, created_at, overall, snapshot_json) VALUES (?, ?, ?, ?)')
      .run(valid.id, valid.createdAt, valid.overall, JSON.stringify(valid));
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
