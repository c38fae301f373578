// Export of one stored snapshot as the signed file that `asn-companion snapshot export` writes: the
// same envelope and the same bytes. A row signed when it was stored is written with that signature,
// so an edit to the database since then fails verification. A row without one (stored before signing
// at store time, or while the key could not be read) is signed now with the device key. The Kepatuhan
// page offers the content as a download, so the core never writes the file itself.
import type { SnapshotExport } from '../../../shared/ipc-compliance';
import { CompanionError } from '../errors';
import type { SecretStore } from '../secrets/secret-store';
import type { DeviceSigningKey } from './signing/device-key';
import { signedSnapshotFile, signSnapshot, storedSignedSnapshot } from './signing/signed-snapshot';
import type { SnapshotRepository } from './snapshots';

export interface SnapshotExportSources {
  snapshots: SnapshotRepository;
  secrets: SecretStore;
  deviceSigningKey(): Promise<DeviceSigningKey>;
}

/** Builds the signed file of the stored snapshot `id`; throws CompanionError when no snapshot has that id. */
export async function exportSnapshot(sources: SnapshotExportSources, id: string): Promise<SnapshotExport> {
  const row = sources.snapshots.stored(id);
  if (row === null) throw snapshotNotFound(id);

  const temporaryKey = !sources.secrets.status.available;
  if (row.signature !== null) {
    const content = signedSnapshotFile(storedSignedSnapshot(row.stored, row.signature));
    return { fileName: snapshotFileName(row.snapshot.id), content, snapshotId: row.snapshot.id, keyId: row.signature.keyId, temporaryKey };
  }

  const key = await sources.deviceSigningKey();
  const content = signedSnapshotFile(signSnapshot(row.snapshot, key));
  return { fileName: snapshotFileName(row.snapshot.id), content, snapshotId: row.snapshot.id, keyId: key.keyId, temporaryKey };
}

/** Names the file "snapshot-<id>.json"; ids are UUIDs, and anything else is replaced so the name is safe on every file system. */
export function snapshotFileName(id: string): string {
  return `snapshot-${id.replace(/[^A-Za-z0-9-]/g, '_')}.json`;
}

export function snapshotNotFound(id: string): CompanionError {
  return new CompanionError('snapshot_not_found', {
    id: `Snapshot ${id} tidak ditemukan di perangkat ini. Muat ulang riwayat dan pilih snapshot lain.`,
    en: `Snapshot ${id} was not found on this device. Reload the history and choose another snapshot.`,
  });
}
