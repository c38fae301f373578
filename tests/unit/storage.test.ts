import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase, StorageError, writeTransaction } from '../../electron/core/storage/database';
import { migrate } from '../../electron/core/storage/migrate';
import { migrations } from '../../electron/core/storage/migrations';

describe('openDatabase', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'asnc-storage-'));
  });

  afterEach(() => {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  });

  it('uses WAL and applies every migration', () => {
    const db = openDatabase(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['work_sessions', 'outbox_events', 'compliance_snapshots', 'enrollment', 'policy_profiles', 'settings']),
    );
    db.close();
  });

  it('reopens without reapplying migrations', () => {
    openDatabase(dir).close();
    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('rejects a database from a newer build', () => {
    openDatabase(dir).close();
    const raw = new BetterSqlite3(join(dir, DATABASE_FILE));
    raw.pragma(`user_version = ${migrations.length + 5}`);
    raw.close();

    expect(() => openDatabase(dir)).toThrow(StorageError);
    expect(() => openDatabase(dir)).toThrow(/newer than this build/);
  });

  it('rejects a file that is not a database', () => {
    writeFileSync(join(dir, DATABASE_FILE), 'this is not an SQLite database, just text '.repeat(200));
    expect(() => openDatabase(dir)).toThrow(StorageError);
  });

  it('names the path when the folder is not writable', () => {
    if (process.getuid?.() === 0) {
      // Root ignores folder permissions, so use a path below a regular file instead.
      const file = join(dir, 'file');
      writeFileSync(file, '');
      expect(() => openDatabase(join(file, 'data'))).toThrow(new RegExp(`${file}/data`));
      return;
    }
    chmodSync(dir, 0o500);
    expect(() => openDatabase(join(dir, 'data'))).toThrow(/--data-dir/);
  });

  it('rolls back a failed write transaction', () => {
    const db = openDatabase(dir);
    expect(() =>
      writeTransaction(db, () => {
        db.prepare("INSERT INTO settings (key, value) VALUES ('language', 'en')").run();
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(db.prepare('SELECT COUNT(*) AS count FROM settings').get()).toEqual({ count: 0 });
    db.close();
  });
});

describe('migrate', () => {
  it('rejects a gap in version numbers', () => {
    const db = new BetterSqlite3(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'skipped', sql: 'SELECT 1' }])).toThrow(/expected 1/);
    db.close();
  });
});
