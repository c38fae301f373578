// Rotating backups of the companion database, and recovery from the newest one when the database
// fails its integrity check. A backup is a consistent copy made by SQLite itself (VACUUM INTO) while
// the database is open. A corrupt file is moved aside and never deleted, so IT support can inspect it.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { LocalizedText } from '../../../shared/domain';
import type { Database } from './database';

export const BACKUP_DIR = 'backups';
export const CORRUPT_DIR = 'corrupt';

/** Backups kept; the oldest goes when a new one is written. */
export const DEFAULT_BACKUPS_KEPT = 3;

/** A new backup is taken at start when the newest is older than this. */
export const BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;

const BACKUP_NAME = /^companion-(\d+)\.sqlite3$/;

export interface Backup {
  path: string;
  takenAt: number;
}

export interface RecoveryReport {
  /** Path of the corrupt file after the move. */
  movedTo: string;
  restoredFrom: string;
  backupTakenAt: number;
  /** Records in the corrupt file newer than the backup, when the corrupt file could still be read. */
  lost: { outboxEvents: number; workSessions: number } | null;
  text: LocalizedText;
}

/** Backups in dataDir, newest first. */
export function listBackups(dataDir: string): Backup[] {
  const dir = join(dataDir, BACKUP_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, match: BACKUP_NAME.exec(name) }))
    .filter((entry) => entry.match !== null)
    .map((entry) => ({ path: join(dir, entry.name), takenAt: Number(entry.match![1]) }))
    .sort((a, b) => b.takenAt - a.takenAt);
}

/** Writes a consistent copy of the open database and removes the oldest beyond `keep`; returns its path. */
export function backupDatabase(db: Database, dataDir: string, now: number, keep = DEFAULT_BACKUPS_KEPT): string {
  const dir = join(dataDir, BACKUP_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = join(dir, `companion-${now}.sqlite3`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });

  // VACUUM INTO writes a complete, compacted database; the rename makes a half-written copy invisible.
  db.prepare('VACUUM INTO ?').run(partial);
  renameSync(partial, target);

  for (const old of listBackups(dataDir).slice(keep)) rmSync(old.path, { force: true });
  return target;
}

/** Takes a backup when none is newer than BACKUP_INTERVAL_MS; returns its path, or null when none was due. */
export function backupIfDue(db: Database, dataDir: string, now: number): string | null {
  const newest = listBackups(dataDir)[0];
  if (newest && now - newest.takenAt < BACKUP_INTERVAL_MS) return null;
  return backupDatabase(db, dataDir, now);
}

/** True when the file opens and passes SQLite's integrity check. */
export function isIntact(path: string): boolean {
  try {
    const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    try {
      const rows = db.pragma('integrity_check') as { integrity_check: string }[];
      return rows.length === 1 && rows[0]?.integrity_check === 'ok';
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/** Counts the records in the corrupt file newer than the backup, if the file can still be read at all. */
function countNewer(path: string, since: number): RecoveryReport['lost'] {
  try {
    const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    try {
      const count = (sql: string) => (db.prepare(sql).pluck().get({ since }) as number | undefined) ?? 0;
      return {
        outboxEvents: count('SELECT COUNT(*) FROM outbox_events WHERE created_at > @since'),
        workSessions: count('SELECT COUNT(*) FROM work_sessions WHERE started_at > @since OR ended_at > @since'),
      };
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

function describeLoss(backupTakenAt: number, lost: RecoveryReport['lost'], movedTo: string): LocalizedText {
  const at = new Date(backupTakenAt).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const detailId = lost
    ? `${lost.workSessions} catatan kehadiran dan ${lost.outboxEvents} data antrean yang dibuat setelah itu hilang.`
    : 'Semua yang dicatat setelah itu hilang; berkas yang rusak tidak dapat dibaca untuk menghitungnya.';
  const detailEn = lost
    ? `${lost.workSessions} attendance records and ${lost.outboxEvents} queued items made after that are lost.`
    : 'Everything recorded after that is lost; the damaged file could not be read to count it.';
  return {
    id:
      `Basis data rusak dan dipulihkan dari cadangan ${at}. ${detailId} ` +
      `Berkas yang rusak disimpan di ${movedTo}. Periksa kehadiran hari ini dan catat ulang jika perlu.`,
    en:
      `The database was damaged and has been restored from the backup of ${at}. ${detailEn} ` +
      `The damaged file was kept at ${movedTo}. Check today's attendance and record it again if needed.`,
  };
}

/**
 * Moves the corrupt database (with its WAL and shared-memory files) to CORRUPT_DIR and puts a copy of
 * the newest intact backup in its place. Returns null, changing nothing, when no intact backup exists.
 */
export function restoreFromBackup(dataDir: string, databasePath: string, now: number): RecoveryReport | null {
  const backup = listBackups(dataDir).find((candidate) => isIntact(candidate.path));
  if (!backup) return null;

  const lost = countNewer(databasePath, backup.takenAt);
  const corruptDir = join(dataDir, CORRUPT_DIR);
  mkdirSync(corruptDir, { recursive: true, mode: 0o700 });
  const movedTo = join(corruptDir, `companion-${now}.sqlite3`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(databasePath + suffix)) renameSync(databasePath + suffix, movedTo + suffix);
  }
  copyFileSync(backup.path, databasePath);

  return { movedTo, restoredFrom: backup.path, backupTakenAt: backup.takenAt, lost, text: describeLoss(backup.takenAt, lost, movedTo) };
}
