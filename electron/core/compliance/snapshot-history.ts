// Reads the stored compliance snapshots for the Kepatuhan page, newest first, a page at a time. Rows
// are only read here; snapshots.ts writes them.
import { complianceSnapshotSchema, type ComplianceSnapshot } from '../../../shared/domain';
import type { SnapshotEntry, SnapshotPage } from '../../../shared/ipc-compliance';
import type { Database } from '../storage/database';

export const DEFAULT_HISTORY_LIMIT = 20;

interface SnapshotRow {
  id: string;
  created_at: number;
  snapshot_json: string;
}

/**
 * Lists up to `limit` snapshots older than `before` (the cursor of the previous page). Ties on
 * created_at are ordered by id, so paging never skips or repeats a row.
 */
export function listSnapshots(db: Database, options: { limit?: number; before?: { createdAt: number; id: string } } = {}): SnapshotPage {
  const limit = options.limit ?? DEFAULT_HISTORY_LIMIT;
  const before = options.before;
  // Reading one row more than the limit shows whether an older page exists.
  const rows = (
    before
      ? db
          .prepare(
            `SELECT id, created_at, snapshot_json FROM compliance_snapshots
             WHERE created_at < ? OR (created_at = ? AND id < ?)
             ORDER BY created_at DESC, id DESC LIMIT ?`,
          )
          .all(before.createdAt, before.createdAt, before.id, limit + 1)
      : db.prepare('SELECT id, created_at, snapshot_json FROM compliance_snapshots ORDER BY created_at DESC, id DESC LIMIT ?').all(limit + 1)
  ) as SnapshotRow[];

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toEntry),
    nextCursor: rows.length > limit && last ? { createdAt: last.created_at, id: last.id } : null,
  };
}

function toEntry(row: SnapshotRow): SnapshotEntry {
  const parsed = parseSnapshot(row.snapshot_json);
  if (!parsed.ok) {
    return {
      readable: false,
      id: row.id,
      createdAt: row.created_at,
      problem: {
        id: `Snapshot tersimpan ini tidak dapat dibaca (${parsed.problem}). Datanya tetap disimpan; jalankan pemeriksaan baru.`,
        en: `This stored snapshot cannot be read (${parsed.problem}). Its row is kept; run a new check.`,
      },
    };
  }

  const snapshot = parsed.snapshot;
  return {
    readable: true,
    id: snapshot.id,
    createdAt: snapshot.createdAt,
    policyId: snapshot.policyId,
    policyVersion: snapshot.policyVersion,
    overall: snapshot.overall,
    checks: snapshot.checks.map(({ check, verdict, summary }) => ({ check, verdict, summary })),
    attestations: snapshot.attestations ?? [],
  };
}

function parseSnapshot(json: string): { ok: true; snapshot: ComplianceSnapshot } | { ok: false; problem: string } {
  try {
    const result = complianceSnapshotSchema.safeParse(JSON.parse(json));
    if (result.success) return { ok: true, snapshot: result.data };
    return { ok: false, problem: result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ') };
  } catch (error) {
    return { ok: false, problem: `not JSON: ${(error as Error).message}` };
  }
}
