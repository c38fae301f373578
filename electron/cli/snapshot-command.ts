// `asn-companion snapshot export [latest|ID] [--id ID] --out FILE` and `snapshot verify FILE
// [--public-key KEY]`. Export writes the stored snapshot with the signature the device made when it
// stored it. Verify needs only the file, so the helpdesk can run it on any machine, offline.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Language, LocalizedText } from '../../shared/domain';
import type { Companion } from '../core/companion';
import { exportSnapshot } from '../core/compliance/snapshot-export';
import { verifySignedSnapshotFile } from '../core/compliance/signing/signed-snapshot';

const EXIT_OK = 0;
const EXIT_INVALID = 1;
const EXIT_ERROR = 2;

export interface SnapshotCommandIo {
  stdout(line: string): void;
  stderr(line: string): void;
}

const texts = {
  id: {
    usage: 'Gunakan "snapshot export [latest|ID] --out BERKAS" atau "snapshot verify BERKAS".',
    missingOut: 'Opsi --out BERKAS wajib untuk "snapshot export".',
    missingFile: 'Sebutkan berkas yang akan diperiksa: "snapshot verify BERKAS".',
    noSnapshot: (which: string) => `Tidak ada snapshot ${which}. Jalankan "asn-companion check" lebih dulu.`,
    exported: (snapshotId: string, file: string, keyId: string) => `Snapshot ${snapshotId} diekspor ke ${file}, ditandatangani kunci perangkat ${keyId}.`,
    temporaryKey:
      'Peringatan: keychain tidak tersedia, jadi kunci tanda tangan hanya sementara dan tidak cocok dengan ekspor berikutnya. Aktifkan keyring sistem operasi.',
    unreadable: (file: string, reason: string) => `Berkas ${file} tidak dapat dibaca (${reason}). Periksa nama dan lokasi berkas.`,
    valid: (snapshotId: string, keyId: string) => `SAH: snapshot ${snapshotId} ditandatangani kunci ${keyId} dan tidak diubah sejak diekspor.`,
    invalid: (reason: string) => `TIDAK SAH: ${reason}.`,
  },
  en: {
    usage: 'Use "snapshot export [latest|ID] --out FILE" or "snapshot verify FILE".',
    missingOut: 'The "snapshot export" command requires --out FILE.',
    missingFile: 'Name the file to check: "snapshot verify FILE".',
    noSnapshot: (which: string) => `There is no snapshot ${which}. Run "asn-companion check" first.`,
    exported: (snapshotId: string, file: string, keyId: string) => `Snapshot ${snapshotId} exported to ${file}, signed with device key ${keyId}.`,
    temporaryKey:
      'Warning: no keychain is available, so the signing key is temporary and will not match later exports. Turn on the operating system keyring.',
    unreadable: (file: string, reason: string) => `The file ${file} cannot be read (${reason}). Check its name and location.`,
    valid: (snapshotId: string, keyId: string) => `VALID: snapshot ${snapshotId} is signed with key ${keyId} and unchanged since export.`,
    invalid: (reason: string) => `INVALID: ${reason}.`,
  },
} satisfies Record<Language, unknown>;

export interface SnapshotArguments {
  action: string | undefined;
  target: string | undefined;
  id: string | undefined;
  out: string | undefined;
  publicKey: string | undefined;
}

/** Runs `snapshot verify`; it opens no data folder and no keychain. */
export function verifySnapshotCommand(args: SnapshotArguments, language: Language, io: SnapshotCommandIo): number {
  const text = texts[language];
  if (!args.target) {
    io.stderr(text.missingFile);
    return EXIT_ERROR;
  }

  let content: string;
  try {
    content = readFileSync(args.target, 'utf8');
  } catch (error) {
    io.stderr(text.unreadable(args.target, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
    return EXIT_ERROR;
  }

  const result = verifySignedSnapshotFile(content, args.publicKey ?? null);
  if (!result.valid) {
    io.stderr(text.invalid(pick(result.reason, language)));
    return EXIT_INVALID;
  }
  io.stdout(text.valid(result.snapshotId, result.keyId));
  return EXIT_OK;
}

/** Runs `snapshot export`: signs the latest (or the named) snapshot and writes the file. */
export async function exportSnapshotCommand(args: SnapshotArguments, companion: Companion, language: Language, io: SnapshotCommandIo): Promise<number> {
  const text = texts[language];
  if (!args.out) {
    io.stderr(text.missingOut);
    return EXIT_ERROR;
  }

  const wanted = args.id ?? (args.target && args.target !== 'latest' ? args.target : null);
  const row = companion.snapshots.stored(wanted);
  if (row === null) {
    io.stderr(text.noSnapshot(wanted ?? (language === 'id' ? 'terakhir' : 'yet')));
    return EXIT_ERROR;
  }

  // The Kepatuhan page exports through the same function, so both write the same bytes.
  const file = await exportSnapshot(companion, row.snapshot.id);
  writeFileSync(args.out, file.content);
  io.stdout(text.exported(file.snapshotId, args.out, file.keyId));
  if (file.temporaryKey) io.stderr(text.temporaryKey);
  return EXIT_OK;
}

export function snapshotUsage(language: Language): string {
  return texts[language].usage;
}

function pick(text: LocalizedText, language: Language): string {
  return text[language];
}
