import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrate } from './migrate';
import { migrations } from './migrations';

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

/**
 * Opens the companion's database in dataDir: WAL journal, full sync so that a confirmed action
 * survives a power cut, an integrity check, then the pending migrations.
 */
export function openDatabase(dataDir: string): Database {
  const path = join(dataDir, DATABASE_FILE);

  let db: Database;
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    db = new BetterSqlite3(path);
  } catch (error) {
    throw new StorageError(
      `Cannot open the database at ${path}: ${(error as Error).message}. ` +
        'Check that the folder exists and is writable, or choose another one with --data-dir.',
      path,
      { cause: error },
    );
  }

  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');

    const problems = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    const report = problems.map((row) => row.integrity_check);
    if (report.length !== 1 || report[0] !== 'ok') {
      // TODO: move the corrupt file aside and restore the last backup, telling the user what was lost.
      throw new StorageError(
        `The database at ${path} failed its integrity check: ${report.slice(0, 3).join('; ')}. ` +
          'Move the file aside and start again; nothing was changed.',
        path,
      );
    }

    migrate(db, migrations);
  } catch (error) {
    db.close();
    if (error instanceof StorageError) throw error;
    throw new StorageError(`Cannot prepare the database at ${path}: ${(error as Error).message}`, path, {
      cause: error,
    });
  }
  return db;
}

/** Runs fn in a transaction that takes the write lock at BEGIN, so concurrent writers wait instead of failing with SQLITE_BUSY mid-transaction. */
export function writeTransaction<T>(db: Database, fn: () => T): T {
  return db.transaction(fn).immediate();
}
