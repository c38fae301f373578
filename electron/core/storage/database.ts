import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { BACKUP_DIR, backupIfDue, restoreFromBackup, type RecoveryReport } from './backup';
import { migrate } from './migrate';
import { migrations } from './migrations';
import { describeNativeLoadError } from './native-binding';

export const DATABASE_FILE = 'companion.sqlite3';

export type Database = BetterSqlite3.Database;

/** Raised when the database cannot be used; the app stops taking actions instead of falling back to memory. */
export class StorageError extends Error {
  constructor(
    message: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/** Settings key of the last recovery from backup, so that the app can tell the user what was lost. */
export const RECOVERY_SETTING = 'storage.recovery';

/** The file failed its integrity check or is not a database at all. */
class CorruptDatabaseError extends Error {}

function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}

/** Opens the file, sets the pragmas and runs the integrity check; throws CorruptDatabaseError when the check fails. */
function openChecked(path: string, nativeBinding: string | undefined): Database {
  let db: Database;
  try {
    db = new BetterSqlite3(path, nativeBinding === undefined ? {} : { nativeBinding });
  } catch (error) {
    const advice =
      describeNativeLoadError(error) ?? 'Check that the folder exists and is writable, or choose another one with --data-dir.';
    throw new StorageError(`Cannot open the database at ${path}: ${(error as Error).message}. ${advice}`, path, { cause: error });
  }

  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');

    const problems = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    const report = problems.map((row) => row.integrity_check);
    if (report.length !== 1 || report[0] !== 'ok') throw new CorruptDatabaseError(report.slice(0, 3).join('; '));
    return db;
  } catch (error) {
    db.close();
    if (isCorruptionError(error)) throw new CorruptDatabaseError((error as Error).message);
    throw error;
  }
}

/**
 * Opens the companion's database in dataDir: WAL journal, full sync so that a confirmed action
 * survives a power cut, an integrity check, then the pending migrations, then a backup when the last
 * one is a day old. A database that fails the check is moved aside and the newest intact backup
 * restored. The report of what was lost is stored under RECOVERY_SETTING (see lastRecovery). Without
 * an intact backup the file stays where it is and this throws: there is no in-memory fallback.
 */
export function openDatabase(dataDir: string, options: { now?: () => number; nativeBinding?: string } = {}): Database {
  const path = join(dataDir, DATABASE_FILE);
  const now = options.now ?? Date.now;
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new StorageError(
      `Cannot open the database at ${path}: ${(error as Error).message}. ` +
        'Check that the folder exists and is writable, or choose another one with --data-dir.',
      path,
      { cause: error },
    );
  }

  let db: Database;
  let recovery: RecoveryReport | null = null;
  try {
    db = openChecked(path, options.nativeBinding);
  } catch (error) {
    if (!(error instanceof CorruptDatabaseError)) throw error;
    recovery = restoreFromBackup(dataDir, path, now());
    if (recovery === null) {
      throw new StorageError(
        `The database at ${path} failed its integrity check (${error.message}) and no intact backup exists in ` +
          `${join(dataDir, BACKUP_DIR)}. Move the file aside and start again; nothing was changed.`,
        path,
      );
    }
    db = openChecked(path, options.nativeBinding);
  }

  try {
    migrate(db, migrations);
    if (recovery) recordRecovery(db, recovery);
    backupIfDue(db, dataDir, now());
  } catch (error) {
    db.close();
    if (error instanceof StorageError) throw error;
    throw new StorageError(`Cannot prepare the database at ${path}: ${(error as Error).message}`, path, {
      cause: error,
    });
  }
  return db;
}

function recordRecovery(db: Database, recovery: RecoveryReport): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    RECOVERY_SETTING,
    JSON.stringify(recovery),
  );
}

/** Returns the last recovery from backup, for the app to show to the user. */
export function lastRecovery(db: Database): RecoveryReport | null {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(RECOVERY_SETTING) as string | undefined;
  return value === undefined ? null : (JSON.parse(value) as RecoveryReport);
}

/** Runs fn in a transaction that takes the write lock at BEGIN, so concurrent writers wait instead of failing with SQLITE_BUSY mid-transaction. */
export function writeTransaction<T>(db: Database, fn: () => T): T {
  return db.transaction(fn).immediate();
}
